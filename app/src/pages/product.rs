//! `/p/<slug>`: one approved listing: photos, variants with their own price and stock, the
//! shop, and more from it. Carries the tags search engines and link previews read.

use crate::components::listing_card::Card;
use crate::components::loaded::loaded;
use crate::components::reviews::{RatingLine, ReviewsSection};
use crate::domain::listing::options_label;
use crate::domain::media::{PhotoSize, photo_url};
use crate::domain::{Currency, Money};
use crate::i18n::{Key, Locale, use_i18n};
use crate::islands::add_to_cart::{BuyBox, BuyBoxData, BuyBoxText, VariantChoice};
use crate::islands::seed::Seeded;
use crate::server_fns::product::{ProductDetails, product_page};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn ProductRoute() -> impl IntoView {
    let params = use_params_map();
    let query = leptos_router::hooks::use_query_map();
    let page = Resource::new_blocking(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                query.read().get("reviews").unwrap_or_default(),
            )
        },
        |(slug, reviews)| product_page(slug, reviews),
    );
    loaded(page, |page| view! { <Product page /> })
}

/// schema.org Product data; `</` is escaped so no text can close the script element.
fn json_ld(page: &ProductDetails) -> String {
    let p = &page.product;
    let in_stock = p.stock > 0;
    serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.title,
        "description": p.description.chars().take(500).collect::<String>(),
        "sku": page.variants.first().map(|v| v.sku.clone()),
        "image": page.image,
        "category": p.category_en,
        "brand": { "@type": "Brand", "name": p.vendor_name },
        "offers": {
            "@type": "Offer",
            "url": page.canonical,
            "priceCurrency": p.currency,
            "price": p.price.to_string(),
            "availability": if in_stock { "https://schema.org/InStock" } else { "https://schema.org/OutOfStock" },
            "seller": { "@type": "Organization", "name": p.vendor_name },
        }
    })
    .to_string()
    .replace("</", "<\\/")
}

#[component]
fn Product(page: ProductDetails) -> impl IntoView {
    let i18n = use_i18n();
    let p = page.product.clone();
    let currency = Currency::parse(&p.currency).unwrap_or_default();
    let money = move |amount| Money::new(amount, currency).format();
    let summary: String = p.description.chars().take(160).collect();
    let category = match i18n.locale.get_untracked() {
        Locale::En => p.category_en.clone(),
        Locale::Sw => p.category_sw.clone(),
    };
    let query = leptos_router::hooks::use_query_map();
    let added = query.read_untracked().get("added").is_some();
    let choices: Vec<VariantChoice> = page
        .variants
        .iter()
        .map(|v| {
            let label = options_label(&v.options);
            VariantChoice {
                id: v.id,
                label: if label.is_empty() {
                    v.sku.clone()
                } else {
                    label
                },
                price: money(v.price.unwrap_or(p.price)),
                stock: if v.stock > 0 {
                    format!("{} {}", v.stock, i18n.t(Key::InStock))
                } else {
                    i18n.t(Key::OutOfStock).to_owned()
                },
            }
        })
        .collect();
    let json = json_ld(&page);
    let photos = page.photos.clone();
    let title = p.title.clone();
    view! {
        <Title text=p.title.clone() />
        <Meta name="description" content=summary.clone() />
        <Link rel="canonical" href=page.canonical.clone() />
        <Meta property="og:type" content="product" />
        <Meta property="og:title" content=p.title.clone() />
        <Meta property="og:description" content=summary />
        <Meta property="og:url" content=page.canonical.clone() />
        {page.image.clone().map(|img| view! { <Meta property="og:image" content=img /> })}
        <Script type_="application/ld+json">{json}</Script>
        <nav class="mb-3 text-sm text-stone-600">
            <a class="hover:underline" href=format!("/search?category={}", p.category_slug)>{category}</a>
        </nav>
        <div class="grid gap-6 md:grid-cols-2">
            <section aria-label=i18n.tr(Key::Photos)>
                {if photos.is_empty() {
                    view! { <div class="aspect-square w-full rounded-2xl bg-stone-100"></div> }.into_any()
                } else {
                    view! {
                        <ul class="flex snap-x snap-mandatory gap-2 overflow-x-auto" data-testid="gallery">
                            {photos.iter().enumerate().map(|(n, key)| view! {
                                <li class="w-full shrink-0 snap-center">
                                    <img
                                        src=photo_url(key, PhotoSize::Large)
                                        alt=format!("{} ({})", title, n + 1)
                                        loading=if n == 0 { "eager" } else { "lazy" }
                                        class="aspect-square w-full rounded-2xl bg-stone-100 object-contain"
                                    />
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section class="flex flex-col gap-3">
                <h1 class="text-2xl font-bold" data-testid="product-title">{p.title.clone()}</h1>
                <Seeded data=BuyBoxData { text: buy_box_text(i18n.locale.get_untracked()), variants: choices, price: money(p.price), added }>
                    <BuyBox />
                </Seeded>
                {p.compare_at_price.map(|was| view! { <p class="text-sm text-stone-500 line-through">{money(was)}</p> })}
                <SaveButton listing=p.id slug=p.slug.clone() saved=page.saved />
                <p class="text-sm text-stone-600">{i18n.tr(Key::DeliveryEstimate)}</p>
                <div class="prose-sm max-w-none" inner_html=page.description_html.clone()></div>
                <FeatureToggle id=p.id featured=p.featured />
                <a href=format!("/store/{}", p.vendor_slug) class="mt-2 flex items-center gap-3 rounded-2xl bg-white p-3 shadow-sm" data-testid="vendor-card">
                    <div class="w-12">
                        <crate::components::media::Thumb key=p.vendor_logo.clone() alt=p.vendor_name.clone() />
                    </div>
                    <div>
                        <p class="font-semibold">{p.vendor_name.clone()}</p>
                        <p class="text-sm text-stone-600"><RatingLine rating=p.vendor_rating /> " · " {p.vendor_town.clone()} ", " {p.vendor_county.clone()}</p>
                    </div>
                </a>
            </section>
        </div>
        <ReviewsSection reviews=page.reviews.clone() here=format!("/p/{}", p.slug) show_listing=false />
        {(!page.more_from_vendor.is_empty()).then(|| view! {
            <section class="mt-8">
                <h2 class="mb-3 text-xl font-bold">{i18n.tr(Key::MoreFromShop)}</h2>
                <ul class="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-6">
                    {page.more_from_vendor.clone().into_iter().map(|card| view! { <Card card /> }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// The heart: save the listing (alerts on a lower price or a restock) or unsave it. Logged out,
/// it leads to the login page and back.
#[component]
fn SaveButton(listing: uuid::Uuid, slug: String, saved: Option<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let here = format!("/p/{slug}");
    let style = "self-start rounded-lg border border-rose-300 px-3 py-1 text-sm text-rose-800";
    match saved {
        None => view! {
            <a class=style href=format!("/login?next={here}") data-testid="save-item">"♡ " {i18n.tr(Key::SaveItem)}</a>
        }
        .into_any(),
        Some(saved) => {
            let action = ServerAction::<crate::server_fns::wishlist::SetSaved>::new();
            view! {
                <ActionForm action>
                    <input type="hidden" name="listing_id" value=listing.to_string() />
                    <input type="hidden" name="save" value=(!saved).to_string() />
                    <input type="hidden" name="back_to" value=here />
                    <button type="submit" class=style data-testid="save-item" aria-pressed=saved.to_string()>
                        {if saved { "♥ " } else { "♡ " }}
                        {if saved { i18n.tr(Key::SavedItem) } else { i18n.tr(Key::SaveItem) }}
                    </button>
                </ActionForm>
            }
            .into_any()
        }
    }
}

/// For admins only: feature the listing on the home page, or stop featuring it.
#[component]
fn FeatureToggle(id: uuid::Uuid, featured: bool) -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::components::session::use_session();
    let action = ServerAction::<crate::server_fns::moderation::SetFeatured>::new();
    move || {
        let is_admin =
            matches!(session.user.get(), Some(Ok(Some(u))) if u.role == crate::domain::Role::Admin);
        is_admin.then(|| {
            view! {
                <ActionForm action>
                    <input type="hidden" name="listing_id" value=id.to_string() />
                    <input type="hidden" name="featured" value=(!featured).to_string() />
                    <button type="submit" class="rounded-lg border border-stone-300 px-3 py-1 text-sm">
                        {if featured { i18n.tr(Key::Unfeature) } else { i18n.tr(Key::FeatureOnHome) }}
                    </button>
                </ActionForm>
            }
        })
    }
}

/// The buying box's words in the reader's language.
fn buy_box_text(locale: Locale) -> BuyBoxText {
    let t = |key| locale.text(key).to_owned();
    BuyBoxText {
        variants: t(Key::Variants),
        quantity: t(Key::Quantity),
        add: t(Key::AddToCart),
        added: t(Key::AddedToCart),
        view_cart: t(Key::ViewCart),
        bad_quantity: format!(
            "{}: {}",
            t(Key::Quantity),
            locale.invalid(crate::domain::Invalid::OutOfRange)
        ),
        unavailable: t(Key::NotFoundTitle),
        failed: t(Key::ErrorBody),
    }
}

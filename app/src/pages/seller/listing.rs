//! `/seller/listings/new` and `/seller/listings/<id>`: the listing form, then (once it exists)
//! its photos, variants with their own SKU, price and stock, and archive/duplicate.

use crate::components::form::FieldErrorLine;
use crate::components::form::{
    Field, FormError, Select, SubmitButton, TextArea, UploadNotice, action_error,
};
use crate::components::labels::status_key;
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::domain::listing::options_label;
use crate::domain::listing::{ListingInput, MAX_PHOTOS};
use crate::domain::media::{PhotoSize, photo_url};
use crate::error::AppError;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::catalog::{CategoryChoice, category_choices};
use crate::server_fns::seller::{
    DeleteVariant, ListingAction, ListingEdit, RemovePhoto, SaveListing, SaveVariant,
    listing_for_edit,
};
use crate::server_fns::vendor::my_shop;
use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

#[component]
pub fn NewListingPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveListing>::new();
    let data = Resource::new_blocking(
        || (),
        |_| async move {
            let categories = category_choices().await?;
            let shop = my_shop().await?.ok_or(AppError::Forbidden)?;
            Ok::<_, AppError>((categories, shop.shop.county, shop.shop.town))
        },
    );
    view! {
        <Title text=i18n.tr(Key::NewListing) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::NewListing)}</h1>
        <SellerNav />
        {loaded(data, move |(categories, county, town)| {
            let input = ListingInput { county, town, currency: "KES".into(), ..Default::default() };
            view! {
                <section class="max-w-2xl rounded-2xl bg-white p-6 shadow-sm">
                    <ListingForm save id=None input categories />
                </section>
            }
        })}
    }
}

#[component]
pub fn EditListingPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveListing>::new();
    let variant = ServerAction::<SaveVariant>::new();
    let delete_variant = ServerAction::<DeleteVariant>::new();
    let remove_photo = ServerAction::<RemovePhoto>::new();
    let act = ServerAction::<ListingAction>::new();
    let id = crate::components::route::id_param();
    let data = Resource::new_blocking(
        move || {
            (
                id(),
                save.version().get(),
                variant.version().get(),
                delete_variant.version().get(),
                remove_photo.version().get(),
            )
        },
        |(id, ..)| async move {
            let id = id.ok_or(AppError::NotFound)?;
            Ok::<_, AppError>((listing_for_edit(id).await?, category_choices().await?))
        },
    );
    view! {
        <Title text=i18n.tr(Key::EditListing) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::EditListing)}</h1>
        <SellerNav />
        <UploadNotice />
        {loaded(data, move |(edit, categories)| {
            view! { <Editor edit categories save variant delete_variant remove_photo act /> }
        })}
    }
}

#[component]
fn Editor(
    edit: ListingEdit,
    categories: Vec<CategoryChoice>,
    save: ServerAction<SaveListing>,
    variant: ServerAction<SaveVariant>,
    delete_variant: ServerAction<DeleteVariant>,
    remove_photo: ServerAction<RemovePhoto>,
    act: ServerAction<ListingAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = edit.id;
    let variant_error = action_error(variant.into());
    let act_error = action_error(act.into());
    let photos_full = edit.photos.len() >= MAX_PHOTOS;
    let archived = edit.status == "archived";
    let public = (edit.status == "approved").then(|| format!("/p/{}", edit.slug));
    view! {
        <div class="grid gap-6 lg:grid-cols-[1fr_20rem]">
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <div class="mb-4 flex flex-wrap items-center gap-3">
                    <span class="rounded-full bg-stone-100 px-3 py-1 text-sm font-semibold" data-testid="listing-status">
                        {i18n.tr(status_key(&edit.status))}
                    </span>
                    {public.map(|href| view! { <a class="text-emerald-800 underline" href=href>{i18n.tr(Key::ViewInShop)}</a> })}
                </div>
                {edit.rejection_reason.clone().filter(|_| edit.status == "rejected").map(|r| view! {
                    <p class="mb-4 rounded-lg bg-red-50 p-3 text-red-900" data-testid="rejection-reason">{i18n.tr(Key::ReasonLabel)} ": " {r}</p>
                })}
                <ListingForm save id=Some(id) input=edit.input.clone() categories />
            </section>
            <aside class="flex flex-col gap-6">
                <section class="rounded-2xl bg-white p-4 shadow-sm">
                    <h2 class="mb-2 font-semibold">{i18n.tr(Key::Photos)} " (" {edit.photos.len()} "/" {MAX_PHOTOS} ")"</h2>
                    <ul class="grid grid-cols-3 gap-2" data-testid="photos">
                        {edit.photos.clone().into_iter().enumerate().map(|(n, key)| view! {
                            <li class="relative">
                                <img src=photo_url(&key, PhotoSize::Thumb) alt=format!("{} {}", i18n.t(Key::Photos), n + 1) class="aspect-square w-full rounded-lg object-cover" />
                                <ActionForm action=remove_photo>
                                    <input type="hidden" name="listing_id" value=id.to_string() />
                                    <input type="hidden" name="key" value=key />
                                    <button type="submit" class="mt-1 text-xs text-red-700 underline">{i18n.tr(Key::Remove)}</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                    {(!photos_full).then(|| view! {
                        <form method="post" action=format!("/seller/listings/{id}/photos") enctype="multipart/form-data" class="mt-3 flex flex-col gap-2">
                            <label class="text-sm font-medium">
                                {i18n.tr(Key::AddPhotos)}
                                <input type="file" name="file" multiple required accept="image/jpeg,image/png,image/webp" class="mt-1 block w-full text-sm" />
                            </label>
                            <p class="text-xs text-stone-500">{i18n.tr(Key::PhotoHint)}</p>
                            <button type="submit" class="self-start rounded-lg border border-emerald-700 px-3 py-1 font-semibold text-emerald-800">{i18n.tr(Key::Upload)}</button>
                        </form>
                    })}
                </section>
                <section class="rounded-2xl bg-white p-4 shadow-sm">
                    <FormError error=act_error />
                    <div class="flex flex-wrap gap-2">
                        <ActionForm action=act>
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="action" value=if archived { "restore" } else { "archive" } />
                            <button type="submit" class="rounded-lg border border-stone-300 px-3 py-1">
                                {if archived { i18n.tr(Key::Restore) } else { i18n.tr(Key::Archive) }}
                            </button>
                        </ActionForm>
                        <ActionForm action=act>
                            <input type="hidden" name="id" value=id.to_string() />
                            <input type="hidden" name="action" value="duplicate" />
                            <button type="submit" class="rounded-lg border border-stone-300 px-3 py-1">{i18n.tr(Key::Duplicate)}</button>
                        </ActionForm>
                    </div>
                </section>
            </aside>
        </div>
        <section class="mt-6 rounded-2xl bg-white p-6 shadow-sm">
            <h2 class="mb-1 text-lg font-semibold">{i18n.tr(Key::Variants)}</h2>
            <p class="mb-3 text-xs text-stone-500">{i18n.tr(Key::VariantHint)}</p>
            <FormError error=variant_error />
            <FieldErrorLine error=variant_error />
            <ul class="flex flex-col gap-2" data-testid="variants">
                {edit.variants.clone().into_iter().map(|v| {
                    let price = v.price.map(|p| p.to_string()).unwrap_or_default();
                    view! {
                        <li class="flex flex-wrap items-end gap-2">
                            <VariantForm action=variant listing_id=id variant_id=Some(v.id) sku=v.sku.clone() options=options_label(&v.options) price stock=v.stock.to_string() />
                            <ActionForm action=delete_variant>
                                <input type="hidden" name="listing_id" value=id.to_string() />
                                <input type="hidden" name="variant_id" value=v.id.to_string() />
                                <button type="submit" class="px-2 py-1 text-sm text-red-700 underline">{i18n.tr(Key::Remove)}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <h3 class="mt-4 mb-1 text-sm font-semibold">{i18n.tr(Key::AddVariant)}</h3>
            <div data-testid="add-variant">
                <VariantForm action=variant listing_id=id variant_id=None sku=String::new() options=String::new() price=String::new() stock="0".into() />
            </div>
        </section>
    }
}

#[component]
fn VariantForm(
    action: ServerAction<SaveVariant>,
    listing_id: Uuid,
    variant_id: Option<Uuid>,
    sku: String,
    options: String,
    price: String,
    stock: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let input = "rounded border border-stone-300 px-2 py-1 text-sm";
    view! {
        <ActionForm action attr:class="flex flex-wrap items-end gap-2">
            <input type="hidden" name="listing_id" value=listing_id.to_string() />
            <input type="hidden" name="variant_id" value=variant_id.map(|v| v.to_string()).unwrap_or_default() />
            <label class="flex flex-col text-xs">{i18n.tr(Key::Sku)}<input name="sku" value=sku required class=input /></label>
            <label class="flex flex-col text-xs">{i18n.tr(Key::Options)}<input name="options" value=options placeholder="Size: M, Colour: Red" class=input /></label>
            <label class="flex flex-col text-xs">{i18n.tr(Key::PriceOverride)}<input name="price" value=price inputmode="decimal" class=format!("{input} w-24") /></label>
            <label class="flex flex-col text-xs">{i18n.tr(Key::Stock)}<input name="stock" value=stock inputmode="numeric" class=format!("{input} w-20") /></label>
            <button type="submit" class="rounded-lg bg-emerald-700 px-3 py-1 text-sm font-semibold text-white">
                {if variant_id.is_some() { i18n.tr(Key::Save) } else { i18n.tr(Key::AddVariant) }}
            </button>
        </ActionForm>
    }
}

#[component]
fn ListingForm(
    save: ServerAction<SaveListing>,
    id: Option<Uuid>,
    input: ListingInput,
    categories: Vec<CategoryChoice>,
) -> impl IntoView {
    let error = action_error(save.into());
    let categories = std::iter::once((String::new(), "—".to_owned()))
        .chain(categories.into_iter().map(|c| (c.id.to_string(), c.label)))
        .collect::<Vec<_>>();
    let currencies = crate::domain::Currency::SELLABLE
        .into_iter()
        .map(|c| (c.code().to_owned(), c.code().to_owned()))
        .collect::<Vec<_>>();
    let is_new = id.is_none();
    view! {
        <ActionForm action=save attr:class="flex flex-col gap-4" attr:novalidate=true>
            <FormError error />
            <input type="hidden" name="id" value=id.map(|i| i.to_string()).unwrap_or_default() />
            <Field name="title" label=Key::Title value=input.title required=true error />
            <TextArea name="description" label=Key::Description hint=Key::DescriptionHint value=input.description rows=6 error />
            <Select name="category_id" label=Key::Category options=categories selected=input.category_id error />
            <Field name="tags" label=Key::Tags hint=Key::TagsHint value=input.tags error />
            <div class="grid grid-cols-3 gap-3">
                <Field name="price" label=Key::Price value=input.price required=true error />
                <Field name="compare_at_price" label=Key::CompareAtPrice value=input.compare_at_price error />
                <Select name="currency" label=Key::Currency options=currencies selected=input.currency error />
            </div>
            {is_new.then(|| view! {
                <div class="grid grid-cols-3 gap-3 rounded-xl bg-stone-50 p-3">
                    <Field name="sku" label=Key::Sku required=true error />
                    <Field name="options" label=Key::Options error />
                    <Field name="stock" label=Key::Stock value="0".to_owned() error />
                </div>
            })}
            <div class="grid grid-cols-4 gap-3">
                <Field name="weight_grams" label=Key::WeightGrams value=input.weight_grams error />
                <Field name="length_cm" label=Key::LengthCm value=input.length_cm error />
                <Field name="width_cm" label=Key::WidthCm value=input.width_cm error />
                <Field name="height_cm" label=Key::HeightCm value=input.height_cm error />
            </div>
            <div class="grid grid-cols-3 gap-3">
                <Field name="county" label=Key::County value=input.county required=true error />
                <Field name="town" label=Key::Town value=input.town required=true error />
                <Field name="low_stock_threshold" label=Key::LowStockThreshold value=input.low_stock_threshold error />
            </div>
            <SubmitButton label=if is_new { Key::SubmitForReview } else { Key::Save } pending=save.pending() />
        </ActionForm>
    }
}

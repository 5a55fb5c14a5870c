//! `/store/<slug>`: a verified shop's storefront: its logo, description, location and rating,
//! and its approved listings with the same filters and sorts as search.

use crate::components::loaded::loaded;
use crate::components::media::Thumb;
use crate::components::reviews::{RatingLine, ReviewsSection};
use crate::components::search_results::Results;
use crate::domain::search::RawSearch;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::product::store_page;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn StorePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let query = use_query_map();
    let page = Resource::new_blocking(
        move || {
            (
                params.read().get("slug").unwrap_or_default(),
                RawSearch::from_pairs(query.read().clone()),
                query.read().get("reviews").unwrap_or_default(),
            )
        },
        |(slug, raw, reviews)| store_page(slug, raw, reviews),
    );
    loaded(page, move |page| {
        let shop = page.shop;
        let base = format!("/store/{}", shop.slug);
        let summary: String = shop.description.chars().take(160).collect();
        view! {
            <Title text=shop.business_name.clone() />
            <Meta name="description" content=summary />
            <section class="mb-6 flex items-center gap-4 rounded-2xl bg-white p-4 shadow-sm" data-testid="store-header">
                <div class="w-20 shrink-0"><Thumb key=shop.logo_key.clone() alt=shop.business_name.clone() /></div>
                <div>
                    <h1 class="text-2xl font-bold">{shop.business_name.clone()}</h1>
                    <p class="text-sm text-stone-600"><RatingLine rating=shop.rating count=page.reviews.distribution.total() /> " · " {shop.town.clone()} ", " {shop.county.clone()}</p>
                    <p class="mt-1 whitespace-pre-line text-sm">{shop.description.clone()}</p>
                </div>
            </section>
            <h2 class="sr-only">{i18n.tr(Key::Search)}</h2>
            <Results results=page.results base=base.clone() />
            <ReviewsSection reviews=page.reviews here=base show_listing=true />
        }
    })
}

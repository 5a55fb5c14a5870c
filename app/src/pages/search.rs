//! Search results. The header's search box lands here as a plain GET, so it works before
//! (or without) JavaScript. Listings and ranking come with the catalog.

use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || {
        query
            .read()
            .get("q")
            .unwrap_or_default()
            .trim()
            .chars()
            .take(200)
            .collect::<String>()
    };
    view! {
        <Title text=i18n.tr(Key::Search) />
        <h1 class="text-2xl font-bold">
            {i18n.tr(Key::SearchResultsFor)} " “" <span data-testid="search-query">{q}</span> "”"
        </h1>
        <p class="mt-4 text-stone-600">{i18n.tr(Key::SearchEmpty)}</p>
    }
}

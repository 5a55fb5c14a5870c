//! Search and category browsing: one page over the search service. Everything is in the URL
//! (a GET form and plain links), so it works before and without JavaScript and can be shared.

use crate::components::search_results::Results;
use crate::domain::search::RawSearch;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::catalog::search_listings;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

fn raw_from(params: &ParamsMap) -> RawSearch {
    RawSearch::from_pairs(params.clone())
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let results = Resource::new_blocking(move || raw_from(&query.read()), search_listings);
    let q = move || query.read().get("q").unwrap_or_default();
    view! {
        <Title text=move || { if q().is_empty() { i18n.t(Key::Search).to_owned() } else { q() } } />
        <h1 class="text-2xl font-bold">
            {i18n.tr(Key::SearchResultsFor)} " “" <span data-testid="search-query">{q}</span> "”"
        </h1>
        <Suspense fallback=|| ()>
            {move || {
                results
                    .get()
                    .map(|r| match r {
                        Ok(results) => view! { <Results results base="/search".into() /> }.into_any(),
                        Err(e) => {
                            view! {
                                <p class="mt-4 rounded-lg bg-red-50 p-3 text-red-800" role="alert">
                                    {e.field().map(|f| format!("{f}: ")).unwrap_or_default()}
                                    {e.message(i18n.locale.get())}
                                </p>
                            }
                                .into_any()
                        }
                    })
            }}
        </Suspense>
    }
}

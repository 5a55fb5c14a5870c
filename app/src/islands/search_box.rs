//! The header's search box: a plain GET form to `/search`. In the browser it suggests words
//! from the catalog's vocabulary as the shopper types.

use super::seed::{Seed, seed};
use crate::server_fns::catalog::suggest;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the box shows: the query of the page, and its words in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchBoxText {
    pub q: String,
    pub label: String,
    pub placeholder: String,
}

impl Seed for SearchBoxText {
    const ID: &'static str = "search-box-seed";
}

#[island]
pub fn SearchBox() -> impl IntoView {
    let SearchBoxText {
        q,
        label,
        placeholder,
    } = seed();
    // Ask once typing pauses for 200 ms, and keep only the answer for what is still in the
    // box (effects run only in the browser, so rendering never waits for this).
    let typed = RwSignal::new(String::new());
    let suggestions = RwSignal::new(Vec::<String>::new());
    Effect::watch(
        move || typed.get(),
        move |text, _, _| {
            let text = text.clone();
            set_timeout(
                move || {
                    if typed.get_untracked() != text {
                        return;
                    }
                    leptos::task::spawn_local(async move {
                        if let Ok(found) = suggest(text.clone()).await
                            && typed.get_untracked() == text
                        {
                            suggestions.set(found);
                        }
                    });
                },
                std::time::Duration::from_millis(200),
            );
        },
        false,
    );
    view! {
        <form action="/search" method="get" role="search" class="order-last w-full sm:order-none sm:w-auto sm:flex-1 flex">
            <label for="site-search" class="sr-only">{label.clone()}</label>
            <input
                id="site-search"
                type="search"
                name="q"
                maxlength="200"
                value=q
                list="search-suggestions"
                autocomplete="off"
                on:input=move |ev| typed.set(event_target_value(&ev))
                placeholder=placeholder
                class="w-full min-w-0 rounded-l-lg bg-white px-3 py-2 text-stone-900"
            />
            <datalist id="search-suggestions">
                {move || suggestions.get().into_iter().map(|s| view! { <option value=s></option> }).collect_view()}
            </datalist>
            <button type="submit" class="rounded-r-lg bg-amber-400 px-4 py-2 font-semibold text-stone-900">
                {label}
            </button>
        </form>
    }
}

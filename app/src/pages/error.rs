//! What a page shows when rendering it failed.

use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ErrorPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    }
    let i18n = use_i18n();
    view! {
        <Title text=i18n.tr(Key::ErrorTitle) />
        <section class="mx-auto max-w-md py-12 text-center" role="alert">
            <h1 class="text-2xl font-bold">{i18n.tr(Key::ErrorTitle)}</h1>
            <p class="mt-2 text-stone-600">{i18n.tr(Key::ErrorBody)}</p>
            <a href="/" class="mt-6 inline-block rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white">
                {i18n.tr(Key::GoHome)}
            </a>
        </section>
    }
}

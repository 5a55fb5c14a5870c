//! The 404 page (the router's fallback, and any page whose object does not exist), with a real 404 status on the server-rendered response.

use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(http::StatusCode::NOT_FOUND);
    }
    let i18n = use_i18n();
    view! {
        <Title text=i18n.tr(Key::NotFoundTitle) />
        <section class="mx-auto max-w-md py-12 text-center">
            <p class="text-6xl font-extrabold text-emerald-800">"404"</p>
            <h1 class="mt-4 text-2xl font-bold">{i18n.tr(Key::NotFoundTitle)}</h1>
            <p class="mt-2 text-stone-600">{i18n.tr(Key::NotFoundBody)}</p>
            <A href="/" attr:class="mt-6 inline-block rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white">
                {i18n.tr(Key::GoHome)}
            </A>
        </section>
    }
}

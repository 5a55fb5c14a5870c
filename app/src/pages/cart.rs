//! The shopper's cart.

use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn CartPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.tr(Key::CartTitle) />
        <h1 class="text-2xl font-bold">{i18n.tr(Key::CartTitle)}</h1>
        <p class="mt-4 text-stone-600">{i18n.tr(Key::CartEmpty)}</p>
        <A href="/" attr:class="mt-4 inline-block text-emerald-800 underline">{i18n.tr(Key::ContinueShopping)}</A>
    }
}

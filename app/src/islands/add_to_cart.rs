//! The product page's buying box: pick a variant (the price follows it), a quantity, add to
//! the cart. Without JavaScript it is the same form, posted, and every variant lists its own
//! price; in the browser the cart fills without a page load and the header's count follows.

use crate::components::form::{FormError, action_error};
use crate::i18n::{Key, Locale};
use crate::server_fns::cart::AddToCart;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A variant as the buying box shows it (prices and stock already in words).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VariantChoice {
    pub id: Uuid,
    pub label: String,
    pub price: String,
    pub stock: String,
}

#[island]
pub fn BuyBox(
    locale: Locale,
    variants: Vec<VariantChoice>,
    /// The listing's price, shown until a variant with its own price is picked.
    price: String,
    /// The page was loaded after a plain-form add (`?added=1`).
    added: bool,
) -> impl IntoView {
    let i18n = super::provide_i18n(locale);
    let picked = RwSignal::new(0usize);
    let add = ServerAction::<AddToCart>::new();
    let error = action_error(add.into());
    let done = move || added || matches!(add.value().get(), Some(Ok(())));
    Effect::watch(
        move || add.version().get(),
        move |_, _, _| {
            if matches!(add.value().get_untracked(), Some(Ok(()))) {
                super::announce_cart_changed();
            }
        },
        false,
    );
    let shown_price = {
        let variants = variants.clone();
        move || {
            variants
                .get(picked.get())
                .map_or_else(|| price.clone(), |v| v.price.clone())
        }
    };
    view! {
        <p class="text-2xl font-bold text-emerald-800" data-testid="product-price">{shown_price}</p>
        <ActionForm action=add attr:class="flex flex-col gap-3">
            <fieldset class="flex flex-col gap-2" data-testid="variant-picker">
                <legend class="mb-1 text-sm font-semibold">{i18n.tr(Key::Variants)}</legend>
                {variants.into_iter().enumerate().map(|(n, v)| view! {
                    <label class="flex items-center gap-2 rounded-lg border border-stone-200 bg-white px-3 py-2">
                        <input type="radio" name="variant_id" value=v.id.to_string() checked=n == 0 on:change=move |_| picked.set(n) />
                        <span class="flex-1">{v.label}</span>
                        <span class="text-sm font-semibold">{v.price}</span>
                        <span class="text-xs text-stone-500">{v.stock}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <FormError error />
            <div class="flex items-end gap-2">
                <label class="flex flex-col text-sm">
                    {i18n.tr(Key::Quantity)}
                    <input name="quantity" type="number" min="1" max="99" value="1" class="w-20 rounded-lg border border-stone-300 px-2 py-2" />
                </label>
                <button type="submit" class="flex-1 rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white disabled:opacity-60" disabled=move || add.pending().get()>
                    {i18n.tr(Key::AddToCart)}
                </button>
            </div>
        </ActionForm>
        {move || done().then(|| view! {
            <p class="rounded-lg bg-emerald-50 p-3 text-emerald-900" role="status" data-testid="added-to-cart">
                {i18n.tr(Key::AddedToCart)} " " <a href="/cart" class="font-semibold underline">{i18n.tr(Key::ViewCart)}</a>
            </p>
        })}
    }
}

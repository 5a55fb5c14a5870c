//! The product page's buying box: pick a variant (the price follows it), a quantity, add to
//! the cart. Without JavaScript it is the same form, posted, and every variant lists its own
//! price; in the browser the cart fills without a page load and the header's count follows.

use super::seed::{Seed, seed};
use crate::error::AppError;
use crate::server_fns::cart::{AddToCart, add_to_cart};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
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

/// The box's words in the reader's language, written by the server (so the browser bundle
/// carries no dictionary).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuyBoxText {
    pub variants: String,
    pub quantity: String,
    pub add: String,
    pub added: String,
    pub view_cart: String,
    /// A quantity that is not a number from 1 to 99, or more than the stock.
    pub bad_quantity: String,
    /// The listing or variant is no longer for sale.
    pub unavailable: String,
    /// Anything else (the network, the server).
    pub failed: String,
}

/// Everything the box shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BuyBoxData {
    pub text: BuyBoxText,
    pub variants: Vec<VariantChoice>,
    /// The listing's price, shown until a variant with its own price is picked.
    pub price: String,
    /// The page was loaded after a plain-form add (`?added=1`).
    pub added: bool,
}

impl Seed for BuyBoxData {
    const ID: &'static str = "buy-box-seed";
}

#[island]
pub fn BuyBox() -> impl IntoView {
    let BuyBoxData {
        text,
        variants,
        price,
        added,
    } = seed();
    let picked = RwSignal::new(0usize);
    let quantity = RwSignal::new("1".to_owned());
    let pending = RwSignal::new(false);
    let outcome = RwSignal::new(added.then_some(Ok::<(), AppError>(())));
    let cart_units = super::cart_units();
    let ids: Vec<Uuid> = variants.iter().map(|v| v.id).collect();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let cart_units = cart_units.clone();
        let Some(&variant) = ids.get(picked.get_untracked()) else {
            return; // no variant: let the plain post report it
        };
        ev.prevent_default();
        pending.set(true);
        leptos::task::spawn_local(async move {
            let result = add_to_cart(variant, quantity.get_untracked()).await;
            if let Ok(units) = result {
                cart_units.set(Some(units));
            }
            outcome.set(Some(result.map(|_| ())));
            pending.set(false);
        });
    };
    let shown_price = {
        let variants = variants.clone();
        move || {
            variants
                .get(picked.get())
                .map_or_else(|| price.clone(), |v| v.price.clone())
        }
    };
    let BuyBoxText {
        variants: variants_label,
        quantity: quantity_label,
        add,
        added: added_text,
        view_cart,
        bad_quantity,
        unavailable,
        failed,
    } = text;
    let problem = move || match outcome.get() {
        Some(Err(AppError::Invalid { field, .. })) if field == "quantity" => {
            Some(bad_quantity.clone())
        }
        Some(Err(AppError::NotFound)) => Some(unavailable.clone()),
        Some(Err(_)) => Some(failed.clone()),
        _ => None,
    };
    view! {
        <p class="text-2xl font-bold text-emerald-800" data-testid="product-price">{shown_price}</p>
        <form action=AddToCart::PATH method="post" class="flex flex-col gap-3" on:submit=on_submit>
            <fieldset class="flex flex-col gap-2" data-testid="variant-picker">
                <legend class="mb-1 text-sm font-semibold">{variants_label}</legend>
                {variants.into_iter().enumerate().map(|(n, v)| view! {
                    <label class="flex items-center gap-2 rounded-lg border border-stone-200 bg-white px-3 py-2">
                        <input type="radio" name="variant_id" value=v.id.to_string() checked=n == 0 on:change=move |_| picked.set(n) />
                        <span class="flex-1">{v.label}</span>
                        <span class="text-sm font-semibold">{v.price}</span>
                        <span class="text-xs text-stone-500">{v.stock}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            {move || problem().map(|p| view! { <p class="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">{p}</p> })}
            <div class="flex items-end gap-2">
                <label class="flex flex-col text-sm">
                    {quantity_label}
                    <input
                        name="quantity"
                        type="number"
                        min="1"
                        max="99"
                        value="1"
                        on:input=move |ev| quantity.set(event_target_value(&ev))
                        class="w-20 rounded-lg border border-stone-300 px-2 py-2"
                    />
                </label>
                <button type="submit" class="flex-1 rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white disabled:opacity-60" disabled=move || pending.get()>
                    {add}
                </button>
            </div>
        </form>
        {move || matches!(outcome.get(), Some(Ok(()))).then(|| view! {
            <p class="rounded-lg bg-emerald-50 p-3 text-emerald-900" role="status" data-testid="added-to-cart">
                {added_text.clone()} " " <a href="/cart" class="font-semibold underline">{view_cart.clone()}</a>
            </p>
        })}
    }
}

//! The header's cart badge: the count the server rendered, then whatever the buy box reports
//! after adding to the cart.

use leptos::prelude::*;

#[island]
pub fn CartCount(units: i64) -> impl IntoView {
    let reported = super::cart_units();
    move || {
        let n = reported.get().unwrap_or(units);

        (n > 0).then(|| {
            view! {
                <span class="ml-1 rounded-full bg-amber-400 px-2 text-sm font-bold text-stone-900" data-testid="cart-count">
                    {n}
                </span>
            }
        })
    }
}

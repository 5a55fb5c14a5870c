//! The header's cart badge: the count the server rendered, then whatever the buy box reports
//! after adding to the cart.

use super::seed::{Seed, seed};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The units in the cart when the page was rendered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CartBadge {
    pub units: i64,
}

impl Seed for CartBadge {
    const ID: &'static str = "cart-count-seed";
}

#[island]
pub fn CartCount() -> impl IntoView {
    let CartBadge { units } = seed();
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

//! The header's cart badge. Rendered with the count the server knows; in the browser it
//! recounts when another island changes the cart.

use leptos::prelude::*;

#[island]
pub fn CartCount(units: i64) -> impl IntoView {
    let units = RwSignal::new(units);
    #[cfg(feature = "hydrate")]
    {
        let handle = window_event_listener_untyped(super::CART_CHANGED, move |_| {
            leptos::task::spawn_local(async move {
                if let Ok(n) = crate::server_fns::cart::cart_count().await {
                    units.set(n);
                }
            });
        });
        on_cleanup(move || handle.remove());
    }
    move || {
        let n = units.get();
        (n > 0).then(|| {
            view! {
                <span class="ml-1 rounded-full bg-amber-400 px-2 text-sm font-bold text-stone-900" data-testid="cart-count">
                    {n}
                </span>
            }
        })
    }
}

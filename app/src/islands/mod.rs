//! The parts of pages that need the browser. Everything else is rendered on the server only
//! and ships no code: pages, forms (plain posts that work without JavaScript), labels.
//!
//! An island takes no props: the page hands it a seed (`seed.rs`, which says why not props),
//! its words already in the reader's language, so the dictionary stays on the server. Inside an island, links and forms are plain `<a>`
//! and `<form>` (there is no client router).

pub mod add_to_cart;
pub mod cart_count;
pub mod follow_payment;
pub mod near_me;
pub mod search_box;
pub mod seed;

/// The units in the cart, shared by the islands of a page (they run in one WASM module): the
/// buy box sets it, the header's badge shows it. Reference-counted rather than owned by an
/// island, so it outlives whichever island made it. On the server every render gets its own:
/// nothing is shared between requests.
pub fn cart_units() -> leptos::prelude::ArcRwSignal<Option<i64>> {
    use leptos::prelude::ArcRwSignal;
    #[cfg(feature = "hydrate")]
    {
        thread_local! {
            static UNITS: ArcRwSignal<Option<i64>> = ArcRwSignal::new(None);
        }
        UNITS.with(Clone::clone)
    }
    #[cfg(not(feature = "hydrate"))]
    {
        ArcRwSignal::new(None)
    }
}

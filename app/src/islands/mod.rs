//! The parts of pages that need the browser. Everything else is rendered on the server only
//! and ships no code: pages, forms (plain posts that work without JavaScript), labels.
//!
//! An island gets what it needs as props (they travel in the page as JSON), its words already
//! in the reader's language: contexts provided by server components do not reach the browser,
//! and the dictionary stays on the server. Inside an island, links and forms are plain `<a>`
//! and `<form>` (there is no client router).

pub mod add_to_cart;
pub mod cart_count;
pub mod follow_payment;
pub mod near_me;
pub mod search_box;

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

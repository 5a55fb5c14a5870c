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
/// buy box sets it, the header's badge shows it.
pub fn cart_units() -> leptos::prelude::RwSignal<Option<i64>> {
    use leptos::prelude::RwSignal;
    thread_local! {
        static UNITS: RwSignal<Option<i64>> = RwSignal::new(None);
    }
    UNITS.with(|units| *units)
}

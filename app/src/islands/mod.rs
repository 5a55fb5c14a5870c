//! The parts of pages that need the browser. Everything else is rendered on the server only
//! and ships no code: pages, forms (plain posts that work without JavaScript), labels.
//!
//! An island gets what it needs as props (they travel in the page as JSON), including the
//! reader's language: contexts provided by server components do not reach the browser. Inside
//! an island, links and forms are plain `<a>` and `<form>` (there is no client router).

pub mod add_to_cart;
pub mod cart_count;
pub mod follow_payment;
pub mod near_me;
pub mod search_box;

use crate::i18n::{I18n, Locale};
use leptos::prelude::*;

/// The window event an island sends when the cart changed, so the header's count follows.
pub const CART_CHANGED: &str = "sokoni:cart-changed";

/// Makes `use_i18n` work inside an island, in the reader's language.
pub fn provide_i18n(locale: Locale) -> I18n {
    let i18n = I18n {
        locale: RwSignal::new(locale),
    };
    provide_context(i18n);
    i18n
}

/// Tells the other islands on the page that the cart changed.
pub fn announce_cart_changed() {
    #[cfg(feature = "hydrate")]
    if let Ok(event) = web_sys::Event::new(CART_CHANGED) {
        let _ = window().dispatch_event(&event);
    }
}

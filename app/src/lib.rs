//! Sokoni's Leptos application: pages, components and server functions, plus (under `ssr`)
//! the state, authentication and data access they run on. Pages render on the server only;
//! the browser bundle holds just the `islands` and the server functions they call.

#![recursion_limit = "512"]

pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod islands;
pub mod pages;
pub mod server_fns;
pub mod wire;

#[cfg(feature = "ssr")]
pub mod analytics;
#[cfg(feature = "ssr")]
pub mod audit;
#[cfg(feature = "ssr")]
pub mod auth;
#[cfg(feature = "ssr")]
pub mod catalog;
#[cfg(feature = "ssr")]
pub mod checkout;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod disputes;
#[cfg(feature = "ssr")]
pub mod fulfilment;
#[cfg(feature = "ssr")]
pub mod mail;
#[cfg(feature = "ssr")]
pub mod markdown;
#[cfg(feature = "ssr")]
pub mod media;
#[cfg(feature = "ssr")]
pub mod moderation;
#[cfg(feature = "ssr")]
pub mod mpesa;
#[cfg(feature = "ssr")]
pub mod notifications;
#[cfg(feature = "ssr")]
pub mod payments;
#[cfg(feature = "ssr")]
pub mod reviews;
#[cfg(feature = "ssr")]
pub mod settings;
#[cfg(feature = "ssr")]
pub mod sms;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod views;
#[cfg(feature = "ssr")]
pub mod wishlist;

mod root;
pub use root::{App, shell};

/// Entry point of the WASM bundle: hydrates the islands of the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
    // A marker for end-to-end tests (and curious developers) that the page is now interactive.
    // The loader hydrates the islands right after this returns, in the same task; the marker
    // waits for the next one, so it is set once every island is live.
    leptos::prelude::set_timeout(
        || {
            if let Some(body) = leptos::prelude::document().body() {
                let _ = body.set_attribute("data-hydrated", "true");
            }
        },
        std::time::Duration::ZERO,
    );
}

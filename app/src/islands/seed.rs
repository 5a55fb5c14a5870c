//! What an island needs from the server, and how it gets to the browser.
//!
//! Leptos would send an island's props as JSON in the page. Decoding JSON in the browser cost
//! a third of the shopper download budget: serde_json, a deserialiser per prop type and the
//! float formatting its errors pull in (106 KB brotli with JSON props and JSON server-function
//! answers; 72 KB with neither, release build). Server functions answer islands in postcard
//! (`wire::codec`), so an island's data travels the same way: the page wraps the island in
//! [`Seeded`], which writes the data into a `<template>` (postcard, base64) and provides it to
//! the island's server render; in the browser the island reads the template back.
//!
//! Islands therefore take no props. One island of a kind per page: the template is found by
//! the seed type's id.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Data a page hands to an island.
pub trait Seed: Serialize + DeserializeOwned + Clone + Send + Sync + 'static {
    /// The id of the `<template>` that carries it; unique in a page.
    const ID: &'static str;
}

/// Wraps an island, handing it `data` on the server and in the browser.
#[component]
pub fn Seeded<T: Seed>(data: T, children: Children) -> impl IntoView {
    let encoded = encode(&data);
    provide_context(data);
    view! {
        <template id=T::ID data-seed=encoded></template>
        {children()}
    }
}

/// The island's data: on the server from [`Seeded`]'s context, in the browser from its template.
/// A missing or unreadable seed is a bug in the page, not an input error.
pub fn seed<T: Seed>() -> T {
    #[cfg(feature = "hydrate")]
    {
        let text = document()
            .get_element_by_id(T::ID)
            .and_then(|el| el.get_attribute("data-seed"));
        text.as_deref()
            .and_then(decode)
            .unwrap_or_else(|| panic!("island seed #{} missing or unreadable", T::ID))
    }
    #[cfg(not(feature = "hydrate"))]
    {
        expect_context::<T>()
    }
}

fn encode<T: Seed>(data: &T) -> String {
    // Serialising plain structs of strings, numbers and ids cannot fail.
    STANDARD.encode(postcard::to_allocvec(data).expect("seed serialises"))
}

#[cfg_attr(not(any(feature = "hydrate", test)), allow(dead_code))]
fn decode<T: Seed>(text: &str) -> Option<T> {
    let bytes = STANDARD.decode(text).ok()?;
    postcard::from_bytes(&bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};
    use crate::domain::payment::PaymentStatus;
    use crate::islands::add_to_cart::{BuyBoxData, BuyBoxText, VariantChoice};
    use crate::islands::follow_payment::PaymentShown;
    use crate::islands::search_box::SearchBoxText;

    #[test]
    fn seeds_read_back_what_the_page_wrote() {
        let s = |t: &str| t.to_owned();
        let buy = BuyBoxData {
            text: BuyBoxText {
                variants: s("Chagua"),
                quantity: s("Idadi"),
                add: s("Weka kikapuni"),
                added: s("Imewekwa"),
                view_cart: s("Kikapu"),
                bad_quantity: s("Idadi: 1–99"),
                unavailable: s("Haipatikani"),
                failed: s("Hitilafu \"<>&"),
            },
            variants: vec![VariantChoice {
                id: uuid::Uuid::new_v4(),
                label: s("Red / XL"),
                price: s("KES 1,250.50"),
                stock: s("3 left"),
            }],
            price: s("KES 1,000"),
            added: true,
        };
        assert_eq!(decode(&encode(&buy)), Some(buy));
        let paid = PaymentShown {
            order: uuid::Uuid::new_v4(),
            status: Some(PaymentStatus::Pending),
        };
        assert_eq!(decode(&encode(&paid)), Some(paid));
        let search = SearchBoxText {
            q: s("viatu vya ngozi"),
            label: s("Tafuta"),
            placeholder: s(""),
        };
        assert_eq!(decode(&encode(&search)), Some(search));
    }

    #[test]
    fn an_unreadable_seed_is_none() {
        assert_eq!(decode::<SearchBoxText>("not base64!"), None);
        assert_eq!(decode::<SearchBoxText>("AQ=="), None);
    }
}

//! "Near me": asks the browser for the shopper's position and reloads the page with it (the
//! home page's shelf, the search page's location). Hidden until the page is interactive:
//! without JavaScript there is no way to ask (the search page offers a town picker instead).

use super::seed::{Seed, seed};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The button's words, in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NearMeText {
    pub label: String,
    /// The URL to load, ending in `?` or `&`: the position's `lat=…&lng=…` is appended.
    pub target: String,
}

impl Seed for NearMeText {
    const ID: &'static str = "near-me-seed";
}

#[island]
pub fn NearMeButton() -> impl IntoView {
    let NearMeText { label, target } = seed();
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let ask = move |_| {
        #[cfg(not(feature = "hydrate"))]
        let _ = &target;
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            use wasm_bindgen::closure::Closure;
            let target = target.clone();
            let Ok(geo) = window().navigator().geolocation() else {
                return;
            };
            let found = Closure::once_into_js(move |pos: web_sys::Position| {
                let c = pos.coords();
                let _ = window().location().set_href(&format!(
                    "{target}lat={}&lng={}",
                    four_places(c.latitude()),
                    four_places(c.longitude())
                ));
            });
            let _ = geo.get_current_position(found.unchecked_ref());
        }
    };
    view! {
        <button
            type="button"
            on:click=ask
            class:hidden=move || !hydrated.get()
            class="mt-6 rounded-lg border border-emerald-700 px-4 py-2 font-semibold text-emerald-800"
        >
            {label}
        </button>
    }
}

/// A coordinate to four decimal places (about 11 m), written with integer formatting only:
/// float formatting would add some 15 KB to the browser bundle.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
fn four_places(degrees: f64) -> String {
    let units = (degrees * 10_000.0).round() as i64;
    let sign = if units < 0 { "-" } else { "" };
    let units = units.unsigned_abs();
    format!("{sign}{}.{:04}", units / 10_000, units % 10_000)
}

#[cfg(test)]
mod tests {
    use super::four_places;

    #[test]
    fn coordinates_keep_four_places_and_their_sign() {
        assert_eq!(four_places(-1.28638), "-1.2864");
        assert_eq!(four_places(36.8172), "36.8172");
        assert_eq!(four_places(-0.00004), "0.0000");
        assert_eq!(four_places(0.5), "0.5000");
    }
}

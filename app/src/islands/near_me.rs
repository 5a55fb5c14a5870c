//! "Show shops near me": asks the browser for the shopper's position and reloads the home page
//! with it. Hidden until the page is interactive: without JavaScript there is no way to ask.

use crate::i18n::{Key, Locale};
use leptos::prelude::*;

#[island]
pub fn NearMeButton(locale: Locale) -> impl IntoView {
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let ask = move |_| {
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            use wasm_bindgen::closure::Closure;
            let Ok(geo) = window().navigator().geolocation() else {
                return;
            };
            let found = Closure::once_into_js(move |pos: web_sys::Position| {
                let c = pos.coords();
                let _ = window().location().set_href(&format!(
                    "/?lat={:.4}&lng={:.4}",
                    c.latitude(),
                    c.longitude()
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
            {locale.text(Key::ShowNearMe)}
        </button>
    }
}

//! Pictures of listings and shops, served from `/media` with long cache headers.

use crate::domain::media::{PhotoSize, photo_url};
use leptos::prelude::*;

/// A square thumbnail, or a plain tile when the listing has no photo yet.
#[component]
pub fn Thumb(key: Option<String>, alt: String) -> impl IntoView {
    match key {
        Some(key) => view! {
            <img
                src=photo_url(&key, PhotoSize::Thumb)
                alt=alt
                loading="lazy"
                decoding="async"
                width="400"
                height="400"
                class="aspect-square w-full rounded-xl bg-stone-100 object-cover"
            />
        }
        .into_any(),
        None => view! { <div class="aspect-square w-full rounded-xl bg-stone-100" aria-hidden="true"></div> }.into_any(),
    }
}

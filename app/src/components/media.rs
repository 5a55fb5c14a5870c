//! Pictures of listings and shops, served from `/media` with long cache headers.

use leptos::prelude::*;

/// The URL of a stored photo in one of its sizes (`thumb`, `large`).
pub fn photo_url(key: &str, size: &str) -> String {
    format!("/media/{key}-{size}.jpg")
}

/// A square thumbnail, or a plain tile when the listing has no photo yet.
#[component]
pub fn Thumb(key: Option<String>, alt: String) -> impl IntoView {
    match key {
        Some(key) => view! {
            <img
                src=photo_url(&key, "thumb")
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

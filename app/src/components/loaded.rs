//! One way for pages to show server data: wait for it (pages render with SsrMode::Async, so the
//! HTML is complete), then show it, or show the error with the matching HTTP status.

use crate::components::not_found::NotFound;
use crate::error::AppError;
use crate::i18n::use_i18n;
use leptos::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Renders `show(value)` once `resource` has loaded, or the error.
pub fn loaded<T, V>(
    resource: Resource<Result<T, AppError>>,
    show: impl Fn(T) -> V + Send + Sync + 'static,
) -> impl IntoView
where
    T: Clone + Send + Sync + Serialize + DeserializeOwned + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                resource
                    .get()
                    .map(|r| match r {
                        Ok(value) => show(value).into_any(),
                        Err(error) => view! { <ErrorNotice error /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

/// An error in place of a page's content; a missing thing gets the full 404 page.
#[component]
pub fn ErrorNotice(error: AppError) -> impl IntoView {
    if error == AppError::NotFound {
        return view! { <NotFound /> }.into_any();
    }
    #[cfg(feature = "ssr")]
    if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
        res.set_status(
            http::StatusCode::from_u16(error.status())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    let i18n = use_i18n();
    view! {
        <p class="mt-4 rounded-lg border border-red-200 bg-red-50 p-3 text-red-800" role="alert">
            {error.message(i18n.locale.get_untracked())}
        </p>
    }
    .into_any()
}

//! Reading a page's route parameters.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use uuid::Uuid;

/// The page's `:id` route parameter as a UUID (`None` when it is not one, which the page's
/// server function then answers as not found).
pub fn id_param() -> impl Fn() -> Option<Uuid> + Copy + Send + Sync + 'static {
    let params = use_params_map();
    move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    }
}

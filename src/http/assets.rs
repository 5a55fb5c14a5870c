//! Cache headers for the site's bundles. With `hash-files` every file under `/pkg` is named by
//! its content, so a browser (and the service worker) may keep it for good: a new release has
//! new names. Without hashing the names stay across releases and browsers must ask again.

use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::Response;

const FOREVER: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const ASK_AGAIN: HeaderValue = HeaderValue::from_static("no-cache");

pub async fn cache_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let options = &state.leptos_options;
    let bundle = req
        .uri()
        .path()
        .strip_prefix('/')
        .and_then(|p| p.strip_prefix(&*options.site_pkg_dir))
        .is_some_and(|rest| rest.starts_with('/'));
    let mut res = next.run(req).await;
    if bundle && res.status().is_success() {
        let value = if options.hash_files {
            FOREVER
        } else {
            ASK_AGAIN
        };
        res.headers_mut().insert(header::CACHE_CONTROL, value);
    }
    res
}

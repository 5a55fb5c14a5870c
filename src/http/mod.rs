//! The HTTP surface: Leptos pages and server functions, static files, health probes, and the
//! middleware every request passes (sessions, CSRF origin check, area guard, compression).

mod analytics;
mod assets;
mod audit;
mod disputes;
mod guard;
mod headers;
mod health;
mod media;
mod mpesa;
pub mod origin;
mod reviews;
mod seo;
mod uploads;

use app::state::AppState;
use app::{App, shell};
use axum::Router;
use axum::body::Body;
use axum::extract::DefaultBodyLimit;
use axum::extract::{Request, State};
use axum::handler::Handler;
use axum::http::StatusCode;
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};
use time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};
use tower_sessions_sqlx_store::PostgresStore;

/// Ten photos at the per-file limit, plus the form's own bytes.
const UPLOAD_BODY_LIMIT: usize =
    (app::domain::listing::MAX_PHOTOS * app::media::process::MAX_UPLOAD_MB + 1) * 1024 * 1024;

const ONE_FILE_BODY_LIMIT: usize = (app::media::process::MAX_UPLOAD_MB + 1) * 1024 * 1024;

/// A dispute's or a review's photos (three at most) at the per-file limit, plus its words.
const THREE_PHOTOS_BODY_LIMIT: usize = (3 * app::media::process::MAX_UPLOAD_MB + 1) * 1024 * 1024;
const _: () = assert!(app::disputes::MAX_PHOTOS <= 3 && app::reviews::MAX_PHOTOS <= 3);

pub fn router(state: AppState) -> Router {
    let context = {
        let state = state.clone();
        move || provide_context(state.clone())
    };
    let sessions = SessionManagerLayer::new(PostgresStore::new(state.pool.clone()))
        .with_name("sokoni.sid")
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.settings.secure_cookies())
        .with_expiry(Expiry::OnInactivity(Duration::days(
            state.settings.auth.session_idle_days,
        )));

    Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .route("/robots.txt", get(seo::robots))
        .route("/sitemap.xml", get(seo::index))
        .route("/sitemaps/{file}", get(seo::part))
        .route("/media/{file}", get(media::photo))
        .route(
            "/mpesa/{token}/stk",
            post(mpesa::stk).layer(DefaultBodyLimit::max(mpesa::BODY_LIMIT)),
        )
        .route(
            "/mpesa/{token}/b2c/{kind}",
            post(mpesa::b2c).layer(DefaultBodyLimit::max(mpesa::BODY_LIMIT)),
        )
        .route("/admin/documents/{id}", get(media::document))
        .route("/admin/audit.csv", get(audit::export))
        .route("/admin/analytics.csv", get(analytics::export))
        .route(
            "/sell/logo",
            post(uploads::shop_logo).layer(DefaultBodyLimit::max(ONE_FILE_BODY_LIMIT)),
        )
        .route(
            "/sell/documents",
            post(uploads::shop_document).layer(DefaultBodyLimit::max(ONE_FILE_BODY_LIMIT)),
        )
        .route(
            "/account/disputes",
            post(disputes::open).layer(DefaultBodyLimit::max(THREE_PHOTOS_BODY_LIMIT)),
        )
        .route(
            "/account/reviews",
            post(reviews::write).layer(DefaultBodyLimit::max(THREE_PHOTOS_BODY_LIMIT)),
        )
        .route("/seller/listings.csv", get(uploads::export_csv))
        .route(
            "/seller/import",
            post(uploads::import_csv).layer(DefaultBodyLimit::max(ONE_FILE_BODY_LIMIT)),
        )
        .route(
            "/seller/listings/{id}/photos",
            post(uploads::listing_photos).layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT)),
        )
        .route(
            "/api/{*fn_name}",
            get(server_fn_handler).post(server_fn_handler),
        )
        .leptos_routes_with_context(&state, routes(), context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        // The site's files (bundles, icons, the offline page), precompressed where the build
        // made a `.br`/`.gz` twin, then the 404 page for any other path. Files are served here
        // rather than by the framework's file-and-error handler: that one reads response options
        // from whatever reactive owner its thread last ran, so a file served while a page
        // rendered took the page's headers (its nonce policy), and the browser then blocked the
        // page's inline scripts and it never hydrated (`tests/it/assets.rs`).
        .fallback_service(
            ServeDir::new(&*state.leptos_options.site_root)
                .precompressed_br()
                .precompressed_gzip()
                // Any other method on a path that is not a file is a 404 page too, as before.
                .call_fallback_on_method_not_allowed(true)
                .fallback(
                    leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, shell)
                        .with_state(state.clone()),
                ),
        )
        .layer(middleware::from_fn(server_fn_error_status))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            guard::area_guard,
        ))
        .layer(sessions)
        .layer(middleware::from_fn_with_state(
            state.clone(),
            origin::require_same_origin,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            assets::cache_headers,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            headers::security_headers,
        ))
        // Responses compressed on the fly (pages, server-function answers; in development
        // also the bundles) at brotli/gzip level 4: the default is brotli's maximum, 11, which
        // took seconds per page in debug builds and tens of seconds for the debug bundle. The
        // release bundles are precompressed at 11 by the build and sent as they are.
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(4)))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// The app's routes, generated once per process. Generating them sets a process-wide flag
/// under which any resource first polled meanwhile never resolves (leptos-rs/leptos#4773); a
/// second server built while another one renders — as the tests do — must not generate again.
fn routes() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

async fn server_fn_handler(State(state): State<AppState>, req: Request<Body>) -> impl IntoResponse {
    handle_server_fns_with_context(move || provide_context(state.clone()), req).await
}

/// A server function whose input could not be read never runs its body, so nothing set the
/// status: the framework answers 500. The error itself says whose fault it was (an unreadable
/// form is a 400), so its status is used. (A layer, because `leptos_routes` routes each
/// server function itself.)
async fn server_fn_error_status(req: Request, next: middleware::Next) -> Response {
    use app::error::AppError;
    use leptos::server_fn::error::FromServerFnError;
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR
        || !res.headers().contains_key("serverfnerror")
    {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let status = AppError::de(bytes.clone()).status();
    parts.status = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    Response::from_parts(parts, Body::from(bytes))
}

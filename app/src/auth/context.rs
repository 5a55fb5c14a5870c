//! What a server function knows about the request it serves: the shared state, the session,
//! the user behind it, their address and language. Authorisation starts here and nowhere else.

use crate::db::users::UserRow;
use crate::domain::role::Area;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::state::AppState;
use axum::extract::ConnectInfo;
use http::request::Parts;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;
use std::net::SocketAddr;
use tower_sessions::Session;

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or_else(|| {
        if use_context::<Parts>().is_none() {
            // Outside a request: the route list is made at start-up by rendering the app once
            // with no state. Its data is never served, so this is no fault to log.
            AppError::Internal
        } else {
            AppError::internal("AppState missing from the server-function context")
        }
    })
}

fn parts() -> Result<Parts, AppError> {
    use_context::<Parts>()
        .ok_or_else(|| AppError::internal("request parts missing from the context"))
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>()
        .await
        .map_err(|e| AppError::internal(format!("no session layer on this request: {e}")))
}

/// The logged-in, active user, if any. Suspended accounts count as logged out.
pub async fn current_user() -> Result<Option<UserRow>, AppError> {
    crate::auth::session::user(&session().await?, &state()?.pool).await
}

pub async fn require_user() -> Result<UserRow, AppError> {
    current_user().await?.ok_or(AppError::Unauthenticated)
}

/// The user, if their role may act in `area` (and, for the console, they log in with two
/// steps); otherwise 401/403.
pub async fn require_area(area: Area) -> Result<UserRow, AppError> {
    let user = require_user().await?;
    if !user.role().may_enter(area) {
        return Err(AppError::Forbidden);
    }
    // The console acts on everyone's money and data: a password alone does not open it.
    if area == Area::Admin && !user.two_factor {
        return Err(AppError::invalid(
            "two_factor",
            crate::domain::Invalid::TwoFactorRequired,
        ));
    }
    Ok(user)
}

/// The session's user as the audit log names them: who, in which role, from where.
pub fn actor(user: &UserRow) -> crate::db::audit::Actor {
    crate::db::audit::Actor {
        id: user.id,
        role: user.role(),
        ip: client_ip(),
    }
}

/// The client address used for throttling: the socket peer, or, when configured to sit behind
/// a proxy, the address that proxy saw: the right-most `X-Forwarded-For` entry (the one it
/// appended). Entries to its left come from the client and could say anything.
pub fn client_ip() -> String {
    let Ok(parts) = parts() else {
        return "unknown".into();
    };
    let trust_forwarded = state()
        .map(|s| s.settings.http.trust_forwarded_for)
        .unwrap_or(false);
    ip_of(&parts, trust_forwarded)
}

/// `client_ip` for a request's parts (plain axum handlers call it with theirs).
pub fn ip_of(parts: &axum::http::request::Parts, trust_forwarded: bool) -> String {
    if trust_forwarded
        && let Some(proxied) = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .next_back()
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse::<std::net::IpAddr>().ok())
    {
        return proxied.to_string();
    }
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ci| ci.0.ip());
    // A proxy in front with forwarded-for trust off: every client would share the proxy's
    // address and its limits. Say so once, so the operator turns the setting on.
    if !trust_forwarded
        && peer.is_some_and(|ip| ip.is_loopback() || is_private(ip))
        && parts.headers.contains_key("x-forwarded-for")
    {
        static WARNED: std::sync::Once = std::sync::Once::new();
        WARNED.call_once(|| {
            tracing::warn!(
                "requests come through a proxy (X-Forwarded-For from a private address) but \
                 [http] trust-forwarded-for is off: every client shares the proxy's address for \
                 login and sign-up limits; set SOKONI_HTTP__TRUST_FORWARDED_FOR=true"
            );
        });
    }
    peer.map_or_else(|| "unknown".into(), |ip| ip.to_string())
}

fn is_private(ip: std::net::IpAddr) -> bool {
    match ip {
        std::net::IpAddr::V4(v4) => v4.is_private(),
        std::net::IpAddr::V6(v6) => v6.is_unique_local(),
    }
}

/// The language of this request (cookie, then `Accept-Language`, then the configured default).
/// Outside a request (the route list is made by rendering the app once at start-up) it is the
/// default, and that is not an error.
pub fn request_locale() -> Locale {
    let default = use_context::<AppState>()
        .map(|s| s.settings.default_locale())
        .unwrap_or_default();
    let Some(parts) = use_context::<Parts>() else {
        return default;
    };
    let header = |name: http::HeaderName| parts.headers.get(name).and_then(|v| v.to_str().ok());
    Locale::from_headers(
        header(http::header::COOKIE),
        header(http::header::ACCEPT_LANGUAGE),
        default,
    )
}

/// A plain form post (no JavaScript) expects a redirect back to the page, which carries the
/// error in its URL; only fetch calls get the error's own status code.
fn is_form_post() -> bool {
    parts()
        .ok()
        .and_then(|p| {
            p.headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

/// Sends a plain form post on to `path` after it succeeded. A call from an island (fetch)
/// gets its answer instead and stays on the page: a redirect there would reload it.
pub fn redirect_form_post(path: &str) {
    if is_form_post() {
        leptos_axum::redirect(path);
    }
}

/// Runs a server function's body and, on error, sets the HTTP status that matches it.
pub async fn respond<T>(body: impl Future<Output = Result<T, AppError>>) -> Result<T, AppError> {
    let result = body.await;
    if let Err(err) = &result
        && !is_form_post()
        && let Some(opts) = use_context::<ResponseOptions>()
    {
        opts.set_status(
            http::StatusCode::from_u16(err.status())
                .unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR),
        );
    }
    result
}

/// The session user's shop membership, if their staff role may do `task` there. The vendor id
/// every seller action uses comes from here, never from the request.
pub async fn require_shop(
    task: crate::domain::vendor::ShopTask,
) -> Result<(UserRow, crate::db::vendors::Membership), AppError> {
    let user = require_user().await?;
    let member = crate::db::vendors::membership(&state()?.pool, user.id)
        .await?
        .ok_or(AppError::Forbidden)?;
    use crate::domain::vendor::{ShopTask, StaffRole};
    match member.role() {
        // Accounting staff work on the shop's money only once they log in with two steps
        // (an owner's payouts are held until then instead: `db::payouts::candidates`).
        Some(StaffRole::Accounting) if task == ShopTask::Finances && !user.two_factor => Err(
            AppError::invalid("two_factor", crate::domain::Invalid::TwoFactorRequired),
        ),
        Some(role) if role.may(task) => Ok((user, member)),
        _ => Err(AppError::Forbidden),
    }
}

/// Where this request comes from, for the account's list of sessions.
pub fn origin() -> crate::auth::session::Origin {
    let user_agent = parts()
        .ok()
        .and_then(|p| {
            p.headers
                .get(axum::http::header::USER_AGENT)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        })
        .unwrap_or_default();
    crate::auth::session::Origin {
        ip: client_ip(),
        user_agent,
    }
}

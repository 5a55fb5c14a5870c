//! Page guard: `/account`, `/seller` and `/admin` pages are rendered only for a session whose
//! user may enter that area. Everyone else is sent to log in (401 case) or gets 403. Server
//! functions check again on their own; this keeps the pages themselves from ever rendering.

use app::domain::role::Area;
use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{Html, IntoResponse, Redirect, Response};
use tower_sessions::Session;

pub async fn area_guard(
    State(state): State<AppState>,
    session: Session,
    req: Request,
    next: Next,
) -> Response {
    let Some(area) = Area::of_path(req.uri().path()) else {
        return next.run(req).await;
    };
    let user = match app::auth::session::user(&session, &state.pool).await {
        Ok(user) => user,
        Err(e) => {
            tracing::error!(error = %e, "guard could not load the user");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match user {
        // An admin without two-step login is sent to turn it on before the console opens.
        Some(user) if area == Area::Admin && user.role().may_enter(area) && !user.two_factor => {
            Redirect::to("/account/two-factor?required=1").into_response()
        }
        Some(user) if user.role().may_enter(area) => next.run(req).await,
        Some(_) => forbidden(),
        None => {
            let target = req
                .uri()
                .path_and_query()
                .map(|pq| pq.as_str())
                .unwrap_or("/");
            Redirect::to(&format!(
                "/login?next={}",
                form_urlencoded::byte_serialize(target.as_bytes()).collect::<String>()
            ))
            .into_response()
        }
    }
}

fn forbidden() -> Response {
    let body = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
        content=\"width=device-width, initial-scale=1\"><title>403 · Sokoni</title></head><body \
        style=\"font-family:system-ui;max-width:32rem;margin:4rem auto;padding:0 1rem\"><h1>403</h1>\
        <p>You do not have access to this page. / Huna ruhusa ya kufungua ukurasa huu.</p>\
        <p><a href=\"/\">Sokoni</a></p></body></html>";
    (StatusCode::FORBIDDEN, Html(body)).into_response()
}

/// For handlers outside the page router that read admin-only data (documents, the audit
/// download): whether the session's user is an admin who logs in with two steps. Checked in the handler itself, whatever
/// the area guard did, because the handler is the one that reads.
pub async fn is_admin(state: &AppState, session: &Session) -> bool {
    app::auth::session::user(session, &state.pool)
        .await
        .ok()
        .flatten()
        .is_some_and(|u| u.role().may_enter(Area::Admin) && u.two_factor)
}

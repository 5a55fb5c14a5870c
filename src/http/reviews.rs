//! `POST /account/reviews`: the buyer reviews an item they bought, with up to three photos, as
//! a plain multipart form from the order's page (it works without JavaScript). The item is
//! found through the session's user; the browser goes back to the order with the outcome.

use super::uploads::{internal, read_fields, refused, store_photos};
use app::domain::Invalid;
use app::error::AppError;
use app::reviews::{MAX_PHOTOS, Written};
use app::state::AppState;
use axum::extract::{Multipart, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use uuid::Uuid;

pub async fn write(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    multipart: Multipart,
) -> Response {
    let user = app::auth::session::user(&session, &state.pool)
        .await
        .ok()
        .flatten();
    let Some(user) = user else {
        return Redirect::to("/login").into_response();
    };
    let form = match read_fields(multipart, MAX_PHOTOS, 2000).await {
        Ok(f) => f,
        Err(why) => return refused("/account/orders", why),
    };
    // The way back: the order's page (only ever a path built from a parsed id).
    let page = match form.text("order").parse::<Uuid>() {
        Ok(order) => format!("/account/orders/{order}"),
        Err(_) => "/account/orders".to_owned(),
    };
    let Ok(item) = form.text("item").parse::<Uuid>() else {
        return refused(&page, Invalid::NotFound);
    };
    let stars = match app::domain::review::stars(form.text("stars")) {
        Ok(s) => s,
        Err(why) => return refused(&page, why),
    };
    let body = match app::domain::text::bounded(form.text("body"), 2, 2000, true) {
        Ok(b) => b,
        Err(why) => return refused(&page, why),
    };
    let keys = match store_photos(&state, form.files, &page).await {
        Ok(keys) => keys,
        Err(r) => return r,
    };
    let actor = app::db::audit::Actor {
        id: user.id,
        role: user.role(),
        ip: app::auth::context::ip_of(&parts, state.settings.http.trust_forwarded_for),
    };
    let review = Written {
        stars,
        body: &body,
        photos: &keys,
    };
    match app::reviews::write(&state.pool, &actor, item, review).await {
        Ok(_) => Redirect::to(&format!("{page}?saved=review")).into_response(),
        Err(AppError::Invalid { why, .. }) => refused(&page, why),
        Err(AppError::NotFound) => refused(&page, Invalid::NotFound),
        Err(e) => internal(e),
    }
}

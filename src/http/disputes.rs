//! `POST /account/disputes`: the shopper opens a dispute about their part, with up to three
//! photos, as a plain multipart form (it works without JavaScript). The part is found through
//! the session's user; the answer is a redirect back to the order's page with the outcome.

use super::uploads::{internal, order_page_form, refused, store_photos};
use app::disputes::{Claim, MAX_PHOTOS};
use app::domain::Invalid;
use app::domain::dispute::DisputeReason;
use app::error::AppError;
use app::state::AppState;
use axum::extract::{Multipart, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use tower_sessions::Session;
use uuid::Uuid;

pub async fn open(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    multipart: Multipart,
) -> Response {
    let (actor, form, page) =
        match order_page_form(&state, &session, &parts, multipart, MAX_PHOTOS).await {
            Ok(found) => found,
            Err(r) => return r,
        };
    let Ok(part) = form.text("part").parse::<Uuid>() else {
        return refused(&page, Invalid::NotFound);
    };
    let Some(reason) = DisputeReason::parse(form.text("reason")) else {
        return refused(&page, Invalid::Required);
    };
    let body = match app::domain::text::bounded(form.text("body"), 10, 2000, true) {
        Ok(b) => b,
        Err(why) => return refused(&page, why),
    };
    let keys = match store_photos(&state, form.files, &page).await {
        Ok(keys) => keys,
        Err(r) => return r,
    };
    let answer_hours = match app::db::platform::get(&state.pool, &state.settings).await {
        Ok(s) => s.answer_hours,
        Err(e) => return internal(e),
    };
    let claim = Claim {
        reason,
        body: &body,
        photos: &keys,
    };
    match app::disputes::open(&state.pool, &actor, part, claim, answer_hours).await {
        Ok(_) => Redirect::to(&format!("{page}?saved=dispute")).into_response(),
        Err(AppError::Invalid { why, .. }) => refused(&page, why),
        Err(AppError::NotFound) => refused(&page, Invalid::NotFound),
        Err(e) => internal(e),
    }
}

//! `POST /account/reviews`: the buyer reviews an item they bought, with up to three photos, as
//! a plain multipart form from the order's page (it works without JavaScript). The item is
//! found through the session's user; the browser goes back to the order with the outcome.

use super::uploads::{internal, order_page_form, refused, store_photos};
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
    let (actor, form, page) =
        match order_page_form(&state, &session, &parts, multipart, MAX_PHOTOS).await {
            Ok(found) => found,
            Err(r) => return r,
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

//! Serving stored files: public photos under `/media` (immutable: the name is the content
//! hash), and KYC documents to admins only.

use app::db::vendors;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use tower_sessions::Session;
use uuid::Uuid;

/// `/media/<sha256>-<size>.jpg`. Anything else is a 404, so only the public sizes of photos
/// can ever be read here.
pub async fn photo(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some((key, size)) = file.strip_suffix(".jpg").and_then(|f| f.rsplit_once('-')) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let valid_key = key.len() == 64
        && key
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let Some(size) = app::media::PhotoSize::parse(size).filter(|_| valid_key) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match state.media.get(&size.name(key)).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, "image/jpeg"),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            ],
            bytes,
        )
            .into_response(),
        Ok(None) => StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "media store read failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// `/admin/documents/<id>`: a shop's KYC document, for admins. The area guard has already
/// checked the role; it is checked again here because this handler is the one that reads.
pub async fn document(
    State(state): State<AppState>,
    session: Session,
    Path(id): Path<Uuid>,
) -> Response {
    if !super::guard::is_admin(&state, &session).await {
        return StatusCode::FORBIDDEN.into_response();
    }
    let Ok(Some((_, key, mime))) = vendors::document_file(&state.pool, id).await else {
        return StatusCode::NOT_FOUND.into_response();
    };
    // A download, never shown in the console's own origin: an uploaded file is the applicant's
    // bytes, and opened inline a crafted one could run as a page of ours.
    let ext = match mime.as_str() {
        "application/pdf" => "pdf",
        "image/png" => "png",
        "image/jpeg" => "jpg",
        "image/webp" => "webp",
        _ => "bin",
    };
    match state.media.get(&format!("private/{key}")).await {
        Ok(Some(bytes)) => (
            [
                (header::CONTENT_TYPE, mime),
                (header::CACHE_CONTROL, "private, no-store".to_owned()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"kyc-{id}.{ext}\""),
                ),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
            ],
            bytes,
        )
            .into_response(),
        _ => StatusCode::NOT_FOUND.into_response(),
    }
}

//! `GET /admin/audit.csv?q=…`: the audit log (as filtered on `/admin/audit`) as a download,
//! for admins only.

use app::db::audit::Filter;
use app::state::AppState;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower_sessions::Session;

#[derive(Deserialize)]
pub struct Params {
    #[serde(default)]
    q: String,
}

pub async fn export(
    State(state): State<AppState>,
    session: Session,
    Query(params): Query<Params>,
) -> Response {
    if !super::guard::is_admin(&state, &session).await {
        return StatusCode::FORBIDDEN.into_response();
    }
    let words = params.q.trim();
    let filter = Filter {
        words: (!words.is_empty()).then(|| words.to_owned()),
        before: None,
    };
    match app::audit::export_csv(&state.pool, &filter).await {
        Ok(bytes) => csv_download("audit-log.csv", bytes),
        Err(e) => {
            tracing::error!(error = %e, "audit export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// A console CSV as a private download named `filename`.
pub fn csv_download(filename: &str, bytes: Vec<u8>) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
            (header::CACHE_CONTROL, "private, no-store".to_owned()),
        ],
        bytes,
    )
        .into_response()
}

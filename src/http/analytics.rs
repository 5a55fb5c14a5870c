//! `GET /admin/analytics.csv?days=…` (or `from=…&to=…`): the platform analytics report as a
//! download, for admins only.

use app::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use tower_sessions::Session;

#[derive(Deserialize)]
pub struct Params {
    #[serde(default)]
    days: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
}

pub async fn export(
    State(state): State<AppState>,
    session: Session,
    Query(params): Query<Params>,
) -> Response {
    if !super::guard::is_admin(&state, &session).await {
        return StatusCode::FORBIDDEN.into_response();
    }
    let Ok(ask) = app::domain::analytics::parse_period(&params.days, &params.from, &params.to)
    else {
        return (
            StatusCode::BAD_REQUEST,
            "days, or from and to, are not a period",
        )
            .into_response();
    };
    let report = match app::analytics::report(&state.pool, &ask).await {
        Ok(report) => report,
        Err(e) => {
            tracing::error!(error = %e, "analytics report failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    match app::analytics::csv(&report) {
        Ok(bytes) => super::audit::csv_download(
            &format!("sokoni-analytics-{}-{}.csv", report.from, report.to),
            bytes,
        ),
        Err(e) => {
            tracing::error!(error = %e, "analytics export failed");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

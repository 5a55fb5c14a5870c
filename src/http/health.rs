//! Probes for load balancers and orchestrators.

use app::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use std::time::Duration;

/// The process is up and serving.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers within a second; otherwise take this instance out of rotation.
pub async fn readyz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    let ping = app::db::ping(&state.pool);
    match tokio::time::timeout(Duration::from_secs(1), ping).await {
        Ok(Ok(_)) => (StatusCode::OK, "ready"),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "database unavailable"),
    }
}

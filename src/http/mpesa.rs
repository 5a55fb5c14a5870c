//! Daraja's callbacks: STK results and B2C results/time-outs. They are not signed, so the
//! path carries a secret token (compared in constant time); the body is then matched against
//! our own records before it moves anything (see app::payments). Daraja gets its "Accepted"
//! quickly either way; a database failure answers 500 so it tries again.

use app::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;
use subtle::ConstantTimeEq;

/// Callback bodies are small; anything bigger is not Daraja's.
pub const BODY_LIMIT: usize = 64 * 1024;

fn token_ok(state: &AppState, token: &str) -> bool {
    let ours = state.mpesa.callback_token().as_bytes();
    ours.len() == token.len() && bool::from(ours.ct_eq(token.as_bytes()))
}

fn accepted() -> Response {
    Json(json!({ "ResultCode": 0, "ResultDesc": "Accepted" })).into_response()
}

fn answer(result: Result<(), app::error::AppError>) -> Response {
    match result {
        Ok(()) => accepted(),
        Err(e) => {
            tracing::error!(error = ?e, "M-Pesa callback not stored");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

pub async fn stk(
    State(state): State<AppState>,
    Path(token): Path<String>,
    body: String,
) -> Response {
    if !token_ok(&state, &token) {
        tracing::warn!("STK callback with a wrong path token refused");
        return StatusCode::NOT_FOUND.into_response();
    }
    answer(
        app::payments::collect::on_callback(&state.pool, &body)
            .await
            .map(|_| ()),
    )
}

pub async fn b2c(
    State(state): State<AppState>,
    Path((token, kind)): Path<(String, String)>,
    body: String,
) -> Response {
    let kind = match kind.as_str() {
        "result" => "b2c_result",
        "timeout" => "b2c_timeout",
        _ => return StatusCode::NOT_FOUND.into_response(),
    };
    if !token_ok(&state, &token) {
        tracing::warn!("B2C callback with a wrong path token refused");
        return StatusCode::NOT_FOUND.into_response();
    }
    answer(app::payments::payouts::on_result(&state.pool, kind, &body).await)
}

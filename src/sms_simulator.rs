//! A loopback SMS simulator that speaks Africa's Talking's bulk SMS protocol
//! (`POST /version1/messaging`, form-encoded, `apiKey` header, the `SMSMessageData` answer),
//! so the SMS adapter is tested against the protocol. It keeps every message it accepted:
//! `GET /` is the development page that lists them (one-time codes included), `GET /messages`
//! the same as JSON for tests.
//!
//! Numbers must be `+` and 9–15 digits (else 403 InvalidPhoneNumber); a number ending `406`
//! is refused as blacklisted (406 UserInBlacklist), as a real recipient who opted out is.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

/// One accepted message.
#[derive(Clone, Debug, Serialize)]
pub struct Sms {
    pub id: String,
    pub to: String,
    pub from: String,
    pub message: String,
    pub at: String,
}

#[derive(Clone)]
pub struct SmsSimulator {
    username: Arc<str>,
    api_key: Arc<str>,
    sent: Arc<Mutex<Vec<Sms>>>,
}

impl SmsSimulator {
    pub fn new(settings: &app::settings::SmsSettings) -> Self {
        Self {
            username: settings.username.as_str().into(),
            api_key: settings.api_key.as_str().into(),
            sent: Arc::default(),
        }
    }

    /// Serves on `addr` (port 0 for any) in the background; returns the bound address. Its page
    /// there lists the messages sent.
    pub async fn spawn(self, addr: SocketAddr) -> std::io::Result<SocketAddr> {
        crate::simulator::serve_in_background(self.router(), addr, "SMS simulator").await
    }

    pub fn router(self) -> Router {
        Router::new()
            .route("/version1/messaging", post(messaging))
            .route("/messages", get(messages))
            .route("/", get(page))
            .with_state(self)
    }

    /// Every message accepted so far, oldest first.
    pub fn sent(&self) -> Vec<Sms> {
        self.sent.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

fn valid_number(to: &str) -> bool {
    to.strip_prefix('+')
        .is_some_and(|d| (9..=15).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

async fn messaging(State(sim): State<SmsSimulator>, headers: HeaderMap, body: String) -> Response {
    if headers.get("apiKey").and_then(|v| v.to_str().ok()) != Some(&*sim.api_key) {
        return (
            StatusCode::UNAUTHORIZED,
            "The supplied authentication is invalid",
        )
            .into_response();
    }
    let form: std::collections::HashMap<String, String> = form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let field = |name: &str| form.get(name).map(String::as_str).unwrap_or_default();
    if field("username") != &*sim.username {
        return (
            StatusCode::UNAUTHORIZED,
            "The supplied authentication is invalid",
        )
            .into_response();
    }
    if field("message").is_empty() || field("to").is_empty() {
        return (StatusCode::BAD_REQUEST, "Must have to and message").into_response();
    }
    let mut recipients = Vec::new();
    let mut accepted = 0;
    for to in field("to").split(',').map(str::trim) {
        let (code, status) = if !valid_number(to) {
            (403, "InvalidPhoneNumber")
        } else if to.ends_with("406") {
            (406, "UserInBlacklist")
        } else {
            (101, "Success")
        };
        let id = if code == 101 {
            let mut sent = sim.sent.lock().unwrap_or_else(|p| p.into_inner());
            let id = format!("ATXid_sim{}", sent.len() + 1);
            sent.push(Sms {
                id: id.clone(),
                to: to.to_owned(),
                from: field("from").to_owned(),
                message: field("message").to_owned(),
                at: time::OffsetDateTime::now_utc().to_string(),
            });
            accepted += 1;
            id
        } else {
            "None".to_owned()
        };
        recipients.push(json!({
            "statusCode": code,
            "number": to,
            "status": status,
            "cost": if code == 101 { "KES 0.8000" } else { "0" },
            "messageId": id,
        }));
    }
    let total = recipients.len();
    Json(json!({
        "SMSMessageData": {
            "Message": format!("Sent to {accepted}/{total} Total Cost: KES {:.4}", 0.8 * f64::from(accepted)),
            "Recipients": recipients,
        }
    }))
    .into_response()
}

async fn messages(State(sim): State<SmsSimulator>) -> Json<Vec<Sms>> {
    Json(sim.sent())
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

async fn page(State(sim): State<SmsSimulator>) -> impl IntoResponse {
    let rows: String = sim
        .sent()
        .iter()
        .rev()
        .map(|m| {
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&m.at),
                escape(&m.to),
                escape(&m.message)
            )
        })
        .collect();
    (
        [(header::CACHE_CONTROL, "no-store")],
        Html(format!(
            "<!doctype html><meta charset=utf-8><title>SMS simulator</title>\
             <h1>Text messages sent (development)</h1>\
             <table border=1 cellpadding=4><tr><th>When</th><th>To</th><th>Message</th></tr>{rows}</table>"
        )),
    )
}

//! Text messages. Production speaks Africa's Talking's bulk SMS API (`POST
//! /version1/messaging`, form-encoded, `apiKey` header); development and tests point `[sms]
//! base-url` at the loopback simulator, which speaks the same protocol. Messages are queued in
//! the notifications outbox (channel `sms`) in the transaction that caused them, and sent from
//! there: at once by the request that queued them when it matters (a one-time code), and by
//! the jobs otherwise, retried on failure.

use crate::db::notifications::{self as outbox, Channel};
use crate::settings::SmsSettings;
use serde::Deserialize;
use sqlx::PgPool;
use std::time::Duration;
use uuid::Uuid;

#[derive(Debug, thiserror::Error)]
pub enum SmsError {
    #[error("the SMS provider could not be reached: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("the SMS provider refused the message: {0}")]
    Refused(String),
}

pub struct SmsSender {
    http: reqwest::Client,
    settings: SmsSettings,
}

/// Africa's Talking's answer: one status per recipient.
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Answer {
    #[serde(rename = "SMSMessageData")]
    data: AnswerData,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AnswerData {
    message: String,
    recipients: Vec<RecipientStatus>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RecipientStatus {
    status_code: u16,
    status: String,
    #[serde(default)]
    message_id: String,
}

/// 100 Processed, 101 Sent, 102 Queued; everything else (403 InvalidPhoneNumber, 405
/// InsufficientBalance, 406 UserInBlacklist, …) means the message will not arrive.
fn delivered(code: u16) -> bool {
    (100..=102).contains(&code)
}

impl SmsSender {
    pub fn new(settings: SmsSettings) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(15))
            .build()
            .unwrap_or_default();
        Self { http, settings }
    }

    /// Sends one message to one phone (`2547…`, with or without `+`); the provider's id.
    pub async fn send(&self, to: &str, message: &str) -> Result<String, SmsError> {
        let to = format!("+{}", to.trim_start_matches('+'));
        let form = {
            let mut form = form_urlencoded::Serializer::new(String::new());
            form.append_pair("username", &self.settings.username)
                .append_pair("to", &to)
                .append_pair("message", message);
            if !self.settings.sender_id.is_empty() {
                form.append_pair("from", &self.settings.sender_id);
            }
            form.finish()
        };
        let response = self
            .http
            .post(format!(
                "{}/version1/messaging",
                self.settings.base_url.trim_end_matches('/')
            ))
            .header("apiKey", &self.settings.api_key)
            .header(reqwest::header::ACCEPT, "application/json")
            .header(
                reqwest::header::CONTENT_TYPE,
                "application/x-www-form-urlencoded",
            )
            .body(form)
            .send()
            .await?;
        let status = response.status();
        let body = response.text().await?;
        if !status.is_success() {
            return Err(SmsError::Refused(format!("HTTP {status}: {body}")));
        }
        let answer: Answer = serde_json::from_str(&body)
            .map_err(|e| SmsError::Refused(format!("unreadable answer ({e}): {body}")))?;
        match answer.data.recipients.first() {
            Some(r) if delivered(r.status_code) => Ok(r.message_id.clone()),
            Some(r) => Err(SmsError::Refused(format!("{} {}", r.status_code, r.status))),
            None => Err(SmsError::Refused(answer.data.message)),
        }
    }
}

/// Sends queued text messages (only `only` when given); see `outbox::deliver`.
pub async fn send_pending(
    pool: &PgPool,
    sender: &SmsSender,
    only: Option<Uuid>,
) -> Result<usize, sqlx::Error> {
    outbox::deliver(pool, Channel::Sms, only, |n| async move {
        sender
            .send(&n.recipient, &n.body)
            .await
            .map(|_| ())
            .map_err(|e| e.to_string())
    })
    .await
}

//! The Daraja HTTP client: OAuth token cache, STK push, STK query and B2C. Production code,
//! configured by `[mpesa]`; development and tests point `base-url` at the simulator.

use super::protocol::{self, B2cAnswer, B2cRequest, ErrorAnswer, StkPush, StkPushAnswer, StkQuery};
use crate::settings::MpesaSettings;
use std::time::{Duration, Instant};
use tokio::sync::Mutex;

#[derive(Debug, thiserror::Error)]
pub enum DarajaError {
    #[error("M-Pesa could not be reached: {0}")]
    Transport(#[from] reqwest::Error),
    #[error("M-Pesa refused the request: {code} {message}")]
    Refused { code: String, message: String },
    #[error("M-Pesa answered something we cannot read: {0}")]
    Unreadable(String),
}

/// An STK push that M-Pesa accepted (the prompt was sent; nobody has paid yet).
#[derive(Clone, Debug)]
pub struct PushSent {
    pub merchant_request_id: String,
    pub checkout_request_id: String,
}

pub struct Daraja {
    http: reqwest::Client,
    settings: MpesaSettings,
    /// The secret path segment of our callback URLs.
    callback_token: String,
    token: Mutex<Option<(String, Instant)>>,
}

/// Tokens are refreshed this long before Daraja says they expire.
const TOKEN_MARGIN: Duration = Duration::from_secs(60);

impl Daraja {
    pub fn new(settings: MpesaSettings, callback_token: String) -> Self {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(settings.timeout_secs))
            .build()
            .unwrap_or_default();
        Self {
            http,
            settings,
            callback_token,
            token: Mutex::new(None),
        }
    }

    pub fn callback_token(&self) -> &str {
        &self.callback_token
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.settings.base_url.trim_end_matches('/'))
    }

    /// Our callback URL for `kind` (`stk`, `b2c/result`, `b2c/timeout`).
    pub fn callback_url(&self, kind: &str) -> String {
        format!(
            "{}/mpesa/{}/{kind}",
            self.settings.callback_base_url.trim_end_matches('/'),
            self.callback_token
        )
    }

    async fn token(&self, fresh: bool) -> Result<String, DarajaError> {
        let mut cached = self.token.lock().await;
        if !fresh
            && let Some((token, until)) = cached.as_ref()
            && Instant::now() < *until
        {
            return Ok(token.clone());
        }
        let answer = self
            .http
            .get(self.url("/oauth/v1/generate?grant_type=client_credentials"))
            .basic_auth(
                &self.settings.consumer_key,
                Some(&self.settings.consumer_secret),
            )
            .send()
            .await?;
        let answer: protocol::TokenAnswer = read(answer).await?;
        let life = Duration::from_secs(answer.expires_in).saturating_sub(TOKEN_MARGIN);
        *cached = Some((answer.access_token.clone(), Instant::now() + life));
        Ok(answer.access_token)
    }

    /// POSTs `body` with a bearer token; on a 401 the token is renewed once and the call
    /// repeated. Returns the HTTP status and body text.
    async fn post<T: serde::Serialize>(
        &self,
        path: &str,
        body: &T,
    ) -> Result<(u16, String), DarajaError> {
        let mut fresh = false;
        loop {
            let token = self.token(fresh).await?;
            let answer = self
                .http
                .post(self.url(path))
                .bearer_auth(token)
                .json(body)
                .send()
                .await?;
            let status = answer.status().as_u16();
            if status == 401 && !fresh {
                fresh = true;
                continue;
            }
            return Ok((status, answer.text().await?));
        }
    }

    fn stamp(&self) -> (String, String) {
        let ts = protocol::timestamp(time::OffsetDateTime::now_utc());
        let password = protocol::password(&self.settings.shortcode, &self.settings.passkey, &ts);
        (ts, password)
    }

    /// Sends the PIN prompt for `amount` whole shillings to `phone` (2547…/2541…).
    pub async fn stk_push(
        &self,
        phone: &str,
        amount: u64,
        reference: &str,
        description: &str,
    ) -> Result<PushSent, DarajaError> {
        let (timestamp, password) = self.stamp();
        let s = &self.settings;
        let body = StkPush {
            business_short_code: &s.shortcode,
            password,
            timestamp,
            transaction_type: &s.transaction_type,
            amount,
            party_a: phone,
            party_b: &s.shortcode,
            phone_number: phone,
            callback_url: self.callback_url("stk"),
            account_reference: reference,
            transaction_desc: description,
        };
        let (status, text) = self.post("/mpesa/stkpush/v1/processrequest", &body).await?;
        if status >= 400 {
            return Err(refused(&text));
        }
        let answer: StkPushAnswer =
            serde_json::from_str(&text).map_err(|_| DarajaError::Unreadable(text.clone()))?;
        if answer.response_code != "0" {
            return Err(DarajaError::Refused {
                code: answer.response_code,
                message: answer.response_description,
            });
        }
        Ok(PushSent {
            merchant_request_id: answer.merchant_request_id,
            checkout_request_id: answer.checkout_request_id,
        })
    }

    /// Asks what became of a push: (outcome, result code, description).
    pub async fn stk_query(
        &self,
        checkout_request_id: &str,
    ) -> Result<(protocol::Outcome, i64, String), DarajaError> {
        let (timestamp, password) = self.stamp();
        let body = StkQuery {
            business_short_code: &self.settings.shortcode,
            password,
            timestamp,
            checkout_request_id,
        };
        let (status, text) = self.post("/mpesa/stkpushquery/v1/query", &body).await?;
        protocol::parse_stk_query(status, &text).map_err(|_| DarajaError::Unreadable(text))
    }

    /// Pays `amount` whole shillings to `phone`. `originator_id` is ours and the same on every
    /// retry of one payout, so Daraja refuses a second payment of it.
    pub async fn b2c(
        &self,
        originator_id: &str,
        phone: &str,
        amount: u64,
        remarks: &str,
    ) -> Result<String, DarajaError> {
        let s = &self.settings;
        let body = B2cRequest {
            originator_id: originator_id.to_owned(),
            initiator_name: &s.initiator_name,
            security_credential: &s.security_credential,
            command_id: "BusinessPayment",
            amount,
            party_a: &s.shortcode,
            party_b: phone,
            remarks,
            queue_timeout_url: self.callback_url("b2c/timeout"),
            result_url: self.callback_url("b2c/result"),
            occasion: "",
        };
        let (status, text) = self.post("/mpesa/b2c/v3/paymentrequest", &body).await?;
        if status >= 400 {
            return Err(refused(&text));
        }
        let answer: B2cAnswer =
            serde_json::from_str(&text).map_err(|_| DarajaError::Unreadable(text.clone()))?;
        if answer.response_code != "0" {
            return Err(DarajaError::Refused {
                code: answer.response_code,
                message: answer.response_description,
            });
        }
        Ok(answer.conversation_id)
    }
}

fn refused(text: &str) -> DarajaError {
    match serde_json::from_str::<ErrorAnswer>(text) {
        Ok(e) => DarajaError::Refused {
            code: e.error_code,
            message: e.error_message,
        },
        Err(_) => DarajaError::Unreadable(text.to_owned()),
    }
}

async fn read<T: serde::de::DeserializeOwned>(answer: reqwest::Response) -> Result<T, DarajaError> {
    let status = answer.status().as_u16();
    let text = answer.text().await?;
    if status >= 400 {
        return Err(refused(&text));
    }
    serde_json::from_str(&text).map_err(|_| DarajaError::Unreadable(text))
}

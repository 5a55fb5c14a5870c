//! A loopback Daraja simulator: OAuth, STK push, STK query and B2C with Daraja's shapes, and
//! callbacks delivered to the URLs in the requests. It checks requests the way Daraja does
//! (credentials, password derivation, timestamp, phone format, whole amounts) with its own
//! code, so the adapter is tested against the protocol and not against itself.
//!
//! Outcomes are chosen by the last three digits of the paying phone:
//! `001` insufficient funds (1) · `032` cancelled by the payer (1032) · `019` expired (1019) ·
//! `201` wrong PIN (2001) · `037` unreachable (1037, no callback: only a query tells) ·
//! `555` paid, callback sent twice · `777` paid, callback late · `888` paid, numbers sent as
//! strings and a `Balance` item without a value · `999` paid, no callback (query tells) ·
//! anything else: paid. B2C to a phone ending `014` fails (ResultCode 2001).

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use base64::Engine;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the simulator expects from its client, and how long it waits before answering.
#[derive(Clone, Debug)]
pub struct SimConfig {
    pub consumer_key: String,
    pub consumer_secret: String,
    pub shortcode: String,
    pub passkey: String,
    /// Before a callback is sent (and before a query stops saying "still processing").
    pub callback_delay: Duration,
    /// For the `777` late callback.
    pub late_delay: Duration,
}

impl SimConfig {
    pub fn for_settings(s: &app::settings::MpesaSettings) -> Self {
        Self {
            consumer_key: s.consumer_key.clone(),
            consumer_secret: s.consumer_secret.clone(),
            shortcode: s.shortcode.clone(),
            passkey: s.passkey.clone(),
            callback_delay: Duration::from_secs(2),
            late_delay: Duration::from_secs(30),
        }
    }
}

struct Push {
    merchant_id: String,
    at: Instant,
    code: i64,
}

#[derive(Default)]
struct Inner {
    tokens: Vec<String>,
    pushes: HashMap<String, Push>,
    b2c: HashMap<String, u64>,
    /// Every B2C request that passed the checks, duplicates included.
    b2c_requests: usize,
    serial: u64,
}

/// A running simulator; counts what it was asked to do, for tests.
#[derive(Clone)]
pub struct Simulator {
    config: Arc<SimConfig>,
    inner: Arc<Mutex<Inner>>,
    http: reqwest::Client,
}

impl Simulator {
    pub fn new(config: SimConfig) -> Self {
        Self {
            config: Arc::new(config),
            inner: Arc::default(),
            http: reqwest::Client::new(),
        }
    }

    /// Serves on `addr` (port 0 for any) in the background; returns the bound address.
    pub async fn spawn(self, addr: SocketAddr) -> std::io::Result<SocketAddr> {
        serve_in_background(self.router(), addr, "Daraja simulator").await
    }

    pub fn router(self) -> Router {
        Router::new()
            .route("/oauth/v1/generate", get(oauth))
            .route("/mpesa/stkpush/v1/processrequest", post(stk_push))
            .route("/mpesa/stkpushquery/v1/query", post(stk_query))
            .route("/mpesa/b2c/v3/paymentrequest", post(b2c))
            .route("/simulate/expire-tokens", post(expire_tokens))
            .with_state(self)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// STK pushes accepted so far.
    pub fn pushes(&self) -> usize {
        self.lock().pushes.len()
    }

    /// B2C payments accepted so far.
    pub fn payouts(&self) -> usize {
        self.lock().b2c.len()
    }

    /// B2C requests received (valid ones, duplicates included): a payout sent twice shows here.
    pub fn payout_requests(&self) -> usize {
        self.lock().b2c_requests
    }

    /// Forgets every issued token: the next call with one gets a 401.
    pub fn expire_tokens(&self) {
        self.lock().tokens.clear();
    }

    fn deliver(&self, url: String, body: Value, after: Duration, times: usize) {
        let http = self.http.clone();
        tokio::spawn(async move {
            tokio::time::sleep(after).await;
            for _ in 0..times {
                if let Err(e) = http.post(&url).json(&body).send().await {
                    tracing::warn!(error = %e, %url, "simulator callback not delivered");
                }
            }
        });
    }
}

/// Serves a simulator's `router` on `addr` (port 0 for any) in the background; the bound
/// address.
pub async fn serve_in_background(
    router: Router,
    addr: SocketAddr,
    name: &'static str,
) -> std::io::Result<SocketAddr> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    tokio::spawn(async move {
        if let Err(e) = axum::serve(listener, router).await {
            tracing::error!(error = %e, "{name} stopped");
        }
    });
    tracing::info!("{name} on http://{bound}");
    Ok(bound)
}

fn error(status: StatusCode, code: &str, message: &str) -> Response {
    (
        status,
        Json(json!({ "requestId": "sim", "errorCode": code, "errorMessage": message })),
    )
        .into_response()
}

/// A refused request, answered with Daraja's error body.
struct Refusal {
    status: StatusCode,
    code: &'static str,
    message: String,
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        error(self.status, self.code, &self.message)
    }
}

fn bad(message: &str) -> Refusal {
    Refusal {
        status: StatusCode::BAD_REQUEST,
        code: "400.002.02",
        message: message.to_owned(),
    }
}

async fn oauth(
    State(sim): State<Simulator>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Response {
    let expected = base64::engine::general_purpose::STANDARD.encode(format!(
        "{}:{}",
        sim.config.consumer_key, sim.config.consumer_secret
    ));
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    if auth != Some(&format!("Basic {expected}")) {
        return error(
            StatusCode::BAD_REQUEST,
            "400.008.01",
            "Invalid Authentication passed",
        );
    }
    if q.get("grant_type").map(String::as_str) != Some("client_credentials") {
        return error(
            StatusCode::BAD_REQUEST,
            "400.008.02",
            "Invalid grant type passed",
        );
    }
    let token = uuid::Uuid::new_v4().simple().to_string();
    sim.lock().tokens.push(token.clone());
    Json(json!({ "access_token": token, "expires_in": "3599" })).into_response()
}

/// Checks the bearer token; `Err` is Daraja's 401 answer.
fn authorised(sim: &Simulator, headers: &HeaderMap) -> Result<(), Refusal> {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    match token {
        Some(t) if sim.lock().tokens.iter().any(|k| k == t) => Ok(()),
        _ => Err(Refusal {
            status: StatusCode::UNAUTHORIZED,
            code: "404.001.03",
            message: "Invalid Access Token".into(),
        }),
    }
}

fn field<'a>(body: &'a Value, name: &str) -> Result<&'a str, Refusal> {
    body.get(name)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or_else(|| bad(&format!("Invalid {name}")))
}

fn kenyan_msisdn(s: &str) -> bool {
    s.len() == 12
        && (s.starts_with("2547") || s.starts_with("2541"))
        && s.bytes().all(|b| b.is_ascii_digit())
}

/// Shortcode, timestamp (14 digits, within a day of now) and the password derived from them.
fn check_password(sim: &Simulator, body: &Value) -> Result<(), Refusal> {
    let shortcode = field(body, "BusinessShortCode")?;
    if shortcode != sim.config.shortcode {
        return Err(bad("Invalid BusinessShortCode"));
    }
    let ts = field(body, "Timestamp")?;
    let parsed = time::PrimitiveDateTime::parse(
        ts,
        time::macros::format_description!("[year][month][day][hour][minute][second]"),
    )
    .map_err(|_| bad("Invalid Timestamp"))?;
    let eat = parsed.assume_offset(time::macros::offset!(+3));
    if (time::OffsetDateTime::now_utc() - eat).whole_hours().abs() > 24 {
        return Err(bad("Invalid Timestamp"));
    }
    let expected = base64::engine::general_purpose::STANDARD
        .encode(format!("{shortcode}{}{ts}", sim.config.passkey));
    if field(body, "Password")? != expected {
        return Err(Refusal {
            status: StatusCode::BAD_REQUEST,
            code: "400.002.05",
            message: "Invalid Request Payload".into(),
        });
    }
    Ok(())
}

/// A whole, positive amount sent as a JSON number (Daraja refuses cents).
fn whole_amount(body: &Value) -> Result<u64, Refusal> {
    body.get("Amount")
        .and_then(Value::as_u64)
        .filter(|a| *a >= 1)
        .ok_or_else(|| bad("Invalid Amount"))
}

fn url_field(body: &Value, name: &str) -> Result<String, Refusal> {
    let url = field(body, name)?;
    if url.starts_with("https://")
        || url.starts_with("http://127.0.0.1")
        || url.starts_with("http://localhost")
    {
        Ok(url.to_owned())
    } else {
        Err(bad(&format!("Invalid {name}")))
    }
}

fn stk_code(phone: &str) -> i64 {
    match &phone[phone.len().saturating_sub(3)..] {
        "001" => 1,
        "032" => 1032,
        "019" => 1019,
        "201" => 2001,
        "037" => 1037,
        _ => 0,
    }
}

async fn stk_push(
    State(sim): State<Simulator>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Err(r) = authorised(&sim, &headers) {
        return r.into_response();
    }
    let checked = (|| {
        check_password(&sim, &body)?;
        let kind = field(&body, "TransactionType")?;
        if kind != "CustomerPayBillOnline" && kind != "CustomerBuyGoodsOnline" {
            return Err(bad("Invalid TransactionType"));
        }
        let amount = whole_amount(&body)?;
        let phone = field(&body, "PhoneNumber")?;
        if !kenyan_msisdn(phone) || field(&body, "PartyA")? != phone {
            return Err(bad("Invalid PhoneNumber"));
        }
        field(&body, "PartyB")?;
        let callback = url_field(&body, "CallBackURL")?;
        if field(&body, "AccountReference")?.chars().count() > 12 {
            return Err(bad("Invalid AccountReference"));
        }
        if field(&body, "TransactionDesc")?.chars().count() > 13 {
            return Err(bad("Invalid TransactionDesc"));
        }
        Ok((amount, phone.to_owned(), callback))
    })();
    let (amount, phone, callback) = match checked {
        Ok(v) => v,
        Err(r) => return r.into_response(),
    };
    let (merchant_id, checkout_id) = {
        let mut inner = sim.lock();
        inner.serial += 1;
        let n = inner.serial;
        let ids = (format!("sim-{n}"), format!("ws_CO_SIM{n:08}"));
        inner.pushes.insert(
            ids.1.clone(),
            Push {
                merchant_id: ids.0.clone(),
                at: Instant::now(),
                code: stk_code(&phone),
            },
        );
        ids
    };
    let suffix = &phone[phone.len() - 3..];
    let code = stk_code(&phone);
    let mut result = json!({
        "MerchantRequestID": merchant_id,
        "CheckoutRequestID": checkout_id,
        "ResultCode": code,
        "ResultDesc": describe(code),
    });
    if code == 0 {
        let n = sim.lock().serial;
        let receipt = format!("SIM{n:07}");
        let items = if suffix == "888" {
            json!([
                { "Name": "Amount", "Value": format!("{amount}.00") },
                { "Name": "MpesaReceiptNumber", "Value": receipt },
                { "Name": "Balance" },
                { "Name": "TransactionDate", "Value": "20261121143000" },
                { "Name": "PhoneNumber", "Value": phone },
            ])
        } else {
            json!([
                { "Name": "Amount", "Value": amount },
                { "Name": "MpesaReceiptNumber", "Value": receipt },
                { "Name": "TransactionDate", "Value": 20261121143000_u64 },
                { "Name": "PhoneNumber", "Value": phone.parse::<u64>().unwrap_or_default() },
            ])
        };
        result["CallbackMetadata"] = json!({ "Item": items });
        if suffix == "888" {
            result["ResultCode"] = json!("0");
        }
    }
    let delay = sim.config.callback_delay;
    match (suffix, code) {
        (_, 1037) | ("999", _) => {}
        ("555", _) => sim.deliver(
            callback,
            json!({ "Body": { "stkCallback": result } }),
            delay,
            2,
        ),
        ("777", _) => sim.deliver(
            callback,
            json!({ "Body": { "stkCallback": result } }),
            sim.config.late_delay,
            1,
        ),
        _ => sim.deliver(
            callback,
            json!({ "Body": { "stkCallback": result } }),
            delay,
            1,
        ),
    }
    Json(json!({
        "MerchantRequestID": merchant_id,
        "CheckoutRequestID": checkout_id,
        "ResponseCode": "0",
        "ResponseDescription": "Success. Request accepted for processing",
        "CustomerMessage": "Success. Request accepted for processing",
    }))
    .into_response()
}

fn describe(code: i64) -> &'static str {
    match code {
        0 => "The service request is processed successfully.",
        1 => "The balance is insufficient for the transaction.",
        1019 => "Transaction has expired.",
        1032 => "Request cancelled by user.",
        1037 => "DS timeout user cannot be reached.",
        2001 => "The initiator information is invalid.",
        _ => "Failed.",
    }
}

async fn stk_query(
    State(sim): State<Simulator>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Err(r) = authorised(&sim, &headers) {
        return r.into_response();
    }
    if let Err(r) = check_password(&sim, &body) {
        return r.into_response();
    }
    let id = match field(&body, "CheckoutRequestID") {
        Ok(id) => id.to_owned(),
        Err(r) => return r.into_response(),
    };
    let inner = sim.lock();
    let Some(push) = inner.pushes.get(&id) else {
        return bad("Invalid CheckoutRequestID").into_response();
    };
    if push.at.elapsed() < sim.config.callback_delay {
        return error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "500.001.1001",
            "The transaction is being processed",
        );
    }
    Json(json!({
        "ResponseCode": "0",
        "ResponseDescription": "The service request has been accepted successsfully",
        "MerchantRequestID": push.merchant_id,
        "CheckoutRequestID": id,
        "ResultCode": push.code.to_string(),
        "ResultDesc": describe(push.code),
    }))
    .into_response()
}

async fn b2c(
    State(sim): State<Simulator>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    if let Err(r) = authorised(&sim, &headers) {
        return r.into_response();
    }
    let checked = (|| {
        let originator = field(&body, "OriginatorConversationID")?.to_owned();
        field(&body, "InitiatorName")?;
        field(&body, "SecurityCredential")?;
        if field(&body, "CommandID")? != "BusinessPayment" {
            return Err(bad("Invalid CommandID"));
        }
        let amount = whole_amount(&body)?;
        if !(10..=250_000).contains(&amount) {
            return Err(bad("Invalid Amount"));
        }
        if field(&body, "PartyA")? != sim.config.shortcode {
            return Err(bad("Invalid PartyA"));
        }
        let phone = field(&body, "PartyB")?.to_owned();
        if !kenyan_msisdn(&phone) {
            return Err(bad("Invalid PartyB"));
        }
        url_field(&body, "QueueTimeOutURL")?;
        Ok((originator, amount, phone, url_field(&body, "ResultURL")?))
    })();
    let (originator, amount, phone, result_url) = match checked {
        Ok(v) => v,
        Err(r) => return r.into_response(),
    };
    let n = {
        let mut inner = sim.lock();
        inner.b2c_requests += 1;
        if inner.b2c.contains_key(&originator) {
            return error(
                StatusCode::CONFLICT,
                "409.001.01",
                "Duplicate OriginatorConversationID",
            );
        }
        inner.b2c.insert(originator.clone(), amount);
        inner.serial += 1;
        inner.serial
    };
    let conversation = format!("AG_SIM_{n:08}");
    let code = if phone.ends_with("014") { 2001 } else { 0 };
    let result = json!({ "Result": {
        "ResultType": 0,
        "ResultCode": code,
        "ResultDesc": if code == 0 { "The service request is processed successfully." } else { "The initiator information is invalid." },
        "OriginatorConversationID": originator,
        "ConversationID": conversation,
        "TransactionID": format!("SIMB{n:06}"),
        "ResultParameters": { "ResultParameter": [
            { "Key": "TransactionAmount", "Value": amount },
            { "Key": "TransactionReceipt", "Value": format!("SIMB{n:06}") },
            { "Key": "ReceiverPartyPublicName", "Value": format!("{phone} - Shop") },
        ]},
    }});
    sim.deliver(result_url, result, sim.config.callback_delay, 1);
    Json(json!({
        "ConversationID": conversation,
        "OriginatorConversationID": originator,
        "ResponseCode": "0",
        "ResponseDescription": "Accept the service request successfully.",
    }))
    .into_response()
}

async fn expire_tokens(State(sim): State<Simulator>) -> StatusCode {
    sim.expire_tokens();
    StatusCode::NO_CONTENT
}

//! The Daraja wire format: request and answer bodies, the STK password, and reading callbacks.
//! Field names live here and only here, so a correction from Safaricom's portal is one edit.
//! Callbacks are read by item name (never position) and accept numbers or strings.

use base64::Engine;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `YYYYMMDDHHmmss` in East Africa Time (UTC+3, no daylight saving), as Daraja expects.
pub fn timestamp(now: time::OffsetDateTime) -> String {
    let eat = now.to_offset(time::UtcOffset::from_hms(3, 0, 0).unwrap_or(time::UtcOffset::UTC));
    format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        eat.year(),
        u8::from(eat.month()),
        eat.day(),
        eat.hour(),
        eat.minute(),
        eat.second()
    )
}

/// The STK password: base64(shortcode + passkey + timestamp).
pub fn password(shortcode: &str, passkey: &str, timestamp: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{shortcode}{passkey}{timestamp}"))
}

/// M-Pesa takes whole shillings: an amount with cents is rounded up (the shopper never pays
/// less than the order), and the difference is recorded.
pub fn whole_shillings(amount: Decimal) -> Decimal {
    amount.ceil()
}

#[derive(Debug, Deserialize)]
pub struct TokenAnswer {
    pub access_token: String,
    /// Seconds, sent as a string ("3599") — accepted as either.
    #[serde(deserialize_with = "number_or_string")]
    pub expires_in: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StkPush<'a> {
    pub business_short_code: &'a str,
    pub password: String,
    pub timestamp: String,
    pub transaction_type: &'a str,
    pub amount: u64,
    pub party_a: &'a str,
    pub party_b: &'a str,
    pub phone_number: &'a str,
    #[serde(rename = "CallBackURL")]
    pub callback_url: String,
    pub account_reference: &'a str,
    pub transaction_desc: &'a str,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StkPushAnswer {
    #[serde(rename = "MerchantRequestID")]
    pub merchant_request_id: String,
    #[serde(rename = "CheckoutRequestID")]
    pub checkout_request_id: String,
    pub response_code: String,
    #[serde(default)]
    pub response_description: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct StkQuery<'a> {
    pub business_short_code: &'a str,
    pub password: String,
    pub timestamp: String,
    #[serde(rename = "CheckoutRequestID")]
    pub checkout_request_id: &'a str,
}

/// Daraja's error body (`errorCode` `500.001.1001` while the payer has not answered).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorAnswer {
    pub error_code: String,
    #[serde(default)]
    pub error_message: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct B2cRequest<'a> {
    #[serde(rename = "OriginatorConversationID")]
    pub originator_id: String,
    pub initiator_name: &'a str,
    pub security_credential: &'a str,
    #[serde(rename = "CommandID")]
    pub command_id: &'a str,
    pub amount: u64,
    pub party_a: &'a str,
    pub party_b: &'a str,
    pub remarks: &'a str,
    #[serde(rename = "QueueTimeOutURL")]
    pub queue_timeout_url: String,
    #[serde(rename = "ResultURL")]
    pub result_url: String,
    pub occasion: &'a str,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct B2cAnswer {
    #[serde(rename = "ConversationID", default)]
    pub conversation_id: String,
    pub response_code: String,
    #[serde(default)]
    pub response_description: String,
}

/// What an STK result code means for the payment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Paid,
    /// The payer did not pay (declined, wrong PIN, no funds, expired, push failed).
    Failed,
    /// No answer yet (1037 unreachable, busy codes, or the query's "still processing").
    Pending,
}

pub fn outcome(result_code: i64) -> Outcome {
    match result_code {
        0 => Outcome::Paid,
        17 | 26 | 1001 | 1037 => Outcome::Pending,
        _ => Outcome::Failed,
    }
}

/// An STK callback, read defensively.
#[derive(Clone, Debug, PartialEq)]
pub struct StkResult {
    pub merchant_request_id: String,
    pub checkout_request_id: String,
    pub result_code: i64,
    pub result_desc: String,
    /// Present on success only.
    pub paid: Option<PaidDetails>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PaidDetails {
    pub amount: Decimal,
    pub receipt: String,
    pub phone: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CallbackError {
    #[error("not JSON")]
    Malformed,
    #[error("missing {0}")]
    Missing(&'static str),
}

/// A number sent as a JSON number or a string.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn as_i64(v: &Value) -> Option<i64> {
    as_text(v)?.parse().ok()
}

/// Parses `{"Body":{"stkCallback":{…}}}`. A success (code 0) without the amount, receipt and
/// phone in its metadata is an error: it cannot be matched, so it must not move money.
pub fn parse_stk_callback(raw: &str) -> Result<StkResult, CallbackError> {
    let v: Value = serde_json::from_str(raw).map_err(|_| CallbackError::Malformed)?;
    let cb = v
        .pointer("/Body/stkCallback")
        .ok_or(CallbackError::Missing("Body.stkCallback"))?;
    let text = |name: &'static str| {
        cb.get(name)
            .and_then(as_text)
            .ok_or(CallbackError::Missing(name))
    };
    let result_code = cb
        .get("ResultCode")
        .and_then(as_i64)
        .ok_or(CallbackError::Missing("ResultCode"))?;
    let mut result = StkResult {
        merchant_request_id: text("MerchantRequestID").unwrap_or_default(),
        checkout_request_id: text("CheckoutRequestID")?,
        result_code,
        result_desc: text("ResultDesc").unwrap_or_default(),
        paid: None,
    };
    if result_code == 0 {
        let items = cb
            .pointer("/CallbackMetadata/Item")
            .and_then(Value::as_array)
            .ok_or(CallbackError::Missing("CallbackMetadata"))?;
        let item = |name: &'static str| {
            items
                .iter()
                .find(|i| i.get("Name").and_then(Value::as_str) == Some(name))
                .and_then(|i| i.get("Value"))
                .and_then(as_text)
                .filter(|s| !s.is_empty())
                .ok_or(CallbackError::Missing(name))
        };
        result.paid = Some(PaidDetails {
            amount: item("Amount")?
                .parse()
                .map_err(|_| CallbackError::Missing("Amount"))?,
            receipt: item("MpesaReceiptNumber")?,
            phone: item("PhoneNumber")?,
        });
    }
    Ok(result)
}

/// An STK query answer (ResultCode comes as a string) or the "still processing" error body.
pub fn parse_stk_query(status: u16, raw: &str) -> Result<(Outcome, i64, String), CallbackError> {
    let v: Value = serde_json::from_str(raw).map_err(|_| CallbackError::Malformed)?;
    if let Some(code) = v.get("ResultCode").and_then(as_i64) {
        let desc = v.get("ResultDesc").and_then(as_text).unwrap_or_default();
        return Ok((outcome(code), code, desc));
    }
    if status >= 400 && v.get("errorCode").is_some() {
        // Commonly 500.001.1001 "The transaction is being processed".
        return Ok((Outcome::Pending, 1037, v.to_string()));
    }
    Err(CallbackError::Missing("ResultCode"))
}

/// A B2C result: `{"Result":{"ResultCode","OriginatorConversationID","TransactionID",…}}`.
#[derive(Clone, Debug, PartialEq)]
pub struct B2cResult {
    pub originator_id: String,
    pub result_code: i64,
    pub result_desc: String,
    pub transaction_id: String,
}

pub fn parse_b2c_result(raw: &str) -> Result<B2cResult, CallbackError> {
    let v: Value = serde_json::from_str(raw).map_err(|_| CallbackError::Malformed)?;
    let r = v.get("Result").ok_or(CallbackError::Missing("Result"))?;
    Ok(B2cResult {
        originator_id: r
            .get("OriginatorConversationID")
            .and_then(as_text)
            .ok_or(CallbackError::Missing("OriginatorConversationID"))?,
        result_code: r
            .get("ResultCode")
            .and_then(as_i64)
            .ok_or(CallbackError::Missing("ResultCode"))?,
        result_desc: r.get("ResultDesc").and_then(as_text).unwrap_or_default(),
        transaction_id: r.get("TransactionID").and_then(as_text).unwrap_or_default(),
    })
}

fn number_or_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    let v = Value::deserialize(d)?;
    as_text(&v)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| serde::de::Error::custom("expected a number"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn password_and_timestamp_follow_daraja() {
        let t = time::OffsetDateTime::from_unix_timestamp(1_795_260_600).expect("valid"); // 2026-11-21 11:30 UTC
        assert_eq!(timestamp(t), "20261121143000", "East Africa Time");
        assert_eq!(
            password("174379", "key", "20261121143000"),
            "MTc0Mzc5a2V5MjAyNjExMjExNDMwMDA="
        );
    }

    #[test]
    fn amounts_round_up_to_whole_shillings() {
        assert_eq!(whole_shillings(dec!(1499.01)), dec!(1500));
        assert_eq!(whole_shillings(dec!(1500.00)), dec!(1500));
    }

    #[test]
    fn paid_callback_is_read_by_item_name_with_numbers_or_strings() {
        let raw = r#"{"Body":{"stkCallback":{"MerchantRequestID":"m-1","CheckoutRequestID":"ws_CO_1",
            "ResultCode":0,"ResultDesc":"ok","CallbackMetadata":{"Item":[
            {"Name":"PhoneNumber","Value":254712345678},{"Name":"Balance"},
            {"Name":"MpesaReceiptNumber","Value":"RKT1"},{"Name":"Amount","Value":"1500.00"},
            {"Name":"TransactionDate","Value":20261121143000}]}}}}"#;
        let r = parse_stk_callback(raw).expect("parses");
        assert_eq!(
            r.paid,
            Some(PaidDetails {
                amount: dec!(1500),
                receipt: "RKT1".into(),
                phone: "254712345678".into()
            })
        );
        assert_eq!(outcome(r.result_code), Outcome::Paid);
    }

    #[test]
    fn failures_have_no_metadata_and_bad_bodies_are_errors() {
        let cancelled = r#"{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"ws_CO_2","ResultCode":"1032","ResultDesc":"Request cancelled by user"}}}"#;
        let r = parse_stk_callback(cancelled).expect("parses");
        assert_eq!((r.result_code, r.paid), (1032, None));
        assert_eq!(outcome(1032), Outcome::Failed);
        assert_eq!(outcome(1037), Outcome::Pending);
        assert_eq!(
            parse_stk_callback("{not json"),
            Err(CallbackError::Malformed)
        );
        let no_meta = r#"{"Body":{"stkCallback":{"CheckoutRequestID":"ws_CO_3","ResultCode":0}}}"#;
        assert_eq!(
            parse_stk_callback(no_meta),
            Err(CallbackError::Missing("CallbackMetadata"))
        );
        let no_receipt = r#"{"Body":{"stkCallback":{"CheckoutRequestID":"x","ResultCode":0,
            "CallbackMetadata":{"Item":[{"Name":"Amount","Value":10},{"Name":"PhoneNumber","Value":254700000000}]}}}}"#;
        assert_eq!(
            parse_stk_callback(no_receipt),
            Err(CallbackError::Missing("MpesaReceiptNumber"))
        );
    }

    #[test]
    fn query_answers_and_the_still_processing_error() {
        let done = r#"{"ResponseCode":"0","ResultCode":"1032","ResultDesc":"cancelled"}"#;
        assert_eq!(parse_stk_query(200, done).map(|r| r.0), Ok(Outcome::Failed));
        let busy = r#"{"requestId":"1","errorCode":"500.001.1001","errorMessage":"The transaction is being processed"}"#;
        assert_eq!(
            parse_stk_query(500, busy).map(|r| r.0),
            Ok(Outcome::Pending)
        );
    }

    #[test]
    fn b2c_result_is_read() {
        let raw = r#"{"Result":{"ResultType":0,"ResultCode":0,"ResultDesc":"ok","OriginatorConversationID":"abc","ConversationID":"c","TransactionID":"T1"}}"#;
        let r = parse_b2c_result(raw).expect("parses");
        assert_eq!((r.originator_id.as_str(), r.result_code), ("abc", 0));
    }
}

/// Arbitrary bodies at the callback parsers: anything at all, and JSON shaped like Daraja's
/// with odd values in every place. None may panic; a paid result always carries a whole,
/// positive amount and a phone.
#[cfg(test)]
mod fuzz {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{Value, json};

    fn odd_value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::from),
            any::<i64>().prop_map(Value::from),
            any::<f64>()
                .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
            any::<String>().prop_map(Value::from),
            "[0-9]{0,20}(\\.[0-9]{0,4})?".prop_map(Value::from),
            Just(json!([])),
            Just(json!({})),
        ]
    }

    fn item() -> impl Strategy<Value = Value> {
        (
            prop_oneof![
                Just("Amount".to_owned()),
                Just("MpesaReceiptNumber".to_owned()),
                Just("PhoneNumber".to_owned()),
                Just("TransactionDate".to_owned()),
                any::<String>()
            ],
            prop::option::of(odd_value()),
        )
            .prop_map(|(name, value)| match value {
                Some(v) => json!({ "Name": name, "Value": v }),
                None => json!({ "Name": name }),
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn any_text(raw in any::<String>()) {
            let _ = parse_stk_callback(&raw);
            let _ = parse_b2c_result(&raw);
        }

        #[test]
        fn daraja_shaped(
            code in odd_value(), request in odd_value(), items in prop::collection::vec(item(), 0..6),
        ) {
            let body = json!({ "Body": { "stkCallback": {
                "MerchantRequestID": "m", "CheckoutRequestID": request, "ResultCode": code,
                "ResultDesc": "x", "CallbackMetadata": { "Item": items },
            }}})
            .to_string();
            if let Ok(result) = parse_stk_callback(&body)
                && let Some(paid) = result.paid
            {
                prop_assert!(paid.amount > Decimal::ZERO && paid.amount.fract().is_zero());
                prop_assert!(!paid.phone.is_empty());
            }
        }
    }
}

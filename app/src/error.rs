//! The one error type of the server-function boundary. Each variant says what the browser
//! may learn; database and other internal failures are logged on the server and collapse into
//! `Internal`.

use crate::domain::Invalid;
use crate::i18n::{Key, Locale};
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};
use server_fn::codec::PostcardEncoding;

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    /// HTTP 400: A field failed validation; `field` is the form field's name. Nothing was written.
    #[error("{field}: {why:?}")]
    Invalid { field: String, why: Invalid },
    /// HTTP 401: Login failed. The same for an unknown email and a wrong password, so the answer
    /// does not reveal who has an account.
    #[error("invalid email or password")]
    InvalidCredentials,
    /// HTTP 429: Too many failed logins for this account or address in the last hour.
    #[error("too many attempts")]
    Throttled,
    /// HTTP 401: The action needs a logged-in user.
    #[error("not logged in")]
    Unauthenticated,
    /// HTTP 403: Logged in, but the session's role or ownership does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// 404.
    #[error("not found")]
    NotFound,
    /// HTTP 500: Details are in the server log, never in the response.
    #[error("internal error")]
    Internal,
    /// The request or response could not be carried (network, encoding).
    #[error("transport: {0}")]
    Transport(String),
}

impl AppError {
    pub fn invalid(field: &str, why: Invalid) -> Self {
        AppError::Invalid {
            field: field.to_owned(),
            why,
        }
    }

    /// An internal failure: `what` goes to the server log (so a failed refund or payment
    /// leaves a trace), the browser only learns that something went wrong. The one way to
    /// make `Internal` outside the `From` conversions.
    #[track_caller]
    pub fn internal(what: impl std::fmt::Display) -> Self {
        #[cfg(feature = "ssr")]
        {
            let at = std::panic::Location::caller();
            tracing::error!(at = %at, "{what}");
        }
        #[cfg(not(feature = "ssr"))]
        let _ = what;
        AppError::Internal
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid { .. } => 400,
            AppError::InvalidCredentials | AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::NotFound => 404,
            AppError::Throttled => 429,
            AppError::Internal | AppError::Transport(_) => 500,
        }
    }

    /// The field this error belongs to, if it is a field error.
    pub fn field(&self) -> Option<&str> {
        match self {
            AppError::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// What to tell the person, in their language.
    pub fn message(&self, locale: Locale) -> String {
        let key = match self {
            AppError::Invalid { why, .. } => return locale.invalid(*why),
            AppError::InvalidCredentials => Key::InvalidCredentials,
            AppError::Throttled => Key::TooManyAttempts,
            AppError::Unauthenticated => Key::PleaseLogIn,
            AppError::Forbidden => Key::ForbiddenTitle,
            AppError::NotFound => Key::NotFoundTitle,
            AppError::Internal | AppError::Transport(_) => Key::ErrorBody,
        };
        locale.text(key).to_owned()
    }
}

impl FromServerFnError for AppError {
    /// Postcard, as islands' answers are (`wire::IslandCodec`): the browser bundle then carries
    /// no JSON decoder. A plain form post gets the error in its redirect URL, base64-encoded.
    type Encoder = PostcardEncoding;

    /// Input the server function could not read (a missing field, text where a number or id
    /// belongs) is the sender's mistake: a 400 that names the field when the message does.
    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            ServerFnErrorErr::MissingArg(field) => AppError::Invalid {
                field,
                why: Invalid::Required,
            },
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                AppError::Invalid {
                    field: field_named_in(&msg).unwrap_or("request").to_owned(),
                    why: Invalid::Unreadable,
                }
            }
            other => AppError::Transport(other.to_string()),
        }
    }
}

/// The field a decoding error names, as serde writes it: "missing field `phone`".
fn field_named_in(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once("field `")?;
    let (field, _) = rest.split_once('`')?;
    (!field.is_empty() && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then_some(field)
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}

#[cfg(feature = "ssr")]
impl From<tower_sessions::session::Error> for AppError {
    fn from(err: tower_sessions::session::Error) -> Self {
        tracing::error!(error = %err, "session store error");
        AppError::Internal
    }
}

/// Validation results name their field as `(field, why)`.
impl From<(&'static str, Invalid)> for AppError {
    fn from((field, why): (&'static str, Invalid)) -> Self {
        AppError::invalid(field, why)
    }
}

/// A ledger constructor built an unbalanced posting: a bug, logged, and the step refused.
impl From<crate::domain::ledger::Unbalanced> for AppError {
    #[track_caller]
    fn from(err: crate::domain::ledger::Unbalanced) -> Self {
        AppError::internal(format!("ledger posting refused: {err}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unreadable_input_is_the_senders_mistake() {
        let e = AppError::from_server_fn_error(ServerFnErrorErr::Args(
            "failed to deserialize: missing field `variant_id`".into(),
        ));
        assert_eq!(e, AppError::invalid("variant_id", Invalid::Unreadable));
        assert_eq!(e.status(), 400);
        let e = AppError::from_server_fn_error(ServerFnErrorErr::Args("invalid digit".into()));
        assert_eq!(e, AppError::invalid("request", Invalid::Unreadable));
        let e = AppError::from_server_fn_error(ServerFnErrorErr::Request("offline".into()));
        assert_eq!(e.status(), 500);
    }
}

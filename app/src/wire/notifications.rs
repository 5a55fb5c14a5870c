//! The outbox as admins see it.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A notification that failed ten times.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DeadLetter {
    pub id: Uuid,
    pub channel: String,
    pub recipient: String,
    pub subject: String,
    pub last_error: Option<String>,
    pub created: String,
}

//! Types the payments server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use crate::wire::orders::PayoutLine;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct FlaggedCallback {
    pub kind: String,
    pub request_id: Option<String>,
    pub flag: Option<String>,
    pub raw: String,
    pub received: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentsDesk {
    pub flagged: Vec<FlaggedCallback>,
    pub payouts: Vec<PayoutLine>,
}

//! Types the commission server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct RuleRow {
    pub id: Uuid,
    pub shop: Option<String>,
    pub category: Option<String>,
    pub rate: Decimal,
}

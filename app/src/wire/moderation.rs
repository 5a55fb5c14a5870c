//! Types the moderation server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PendingListing {
    pub id: Uuid,
    pub title: String,
    pub slug: String,
    pub description: String,
    pub price: Decimal,
    pub currency: String,
    pub tags: Vec<String>,
    pub category: String,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub submitted: Option<String>,
    pub photos: Vec<String>,
    pub variants: i64,
}

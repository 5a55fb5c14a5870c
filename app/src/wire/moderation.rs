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

/// One item waiting in the moderation inbox.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxItem {
    pub kind: crate::domain::moderation::InboxKind,
    pub id: Uuid,
    pub title: String,
    pub party: String,
    pub waiting_since: String,
    /// "45 min", "5 h", "3 d".
    pub age: String,
    /// The admin whose claim holds it, if any.
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
    /// A listing edit: it was approved before.
    pub is_edit: bool,
    /// What the edit changed since the approved version.
    pub changes: Vec<crate::domain::moderation::FieldChange>,
    /// An escalated dispute: both sides' words, the photos and the money at stake.
    pub dispute: Option<crate::wire::disputes::DisputeView>,
    /// A reported review, with the reports' reasons.
    pub review: Option<crate::wire::reviews::ReviewView>,
}

/// The inbox: how many wait of each kind, and the oldest of the kind asked for (or of all).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InboxView {
    pub counts: Vec<(crate::domain::moderation::InboxKind, i64)>,
    pub items: Vec<InboxItem>,
}

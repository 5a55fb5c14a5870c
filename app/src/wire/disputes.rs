//! A dispute as the shopper's order page, the shop's orders page and the admin's inbox show
//! it.

use crate::domain::dispute::{DisputeOutcome, DisputeReason, DisputeStatus};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DisputeView {
    pub id: Uuid,
    pub vendor_order_id: Uuid,
    pub reason: DisputeReason,
    pub status: DisputeStatus,
    pub outcome: Option<DisputeOutcome>,
    /// The shopper's account of it.
    pub body: String,
    /// Content keys of the shopper's photos.
    pub photos: Vec<String>,
    pub shop_answer: Option<String>,
    /// When the shop must answer by (Nairobi time).
    pub answer_due: String,
    pub opened: String,
    /// A partial refund's amount.
    pub refund_amount: Option<Decimal>,
    /// The admin's reasons, once decided.
    pub decision_note: Option<String>,
    /// The part's money still paid for (what a full refund gives back) and its currency.
    pub owed: Decimal,
    pub currency: String,
    pub shop: String,
    pub buyer: String,
}

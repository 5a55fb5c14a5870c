//! What the admin's order desk sends: orders found by number, shopper, shop or M-Pesa receipt,
//! and one order with its parts, payments, callbacks and ledger transactions.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderHit {
    pub id: Uuid,
    pub number: String,
    pub shopper: String,
    pub shops: String,
    pub status: String,
    pub payment_method: String,
    pub total: Decimal,
    pub currency: String,
    pub placed: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AdminItem {
    pub id: Uuid,
    pub title: String,
    pub options: String,
    pub quantity: i32,
    pub line_total: Decimal,
    pub refunded: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AdminPart {
    pub id: Uuid,
    pub shop: String,
    pub status: String,
    pub subtotal: Decimal,
    pub commission: Decimal,
    pub vendor_net: Decimal,
    pub refunded_total: Decimal,
    /// Whether an item of this part may still be refunded.
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub refundable: bool,
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub items: Vec<AdminItem>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AdminPayment {
    pub status: String,
    pub amount: Decimal,
    pub phone: String,
    pub receipt: Option<String>,
    pub result_desc: Option<String>,
    pub created: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AdminCallback {
    pub kind: String,
    pub outcome: String,
    pub flag: Option<String>,
    pub received: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AdminLedgerTx {
    pub kind: String,
    pub memo: String,
    /// The money it moved (the sum of its debits).
    pub amount: Decimal,
    pub currency: String,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AdminOrderView {
    pub order: OrderHit,
    pub address: String,
    pub phone: String,
    pub parts: Vec<AdminPart>,
    pub payments: Vec<AdminPayment>,
    pub callbacks: Vec<AdminCallback>,
    pub ledger: Vec<AdminLedgerTx>,
}

//! Types the orders server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use crate::domain::order::{OrderStatus, PaymentMethod, VendorOrderStatus};
use crate::domain::payment::{PaymentStatus, PayoutPurpose, PayoutStatus};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::wire::cart::{CartView, DeliveryOffer};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderSummary {
    pub id: Uuid,
    pub status: OrderStatus,
    pub payment_method: PaymentMethod,
    pub currency: String,
    pub subtotal: Decimal,
    pub discount_total: Decimal,
    pub delivery_total: Decimal,
    pub total: Decimal,
    pub vat_included: Decimal,
    pub county: String,
    pub town: String,
    pub street: String,
    pub phone: String,
    pub placed: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderItemView {
    pub id: Uuid,
    pub refunded: bool,
    pub title: String,
    pub sku: String,
    pub options: String,
    pub quantity: i32,
    pub unit_price: Decimal,
    pub line_total: Decimal,
    /// Its part was delivered and the shopper has not reviewed it yet (`domain::review`).
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub reviewable: bool,
    /// The stars the shopper gave it, once reviewed.
    pub my_stars: Option<i16>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderEvent {
    pub status: VendorOrderStatus,
    pub note: Option<String>,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorOrderView {
    pub id: Uuid,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub status: VendorOrderStatus,
    pub subtotal: Decimal,
    pub delivery_method: String,
    pub delivery_fee: Decimal,
    pub discount: Decimal,
    pub coupon_code: Option<String>,
    pub total: Decimal,
    /// An accepted part: when the shop should ship it by (Nairobi time), and whether that has
    /// passed (then the shopper may cancel it for a refund).
    pub ship_by: Option<String>,
    pub ship_overdue: bool,
    pub items: Vec<OrderItemView>,
    pub events: Vec<OrderEvent>,
    /// The part's dispute, if the shopper opened one.
    pub dispute: Option<crate::wire::disputes::DisputeView>,
    /// The reasons the shopper may dispute it for now (none: no dispute possible).
    pub disputable: Vec<crate::domain::dispute::DisputeReason>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderPage {
    pub order: OrderSummary,
    pub parts: Vec<VendorOrderView>,
    pub payment: Option<PaymentState>,
}

/// Where an M-Pesa order's payment stands, for the "check your phone" panel.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentState {
    /// `pending`, `paid` or `failed` (the latest attempt), or `none` before the first.
    pub status: Option<PaymentStatus>,
    pub result: Option<String>,
    pub phone: String,
    /// The order can still be paid (unpaid, reservation running).
    pub payable: bool,
    pub reserved_minutes_left: i64,
}

/// What the checkout page needs: the cart as it is now, the VAT inside it, a fresh key for
/// this checkout, each shop's delivery offer, and the shopper's saved addresses and phone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckoutData {
    /// Safe mode: new orders are paused, with the admin's message.
    pub paused: Option<String>,
    pub cart: CartView,
    pub vat_included: Decimal,
    pub vat_percent: String,
    pub key: Uuid,
    pub phone: String,
    pub offers: Vec<DeliveryOffer>,
    pub addresses: Vec<SavedAddress>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SavedAddress {
    pub id: Uuid,
    pub county: String,
    pub town: String,
    pub street: String,
    pub phone: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ShopOrderRow {
    pub id: Uuid,
    pub status: VendorOrderStatus,
    pub subtotal: Decimal,
    pub vendor_net: Decimal,
    pub currency: String,
    pub payment_method: PaymentMethod,
    pub buyer: String,
    pub phone: String,
    pub street: String,
    pub town: String,
    pub county: String,
    pub placed: String,
    pub items: Option<String>,
    pub delivery_method: String,
    /// The latest note on the part (a return's reason, a carrier note).
    pub last_note: Option<String>,
    /// The part's items: id, "2 × Title (options)", refunded.
    pub item_ids: Vec<Uuid>,
    pub item_labels: Vec<String>,
    pub item_refunded: Vec<bool>,
    /// The part's dispute, if any (filled after the row is read).
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub dispute: Option<crate::wire::disputes::DisputeView>,
}

/// A shop's money, all read from the ledger: sales still held (pending), available for
/// payout, and owed to the platform for cash sales; a line per part; its payouts.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MoneyView {
    pub currency: String,
    pub pending: Decimal,
    pub available: Decimal,
    pub owed: Decimal,
    pub statement: Vec<StatementLine>,
    pub payouts: Vec<PayoutLine>,
    /// Why no payout will be sent at the moment, if anything holds them.
    pub holds: PayoutHolds,
}

/// What holds a shop's payouts until it is done (see `db::payouts::candidates`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PayoutHolds {
    /// The payout phone changed: held until then (Nairobi time).
    pub phone_changed_until: Option<String>,
    pub owner_email_unconfirmed: bool,
    pub owner_two_step_off: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct StatementLine {
    pub vendor_order_id: Uuid,
    pub placed: String,
    pub status: VendorOrderStatus,
    pub payment_method: PaymentMethod,
    pub gross: Decimal,
    pub discount: Decimal,
    pub delivery_fee: Decimal,
    pub commission: Decimal,
    /// What the part adds to the shop's balance (negative: owed for a cash sale).
    pub net: Decimal,
    /// Delivery date plus the holding period, once delivered.
    pub available_on: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PayoutLine {
    pub id: Uuid,
    pub purpose: PayoutPurpose,
    pub shop: Option<String>,
    pub amount: Decimal,
    pub currency: String,
    pub phone: String,
    pub status: PayoutStatus,
    pub result_desc: Option<String>,
    pub created: String,
}

//! Types the coupons server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A checked coupon, ready to store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CouponInput {
    pub code: String,
    pub percent_off: Option<Decimal>,
    pub amount_off: Option<Decimal>,
    pub min_subtotal: Decimal,
    pub max_uses: Option<i32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CouponRow {
    pub id: Uuid,
    pub code: String,
    pub percent_off: Option<Decimal>,
    pub amount_off: Option<Decimal>,
    pub min_subtotal: Decimal,
    pub max_uses: Option<i32>,
    pub uses: i32,
    pub active: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TermsView {
    pub coupons: Vec<CouponRow>,
    pub terms: crate::domain::pricing::DeliveryTerms,
}

//! Types the seller server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use crate::domain::listing::ListingInput;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SellerListingRow {
    pub id: Uuid,
    pub title: String,
    pub slug: String,
    pub status: String,
    pub rejection_reason: Option<String>,
    pub price: Decimal,
    pub currency: String,
    pub stock: i32,
    pub low_stock_threshold: i32,
    pub variants: i64,
    pub cover: Option<String>,
    pub updated: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct LowStockRow {
    pub listing_id: Uuid,
    pub title: String,
    pub sku: String,
    /// The variant's options as JSON text.
    pub options: String,
    pub stock: i32,
    pub low_stock_threshold: i32,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct VariantView {
    pub id: Uuid,
    pub sku: String,
    /// JSON object text, e.g. `{"Size": "M"}`; see [`crate::domain::listing::options_label`].
    pub options: String,
    pub price: Option<Decimal>,
    pub stock: i32,
}

/// A listing as its edit page shows it: the form's values as typed, plus status and parts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingEdit {
    pub id: Uuid,
    pub slug: String,
    pub status: String,
    pub rejection_reason: Option<String>,
    pub input: ListingInput,
    pub variants: Vec<VariantView>,
    pub photos: Vec<String>,
}

/// What the dashboard's overview shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The shop's membership tier: its listing limit and commission.
    pub tier: crate::wire::vendor::Tier,
    pub listings: Vec<SellerListingRow>,
    pub low_stock: Vec<LowStockRow>,
}

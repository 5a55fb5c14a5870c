//! Types the product server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use crate::wire::catalog::{ListingCard, SearchResults};
use crate::wire::seller::VariantView;
use crate::wire::vendor::ShopView;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ProductRow {
    pub id: Uuid,
    pub vendor_id: Uuid,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub price: Decimal,
    pub compare_at_price: Option<Decimal>,
    pub currency: String,
    pub stock: i32,
    pub county: String,
    pub town: String,
    pub category_slug: String,
    pub category_en: String,
    pub category_sw: String,
    pub weight_grams: Option<i32>,
    pub featured: bool,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub vendor_rating: Decimal,
    pub vendor_town: String,
    pub vendor_county: String,
    pub vendor_logo: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductDetails {
    pub product: ProductRow,
    /// The description as sanitised HTML (see `markdown`).
    pub description_html: String,
    pub photos: Vec<String>,
    pub variants: Vec<VariantView>,
    pub more_from_vendor: Vec<ListingCard>,
    /// The page's absolute URL, for `<link rel=canonical>` and Open Graph.
    pub canonical: String,
    /// Absolute URL of the first photo, for Open Graph and JSON-LD.
    pub image: Option<String>,
    /// The listing's reviews.
    pub reviews: crate::wire::reviews::Reviews,
    /// Whether the logged-in reader saved it (None: not logged in).
    pub saved: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Storefront {
    pub shop: ShopView,
    pub results: SearchResults,
    /// The shop's reviews, across its listings.
    pub reviews: crate::wire::reviews::Reviews,
}

/// The home page's listing rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shelves {
    pub featured: Vec<ListingCard>,
    pub newest: Vec<ListingCard>,
    /// Popular within 50 km, when the shopper shared a location.
    pub near: Vec<ListingCard>,
}

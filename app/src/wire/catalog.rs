//! Types the catalog server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use crate::domain::search::Sort;
use crate::domain::{Currency, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CategoryCard {
    pub slug: String,
    pub name: String,
    pub subcategories: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ListingCard {
    pub id: Uuid,
    pub slug: String,
    pub title: String,
    pub price: Decimal,
    pub compare_at_price: Option<Decimal>,
    pub currency: String,
    pub stock: i32,
    pub county: String,
    pub town: String,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub vendor_rating: Decimal,
    /// Content key of the first photo.
    pub cover: Option<String>,
    pub distance_km: Option<f64>,
    /// The value this row was sorted by; with `id` it makes the next page's cursor.
    pub sort_key: String,
}

impl ListingCard {
    pub fn price(&self) -> Money {
        Money::new(
            self.price,
            Currency::parse(&self.currency).unwrap_or_default(),
        )
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    pub value: String,
    pub label_en: String,
    pub label_sw: String,
    pub count: i64,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    pub categories: Vec<FacetCount>,
    pub counties: Vec<FacetCount>,
    /// value: the minimum rating ("4.5", "4", "3")
    pub ratings: Vec<FacetCount>,
    /// value: index into the price bands
    pub prices: Vec<FacetCount>,
    pub in_stock: i64,
    pub total: i64,
    /// More matches than were counted: counts are lower bounds.
    pub capped: bool,
    /// Counts estimated from a sample of the matches (shown as "about N").
    pub estimated: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchResults {
    pub hits: Vec<ListingCard>,
    pub facets: Facets,
    /// Cursor of the next page, if there is one.
    pub next: Option<String>,
    pub corrections: Vec<Correction>,
    /// No listing had every word; these hits match some of them.
    pub matched_any: bool,
    pub sort: Sort,
    /// A location is set (a town or the shopper's position): "Nearest" and distances apply.
    pub located: bool,
}

/// A category for the listing form's picker: "Parent › Child", in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CategoryChoice {
    pub id: Uuid,
    pub label: String,
}

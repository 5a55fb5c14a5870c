//! Reviews as the product page, the store page, the shop's reviews page and the admin's inbox
//! show them.

use crate::domain::review::{Distribution, ReviewSort};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ReviewView {
    pub id: Uuid,
    pub listing_title: String,
    pub listing_slug: String,
    /// The author's first name only.
    pub author: String,
    pub stars: i16,
    pub body: String,
    pub photos: Vec<String>,
    pub helpful: i32,
    pub reply: Option<String>,
    pub created: String,
    /// For the shop and admins: hidden, and why.
    pub hidden_reason: Option<String>,
    /// For admins: the reports' reasons.
    pub reports: Vec<String>,
}

/// A listing's or a shop's reviews: the distribution of stars and one page of reviews.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Reviews {
    pub distribution: Distribution,
    pub sort: ReviewSort,
    pub reviews: Vec<ReviewView>,
}

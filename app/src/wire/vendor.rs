//! Types the vendor server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ShopView {
    pub id: Uuid,
    pub business_name: String,
    pub slug: String,
    pub phone: String,
    pub business_type: String,
    pub description: String,
    pub county: String,
    pub town: String,
    pub lat: f64,
    pub lng: f64,
    pub verification_status: String,
    pub rejection_reason: Option<String>,
    pub tier: String,
    pub rating: Decimal,
    pub logo_key: Option<String>,
    pub listing_limit: i32,
    pub commission_rate: Decimal,
    pub active_listings: i64,
}

impl ShopView {
    pub fn logo_url(&self) -> Option<String> {
        self.logo_key
            .as_deref()
            .map(|k| crate::domain::media::photo_url(k, crate::domain::media::PhotoSize::Thumb))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct DocumentView {
    pub id: Uuid,
    pub kind: String,
    pub file_name: String,
    pub mime: String,
    pub bytes: i32,
    pub uploaded_at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct StaffView {
    pub user_id: Uuid,
    pub name: String,
    pub email: String,
    pub role: String,
}

/// An invitation the shop sent and is waiting on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SentInvitation {
    pub id: Uuid,
    pub email: String,
    pub role: String,
}

/// An invitation waiting for the signed-in user's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Invitation {
    pub id: Uuid,
    pub business_name: String,
    pub role: String,
}

/// The signed-in user's shop, as its dashboard shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopMembership {
    pub shop: ShopView,
    pub my_role: String,
    pub documents: Vec<DocumentView>,
    /// For the owner of a verified shop: where a payout phone change stands.
    pub payout_phone: Option<PayoutPhoneState>,
}

/// A verified shop's payout phone change, as its owner sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PayoutPhoneState {
    /// The number a code was sent to, while that code can still be used.
    pub code_sent_to: Option<String>,
    /// Payouts are held until this time (Nairobi) after a change.
    pub held_until: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Applicant {
    pub id: Uuid,
    pub business_name: String,
    pub slug: String,
    pub phone: String,
    pub business_type: String,
    pub description: String,
    pub county: String,
    pub town: String,
    pub verification_status: String,
    /// The membership tier's code.
    pub tier: String,
    pub applicant_email: Option<String>,
    pub applied_at: String,
    pub documents: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Tier {
    pub code: String,
    pub name: String,
    pub listing_limit: i32,
    pub commission_rate: Decimal,
}

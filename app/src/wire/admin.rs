//! Types the admin server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PlatformCounts {
    pub users: i64,
    pub admins: i64,
    pub vendors: i64,
    pub verified_vendors: i64,
    pub categories: i64,
}

/// A category as the admin's tree editor shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AdminCategory {
    pub id: uuid::Uuid,
    pub parent_id: Option<uuid::Uuid>,
    pub slug: String,
    pub name_en: String,
    pub name_sw: String,
    /// Listings filed directly under it, whatever their status.
    pub listings: i64,
    pub subcategories: i64,
}

/// One row of the audit log as the console lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AuditEntry {
    pub id: i64,
    /// `YYYY-MM-DD HH:MM:SS` UTC.
    pub at: String,
    pub actor_email: Option<String>,
    pub actor_role: String,
    pub action: String,
    pub object_kind: String,
    pub object_id: String,
    pub summary: String,
    pub ip: String,
}

/// A page of the audit log and the cursor of the next (older) one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub next: Option<i64>,
}

/// A person as the console's people page lists them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Person {
    pub id: uuid::Uuid,
    pub email: String,
    pub name: String,
    /// `customer`, `vendor_staff` or `admin`.
    pub role: String,
    /// `active` or `suspended`.
    pub status: String,
    /// `YYYY-MM-DD`.
    pub joined: String,
    /// The shops they work in, by name.
    pub shops: Vec<String>,
    pub orders: i64,
}

/// A shop a person works in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct PersonShop {
    pub id: uuid::Uuid,
    pub name: String,
    pub slug: String,
    /// Their role there: `owner`, `inventory`, `orders`, `accounting`.
    pub role: String,
    /// The shop's verification status.
    pub status: String,
    /// Filled in after the query (`db::reliability`).
    #[cfg_attr(feature = "ssr", sqlx(skip))]
    pub reliability: crate::domain::reliability::Reliability,
}

/// The admin's page about one person: who they are, how their account is protected, their
/// shops, their latest orders and where they are logged in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PersonDetail {
    pub person: Person,
    pub two_factor: bool,
    pub email_verified: bool,
    pub shops: Vec<PersonShop>,
    pub orders: Vec<crate::wire::admin_orders::OrderHit>,
    pub sessions: Vec<crate::wire::auth::SessionView>,
}

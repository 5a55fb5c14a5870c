//! A shop's application to sell, and the rules that decide what a shop may do.

use super::text::{bounded, number};
use super::{Invalid, Phone, slug::Slug};
use serde::{Deserialize, Serialize};

/// Where a shop stands with the platform. Only verified shops can publish listings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VerificationStatus {
    Pending,
    Verified,
    Rejected,
    Suspended,
}

impl VerificationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Verified => "verified",
            Self::Rejected => "rejected",
            Self::Suspended => "suspended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Pending,
            Self::Verified,
            Self::Rejected,
            Self::Suspended,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }

    pub fn may_publish(self) -> bool {
        self == Self::Verified
    }

    /// The review decisions an admin may take from this status.
    pub fn may_become(self, next: Self) -> bool {
        use VerificationStatus::*;
        matches!(
            (self, next),
            (Pending, Verified)
                | (Pending, Rejected)
                | (Verified, Suspended)
                | (Suspended, Verified)
        )
    }
}

/// What a shop's staff member may do there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StaffRole {
    Owner,
    Inventory,
    Orders,
    Accounting,
}

/// The parts of the seller dashboard, each open to some staff roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShopTask {
    /// Listings, photos, variants, stock, CSV import and export.
    Catalog,
    Orders,
    Finances,
    /// Staff, shop profile.
    Manage,
}

impl StaffRole {
    pub const ALL: [StaffRole; 4] = [Self::Owner, Self::Inventory, Self::Orders, Self::Accounting];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Owner => "owner",
            Self::Inventory => "inventory",
            Self::Orders => "orders",
            Self::Accounting => "accounting",
        }
    }

    pub fn parse(s: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|r| r.as_str() == s.trim())
            .ok_or(Invalid::NotFound)
    }

    pub fn may(self, task: ShopTask) -> bool {
        match self {
            Self::Owner => true,
            Self::Inventory => task == ShopTask::Catalog,
            Self::Orders => task == ShopTask::Orders,
            Self::Accounting => task == ShopTask::Finances,
        }
    }
}

/// KYC documents one shop may hold (ID front and back, permit, KRA PIN, and a few spares).
pub const MAX_DOCUMENTS: i64 = 8;

pub const BUSINESS_TYPES: [&str; 5] = [
    "individual",
    "sole_proprietor",
    "partnership",
    "limited_company",
    "cooperative",
];

/// The application form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ApplicationInput {
    pub business_name: String,
    pub slug: String,
    pub phone: String,
    pub business_type: String,
    pub description: String,
    pub county: String,
    pub town: String,
    pub lat: String,
    pub lng: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Application {
    pub business_name: String,
    pub slug: Slug,
    pub phone: Phone,
    pub business_type: &'static str,
    pub description: String,
    pub county: String,
    pub town: String,
    pub lat: f64,
    pub lng: f64,
}

impl ApplicationInput {
    /// Validates every field; the error names the first field that is wrong.
    pub fn validate(&self) -> Result<Application, (&'static str, Invalid)> {
        let at = |field: &'static str| move |why| (field, why);
        Ok(Application {
            business_name: bounded(&self.business_name, 2, 120, false)
                .map_err(at("business_name"))?,
            slug: Slug::parse(&self.slug).map_err(at("slug"))?,
            phone: Phone::parse(&self.phone).map_err(at("phone"))?,
            business_type: BUSINESS_TYPES
                .into_iter()
                .find(|t| *t == self.business_type.trim())
                .ok_or(("business_type", Invalid::NotFound))?,
            description: bounded(&self.description, 0, 2000, true).map_err(at("description"))?,
            county: bounded(&self.county, 2, 40, false).map_err(at("county"))?,
            town: bounded(&self.town, 2, 60, false).map_err(at("town"))?,
            lat: number(&self.lat, -90.0..=90.0).map_err(at("lat"))?,
            lng: number(&self.lng, -180.0..=180.0).map_err(at("lng"))?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> ApplicationInput {
        ApplicationInput {
            business_name: "Mama Mboga Greens".into(),
            slug: "mama-mboga".into(),
            phone: "0712 345 678".into(),
            business_type: "sole_proprietor".into(),
            description: "Fresh greens daily.\nDelivery in Westlands.".into(),
            county: "Nairobi".into(),
            town: "Westlands".into(),
            lat: "-1.2676".into(),
            lng: "36.8108".into(),
        }
    }

    #[test]
    fn a_good_application_normalises_the_phone() {
        let app = input().validate().expect("valid");
        assert_eq!(app.phone.as_str(), "+254712345678");
        assert_eq!(app.slug.as_str(), "mama-mboga");
    }

    #[test]
    fn errors_name_the_field() {
        let mut bad = input();
        bad.slug = "Mama Mboga".into();
        assert_eq!(bad.validate().err(), Some(("slug", Invalid::SlugFormat)));
        let mut bad = input();
        bad.phone = "12345".into();
        assert_eq!(bad.validate().err().map(|e| e.0), Some("phone"));
        let mut bad = input();
        bad.lat = "95".into();
        assert_eq!(bad.validate().err(), Some(("lat", Invalid::OutOfRange)));
        let mut bad = input();
        bad.business_type = "empire".into();
        assert_eq!(
            bad.validate().err(),
            Some(("business_type", Invalid::NotFound))
        );
    }

    #[test]
    fn review_transitions() {
        use VerificationStatus::*;
        assert!(Pending.may_become(Verified));
        assert!(Pending.may_become(Rejected));
        assert!(!Rejected.may_become(Verified));
        assert!(Verified.may_become(Suspended));
        assert!(!Pending.may_publish() && !Suspended.may_publish() && Verified.may_publish());
    }

    #[test]
    fn staff_roles_see_their_part_only() {
        assert!(StaffRole::Owner.may(ShopTask::Manage));
        assert!(StaffRole::Inventory.may(ShopTask::Catalog));
        assert!(!StaffRole::Inventory.may(ShopTask::Orders));
        assert!(!StaffRole::Orders.may(ShopTask::Catalog));
        assert!(!StaffRole::Accounting.may(ShopTask::Manage));
        assert_eq!(StaffRole::parse("ceo"), Err(Invalid::NotFound));
    }
}

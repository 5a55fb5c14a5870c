//! Who a user is to the platform. Stored as text with a CHECK constraint in `users.role`.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    Customer,
    VendorStaff,
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Customer => "customer",
            Role::VendorStaff => "vendor_staff",
            Role::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "customer" => Some(Role::Customer),
            "vendor_staff" => Some(Role::VendorStaff),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }

    /// Admins may open every area; vendor staff the seller dashboard; everyone their account.
    pub fn may_enter(self, area: Area) -> bool {
        match area {
            Area::Account => true,
            Area::Seller => matches!(self, Role::VendorStaff | Role::Admin),
            Area::Admin => self == Role::Admin,
        }
    }
}

/// The protected parts of the site, each behind its own URL prefix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    Account,
    Seller,
    Admin,
}

impl Area {
    /// Which area a request path belongs to, if any.
    pub fn of_path(path: &str) -> Option<Self> {
        let first = path
            .trim_start_matches('/')
            .split('/')
            .next()
            .unwrap_or_default();
        match first {
            // Checking out needs an account: the guard sends visitors to log in first.
            "account" | "checkout" => Some(Area::Account),
            "seller" => Some(Area::Seller),
            "admin" => Some(Area::Admin),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for r in [Role::Customer, Role::VendorStaff, Role::Admin] {
            assert_eq!(Role::parse(r.as_str()), Some(r));
        }
        assert_eq!(Role::parse("superuser"), None);
    }

    #[test]
    fn areas() {
        assert!(!Role::Customer.may_enter(Area::Admin));
        assert!(!Role::Customer.may_enter(Area::Seller));
        assert!(Role::VendorStaff.may_enter(Area::Seller));
        assert!(!Role::VendorStaff.may_enter(Area::Admin));
        assert!(Role::Admin.may_enter(Area::Seller));
        assert_eq!(Area::of_path("/admin"), Some(Area::Admin));
        assert_eq!(Area::of_path("/admin/users/1"), Some(Area::Admin));
        assert_eq!(Area::of_path("/administrator"), None);
        assert_eq!(
            Area::of_path("/account?x=1".split('?').next().unwrap_or_default()),
            Some(Area::Account)
        );
        assert_eq!(Area::of_path("/"), None);
    }
}

//! Data access: every query Sokoni runs, with bound parameters only.

pub mod carts;
pub mod categories;
pub mod commission;
pub mod coupons;
pub mod ledger;
pub mod listings;
pub mod login_failures;
pub mod media;
pub mod moderation;
pub mod notifications;
pub mod orders;
pub mod payments;
pub mod payouts;
pub mod products;
pub mod search;
pub mod stats;
pub mod users;
pub mod vendors;

/// The constraint a write violated, if the database refused it for a unique/check rule.
/// Errors are matched by constraint name, never by message text.
pub fn violated_constraint(err: &sqlx::Error) -> Option<&str> {
    match err {
        sqlx::Error::Database(db) => db.constraint(),
        _ => None,
    }
}

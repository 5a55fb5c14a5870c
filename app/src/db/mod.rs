//! Data access: every query Sokoni runs, with bound parameters only.

pub mod addresses;
pub mod admin_orders;
pub mod analytics;
pub mod analytics_rollup;
pub mod audit;
pub mod carts;
pub mod categories;
pub mod commission;
pub mod coupons;
pub mod disputes;
pub mod email_verifications;
pub mod geo;
pub mod inbox;
pub mod leader;
pub mod ledger;
pub mod listings;
pub mod login_failures;
pub mod media;
pub mod moderation;
pub mod notifications;
pub mod orders;
pub mod password_resets;
pub mod payments;
pub mod payout_phone;
pub mod payouts;
pub mod people;
pub mod platform;
pub mod products;
pub mod reliability;
pub mod reviews;
pub mod search;
pub mod seed;
pub mod sitemap;
pub mod stats;
pub mod two_factor;
pub mod user_sessions;
pub mod users;
pub mod vendors;
pub mod wishlist;

/// Whether the database answers (the readiness probe).
pub async fn ping(db: impl sqlx::PgExecutor<'_>) -> Result<(), sqlx::Error> {
    sqlx::query_scalar::<_, i32>("select 1")
        .fetch_one(db)
        .await?;
    Ok(())
}

/// Which refused writes a caller turns into field errors.
#[derive(Clone, Copy, Debug)]
pub enum Constraint {
    /// The named unique or check constraint.
    Named(&'static str),
    /// Any constraint (a foreign key to something that is gone, a duplicate row).
    Any,
}

/// Turns a database refusal into the field error it means for the user, by constraint name
/// (never by message text); any other failure stays an internal error (logged).
pub trait RefusedAs<T> {
    fn refused_as(
        self,
        rules: &[(Constraint, &'static str, crate::domain::Invalid)],
    ) -> Result<T, crate::error::AppError>;
}

impl<T> RefusedAs<T> for Result<T, sqlx::Error> {
    fn refused_as(
        self,
        rules: &[(Constraint, &'static str, crate::domain::Invalid)],
    ) -> Result<T, crate::error::AppError> {
        self.map_err(|err| {
            let violated = violated_constraint(&err);
            rules
                .iter()
                .find(|(c, _, _)| match c {
                    Constraint::Named(name) => violated == Some(*name),
                    Constraint::Any => violated.is_some(),
                })
                .map_or_else(
                    || err.into(),
                    |(_, field, why)| crate::error::AppError::invalid(field, *why),
                )
        })
    }
}

/// The constraint a write violated, if the database refused it for a unique/check rule.
/// Errors are matched by constraint name, never by message text.
pub fn violated_constraint(err: &sqlx::Error) -> Option<&str> {
    match err {
        sqlx::Error::Database(db) => db.constraint(),
        _ => None,
    }
}

/// An `ilike` pattern matching `words` anywhere, as typed: `%`, `_` and `\` are escaped, so
/// nothing an admin types is read as a wildcard.
pub(crate) fn contains_pattern(words: &str) -> String {
    let escaped = words
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

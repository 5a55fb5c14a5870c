//! Platform-wide counts for the admin console.

use crate::wire::admin::PlatformCounts;
use sqlx::PgExecutor;

pub async fn platform_counts(db: impl PgExecutor<'_>) -> Result<PlatformCounts, sqlx::Error> {
    sqlx::query_as(
        "select (select count(*) from users) as users,
                (select count(*) from users where role = 'admin') as admins,
                (select count(*) from vendors) as vendors,
                (select count(*) from vendors where verification_status = 'verified') as verified_vendors,
                (select count(*) from categories) as categories",
    )
    .fetch_one(db)
    .await
}

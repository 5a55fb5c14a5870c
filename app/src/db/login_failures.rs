//! The failed-login log behind throttling.

use sqlx::PgExecutor;

/// Failures in the last hour for this email and for this client address.
pub async fn recent(
    db: impl PgExecutor<'_>,
    email: &str,
    ip: &str,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "select count(*) filter (where email = $1), count(*) filter (where ip = $2)
         from login_failures
         where failed_at > now() - interval '1 hour' and (email = $1 or ip = $2)",
    )
    .bind(email)
    .bind(ip)
    .fetch_one(db)
    .await
}

pub async fn record(db: impl PgExecutor<'_>, email: &str, ip: &str) -> Result<(), sqlx::Error> {
    sqlx::query("insert into login_failures (email, ip) values ($1, $2)")
        .bind(email)
        .bind(ip)
        .execute(db)
        .await?;
    Ok(())
}

/// Forgets failures older than a day; they no longer count towards any limit.
pub async fn prune(db: impl PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query("delete from login_failures where failed_at < now() - interval '1 day'")
        .execute(db)
        .await?;
    Ok(done.rows_affected())
}

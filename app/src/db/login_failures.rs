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

/// Registrations from this client address in the last hour, counting this one: it is noted
/// first, so concurrent sign-ups from one address see each other.
pub async fn note_signup(db: impl PgExecutor<'_>, ip: &str) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "with noted as (insert into signups (ip) values ($1))
         select count(*) + 1 from signups where ip = $1 and created_at > now() - interval '1 hour'",
    )
    .bind(ip)
    .fetch_one(db)
    .await
}

/// Forgets failures older than a day; they no longer count towards any limit.
pub async fn prune(db: impl PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    let done = sqlx::query(
        "with s as (delete from signups where created_at < now() - interval '1 day')
         delete from login_failures where failed_at < now() - interval '1 day'",
    )
    .execute(db)
    .await?;
    Ok(done.rows_affected())
}

//! The failed-login log behind throttling.

use sqlx::PgExecutor;

/// Other login attempts of the last hour: for this email, for this client address, and the
/// seconds since the email's latest one (None without any).
pub struct Recent {
    pub by_account: i64,
    pub by_ip: i64,
    pub secs_since_account_failure: Option<f64>,
}

/// Notes an attempt before its password is checked, so concurrent attempts count each other.
/// It stays as a failure unless `forget` takes it back. Emails are kept to 254 characters.
pub async fn note(db: impl PgExecutor<'_>, email: &str, ip: &str) -> Result<i64, sqlx::Error> {
    let email: String = email.chars().take(254).collect();
    sqlx::query_scalar("insert into login_failures (email, ip) values ($1, $2) returning id")
        .bind(email)
        .bind(ip)
        .fetch_one(db)
        .await
}

/// The attempts of the last hour other than `attempt`.
pub async fn recent(
    db: impl PgExecutor<'_>,
    email: &str,
    ip: &str,
    attempt: i64,
) -> Result<Recent, sqlx::Error> {
    let email: String = email.chars().take(254).collect();
    let (by_account, by_ip, secs_since_account_failure) = sqlx::query_as(
        "select count(*) filter (where email = $1), count(*) filter (where ip = $2),
                extract(epoch from now() - max(failed_at) filter (where email = $1))::float8
         from login_failures
         where failed_at > now() - interval '1 hour' and (email = $1 or ip = $2) and id <> $3",
    )
    .bind(email)
    .bind(ip)
    .bind(attempt)
    .fetch_one(db)
    .await?;
    Ok(Recent {
        by_account,
        by_ip,
        secs_since_account_failure,
    })
}

/// Takes back a noted attempt: it succeeded, or it was refused before its password was tried.
pub async fn forget(db: impl PgExecutor<'_>, attempt: i64) -> Result<(), sqlx::Error> {
    sqlx::query("delete from login_failures where id = $1")
        .bind(attempt)
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

//! Password reset links (migration ..17): requests counted for throttling, and single-use
//! tokens stored as their SHA-256.

use sqlx::PgConnection;
use uuid::Uuid;

/// Counts this request and returns how many came in the last hour for the email and for the
/// client address (this one included). Serialised per email, so a burst cannot slip past.
pub async fn count_request(
    conn: &mut PgConnection,
    email: &str,
    ip: &str,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query("select pg_advisory_xact_lock(hashtext('password-reset:' || $1))")
        .bind(email)
        .execute(&mut *conn)
        .await?;
    sqlx::query("insert into password_reset_requests (email, ip) values ($1, $2)")
        .bind(email)
        .bind(ip)
        .execute(&mut *conn)
        .await?;
    sqlx::query_as(
        "select (select count(*) from password_reset_requests where email = $1 and at > now() - interval '1 hour'),
                (select count(*) from password_reset_requests where ip = $2 and at > now() - interval '1 hour')",
    )
    .bind(email)
    .bind(ip)
    .fetch_one(conn)
    .await
}

/// Stores a new link for `user_id`, valid for `minutes`.
pub async fn insert(
    conn: &mut PgConnection,
    token_hash: &str,
    user_id: Uuid,
    minutes: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into password_resets (token_hash, user_id, expires_at)
         values ($1, $2, now() + make_interval(mins => $3))",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(minutes as i32)
    .execute(conn)
    .await?;
    Ok(())
}

/// Uses the link: its user, if it exists, is unused and has not expired. Every other open link
/// of that user is used up with it.
pub async fn redeem(
    conn: &mut PgConnection,
    token_hash: &str,
) -> Result<Option<Uuid>, sqlx::Error> {
    let user: Option<Uuid> = sqlx::query_scalar(
        "update password_resets set used_at = now()
         where token_hash = $1 and used_at is null and expires_at > now()
         returning user_id",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(user) = user {
        sqlx::query(
            "update password_resets set used_at = now() where user_id = $1 and used_at is null",
        )
        .bind(user)
        .execute(conn)
        .await?;
    }
    Ok(user)
}

/// Requests older than a day are of no use to throttling, nor links a day past their expiry
/// (the jobs prune both).
pub async fn prune(pool: &sqlx::PgPool) -> Result<u64, sqlx::Error> {
    let requests =
        sqlx::query("delete from password_reset_requests where at < now() - interval '1 day'")
            .execute(pool)
            .await?
            .rows_affected();
    let links =
        sqlx::query("delete from password_resets where expires_at < now() - interval '1 day'")
            .execute(pool)
            .await?
            .rows_affected();
    Ok(requests + links)
}

//! Email verification links (migration ..20): single use, stored as their SHA-256, each for
//! the address it was sent to.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// Links made for the user in the last hour (for throttling "send it again").
pub async fn sent_last_hour(db: impl PgExecutor<'_>, user: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "select count(*) from email_verifications
         where user_id = $1 and created_at > now() - interval '1 hour'",
    )
    .bind(user)
    .fetch_one(db)
    .await
}

pub async fn insert(
    conn: &mut PgConnection,
    token_hash: &str,
    user: Uuid,
    email: &str,
    hours: i32,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into email_verifications (token_hash, user_id, email, expires_at)
         values ($1, $2, $3, now() + make_interval(hours => $4))",
    )
    .bind(token_hash)
    .bind(user)
    .bind(email)
    .bind(hours)
    .execute(conn)
    .await?;
    Ok(())
}

/// Uses the link and marks its address confirmed, if the link is unused and unexpired and the
/// account still uses that address. The account, when it worked.
pub async fn redeem(
    conn: &mut PgConnection,
    token_hash: &str,
) -> Result<Option<Uuid>, sqlx::Error> {
    let link: Option<(Uuid, String)> = sqlx::query_as(
        "update email_verifications set used_at = now()
         where token_hash = $1 and used_at is null and expires_at > now()
         returning user_id, email",
    )
    .bind(token_hash)
    .fetch_optional(&mut *conn)
    .await?;
    let Some((user, email)) = link else {
        return Ok(None);
    };
    let confirmed = sqlx::query(
        "update users set email_verified_at = coalesce(email_verified_at, now())
         where id = $1 and email = $2",
    )
    .bind(user)
    .bind(email)
    .execute(conn)
    .await?
    .rows_affected();
    Ok((confirmed == 1).then_some(user))
}

/// Links a week past their expiry are of no use (the jobs prune them).
pub async fn prune(db: impl PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    Ok(
        sqlx::query("delete from email_verifications where expires_at < now() - interval '7 days'")
            .execute(db)
            .await?
            .rows_affected(),
    )
}

//! Two-step login (migration ..19): the TOTP secret on the user, the last step used, and the
//! hashed recovery codes.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// Starts (or restarts) an enrolment: a new secret that logs nobody in until confirmed. An
/// account that already has two-step login keeps its secret.
pub async fn begin(db: impl PgExecutor<'_>, user: Uuid, secret: &[u8]) -> Result<(), sqlx::Error> {
    sqlx::query("update users set totp_secret = $2 where id = $1 and totp_enabled_at is null")
        .bind(user)
        .bind(secret)
        .execute(db)
        .await?;
    Ok(())
}

/// The user's secret and whether it is confirmed (`None`: no enrolment started).
pub async fn secret(
    db: impl PgExecutor<'_>,
    user: Uuid,
) -> Result<Option<(Vec<u8>, bool)>, sqlx::Error> {
    let row: Option<(Option<Vec<u8>>, bool)> =
        sqlx::query_as("select totp_secret, totp_enabled_at is not null from users where id = $1")
            .bind(user)
            .fetch_optional(db)
            .await?;
    Ok(row.and_then(|(secret, on)| secret.map(|s| (s, on))))
}

/// Confirms an enrolment with the step of the code that proved it, and replaces the recovery
/// codes. False when the enrolment is no longer pending (confirmed twice, or restarted).
pub async fn enable(
    conn: &mut PgConnection,
    user: Uuid,
    secret: &[u8],
    step: i64,
    code_hashes: &[String],
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update users set totp_enabled_at = now(), totp_last_step = $3
         where id = $1 and totp_secret = $2 and totp_enabled_at is null",
    )
    .bind(user)
    .bind(secret)
    .bind(step)
    .execute(&mut *conn)
    .await?
    .rows_affected()
        == 1;
    if done {
        replace_recovery_codes(conn, user, code_hashes).await?;
    }
    Ok(done)
}

/// Replaces the account's recovery codes (the old ones stop working).
pub async fn replace_recovery_codes(
    conn: &mut PgConnection,
    user: Uuid,
    code_hashes: &[String],
) -> Result<(), sqlx::Error> {
    sqlx::query("delete from recovery_codes where user_id = $1")
        .bind(user)
        .execute(&mut *conn)
        .await?;
    sqlx::query("insert into recovery_codes (user_id, code_hash) select $1, unnest($2::text[])")
        .bind(user)
        .bind(code_hashes)
        .execute(conn)
        .await?;
    Ok(())
}

/// Takes the code of `step`: true only when no code of this step or a later one was taken
/// before, so each code works once (and an older one never again).
pub async fn take_step(
    db: impl PgExecutor<'_>,
    user: Uuid,
    step: i64,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update users set totp_last_step = $2
         where id = $1 and totp_enabled_at is not null and totp_last_step < $2",
    )
    .bind(user)
    .bind(step)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Uses up a recovery code: true when it was the user's and unused.
pub async fn take_recovery_code(
    db: impl PgExecutor<'_>,
    user: Uuid,
    code_hash: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update recovery_codes set used_at = now()
         where user_id = $1 and code_hash = $2 and used_at is null",
    )
    .bind(user)
    .bind(code_hash)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Recovery codes not used yet.
pub async fn codes_left(db: impl PgExecutor<'_>, user: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("select count(*) from recovery_codes where user_id = $1 and used_at is null")
        .bind(user)
        .fetch_one(db)
        .await
}

/// Turns two-step login off: the secret and the recovery codes are gone.
pub async fn disable(conn: &mut PgConnection, user: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update users set totp_secret = null, totp_enabled_at = null, totp_last_step = 0
         where id = $1",
    )
    .bind(user)
    .execute(&mut *conn)
    .await?;
    sqlx::query("delete from recovery_codes where user_id = $1")
        .bind(user)
        .execute(conn)
        .await?;
    Ok(())
}

/// Turns two-step login on with a known secret, without an enrolment (the demo seed's admin,
/// whose secret the browser tests are given).
pub async fn enrol_with(
    db: impl PgExecutor<'_>,
    email: &str,
    secret: &[u8],
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update users set totp_secret = $2, totp_enabled_at = now(), totp_last_step = 0
         where email = $1",
    )
    .bind(email)
    .bind(secret)
    .execute(db)
    .await?;
    Ok(())
}

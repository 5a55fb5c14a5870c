//! The sessions a person is logged in with (migration ..18).

use sqlx::{PgExecutor, PgPool};
use uuid::Uuid;

pub async fn opened(
    db: impl PgExecutor<'_>,
    device: Uuid,
    user: Uuid,
    epoch: i32,
    ip: &str,
    user_agent: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into user_sessions (device_id, user_id, epoch, ip, user_agent) values ($1, $2, $3, $4, $5)",
    )
    .bind(device)
    .bind(user)
    .bind(epoch)
    .bind(ip)
    .bind(user_agent.chars().take(300).collect::<String>())
    .execute(db)
    .await?;
    Ok(())
}

/// Whether the session `device` is still open (not logged out from elsewhere), noting that it
/// was used (at most one write every five minutes).
pub async fn still_open(pool: &PgPool, device: Uuid) -> Result<bool, sqlx::Error> {
    let open: Option<bool> = sqlx::query_scalar(
        "with seen as (
            update user_sessions set last_seen = now()
             where device_id = $1 and last_seen < now() - interval '5 minutes')
         select true from user_sessions where device_id = $1",
    )
    .bind(device)
    .fetch_optional(pool)
    .await?;
    Ok(open.is_some())
}

pub async fn closed(db: impl PgExecutor<'_>, device: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("delete from user_sessions where device_id = $1")
        .bind(device)
        .execute(db)
        .await?;
    Ok(())
}

/// Forgets every other session of the user (after their epoch moved on).
pub async fn close_others(
    db: impl PgExecutor<'_>,
    user: Uuid,
    keep: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query("delete from user_sessions where user_id = $1 and device_id <> $2")
        .bind(user)
        .bind(keep)
        .execute(db)
        .await?;
    Ok(())
}

/// The person's open sessions, most recently used first.
pub async fn list(
    db: impl PgExecutor<'_>,
    user: Uuid,
) -> Result<Vec<crate::wire::auth::SessionView>, sqlx::Error> {
    sqlx::query_as(
        "select s.device_id, s.ip, s.user_agent,
                to_char(s.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as since,
                to_char(s.last_seen at time zone 'UTC', 'YYYY-MM-DD HH24:MI') as last_seen
         from user_sessions s join users u on u.id = s.user_id and u.session_epoch = s.epoch
         where s.user_id = $1
         order by s.last_seen desc, s.created_at desc",
    )
    .bind(user)
    .fetch_all(db)
    .await
}

/// Sessions that can no longer be used: an older epoch, or unused for longer than a session
/// lives (the jobs prune them).
pub async fn prune(pool: &PgPool, idle_days: i64) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "delete from user_sessions s using users u
          where u.id = s.user_id
            and (s.epoch <> u.session_epoch or s.last_seen < now() - make_interval(days => $1))",
    )
    .bind(idle_days as i32)
    .execute(pool)
    .await?
    .rows_affected())
}

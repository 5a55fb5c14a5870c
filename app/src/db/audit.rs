//! The audit log (migration ..15): one append-only row per audited action, written through
//! the caller's transaction so the change and its record commit together or not at all.

use crate::domain::audit::Action;
use crate::domain::role::Role;
use sqlx::PgConnection;
use uuid::Uuid;

/// Who acted, in which role, from which address.
#[derive(Clone, Debug)]
pub struct Actor {
    pub id: Uuid,
    pub role: Role,
    pub ip: String,
}

/// Records `action` on the object `object_id`; `summary` says what changed ("A → B").
pub async fn record(
    conn: &mut PgConnection,
    actor: &Actor,
    action: Action,
    object_id: impl ToString,
    summary: &str,
) -> Result<(), sqlx::Error> {
    record_as(conn, Some(actor), action, object_id, summary).await
}

/// Names who acts in this database transaction, so that the ledger transactions it posts are
/// audited as theirs (the trigger of migration ..22 reads it); `None`: the platform itself.
pub async fn act_as(conn: &mut PgConnection, actor: Option<&Actor>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "select set_config('sokoni.actor_id', $1, true), set_config('sokoni.actor_role', $2, true),
                set_config('sokoni.actor_ip', $3, true)",
    )
    .bind(actor.map(|a| a.id.to_string()).unwrap_or_default())
    .bind(actor.map_or("system", |a| a.role.as_str()))
    .bind(actor.map(|a| a.ip.as_str()).unwrap_or_default())
    .execute(conn)
    .await?;
    Ok(())
}

/// Records `action` by `actor`, or by the platform itself (a job, M-Pesa) when `None`.
pub async fn record_as(
    conn: &mut PgConnection,
    actor: Option<&Actor>,
    action: Action,
    object_id: impl ToString,
    summary: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into audit_log (actor_id, actor_role, action, object_kind, object_id, summary, ip)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(actor.map(|a| a.id))
    .bind(actor.map_or("system", |a| a.role.as_str()))
    .bind(action)
    .bind(action.object_kind())
    .bind(object_id.to_string())
    .bind(summary)
    .bind(actor.map(|a| a.ip.as_str()).unwrap_or_default())
    .execute(conn)
    .await?;
    Ok(())
}

/// What the audit page asks for: words found in the summary, the object, the action or the
/// actor's email; and rows older than `before` (the page cursor).
#[derive(Clone, Debug, Default)]
pub struct Filter {
    pub words: Option<String>,
    pub before: Option<i64>,
}

/// Audit rows matching `filter`, newest first, at most `limit`.
pub async fn search(
    db: impl sqlx::PgExecutor<'_>,
    filter: &Filter,
    limit: i64,
) -> Result<Vec<crate::wire::admin::AuditEntry>, sqlx::Error> {
    let pattern = filter.words.as_deref().map(super::contains_pattern);
    sqlx::query_as(
        "select a.id, to_char(a.at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as at,
                u.email as actor_email, a.actor_role, a.action, a.object_kind, a.object_id,
                a.summary, a.ip
         from audit_log a left join users u on u.id = a.actor_id
         where ($1::text is null
                or a.summary ilike $1 or a.object_id ilike $1 or a.action ilike $1
                or u.email ilike $1)
           and ($2::int8 is null or a.id < $2)
         order by a.id desc
         limit $3",
    )
    .bind(pattern)
    .bind(filter.before)
    .bind(limit)
    .fetch_all(db)
    .await
}

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
    sqlx::query(
        "insert into audit_log (actor_id, actor_role, action, object_kind, object_id, summary, ip)
         values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(actor.id)
    .bind(actor.role.as_str())
    .bind(action)
    .bind(action.object_kind())
    .bind(object_id.to_string())
    .bind(summary)
    .bind(&actor.ip)
    .execute(conn)
    .await?;
    Ok(())
}

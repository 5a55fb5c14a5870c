//! The audit log as a CSV download for the admin console (`GET /admin/audit.csv`).

use crate::db::audit::{Filter, search};
use crate::domain::spreadsheet::inert;
use crate::error::AppError;
use sqlx::PgPool;

/// At most this many rows go into one download (newest first); narrow the words for older ones.
pub const EXPORT_ROWS: i64 = 100_000;

pub async fn export_csv(pool: &PgPool, filter: &Filter) -> Result<Vec<u8>, AppError> {
    let rows = search(pool, filter, EXPORT_ROWS).await?;
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let failed = |e: ::csv::Error| AppError::internal(format!("audit CSV: {e}"));
    writer
        .write_record([
            "id",
            "at_utc",
            "actor",
            "role",
            "action",
            "object_kind",
            "object_id",
            "summary",
            "ip",
        ])
        .map_err(failed)?;
    for r in rows {
        let id = r.id.to_string();
        let actor = r.actor_email.unwrap_or_default();
        writer
            .write_record([
                id.as_str(),
                &r.at,
                &inert(&actor),
                &r.actor_role,
                &r.action,
                &r.object_kind,
                &inert(&r.object_id),
                &inert(&r.summary),
                &r.ip,
            ])
            .map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| AppError::internal(format!("audit CSV: {e}")))
}

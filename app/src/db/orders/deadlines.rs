//! The buyer-protection deadlines (`PlatformSettings::accept_hours`, `ship_days`): which parts
//! are past them. A part's clock starts at its first event of the status it waits in.

use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// Parts still waiting for the shop `hours` after they were confirmed, oldest first (a batch
/// at a time; the jobs come back every round).
pub async fn unaccepted(db: impl PgExecutor<'_>, hours: i64) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "select vo.id from vendor_orders vo
         where vo.status = 'awaiting_acceptance'
           and (select min(e.at) from vendor_order_events e
                where e.vendor_order_id = vo.id and e.status = 'awaiting_acceptance')
               < now() - make_interval(hours => $1::int)
         order by vo.created_at limit 200",
    )
    .bind(hours)
    .fetch_all(db)
    .await
}

/// Whether an accepted part is past its shipping deadline (`days` after it was accepted).
pub async fn ship_overdue(
    conn: &mut PgConnection,
    vendor_order_id: Uuid,
    days: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "select coalesce(min(e.at) < now() - make_interval(days => $2::int), false)
         from vendor_order_events e
         where e.vendor_order_id = $1 and e.status = 'accepted'",
    )
    .bind(vendor_order_id)
    .bind(days)
    .fetch_one(&mut *conn)
    .await
}

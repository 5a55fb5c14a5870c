//! A shop's reliability record (`domain::reliability`) from its parts of the last 90 days and
//! their status events.

use crate::domain::reliability::{DAYS, Reliability};
use sqlx::PgExecutor;
use uuid::Uuid;

/// The record of `vendor_id`. A part cancelled before acceptance counts as the shop's missed
/// deadline when it happened at least `accept_hours` after payment (the jobs cancel it then;
/// the shopper's own cancel comes earlier), and always when it had been accepted (only a
/// missed shipping deadline cancels an accepted part). A dispute is lost when it ended in a
/// refund (by the shop, or decided by an admin).
pub async fn for_shop(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    accept_hours: i64,
) -> Result<Reliability, sqlx::Error> {
    sqlx::query_as(
        "with p as (
             select vo.id,
                    min(e.at) filter (where e.status = 'awaiting_acceptance') as waiting,
                    min(e.at) filter (where e.status = 'accepted') as accepted,
                    min(e.at) filter (where e.status = 'shipped') as shipped,
                    min(e.at) filter (where e.status = 'rejected') as rejected,
                    min(e.at) filter (where e.status = 'cancelled') as cancelled
             from vendor_orders vo join vendor_order_events e on e.vendor_order_id = vo.id
             where vo.vendor_id = $1 and vo.created_at > now() - make_interval(days => $2::int)
             group by vo.id),
         c as (
             select *, cancelled is not null and accepted is null
                       and cancelled < waiting + make_interval(hours => $3::int) as by_shopper
             from p where waiting is not null)
         select count(*) as parts,
                count(accepted) as accepted,
                count(rejected) as rejected,
                count(*) filter (where by_shopper) as cancelled_by_shopper,
                count(*) filter (where cancelled is not null and not by_shopper) as missed_deadline,
                percentile_cont(0.5) within group (order by extract(epoch from accepted - waiting) / 3600)
                    as median_accept_hours,
                percentile_cont(0.5) within group (order by extract(epoch from shipped - accepted) / 3600)
                    as median_ship_hours,
                (select count(*) from disputes d where d.vendor_order_id = any(array_agg(c.id))) as disputed,
                (select count(*) from disputes d where d.vendor_order_id = any(array_agg(c.id))
                    and d.outcome in ('shop_refunded', 'full_refund', 'partial_refund')) as disputes_lost
         from c",
    )
    .bind(vendor_id)
    .bind(DAYS)
    .bind(accept_hours)
    .fetch_one(db)
    .await
}

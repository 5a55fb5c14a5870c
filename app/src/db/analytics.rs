//! Platform analytics, aggregated in SQL over a period of whole UTC days (`from` and `to`
//! both included): confirmed parts (paid, or cash on delivery, and not dropped), payments,
//! part events. Each query reads one window through an index on its time column (migration
//! ..24).

use crate::domain::analytics::PeriodAsk;
use crate::wire::analytics::{Day, Ranked, StepTime, Summary};
use sqlx::PgExecutor;

/// Parts that count as sold: confirmed and not dropped (refunds are netted out by amount).
const SOLD: &str = "vo.status in ('awaiting_acceptance', 'accepted', 'shipped', 'delivered', 'completed', 'return_requested')";
/// Rows of `vo` (vendor_orders) in the window `$1`..`$2`.
const IN_WINDOW: &str = "vo.created_at >= $1::date and vo.created_at < $2::date + 1";

/// The period's dates and the equally long period just before: (from, to, previous from,
/// previous to).
pub async fn period(
    db: impl PgExecutor<'_>,
    ask: &PeriodAsk,
) -> Result<(String, String, String, String), sqlx::Error> {
    let (days, from, to) = match ask {
        PeriodAsk::Last(days) => (Some(*days), None, None),
        PeriodAsk::Between(from, to) => (None, Some(from.as_str()), Some(to.as_str())),
    };
    sqlx::query_as(
        "with p as (select coalesce($2::date, current_date - ($1::int - 1)) as f,
                           coalesce($3::date, current_date) as t)
         select f::text, t::text, (f - (t - f + 1))::text, (f - 1)::text from p",
    )
    .bind(days)
    .bind(from)
    .bind(to)
    .fetch_one(db)
    .await
}

pub async fn summary(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<Summary, sqlx::Error> {
    sqlx::query_as(&format!(
        "select coalesce(sum(vo.subtotal - vo.refunded_total), 0) as gmv,
                coalesce(sum(vo.commission - vo.refunded_commission), 0) as commission,
                count(distinct vo.order_id) as orders,
                count(distinct o.user_id) as active_shoppers,
                count(distinct vo.vendor_id) as active_shops,
                (select count(*) from users u
                  where u.role = 'customer' and u.created_at >= $1::date and u.created_at < $2::date + 1) as new_shoppers,
                (select count(*) from vendors v
                  where v.verification_status = 'verified' and v.reviewed_at >= $1::date and v.reviewed_at < $2::date + 1) as new_shops
         from vendor_orders vo join orders o on o.id = vo.order_id
         where {IN_WINDOW} and {SOLD}"
    ))
    .bind(from)
    .bind(to)
    .fetch_one(db)
    .await
}

/// (attempts, paid) of M-Pesa prompts in the period.
pub async fn mpesa(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query_as(
        "select count(*), count(*) filter (where status = 'paid') from payments
         where created_at >= $1::date and created_at < $2::date + 1",
    )
    .bind(from)
    .bind(to)
    .fetch_one(db)
    .await
}

/// Failed prompts by result code and description, most frequent first.
pub async fn mpesa_failures(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<Vec<Ranked>, sqlx::Error> {
    sqlx::query_as(
        "select concat_ws(' ', result_code::text, coalesce(result_desc, 'no answer')) as name,
                coalesce(sum(amount), 0) as amount, count(*) as count
         from payments
         where status = 'failed' and created_at >= $1::date and created_at < $2::date + 1
         group by result_code, result_desc order by count(*) desc, name limit 10",
    )
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// Parts cancelled or rejected in the period, by status and the reason given.
pub async fn drop_causes(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<Vec<Ranked>, sqlx::Error> {
    sqlx::query_as(
        "select concat_ws(': ', e.status, nullif(e.note, '')) as name,
                coalesce(sum(vo.subtotal), 0) as amount, count(*) as count
         from vendor_order_events e join vendor_orders vo on vo.id = e.vendor_order_id
         where e.status in ('cancelled', 'rejected') and e.at >= $1::date and e.at < $2::date + 1
         group by e.status, e.note order by count(*) desc, name limit 10",
    )
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// Hours from "waiting for the shop" to accepted, shipped and delivered (p50, p90), for parts
/// of the period.
pub async fn step_times(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<Vec<StepTime>, sqlx::Error> {
    sqlx::query_as(&format!(
        "with e as (
             select e.vendor_order_id, e.status, min(e.at) as at
             from vendor_orders vo join vendor_order_events e on e.vendor_order_id = vo.id
             where {IN_WINDOW}
               and e.status in ('awaiting_acceptance', 'accepted', 'shipped', 'delivered')
             group by 1, 2),
         spans as (
             select s.status as step, extract(epoch from s.at - w.at) / 3600 as hours
             from e w join e s on s.vendor_order_id = w.vendor_order_id
             where w.status = 'awaiting_acceptance' and s.status <> 'awaiting_acceptance')
         select step, percentile_cont(0.5) within group (order by hours) as p50_hours,
                percentile_cont(0.9) within group (order by hours) as p90_hours,
                count(*) as parts
         from spans group by step
         order by array_position(array['accepted', 'shipped', 'delivered'], step)"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// The top-level categories that sold most in the period.
pub async fn top_categories(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<Vec<Ranked>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select coalesce(p.name_en, c.name_en) as name,
                sum(i.line_total) as amount, count(distinct vo.order_id) as count
         from vendor_orders vo
         join order_items i on i.vendor_order_id = vo.id and i.refunded_at is null
         join listing_variants lv on lv.id = i.variant_id
         join listings l on l.id = lv.listing_id
         join categories c on c.id = l.category_id
         left join categories p on p.id = c.parent_id
         where {IN_WINDOW} and {SOLD}
         group by 1 order by amount desc, name limit 5"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// The shops that sold most in the period.
pub async fn top_shops(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<Vec<Ranked>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select v.business_name as name, sum(vo.subtotal - vo.refunded_total) as amount,
                count(*) as count
         from vendor_orders vo join vendors v on v.id = vo.vendor_id
         where {IN_WINDOW} and {SOLD}
         group by v.id, v.business_name order by amount desc, name limit 5"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// GMV and orders per day of the period, every day present.
pub async fn daily(db: impl PgExecutor<'_>, from: &str, to: &str) -> Result<Vec<Day>, sqlx::Error> {
    sqlx::query_as(&format!(
        "with sold as (
             select vo.created_at::date as day, sum(vo.subtotal - vo.refunded_total) as gmv,
                    count(distinct vo.order_id) as orders
             from vendor_orders vo where {IN_WINDOW} and {SOLD} group by 1)
         select d::date::text as day, coalesce(s.gmv, 0) as gmv, coalesce(s.orders, 0) as orders
         from generate_series($1::date, $2::date, interval '1 day') d
         left join sold s on s.day = d::date
         order by d"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

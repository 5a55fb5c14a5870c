//! Rebuilds the platform analytics' daily rollups (migration `..analytics_rollup`) for the
//! days marked stale by the triggers on the order tables. One statement per rollup table for
//! all the stale days together: each day reads its window of the order tables through their
//! time indexes.

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Sold parts: confirmed and not dropped (refunds are netted out by amount).
const SOLD: &str = "vo.status in ('awaiting_acceptance', 'accepted', 'shipped', 'delivered', 'completed', 'return_requested')";

/// `d.day` (from `unnest($1)`, the days as text) as a window of timestamps on `column`.
fn on_day(column: &str) -> String {
    format!(
        "{column} >= d.day::timestamp at time zone 'UTC' and {column} < (d.day + 1)::timestamp at time zone 'UTC'"
    )
}

/// The rollup tables and how one set of days (`$1`) is rebuilt in each.
fn rebuilds() -> [(&'static str, String); 6] {
    let days = "from unnest($1::text[]::date[]) d(day)";
    let part_day = on_day("vo.created_at");
    [
        (
            "analytics_days",
            format!(
                "insert into analytics_days (day, gmv, commission, orders)
                 select d.day, sum(vo.subtotal - vo.refunded_total),
                        sum(vo.commission - vo.refunded_commission), count(distinct vo.order_id)
                 {days} join vendor_orders vo on {part_day} and {SOLD}
                 group by d.day"
            ),
        ),
        (
            "analytics_shop_days",
            format!(
                "insert into analytics_shop_days (day, vendor_id, gmv, commission, parts)
                 select d.day, vo.vendor_id, sum(vo.subtotal - vo.refunded_total),
                        sum(vo.commission - vo.refunded_commission), count(*)
                 {days} join vendor_orders vo on {part_day} and {SOLD}
                 group by d.day, vo.vendor_id"
            ),
        ),
        (
            "analytics_category_days",
            format!(
                "insert into analytics_category_days (day, category_id, amount, orders)
                 select d.day, coalesce(c.parent_id, c.id), sum(i.line_total),
                        count(distinct vo.order_id)
                 {days} join vendor_orders vo on {part_day} and {SOLD}
                 join order_items i on i.vendor_order_id = vo.id and i.refunded_at is null
                 join listing_variants lv on lv.id = i.variant_id
                 join listings l on l.id = lv.listing_id
                 join categories c on c.id = l.category_id
                 group by 1, 2"
            ),
        ),
        (
            "analytics_step_days",
            format!(
                "with e as (
                     select d.day, e.vendor_order_id, e.status, min(e.at) as at
                     {days} join vendor_orders vo on {part_day}
                     join vendor_order_events e on e.vendor_order_id = vo.id
                      and e.status in ('awaiting_acceptance', 'accepted', 'shipped', 'delivered')
                     group by 1, 2, 3)
                 insert into analytics_step_days (day, step, quarter_hours, parts)
                 select w.day, s.status, round(extract(epoch from s.at - w.at) / 900)::int, count(*)
                 from e w join e s on s.vendor_order_id = w.vendor_order_id
                 where w.status = 'awaiting_acceptance' and s.status <> 'awaiting_acceptance'
                 group by 1, 2, 3"
            ),
        ),
        (
            "analytics_mpesa_days",
            format!(
                "insert into analytics_mpesa_days (day, status, result_code, result_desc, prompts, amount)
                 select d.day, p.status, p.result_code, p.result_desc, count(*), coalesce(sum(p.amount), 0)
                 {days} join payments p on {}
                 group by 1, 2, 3, 4",
                on_day("p.created_at")
            ),
        ),
        (
            "analytics_drop_days",
            format!(
                "insert into analytics_drop_days (day, status, note, parts, amount)
                 select d.day, e.status, nullif(e.note, ''), count(*), coalesce(sum(vo.subtotal), 0)
                 {days} join vendor_order_events e on {}
                  and e.status in ('cancelled', 'rejected')
                 join vendor_orders vo on vo.id = e.vendor_order_id
                 group by 1, 2, 3",
                on_day("e.at")
            ),
        ),
    ]
}

/// Rebuilds the stale days and returns how many.
/// Days another refresh is rebuilding at the moment are left to it; a write that lands
/// while a day is rebuilt marks it stale again, for the next refresh.
pub async fn refresh(pool: &PgPool) -> Result<usize, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let days: Vec<String> = sqlx::query_scalar(
        "delete from analytics_stale where day in (
             select day from analytics_stale for update skip locked)
         returning day::text",
    )
    .fetch_all(&mut *tx)
    .await?;
    if days.is_empty() {
        return Ok(0);
    }
    shoppers(&mut tx, &days).await?;
    for (table, rebuild) in rebuilds() {
        sqlx::query(&format!(
            "delete from {table} where day = any($1::text[]::date[])"
        ))
        .bind(&days)
        .execute(&mut *tx)
        .await?;
        sqlx::query(&rebuild).bind(&days).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    Ok(days.len())
}

/// Rebuilds the days' active shoppers, each with the day they were last active before it;
/// then, for the shoppers who were or now are active on one of those days, corrects the
/// previous day of their rows on later days (a day rebuilt in the past changes what came
/// before those). Rebuilding today, the usual case, has no later rows to correct.
async fn shoppers(tx: &mut PgConnection, days: &[String]) -> Result<(), sqlx::Error> {
    let gone: Vec<Uuid> = sqlx::query_scalar(
        "delete from analytics_shopper_days where day = any($1::text[]::date[]) returning user_id",
    )
    .bind(days)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(&format!(
        "with fresh as (
             select distinct d.day, o.user_id
             from unnest($1::text[]::date[]) d(day)
             join vendor_orders vo on {} and {SOLD}
             join orders o on o.id = vo.order_id),
         history as (
             select day, user_id from fresh
             union all
             select s.day, s.user_id from analytics_shopper_days s
             where s.user_id in (select user_id from fresh)),
         ordered as (
             select day, user_id, lag(day) over (partition by user_id order by day) as previous_day
             from history)
         insert into analytics_shopper_days (day, user_id, previous_day)
         select o.day, o.user_id, o.previous_day from ordered o join fresh f using (day, user_id)",
        on_day("vo.created_at")
    ))
    .bind(days)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "with touched as (
             select user_id from analytics_shopper_days where day = any($1::text[]::date[])
             union select unnest($2::uuid[])),
         ordered as (
             select s.day, s.user_id,
                    lag(s.day) over (partition by s.user_id order by s.day) as previous_day
             from analytics_shopper_days s join touched t on t.user_id = s.user_id)
         update analytics_shopper_days s set previous_day = o.previous_day
         from ordered o
         where s.day = o.day and s.user_id = o.user_id
           and s.day > (select min(d) from unnest($1::text[]::date[]) d)
           and s.previous_day is distinct from o.previous_day",
    )
    .bind(days)
    .bind(&gone)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

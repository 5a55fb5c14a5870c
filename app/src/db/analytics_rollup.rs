//! Rebuilds the platform analytics' daily rollups (migration `..analytics_rollup`) for the
//! days marked stale by the triggers on the order tables, a day at a time: each statement
//! reads one day's window of an order table through its time index. (The day is a bound
//! parameter, so the planner sees the window; joining a list of days instead made it expect
//! a ninth of the table and scan all 3M part events to rebuild one day.)

use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Sold parts: confirmed and not dropped (refunds are netted out by amount).
const SOLD: &str = "vo.status in ('awaiting_acceptance', 'accepted', 'shipped', 'delivered', 'completed', 'return_requested')";

/// The day `$1` as a window of timestamps on `column`.
fn on_day(column: &str) -> String {
    format!(
        "{column} >= $1::date::timestamp at time zone 'UTC' and {column} < ($1::date + 1)::timestamp at time zone 'UTC'"
    )
}

/// The rollup tables and how one day (`$1`) is rebuilt in each.
fn rebuilds() -> [(&'static str, String); 6] {
    let part_day = on_day("vo.created_at");
    [
        (
            "analytics_days",
            format!(
                "insert into analytics_days (day, gmv, commission, orders)
                 select $1::date, sum(vo.subtotal - vo.refunded_total),
                        sum(vo.commission - vo.refunded_commission), count(distinct vo.order_id)
                 from vendor_orders vo where {part_day} and {SOLD}
                 having count(*) > 0"
            ),
        ),
        (
            "analytics_shop_days",
            format!(
                "insert into analytics_shop_days (day, vendor_id, gmv, commission, parts)
                 select $1::date, vo.vendor_id, sum(vo.subtotal - vo.refunded_total),
                        sum(vo.commission - vo.refunded_commission), count(*)
                 from vendor_orders vo where {part_day} and {SOLD}
                 group by vo.vendor_id"
            ),
        ),
        (
            "analytics_category_days",
            format!(
                "insert into analytics_category_days (day, category_id, amount, orders)
                 select $1::date, coalesce(c.parent_id, c.id), sum(i.line_total),
                        count(distinct vo.order_id)
                 from vendor_orders vo
                 join order_items i on i.vendor_order_id = vo.id and i.refunded_at is null
                 join listing_variants lv on lv.id = i.variant_id
                 join listings l on l.id = lv.listing_id
                 join categories c on c.id = l.category_id
                 where {part_day} and {SOLD}
                 group by 2"
            ),
        ),
        (
            "analytics_step_days",
            format!(
                "with e as (
                     select e.vendor_order_id, e.status, min(e.at) as at
                     from vendor_orders vo
                     join vendor_order_events e on e.vendor_order_id = vo.id
                      and e.status in ('awaiting_acceptance', 'accepted', 'shipped', 'delivered')
                     where {part_day}
                     group by 1, 2)
                 insert into analytics_step_days (day, step, quarter_hours, parts)
                 select $1::date, s.status, round(extract(epoch from s.at - w.at) / 900)::int, count(*)
                 from e w join e s on s.vendor_order_id = w.vendor_order_id
                 where w.status = 'awaiting_acceptance' and s.status <> 'awaiting_acceptance'
                 group by 2, 3"
            ),
        ),
        (
            "analytics_mpesa_days",
            format!(
                "insert into analytics_mpesa_days (day, status, result_code, result_desc, prompts, amount)
                 select $1::date, p.status, p.result_code, p.result_desc, count(*), coalesce(sum(p.amount), 0)
                 from payments p where {}
                 group by 2, 3, 4",
                on_day("p.created_at")
            ),
        ),
        (
            "analytics_drop_days",
            format!(
                "insert into analytics_drop_days (day, status, note, parts, amount)
                 select $1::date, e.status, nullif(e.note, ''), count(*), coalesce(sum(vo.subtotal), 0)
                 from vendor_order_events e join vendor_orders vo on vo.id = e.vendor_order_id
                 where {} and e.status in ('cancelled', 'rejected')
                 group by 2, 3",
                on_day("e.at")
            ),
        ),
    ]
}

/// What a refresh does with a stale day another refresh is rebuilding at that moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Busy {
    /// Leave it to the other refresh: the jobs loop must not queue behind itself or a page.
    Skip,
    /// Wait for the other refresh to commit, then read its result: a report must include
    /// every write made before it was asked for (skipping, it read the rollups as they were
    /// before the rebuild under way, and a new day's figures were missing).
    Wait,
}

/// Rebuilds the stale days, oldest first, and returns how many. A write that lands while a
/// day is rebuilt marks it stale again, for the next refresh.
pub async fn refresh(pool: &PgPool, busy: Busy) -> Result<usize, sqlx::Error> {
    let mut tx = pool.begin().await?;
    // Locked in date order, so two waiting refreshes cannot deadlock on each other's days.
    let lock = match busy {
        Busy::Skip => "for update skip locked",
        Busy::Wait => "for update",
    };
    let mut days: Vec<String> = sqlx::query_scalar(&format!(
        "delete from analytics_stale where day in (
             select day from analytics_stale order by day {lock})
         returning day::text"
    ))
    .fetch_all(&mut *tx)
    .await?;
    if days.is_empty() {
        return Ok(0);
    }
    // ISO dates sort as text; oldest first, so each day's shoppers find their earlier days
    // already rebuilt.
    days.sort();
    let rebuilds = rebuilds();
    let mut gone = Vec::new();
    for day in &days {
        gone.extend(shoppers(&mut tx, day).await?);
        for (table, rebuild) in &rebuilds {
            sqlx::query(&format!("delete from {table} where day = $1::date"))
                .bind(day)
                .execute(&mut *tx)
                .await?;
            sqlx::query(rebuild).bind(day).execute(&mut *tx).await?;
        }
    }
    later_previous_days(&mut tx, &days, &gone).await?;
    tx.commit().await?;
    Ok(days.len())
}

/// Rebuilds one day's active shoppers, each with the day they were last active before it;
/// returns the shoppers the day had before (for `later_previous_days`).
async fn shoppers(tx: &mut PgConnection, day: &str) -> Result<Vec<Uuid>, sqlx::Error> {
    let gone: Vec<Uuid> = sqlx::query_scalar(
        "delete from analytics_shopper_days where day = $1::date returning user_id",
    )
    .bind(day)
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query(&format!(
        "with fresh as (
             select distinct o.user_id
             from vendor_orders vo join orders o on o.id = vo.order_id
             where {} and {SOLD})
         insert into analytics_shopper_days (day, user_id, previous_day)
         select $1::date, f.user_id,
                (select max(s.day) from analytics_shopper_days s
                 where s.user_id = f.user_id and s.day < $1::date)
         from fresh f",
        on_day("vo.created_at")
    ))
    .bind(day)
    .execute(&mut *tx)
    .await?;
    Ok(gone)
}

/// Corrects the previous active day of rows after the rebuilt days, for the shoppers who
/// were or now are active on one of them (a day rebuilt in the past changes what came
/// before the days after it). Rebuilding today, the usual case, has no later rows.
async fn later_previous_days(
    tx: &mut PgConnection,
    days: &[String],
    gone: &[Uuid],
) -> Result<(), sqlx::Error> {
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
    .bind(gone)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

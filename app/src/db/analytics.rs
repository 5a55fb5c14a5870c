//! Platform analytics over a period of whole UTC days (`from` and `to` both included), read
//! from the daily rollups (`db::analytics_rollup`, which says what each holds): sold parts
//! (confirmed, not dropped, net of refunds), M-Pesa prompts, dropped parts, step times. A
//! period reads at most a few thousand rollup rows whatever the number of orders.

use crate::domain::analytics::PeriodAsk;
use crate::wire::analytics::{Day, Ranked, StepTime, Summary};
use sqlx::PgExecutor;

/// Rollup rows of the period `$1`..`$2`.
const IN_PERIOD: &str = "day between $1::date and $2::date";

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
    // A shopper active on two days of the period counts once: on the first of them, the one
    // whose previous active day is before the period. Shops are few enough to count distinct.
    // New accounts and shops come from their own time indexes.
    sqlx::query_as(&format!(
        "select coalesce(sum(gmv), 0) as gmv, coalesce(sum(commission), 0) as commission,
                coalesce(sum(orders), 0)::bigint as orders,
                (select count(*) from analytics_shopper_days
                  where {IN_PERIOD} and (previous_day is null or previous_day < $1::date))
                    as active_shoppers,
                (select count(*) from (select distinct vendor_id from analytics_shop_days
                                       where {IN_PERIOD}) s) as active_shops,
                (select count(*) from users u
                  where u.role = 'customer' and u.created_at >= $1::date and u.created_at < $2::date + 1) as new_shoppers,
                (select count(*) from vendors v
                  where v.verification_status = 'verified' and v.reviewed_at >= $1::date and v.reviewed_at < $2::date + 1) as new_shops
         from analytics_days where {IN_PERIOD}"
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
    sqlx::query_as(&format!(
        "select coalesce(sum(prompts), 0)::bigint,
                coalesce(sum(prompts) filter (where status = 'paid'), 0)::bigint
         from analytics_mpesa_days where {IN_PERIOD}"
    ))
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
    sqlx::query_as(&format!(
        "select concat_ws(' ', result_code::text, coalesce(result_desc, 'no answer')) as name,
                sum(amount) as amount, sum(prompts)::bigint as count
         from analytics_mpesa_days
         where status = 'failed' and {IN_PERIOD}
         group by result_code, result_desc order by count desc, name limit 10"
    ))
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
    sqlx::query_as(&format!(
        "select concat_ws(': ', status, note) as name, sum(amount) as amount,
                sum(parts)::bigint as count
         from analytics_drop_days where {IN_PERIOD}
         group by status, note order by count desc, name limit 10"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// Hours from "waiting for the shop" to accepted, shipped and delivered (p50, p90), for parts
/// of the period: the first quarter hour of the histogram at which half (nine tenths) of the
/// parts had got there.
pub async fn step_times(
    db: impl PgExecutor<'_>,
    from: &str,
    to: &str,
) -> Result<Vec<StepTime>, sqlx::Error> {
    sqlx::query_as(&format!(
        "with h as (
             select step, quarter_hours, sum(parts) as parts
             from analytics_step_days where {IN_PERIOD} group by 1, 2),
         c as (
             select step, quarter_hours,
                    sum(parts) over (partition by step order by quarter_hours) as reached,
                    sum(parts) over (partition by step) as total
             from h)
         select step,
                (min(quarter_hours) filter (where reached >= 0.5 * total)) / 4.0::float8 as p50_hours,
                (min(quarter_hours) filter (where reached >= 0.9 * total)) / 4.0::float8 as p90_hours,
                max(total)::bigint as parts
         from c group by step
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
        "select c.name_en as name, sum(r.amount) as amount, sum(r.orders)::bigint as count
         from analytics_category_days r join categories c on c.id = r.category_id
         where {IN_PERIOD}
         group by c.id, c.name_en order by amount desc, name limit 5"
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
        "select v.business_name as name, sum(r.gmv) as amount, sum(r.parts)::bigint as count
         from analytics_shop_days r join vendors v on v.id = r.vendor_id
         where {IN_PERIOD}
         group by v.id, v.business_name order by amount desc, name limit 5"
    ))
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

/// GMV and orders per day of the period, every day present.
pub async fn daily(db: impl PgExecutor<'_>, from: &str, to: &str) -> Result<Vec<Day>, sqlx::Error> {
    sqlx::query_as(
        "select d::date::text as day, coalesce(r.gmv, 0) as gmv, coalesce(r.orders, 0)::bigint as orders
         from generate_series($1::date, $2::date, interval '1 day') d
         left join analytics_days r on r.day = d::date
         order by d",
    )
    .bind(from)
    .bind(to)
    .fetch_all(db)
    .await
}

//! The platform analytics report: one period and the one before it, assembled from the SQL
//! aggregates in `db::analytics`, for the console page and its CSV download.

use crate::db::analytics as db;
use crate::domain::analytics::PeriodAsk;
use crate::domain::spreadsheet::inert;
use crate::error::AppError;
use crate::wire::analytics::{AnalyticsView, Ranked};
use sqlx::PgPool;

/// The report for `ask`. Days written since the last refresh are rebuilt first (usually
/// only today, if anything), so the figures include the latest orders; then the period's
/// queries read the rollups, side by side on the pool's connections. Their time is the
/// page's server time.
pub async fn report(pool: &PgPool, ask: &PeriodAsk) -> Result<AnalyticsView, AppError> {
    crate::db::analytics_rollup::refresh(pool, crate::db::analytics_rollup::Busy::Wait).await?;
    let (from, to, previous_from, previous_to) = db::period(pool, ask).await?;
    let (f, t) = (from.as_str(), to.as_str());
    let (now, before, (mpesa_attempts, mpesa_paid), mpesa_failures, drop_causes) = tokio::try_join!(
        db::summary(pool, f, t),
        db::summary(pool, &previous_from, &previous_to),
        db::mpesa(pool, f, t),
        db::mpesa_failures(pool, f, t),
        db::drop_causes(pool, f, t),
    )?;
    let (step_times, top_categories, top_shops, daily) = tokio::try_join!(
        db::step_times(pool, f, t),
        db::top_categories(pool, f, t),
        db::top_shops(pool, f, t),
        db::daily(pool, f, t),
    )?;
    Ok(AnalyticsView {
        now,
        before,
        mpesa_attempts,
        mpesa_paid,
        mpesa_failures,
        drop_causes,
        step_times,
        top_categories,
        top_shops,
        daily,
        from,
        to,
        previous_from,
        previous_to,
    })
}

/// The report as CSV: `section,name,value,previous` rows (figures, rankings, days).
pub fn csv(r: &AnalyticsView) -> Result<Vec<u8>, AppError> {
    let mut w = ::csv::Writer::from_writer(Vec::new());
    let failed = |e: ::csv::Error| AppError::internal(format!("analytics CSV: {e}"));
    w.write_record(["section", "name", "value", "previous"])
        .map_err(failed)?;
    let (n, b) = (&r.now, &r.before);
    let period = format!("{}..{}", r.from, r.to);
    let previous = format!("{}..{}", r.previous_from, r.previous_to);
    let figures = [
        ("period", period, previous),
        ("gmv", n.gmv.to_string(), b.gmv.to_string()),
        (
            "commission",
            n.commission.to_string(),
            b.commission.to_string(),
        ),
        (
            "take_rate_percent",
            n.take_rate().to_string(),
            b.take_rate().to_string(),
        ),
        ("orders", n.orders.to_string(), b.orders.to_string()),
        (
            "average_order",
            n.average_order().to_string(),
            b.average_order().to_string(),
        ),
        (
            "active_shoppers",
            n.active_shoppers.to_string(),
            b.active_shoppers.to_string(),
        ),
        (
            "new_shoppers",
            n.new_shoppers.to_string(),
            b.new_shoppers.to_string(),
        ),
        (
            "active_shops",
            n.active_shops.to_string(),
            b.active_shops.to_string(),
        ),
        (
            "new_shops",
            n.new_shops.to_string(),
            b.new_shops.to_string(),
        ),
        (
            "mpesa_attempts",
            r.mpesa_attempts.to_string(),
            String::new(),
        ),
        ("mpesa_paid", r.mpesa_paid.to_string(), String::new()),
    ];
    for (name, value, before) in figures {
        w.write_record(["figure", name, &value, &before])
            .map_err(failed)?;
    }
    let ranked = |section: &str, rows: &[Ranked], w: &mut ::csv::Writer<Vec<u8>>| {
        for row in rows {
            w.write_record([
                section,
                &inert(&row.name),
                &row.amount.to_string(),
                &row.count.to_string(),
            ])
            .map_err(failed)?;
        }
        Ok::<(), AppError>(())
    };
    ranked("mpesa_failure", &r.mpesa_failures, &mut w)?;
    ranked("dropped_part", &r.drop_causes, &mut w)?;
    ranked("top_category", &r.top_categories, &mut w)?;
    ranked("top_shop", &r.top_shops, &mut w)?;
    for t in &r.step_times {
        w.write_record([
            "hours_to_step",
            &t.step,
            &format!("{:.1}", t.p50_hours),
            &format!("{:.1}", t.p90_hours),
        ])
        .map_err(failed)?;
    }
    for d in &r.daily {
        w.write_record(["day", &d.day, &d.gmv.to_string(), &d.orders.to_string()])
            .map_err(failed)?;
    }
    w.into_inner()
        .map_err(|e| AppError::internal(format!("analytics CSV: {e}")))
}

//! The admin's view of money: flagged M-Pesa callbacks, recent payouts and refunds, and the
//! "run payouts now" button (the same run the scheduled job does).

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::wire::payments::*;

#[server(endpoint = "payments_overview")]
pub async fn payments_overview() -> Result<PaymentsDesk, AppError> {
    use crate::auth::context;
    use crate::domain::role::Area;
    context::respond(async move {
        context::require_area(Area::Admin).await?;
        let pool = &context::state()?.pool;
        Ok(PaymentsDesk {
            flagged: crate::db::payments::flagged(pool).await?,
            payouts: crate::db::payouts::recent(pool, None).await?,
        })
    })
    .await
}

/// Runs the payouts job now: release held sales, queue payouts, send them.
#[server(endpoint = "run_payouts")]
pub async fn run_payouts() -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::role::Area;
    context::respond(async move {
        let admin = context::require_area(Area::Admin).await?;
        let state = context::state()?;
        let rules = crate::db::platform::payout_rules(&state.pool, &state.settings).await?;
        let report = crate::payments::payouts::run(&state.pool, &state.mpesa, &rules).await?;
        tracing::info!(admin = %admin.id, ?report, "payouts run by an admin");
        Ok(())
    })
    .await
}

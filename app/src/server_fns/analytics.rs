//! The platform analytics page's data.

use crate::error::AppError;
use crate::wire::analytics::AnalyticsView;
use leptos::prelude::*;

/// The report for the last `days` (7, 30 or 90), or from `from` to `to` (dates, UTC).
#[server(endpoint = "platform_analytics")]
pub async fn platform_analytics(
    #[server(default)] days: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
) -> Result<AnalyticsView, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let ask = crate::domain::analytics::parse_period(&days, &from, &to)
            .map_err(|(field, why)| AppError::invalid(field, why))?;
        let started = std::time::Instant::now();
        let report = crate::analytics::report(&context::state()?.pool, &ask).await?;
        tracing::debug!(
            elapsed_ms = started.elapsed().as_millis() as u64,
            "analytics report"
        );
        Ok(report)
    })
    .await
}

//! The admin console's data. Every function here checks the admin role itself, whatever the
//! page guard did.

#![allow(
    clippy::too_many_arguments,
    reason = "a form server function takes one argument per form field"
)]

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::wire::admin::*;

#[server(endpoint = "admin_overview")]
pub async fn admin_overview() -> Result<PlatformCounts, AppError> {
    use crate::auth::context;
    use crate::domain::role::Area;
    context::respond(async move {
        context::require_area(Area::Admin).await?;
        Ok(crate::db::stats::platform_counts(&context::state()?.pool).await?)
    })
    .await
}

/// Rows of the audit log shown per page.
pub const AUDIT_PAGE: i64 = 50;

/// The audit log, newest first: rows whose summary, object, action or actor's email hold `q`,
/// older than `before`.
#[server(endpoint = "audit_log")]
pub async fn audit_log(
    #[server(default)] q: String,
    #[server(default)] before: Option<i64>,
) -> Result<AuditPage, AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::role::Area;
    context::respond(async move {
        context::require_area(Area::Admin).await?;
        let words = crate::domain::text::bounded(&q, 0, 200, false)
            .map_err(|why| AppError::invalid("q", why))?;
        if before.is_some_and(|b| b < 1) {
            return Err(AppError::invalid("before", Invalid::OutOfRange));
        }
        let filter = crate::db::audit::Filter {
            words: (!words.is_empty()).then_some(words),
            before,
        };
        let pool = &context::state()?.pool;
        let mut entries = crate::db::audit::search(pool, &filter, AUDIT_PAGE + 1).await?;
        let next = if entries.len() as i64 > AUDIT_PAGE {
            entries.truncate(AUDIT_PAGE as usize);
            entries.last().map(|e| e.id)
        } else {
            None
        };
        Ok(AuditPage { entries, next })
    })
    .await
}

#[cfg(feature = "ssr")]
pub(crate) type Tx = sqlx::Transaction<'static, sqlx::Postgres>;

/// Runs one audited admin change: the admin from the session, one transaction that the change
/// and its audit rows share (so both commit or neither does), then back to `back`.
#[cfg(feature = "ssr")]
pub(crate) async fn audited_edit<F>(back: &'static str, change: F) -> Result<(), AppError>
where
    F: for<'t> FnOnce(
            &'t mut Tx,
            &'t crate::db::audit::Actor,
        )
            -> std::pin::Pin<Box<dyn Future<Output = Result<(), AppError>> + Send + 't>>
        + Send,
{
    use crate::auth::context;
    context::respond(async move {
        let admin = context::require_area(crate::domain::role::Area::Admin).await?;
        let actor = context::actor(&admin);
        let mut tx = context::state()?.pool.begin().await?;
        change(&mut tx, &actor).await?;
        tx.commit().await?;
        leptos_axum::redirect(back);
        Ok(())
    })
    .await
}

/// The platform settings the console edits.
#[server(endpoint = "platform_settings")]
pub async fn platform_settings() -> Result<crate::domain::platform::PlatformSettings, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let state = context::state()?;
        Ok(crate::db::platform::get(&state.pool, &state.settings).await?)
    })
    .await
}

/// Saves the platform settings; they apply from the next request.
#[server(endpoint = "save_platform_settings")]
pub async fn save_platform_settings(
    vat_percent: String,
    reservation_minutes: String,
    return_days: String,
    holding_days: String,
    payout_minimum: String,
    accept_hours: String,
    ship_days: String,
    answer_hours: String,
    #[server(default)] orders_paused: Option<String>,
    #[server(default)] pause_message: String,
) -> Result<(), AppError> {
    use crate::domain::audit::Action;
    use crate::domain::platform::{PlatformSettings, SettingsForm};
    // Make sure the row exists before the edit locks it.
    {
        let state = crate::auth::context::state()?;
        crate::db::platform::get(&state.pool, &state.settings).await?;
    }
    audited_edit("/admin/settings", move |tx, actor| {
        Box::pin(async move {
            let after = PlatformSettings::parse(&SettingsForm {
                vat_percent: &vat_percent,
                reservation_minutes: &reservation_minutes,
                return_days: &return_days,
                holding_days: &holding_days,
                payout_minimum: &payout_minimum,
                accept_hours: &accept_hours,
                ship_days: &ship_days,
                answer_hours: &answer_hours,
                orders_paused: orders_paused.is_some_and(|v| v == "on" || v == "true"),
                pause_message: &pause_message,
            })
            .map_err(|(field, why)| AppError::invalid(field, why))?;
            let before = crate::db::platform::lock(tx).await?;
            let changes = before.changes(&after);
            if changes.is_empty() {
                return Ok(());
            }
            crate::db::platform::save(tx, &after).await?;
            crate::db::audit::record(tx, actor, Action::SettingsChanged, "platform", &changes)
                .await?;
            Ok(())
        })
    })
    .await
}

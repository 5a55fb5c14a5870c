//! Background housekeeping that runs inside the server process.

use app::state::AppState;
use std::time::Duration;
use tokio::task::JoinHandle;
use tower_sessions::ExpiredDeletion;
use tower_sessions_sqlx_store::PostgresStore;

/// How often counted product views are written.
const VIEW_FLUSH: Duration = Duration::from_secs(30);
/// Housekeeping runs every this many view flushes (10 minutes).
const HOUSEKEEPING_EVERY: u32 = 20;

/// Starts the periodic jobs; abort the handle to stop them.
pub fn spawn(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let pool = state.pool.clone();
        let sessions = PostgresStore::new(pool.clone());
        let expired = tokio::spawn(sessions.continuously_delete_expired(Duration::from_secs(3600)));
        let mut tick = tokio::time::interval(VIEW_FLUSH);
        let mut round: u32 = 0;
        loop {
            tick.tick().await;
            if let Err(e) = state.views.flush(&pool).await {
                tracing::warn!(error = %e, "writing product views failed; kept for the next flush");
            }
            round = round.wrapping_add(1);
            if round % HOUSEKEEPING_EVERY != 1 {
                continue;
            }
            // The typo-correction vocabulary follows the approved catalog (approvals add
            // words at once; this also drops words of listings that left).
            if let Err(e) = sqlx::query("select refresh_search_words()")
                .execute(&pool)
                .await
            {
                tracing::warn!(error = %e, "refreshing the search vocabulary failed");
            }
            match app::db::login_failures::prune(&pool).await {
                Ok(n) if n > 0 => tracing::info!(rows = n, "pruned old login failures"),
                Ok(_) => {}
                Err(e) => tracing::warn!(error = %e, "pruning login failures failed"),
            }
            if expired.is_finished() {
                tracing::warn!("expired-session deletion stopped");
            }
        }
    })
}

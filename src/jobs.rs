//! Background housekeeping that runs inside the server process.

use sqlx::PgPool;
use std::time::Duration;
use tokio::task::JoinHandle;
use tower_sessions::ExpiredDeletion;
use tower_sessions_sqlx_store::PostgresStore;

/// Starts the periodic jobs; abort the handle to stop them.
pub fn spawn(pool: PgPool) -> JoinHandle<()> {
    tokio::spawn(async move {
        let sessions = PostgresStore::new(pool.clone());
        let expired = tokio::spawn(sessions.continuously_delete_expired(Duration::from_secs(3600)));
        let mut tick = tokio::time::interval(Duration::from_secs(600));
        loop {
            tick.tick().await;
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

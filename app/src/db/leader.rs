//! One server instance at a time runs the shared background jobs. Each round takes a
//! transaction-scoped advisory lock: it ends with the transaction, so a crashed instance
//! (its connection closed) can never keep the others waiting.

use sqlx::{PgPool, Postgres, Transaction};

/// The lock's key: any number no other advisory lock in Sokoni uses.
const JOBS_LOCK: i64 = 7_100;

/// The lock, if no other instance holds it; keep the transaction for the round's length.
pub async fn lead(pool: &PgPool) -> Result<Option<Transaction<'static, Postgres>>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    let got: bool = sqlx::query_scalar("select pg_try_advisory_xact_lock($1)")
        .bind(JOBS_LOCK)
        .fetch_one(&mut *tx)
        .await?;
    Ok(got.then_some(tx))
}

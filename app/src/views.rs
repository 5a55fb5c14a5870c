//! Product page views, counted in memory and written in one statement per flush, so the hot
//! path costs a hash-map increment instead of a row update (and its lock) per page view.

use sqlx::PgPool;
use std::collections::HashMap;
use std::sync::Mutex;
use uuid::Uuid;

#[derive(Default)]
pub struct ViewCounter {
    pending: Mutex<HashMap<Uuid, i64>>,
}

/// What one view adds to a listing's popularity (sales will add more).
const POPULARITY_PER_VIEW: &str = "0.01";

impl ViewCounter {
    pub fn record(&self, listing: Uuid) {
        if let Ok(mut pending) = self.pending.lock() {
            *pending.entry(listing).or_insert(0) += 1;
        }
    }

    /// Writes the counted views and forgets them. If the write fails they are put back, so a
    /// database hiccup delays counts rather than losing them.
    pub async fn flush(&self, pool: &PgPool) -> Result<usize, sqlx::Error> {
        let batch: HashMap<Uuid, i64> = match self.pending.lock() {
            Ok(mut pending) => std::mem::take(&mut *pending),
            Err(_) => return Ok(0),
        };
        if batch.is_empty() {
            return Ok(0);
        }
        let (ids, counts): (Vec<Uuid>, Vec<i64>) = batch.iter().map(|(k, v)| (*k, *v)).unzip();
        let result = sqlx::query(
            "update listings l set view_count = l.view_count + v.n,
                    popularity = l.popularity + v.n * $3::numeric
             from unnest($1::uuid[], $2::bigint[]) as v(id, n) where l.id = v.id",
        )
        .bind(&ids)
        .bind(&counts)
        .bind(POPULARITY_PER_VIEW)
        .execute(pool)
        .await;
        match result {
            Ok(_) => Ok(batch.len()),
            Err(e) => {
                if let Ok(mut pending) = self.pending.lock() {
                    for (id, n) in batch {
                        *pending.entry(id).or_insert(0) += n;
                    }
                }
                Err(e)
            }
        }
    }
}

//! M-Pesa payment attempts and the raw callbacks. Payment rows are found by our id together
//! with the session user, or by the CheckoutRequestID Daraja gave us.

use crate::domain::payment::PaymentStatus;
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

#[derive(Clone, Debug, FromRow)]
pub struct PaymentRow {
    pub id: Uuid,
    pub order_id: Uuid,
    pub status: PaymentStatus,
    pub amount: Decimal,
    pub requested: Decimal,
    pub phone: String,
    pub checkout_request_id: Option<String>,
    /// Daraja's words for how it ended (e.g. "Request cancelled by user").
    pub result_desc: Option<String>,
}

const COLUMNS: &str =
    "id, order_id, status, amount, requested, phone, checkout_request_id, result_desc";

/// Prompts sent in the last hour: (to this order, to this phone). The phone is locked first,
/// so concurrent checkouts to one phone are counted one after the other.
pub async fn prompts_last_hour(
    tx: &mut PgConnection,
    order_id: Option<Uuid>,
    phone: &str,
) -> Result<(i64, i64), sqlx::Error> {
    sqlx::query("select pg_advisory_xact_lock(hashtextextended($1, 7002))")
        .bind(phone)
        .execute(&mut *tx)
        .await?;
    sqlx::query_as(
        "select count(*) filter (where order_id = $1), count(*) filter (where phone = $2)
         from payments where (order_id = $1 or phone = $2) and created_at > now() - interval '1 hour'",
    )
    .bind(order_id)
    .bind(phone)
    .fetch_one(&mut *tx)
    .await
}

/// Notes a Daraja query of the attempt, unless one was made less than `secs` ago (then false).
pub async fn note_query(db: impl PgExecutor<'_>, id: Uuid, secs: i64) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update payments set queried_at = now()
         where id = $1 and (queried_at is null or queried_at < now() - make_interval(secs => $2))",
    )
    .bind(id)
    .bind(secs as f64)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Opens an attempt, unless one is already pending for the order (then None).
pub async fn open(
    tx: &mut PgConnection,
    order_id: Uuid,
    amount: Decimal,
    requested: Decimal,
    phone: &str,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "insert into payments (id, order_id, status, amount, requested, phone) values ($1, $2, 'pending', $3, $4, $5)
         on conflict (order_id) where status = 'pending' do nothing returning id",
    )
    .bind(Uuid::new_v4())
    .bind(order_id)
    .bind(amount)
    .bind(requested)
    .bind(phone)
    .fetch_optional(&mut *tx)
    .await
}

pub async fn set_request_ids(
    db: &mut PgConnection,
    id: Uuid,
    merchant: &str,
    checkout: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update payments set merchant_request_id = $2, checkout_request_id = $3 where id = $1",
    )
    .bind(id)
    .bind(merchant)
    .bind(checkout)
    .execute(db)
    .await?;
    Ok(())
}

/// Serialises the work on one CheckoutRequestID until the transaction ends: saving the ids
/// of our push and applying a callback that names them. Whichever comes second sees the
/// other's commit, so a callback that beat the push's answer is never lost between the two.
pub async fn lock_request(
    tx: &mut PgConnection,
    checkout_request_id: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("select pg_advisory_xact_lock(hashtextextended($1, 7001))")
        .bind(checkout_request_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Callbacks kept for a request whose ids were not saved yet: (callback id, raw body).
pub async fn unmatched_callbacks(
    tx: &mut PgConnection,
    checkout_request_id: &str,
) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as(
        "select id, raw from mpesa_callbacks
         where outcome = 'unmatched' and request_id = $1 order by received_at",
    )
    .bind(checkout_request_id)
    .fetch_all(&mut *tx)
    .await
}

/// What became of a kept callback once it could be applied.
pub async fn settle_callback(
    tx: &mut PgConnection,
    id: Uuid,
    outcome: &str,
    flag: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query("update mpesa_callbacks set outcome = $2, flag = $3 where id = $1")
        .bind(id)
        .bind(outcome)
        .bind(flag)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Callbacks still unmatched after `older_than_secs` name no attempt of ours: flagged for an
/// admin. Returns how many.
pub async fn flag_unmatched(
    db: impl PgExecutor<'_>,
    older_than_secs: i64,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "update mpesa_callbacks set outcome = 'flagged', flag = 'unknown CheckoutRequestID'
         where outcome = 'unmatched' and received_at < now() - make_interval(secs => $1)",
    )
    .bind(older_than_secs as f64)
    .execute(db)
    .await?
    .rows_affected())
}

/// Locks the attempt a callback or query is about.
pub async fn lock_by_request(
    tx: &mut PgConnection,
    checkout_request_id: &str,
) -> Result<Option<PaymentRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from payments where checkout_request_id = $1 for update"
    ))
    .bind(checkout_request_id)
    .fetch_optional(&mut *tx)
    .await
}

/// The order's newest attempt.
pub async fn latest(
    db: impl PgExecutor<'_>,
    order_id: Uuid,
) -> Result<Option<PaymentRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from payments where order_id = $1 order by created_at desc limit 1"
    ))
    .bind(order_id)
    .fetch_optional(db)
    .await
}

/// Moves an attempt from `from` to `to` with the answer that decided it; false if it was not
/// in `from` any more. The result code is kept from the answer text's source by the caller.
pub async fn resolve(
    tx: &mut PgConnection,
    id: Uuid,
    from: PaymentStatus,
    to: PaymentStatus,
    desc: &str,
    receipt: Option<&str>,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update payments set status = $3, result_desc = $4, receipt = coalesce($5, receipt), resolved_at = now()
         where id = $1 and status = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(desc)
    .bind(receipt)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1)
}

pub async fn receipt_used(tx: &mut PgConnection, receipt: &str) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("select exists (select 1 from payments where receipt = $1)")
        .bind(receipt)
        .fetch_one(&mut *tx)
        .await
}

/// Keeps a callback as received, with what became of it.
pub async fn record_callback(
    db: impl PgExecutor<'_>,
    kind: &str,
    raw: &str,
    request_id: Option<&str>,
    outcome: &str,
    flag: Option<&str>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into mpesa_callbacks (id, kind, raw, request_id, outcome, flag) values ($1, $2, $3, $4, $5, $6)",
    )
    .bind(Uuid::new_v4())
    .bind(kind)
    .bind(raw)
    .bind(request_id)
    .bind(outcome)
    .bind(flag)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn flagged(
    db: impl PgExecutor<'_>,
) -> Result<Vec<crate::wire::payments::FlaggedCallback>, sqlx::Error> {
    sqlx::query_as(
        "select kind, request_id, flag, raw, to_char(received_at, 'YYYY-MM-DD HH24:MI:SS') as received
         from mpesa_callbacks where outcome = 'flagged' order by received_at desc limit 100",
    )
    .fetch_all(db)
    .await
}

/// Unpaid M-Pesa orders whose reservation ran out, oldest first.
pub async fn expired_orders(db: impl PgExecutor<'_>) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "select id from orders where status = 'pending_payment' and reserved_until < now() order by reserved_until limit 200",
    )
    .fetch_all(db)
    .await
}

/// Pending attempts old enough that a callback should have come: asked about by STK query.
pub async fn stale_pending(
    db: impl PgExecutor<'_>,
    older_than_secs: i64,
) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "select checkout_request_id from payments
         where status = 'pending' and checkout_request_id is not null
           and created_at < now() - make_interval(secs => $1)
         order by created_at limit 100",
    )
    .bind(older_than_secs as f64)
    .fetch_all(db)
    .await
}

/// Closes an order's pending attempt (its order stopped waiting).
pub async fn fail_pending(
    tx: &mut PgConnection,
    order_id: Uuid,
    why: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update payments set status = 'failed', result_desc = $2, resolved_at = now()
         where order_id = $1 and status = 'pending'",
    )
    .bind(order_id)
    .bind(why)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The phone of the order's paid attempt (where a refund goes).
pub async fn paid_phone(
    tx: &mut PgConnection,
    order_id: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("select phone from payments where order_id = $1 and status = 'paid' limit 1")
        .bind(order_id)
        .fetch_optional(&mut *tx)
        .await
}

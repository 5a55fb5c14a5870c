//! Collecting an order's money by STK push: send the prompt, apply the callback (or the
//! query's answer) once, and release the stock of orders whose reservation ran out.
//!
//! A callback moves state only if it names a pending attempt of ours and, when paid, carries
//! that attempt's amount and phone; anything else is kept, flagged for an admin, and moves
//! nothing. Every step runs in one transaction with the attempt row locked, so a callback
//! arriving twice (or with a query) is applied once.

use super::refunds;
use crate::db::{ledger, orders, payments};
use crate::domain::Invalid;
use crate::domain::ledger::{self as postings, TxKind};
use crate::domain::order::{OrderStatus, VendorOrderEvent, VendorOrderStatus};
use crate::domain::payment::{
    PROMPTS_PER_ORDER_PER_HOUR, PROMPTS_PER_PHONE_PER_HOUR, PaymentStatus, SECS_BETWEEN_QUERIES,
};
use crate::error::AppError;
use crate::mpesa::Daraja;
use crate::mpesa::protocol::{self, Outcome, StkResult};
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Sends the PIN prompt for the user's unpaid order to `phone`. A prompt already waiting for
/// an answer is not sent twice. Returns the attempt's id.
pub async fn start(
    pool: &PgPool,
    mpesa: &Daraja,
    user_id: Uuid,
    order_id: Uuid,
    phone: &crate::domain::Phone,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let order = orders::lock_unpaid(&mut tx, user_id, order_id)
        .await?
        .ok_or_else(|| AppError::invalid("payment", Invalid::NotPayable))?;
    let requested = protocol::whole_shillings(order.total);
    let msisdn = phone.as_str().trim_start_matches('+').to_owned();
    within_prompt_limits(&mut tx, Some(order_id), &msisdn).await?;
    let Some(payment_id) =
        payments::open(&mut tx, order_id, order.total, requested, &msisdn).await?
    else {
        // A prompt is out already: the shopper answers that one (or it resolves first).
        return Ok(());
    };
    tx.commit().await?;
    let amount = shillings(requested);
    let reference = order_id.simple().to_string()[..12].to_uppercase();
    match mpesa
        .stk_push(&msisdn, amount, &reference, "Sokoni order")
        .await
    {
        Ok(sent) => {
            attach_request_ids(
                pool,
                payment_id,
                &sent.merchant_request_id,
                &sent.checkout_request_id,
            )
            .await?;
            tracing::info!(order = %order_id, payment = %payment_id, "STK push sent");
            Ok(())
        }
        Err(e) => {
            tracing::warn!(order = %order_id, error = %e, "STK push failed");
            let mut tx = pool.begin().await?;
            payments::resolve(
                &mut tx,
                payment_id,
                PaymentStatus::Pending,
                PaymentStatus::Failed,
                &e.to_string(),
                None,
            )
            .await?;
            tx.commit().await?;
            Err(AppError::invalid("payment", Invalid::MpesaUnavailable))
        }
    }
}

/// Refuses a prompt over the hourly limits, per order (when there is one yet) and per phone.
async fn within_prompt_limits(
    tx: &mut PgConnection,
    order_id: Option<Uuid>,
    msisdn: &str,
) -> Result<(), AppError> {
    let (to_order, to_phone) = payments::prompts_last_hour(tx, order_id, msisdn).await?;
    for (sent, max) in [
        (to_order, PROMPTS_PER_ORDER_PER_HOUR),
        (to_phone, PROMPTS_PER_PHONE_PER_HOUR),
    ] {
        if sent >= max {
            return Err(AppError::invalid(
                "phone",
                Invalid::PromptLimit { per_hour: max },
            ));
        }
    }
    Ok(())
}

/// Checkout asks before it places an M-Pesa order: a phone over its limit is refused with
/// nothing written (`start` checks again, under the phone's lock, when it sends).
pub async fn may_prompt(pool: &PgPool, phone: &crate::domain::Phone) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    within_prompt_limits(&mut tx, None, phone.as_str().trim_start_matches('+')).await
}

/// Saves the request ids Daraja gave our push and, in the same transaction, applies any
/// callback that arrived before them (Daraja can call back within milliseconds): the order is
/// paid at once and nothing is flagged.
pub async fn attach_request_ids(
    pool: &PgPool,
    payment_id: Uuid,
    merchant_request_id: &str,
    checkout_request_id: &str,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    payments::lock_request(&mut tx, checkout_request_id).await?;
    payments::set_request_ids(
        &mut tx,
        payment_id,
        merchant_request_id,
        checkout_request_id,
    )
    .await?;
    for (callback, raw) in payments::unmatched_callbacks(&mut tx, checkout_request_id).await? {
        let applied = match protocol::parse_stk_callback(&raw) {
            Ok(result) => apply(&mut tx, &result, true).await?,
            Err(e) => Applied::Flagged(format!("unreadable: {e}")),
        };
        let (outcome, flag) = applied.record();
        payments::settle_callback(&mut tx, callback, outcome, flag).await?;
        tracing::info!(payment = %payment_id, outcome, "early M-Pesa callback applied");
    }
    tx.commit().await?;
    Ok(())
}

/// Callbacks unmatched this long name no attempt of ours (our push's answer would have been
/// saved by now): they are flagged for an admin.
pub const UNMATCHED_GRACE_SECS: i64 = 60;

/// What a callback did, as recorded next to its raw body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Applied {
    Applied,
    Duplicate,
    /// No attempt has its CheckoutRequestID yet: kept until our push's answer is saved.
    Unmatched,
    Flagged(String),
}

impl Applied {
    fn record(&self) -> (&'static str, Option<&str>) {
        match self {
            Self::Applied => ("applied", None),
            Self::Duplicate => ("duplicate", None),
            Self::Unmatched => ("unmatched", None),
            Self::Flagged(why) => ("flagged", Some(why.as_str())),
        }
    }
}

/// Applies an STK callback body. The raw body is kept whatever happens.
pub async fn on_callback(pool: &PgPool, raw: &str) -> Result<Applied, AppError> {
    let parsed = protocol::parse_stk_callback(raw);
    let mut tx = pool.begin().await?;
    let (request_id, applied) = match parsed {
        Err(e) => (None, Applied::Flagged(format!("unreadable: {e}"))),
        Ok(result) => {
            let id = result.checkout_request_id.clone();
            payments::lock_request(&mut tx, &id).await?;
            (Some(id), apply(&mut tx, &result, true).await?)
        }
    };
    let (outcome, flag) = applied.record();
    payments::record_callback(&mut *tx, "stk", raw, request_id.as_deref(), outcome, flag).await?;
    tx.commit().await?;
    if let Applied::Flagged(why) = &applied {
        tracing::warn!(request = ?request_id, %why, "M-Pesa callback flagged");
    }
    Ok(applied)
}

/// The shopper's "check again": a Daraja query, at most one per attempt every
/// `SECS_BETWEEN_QUERIES` (the page already follows the payment by itself).
pub async fn check_again(
    pool: &PgPool,
    mpesa: &Daraja,
    payment_id: Uuid,
    checkout_request_id: &str,
) -> Result<Outcome, AppError> {
    if !payments::note_query(pool, payment_id, SECS_BETWEEN_QUERIES).await? {
        return Err(AppError::invalid(
            "payment",
            Invalid::CheckTooSoon {
                secs: SECS_BETWEEN_QUERIES,
            },
        ));
    }
    reconcile(pool, mpesa, checkout_request_id).await
}

/// Asks Daraja about a pending attempt (the shopper's "check again", and the job for
/// attempts whose callback never came) and applies a final answer.
pub async fn reconcile(
    pool: &PgPool,
    mpesa: &Daraja,
    checkout_request_id: &str,
) -> Result<Outcome, AppError> {
    let (outcome, code, desc) = mpesa.stk_query(checkout_request_id).await.map_err(|e| {
        tracing::warn!(error = %e, "STK query failed");
        AppError::invalid("payment", Invalid::MpesaUnavailable)
    })?;
    if outcome == Outcome::Pending {
        return Ok(outcome);
    }
    let mut tx = pool.begin().await?;
    let Some(payment) = payments::lock_by_request(&mut tx, checkout_request_id).await? else {
        return Ok(outcome);
    };
    // The query is our own authenticated call: its answer stands for our attempt's amount
    // and phone (it carries no receipt).
    let result = StkResult {
        merchant_request_id: String::new(),
        checkout_request_id: checkout_request_id.to_owned(),
        result_code: code,
        result_desc: desc,
        paid: (outcome == Outcome::Paid).then(|| protocol::PaidDetails {
            amount: payment.requested,
            receipt: String::new(),
            phone: payment.phone.clone(),
        }),
    };
    apply(&mut tx, &result, false).await?;
    tx.commit().await?;
    Ok(outcome)
}

async fn apply(
    tx: &mut PgConnection,
    result: &StkResult,
    from_callback: bool,
) -> Result<Applied, AppError> {
    let Some(payment) = payments::lock_by_request(tx, &result.checkout_request_id).await? else {
        return Ok(Applied::Unmatched);
    };
    let outcome = protocol::outcome(result.result_code);
    // Paid after we gave up on it (the reservation ran out, or a query said it failed): the
    // money is real, so it is taken in — and, its order no longer waiting, refunded.
    let late = payment.status == PaymentStatus::Failed && outcome == Outcome::Paid && from_callback;
    if payment.status != PaymentStatus::Pending && !late {
        let same = (payment.status == PaymentStatus::Paid) == (outcome == Outcome::Paid);
        return Ok(if same {
            Applied::Duplicate
        } else {
            Applied::Flagged(format!(
                "result {} for an attempt already {}",
                result.result_code, payment.status
            ))
        });
    }
    match (outcome, &result.paid) {
        (Outcome::Pending, _) => Ok(Applied::Duplicate),
        (Outcome::Failed, _) => {
            payments::resolve(
                tx,
                payment.id,
                PaymentStatus::Pending,
                PaymentStatus::Failed,
                &result.result_desc,
                None,
            )
            .await?;
            Ok(Applied::Applied)
        }
        (Outcome::Paid, None) => Ok(Applied::Flagged("paid without metadata".into())),
        (Outcome::Paid, Some(paid)) => {
            if paid.amount != payment.requested {
                return Ok(Applied::Flagged(format!(
                    "amount {} but {} was asked",
                    paid.amount, payment.requested
                )));
            }
            if paid.phone.trim_start_matches('+') != payment.phone {
                return Ok(Applied::Flagged(format!(
                    "paid from {} but the prompt went to {}",
                    paid.phone, payment.phone
                )));
            }
            let receipt = (from_callback && !paid.receipt.is_empty()).then_some(&paid.receipt);
            if let Some(r) = receipt
                && payments::receipt_used(tx, r).await?
            {
                return Ok(Applied::Flagged(format!("receipt {r} already used")));
            }
            payments::resolve(
                tx,
                payment.id,
                if late {
                    PaymentStatus::Failed
                } else {
                    PaymentStatus::Pending
                },
                PaymentStatus::Paid,
                &result.result_desc,
                receipt.map(String::as_str),
            )
            .await?;
            paid_order(tx, &payment).await
        }
    }
}

/// Money arrived for `payment`: the order is paid and each shop asked to accept its part —
/// unless the order stopped waiting (it expired), then the money is owed back and refunded.
async fn paid_order(
    tx: &mut PgConnection,
    payment: &payments::PaymentRow,
) -> Result<Applied, AppError> {
    let order = orders::lock(tx, payment.order_id)
        .await?
        .ok_or_else(|| AppError::internal(format!("payment {} has no order", payment.id)))?;
    let parts = orders::parts_for_update(tx, order.id).await?;
    // Payable only while the whole order waits: a part dropped meanwhile (or an order that
    // expired) means the money no longer matches what is owed, so it is taken in and sent back.
    let payable = order.status == OrderStatus::PendingPayment
        && parts
            .iter()
            .all(|p| p.status == VendorOrderStatus::PendingPayment);
    if !payable {
        let posting = postings::mpesa_unallocated(payment.requested, &order.currency)?;
        ledger::post(
            tx,
            TxKind::MpesaUnallocated,
            payment.id,
            "paid after the order stopped waiting",
            None,
            &posting,
        )
        .await?;
        refunds::queue(
            tx,
            crate::db::payouts::Owed::LatePayment(payment.id),
            payment.requested,
            &order.currency,
            &payment.phone,
        )
        .await?;
        return Ok(Applied::Flagged(format!(
            "paid after the order was {} (or a part of it dropped); refund queued",
            order.status
        )));
    }
    let posting = postings::mpesa_received(payment.requested, payment.amount, &order.currency)?;
    ledger::post(
        tx,
        TxKind::MpesaPayment,
        payment.id,
        "M-Pesa payment",
        None,
        &posting,
    )
    .await?;
    orders::set_order_status(tx, order.id, OrderStatus::PendingPayment, OrderStatus::Paid).await?;
    for part in parts {
        orders::advance(tx, part.id, part.status, VendorOrderEvent::Confirmed, None)
            .await?
            .ok_or_else(|| AppError::internal("a paid order's part could not be confirmed"))?;
        let sale = postings::sale(part.total, part.commission, &order.currency)?;
        ledger::post(
            tx,
            TxKind::Sale,
            part.id,
            "M-Pesa sale",
            Some(part.vendor_id),
            &sale,
        )
        .await?;
    }
    crate::notifications::order_paid(tx, order.id).await?;
    Ok(Applied::Applied)
}

/// Cancels unpaid M-Pesa orders whose reservation ran out and puts their stock back. Attempts
/// still pending are asked about first, so a payment that did go through is not lost.
pub async fn expire_due(pool: &PgPool, mpesa: &Daraja) -> Result<usize, AppError> {
    let mut expired = 0;
    for order_id in payments::expired_orders(pool).await? {
        // One order that cannot be expired must never stop the job for the others (their
        // stock would stay held): it is logged and skipped, and the next run tries again.
        match expire_one(pool, mpesa, order_id).await {
            Ok(true) => expired += 1,
            Ok(false) => {}
            Err(e) => {
                tracing::error!(order = %order_id, error = ?e, "unpaid order not expired; skipped")
            }
        }
    }
    Ok(expired)
}

/// Cancels one unpaid order whose reservation ran out; false when it turned out paid or was
/// already settled.
async fn expire_one(pool: &PgPool, mpesa: &Daraja, order_id: Uuid) -> Result<bool, AppError> {
    if let Some(p) = payments::latest(pool, order_id).await?
        && p.status == PaymentStatus::Pending
        && let Some(request) = &p.checkout_request_id
        && reconcile(pool, mpesa, request).await.ok() == Some(Outcome::Paid)
    {
        return Ok(false);
    }
    let mut tx = pool.begin().await?;
    let Some(order) = orders::lock(&mut tx, order_id).await? else {
        return Ok(false);
    };
    if order.status != OrderStatus::PendingPayment {
        return Ok(false);
    }
    orders::set_order_status(
        &mut tx,
        order_id,
        OrderStatus::PendingPayment,
        OrderStatus::Cancelled,
    )
    .await?;
    for part in orders::parts_for_update(&mut tx, order_id).await? {
        let cancelled = orders::advance(
            &mut tx,
            part.id,
            part.status,
            VendorOrderEvent::Cancel,
            Some("payment not received in time"),
        )
        .await?;
        match cancelled {
            Some(_) => orders::release_stock(&mut tx, part.id).await?,
            // Already dropped (its stock went back then), or moved on: not ours to change.
            None => {
                tracing::warn!(order = %order_id, part = %part.id, status = part.status.as_str(), "part of an expired order left as it is")
            }
        }
    }
    payments::fail_pending(&mut tx, order_id, "reservation expired").await?;
    tx.commit().await?;
    Ok(true)
}

/// The whole shillings M-Pesa is asked for, as a count.
pub fn shillings(amount: Decimal) -> u64 {
    use rust_decimal::prelude::ToPrimitive;
    protocol::whole_shillings(amount).to_u64().unwrap_or(0)
}

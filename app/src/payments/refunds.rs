//! Money owed back to shoppers: a paid part rejected or cancelled before delivery, or a
//! payment that arrived after its order expired. The refund is queued as a B2C payment to the
//! phone that paid, and the payouts run sends it.

use crate::db::{ledger, orders, payments, payouts};
use crate::domain::ledger as postings;
use crate::domain::order::VendorOrderEvent;
use crate::error::AppError;
use crate::mpesa::protocol;
use rust_decimal::Decimal;
use sqlx::PgConnection;
use uuid::Uuid;

/// What a refund is for (one refund per part or late payment).
#[derive(Clone, Copy, Debug)]
pub enum Owed {
    Part(Uuid),
    LatePayment(Uuid),
}

/// Queues a refund of `owed` to `phone`, sent as whole shillings (rounded up, at our cost).
pub async fn queue(
    tx: &mut PgConnection,
    owed_for: Owed,
    owed: Decimal,
    currency: &str,
    phone: &str,
) -> Result<(), AppError> {
    let amount = protocol::whole_shillings(owed);
    let (part, payment) = match owed_for {
        Owed::Part(id) => (Some(id), None),
        Owed::LatePayment(id) => (None, Some(id)),
    };
    let Some(id) = payouts::open_refund(tx, part, payment, amount, currency, phone).await? else {
        return Ok(());
    };
    let posting = postings::refund_sent(owed, amount, currency);
    ledger::post(
        tx,
        "refund_sent",
        id,
        "refund to the shopper",
        None,
        &posting,
    )
    .await?;
    Ok(())
}

/// A part was dropped (rejected, cancelled) or returned. For a paid M-Pesa part the sale is
/// reversed (commission included) and the money queued back to the phone that paid; a
/// rejected or cancelled part is then `refunded`. For a cash-on-delivery part returned after
/// delivery, the commission the shop owed is reversed (the shop hands the cash back itself).
pub async fn refund_part(tx: &mut PgConnection, vendor_order_id: Uuid) -> Result<(), AppError> {
    let part = orders::part_payment(tx, vendor_order_id)
        .await?
        .ok_or(AppError::Internal)?;
    if part.payment_method == "cod" {
        ledger::reverse(tx, "cod_settlement", vendor_order_id, "cod_returned").await?;
        return Ok(());
    }
    if !ledger::posted(tx, "sale", vendor_order_id).await? {
        return Ok(()); // never paid: nothing to give back
    }
    let released = ledger::posted(tx, "release", vendor_order_id).await?;
    let posting = postings::refund(part.total, part.commission, &part.currency, released);
    ledger::post(
        tx,
        "refund",
        vendor_order_id,
        "part refunded",
        Some(part.vendor_id),
        &posting,
    )
    .await?;
    let status = orders::status_of(tx, vendor_order_id).await?;
    if status != "refunded" {
        super::move_part(tx, vendor_order_id, &status, VendorOrderEvent::Refund, None).await?;
    }
    let phone = payments::paid_phone(tx, part.order_id)
        .await?
        .ok_or(AppError::Internal)?;
    queue(
        tx,
        Owed::Part(vendor_order_id),
        part.total,
        &part.currency,
        &phone,
    )
    .await
}

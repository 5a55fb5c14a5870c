//! Money owed back to shoppers: a paid part rejected or cancelled before delivery, or a
//! payment that arrived after its order expired. The refund is queued as a B2C payment to the
//! phone that paid, and the payouts run sends it.

use crate::db::{ledger, orders, payments, payouts};
use crate::domain::Invalid;
use crate::domain::ledger::{self as postings, TxKind};
use crate::domain::order::{PaymentMethod, VendorOrderEvent, VendorOrderStatus};
use crate::error::AppError;
use crate::mpesa::protocol;
use rust_decimal::Decimal;
use sqlx::PgConnection;
use uuid::Uuid;

use crate::db::payouts::Owed;

/// Queues a refund of `owed` to `phone`, sent as whole shillings (rounded up, at our cost).
pub async fn queue(
    tx: &mut PgConnection,
    owed_for: Owed,
    owed: Decimal,
    currency: &str,
    phone: &str,
) -> Result<(), AppError> {
    let amount = protocol::whole_shillings(owed);
    let Some(id) = payouts::open_refund(tx, owed_for, amount, currency, phone).await? else {
        return Ok(());
    };
    let posting = postings::refund_sent(owed, amount, currency)?;
    ledger::post(
        tx,
        TxKind::RefundSent,
        id,
        "refund to the shopper",
        None,
        &posting,
    )
    .await?;
    Ok(())
}

/// The phone that paid for the order, where its refunds go.
async fn paying_phone(tx: &mut PgConnection, order_id: Uuid) -> Result<String, AppError> {
    payments::paid_phone(tx, order_id)
        .await?
        .ok_or_else(|| AppError::internal(format!("refund: order {order_id} has no paying phone")))
}

/// A part was dropped (rejected, cancelled) or returned. For a paid M-Pesa part the sale is
/// reversed (commission included) and the money queued back to the phone that paid; a
/// rejected or cancelled part is then `refunded`. For a cash-on-delivery part returned after
/// delivery, the commission the shop owed is reversed (the shop hands the cash back itself).
/// Items refunded earlier are not refunded again.
pub async fn refund_part(tx: &mut PgConnection, vendor_order_id: Uuid) -> Result<(), AppError> {
    let part = orders::part_payment(tx, vendor_order_id)
        .await?
        .ok_or_else(|| AppError::internal(format!("refund of unknown part {vendor_order_id}")))?;
    let owed = part.total - part.refunded_total;
    let commission = part.commission - part.refunded_commission;
    if part.payment_method == PaymentMethod::CashOnDelivery {
        if ledger::posted(tx, TxKind::CodSettlement, vendor_order_id).await? {
            let back = postings::reversal(&postings::cod_settlement(commission, &part.currency)?);
            ledger::post(
                tx,
                TxKind::CodReturned,
                vendor_order_id,
                "cash sale returned",
                Some(part.vendor_id),
                &back,
            )
            .await?;
        }
        return Ok(());
    }
    if !ledger::posted(tx, TxKind::Sale, vendor_order_id).await? {
        return Ok(()); // never paid: nothing to give back
    }
    let released = ledger::posted(tx, TxKind::Release, vendor_order_id).await?;
    let posting = postings::refund(owed, commission, &part.currency, released)?;
    ledger::post(
        tx,
        TxKind::Refund,
        vendor_order_id,
        "part refunded",
        Some(part.vendor_id),
        &posting,
    )
    .await?;
    let status = orders::status_of(tx, vendor_order_id).await?;
    if status != VendorOrderStatus::Refunded {
        orders::advance(tx, vendor_order_id, status, VendorOrderEvent::Refund, None)
            .await?
            .ok_or_else(|| AppError::invalid("action", Invalid::NotFound))?;
    }
    if owed.is_zero() {
        return Ok(()); // every item was refunded already
    }
    let phone = paying_phone(tx, part.order_id).await?;
    queue(
        tx,
        Owed::Part(vendor_order_id),
        owed,
        &part.currency,
        &phone,
    )
    .await
}

/// Part of a paid part's money goes back on a dispute's decision: `amount` (less than what is
/// still owed for it) with the same share of the commission reversed, taken from the shop's
/// pending balance (or its available one, which may go below zero, when the sale was
/// released already). Queued to the phone that paid, referenced by the dispute.
pub async fn refund_partly(
    tx: &mut PgConnection,
    dispute_id: Uuid,
    vendor_order_id: Uuid,
    amount: Decimal,
) -> Result<(), AppError> {
    let part = orders::part_payment(tx, vendor_order_id)
        .await?
        .ok_or_else(|| AppError::internal(format!("refund of unknown part {vendor_order_id}")))?;
    let owed = part.total - part.refunded_total;
    if part.payment_method != PaymentMethod::Mpesa || amount <= Decimal::ZERO || amount >= owed {
        return Err(AppError::invalid("amount", Invalid::OutOfRange));
    }
    let commission = crate::domain::dispute::commission_share(
        amount,
        owed,
        part.commission - part.refunded_commission,
    );
    orders::add_refunded(tx, vendor_order_id, amount, commission).await?;
    let released = ledger::posted(tx, TxKind::Release, vendor_order_id).await?;
    let posting = postings::refund(amount, commission, &part.currency, released)?;
    ledger::post(
        tx,
        TxKind::DisputeRefund,
        dispute_id,
        "part of a disputed part refunded",
        Some(part.vendor_id),
        &posting,
    )
    .await?;
    let phone = paying_phone(tx, part.order_id).await?;
    queue(
        tx,
        Owed::Dispute(dispute_id),
        amount,
        &part.currency,
        &phone,
    )
    .await
}

/// One item of a part is refunded (missing, damaged, out of stock after all): what the
/// shopper paid for it (after its share of the coupon) goes back with the commission on it
/// reversed, and its units return to stock. The part itself carries on.
pub async fn refund_item(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    item_id: Uuid,
) -> Result<(), AppError> {
    // The part's status decides, under its row lock: racing a rejection (which refunds the
    // whole part) either waits for it and is refused, or goes first and is counted by it.
    let status = orders::lock_status(tx, vendor_order_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !status.allows_item_refund() {
        return Err(AppError::invalid("item", Invalid::AlreadyRefunded));
    }
    let item = orders::lock_item(tx, vendor_order_id, item_id)
        .await?
        .ok_or(AppError::NotFound)?;
    if item.refunded {
        return Err(AppError::invalid("item", Invalid::AlreadyRefunded));
    }
    let part = orders::part_payment(tx, vendor_order_id)
        .await?
        .ok_or_else(|| AppError::internal(format!("refund of unknown part {vendor_order_id}")))?;
    let paid = item.line_total - item.discount;
    let cod = part.payment_method == PaymentMethod::CashOnDelivery;
    // Cash on delivery, before delivery: the item is dropped and the delivery settlement counts
    // only what is left. After delivery the shop hands the cash back itself, money we never
    // held and cannot see: the commission on the item stays owed, because a shop cannot cancel
    // what it owes on its own say-so (a return the shopper asked for and the shop accepted
    // reverses the part's settlement).
    let cash_collected = cod && ledger::posted(tx, TxKind::CodSettlement, vendor_order_id).await?;
    let commission_back = if cash_collected {
        Decimal::ZERO
    } else {
        item.commission
    };
    orders::mark_item_refunded(tx, vendor_order_id, item_id, paid, commission_back).await?;
    orders::release_item_stock(tx, item_id).await?;
    if cod {
        return Ok(());
    }
    if !ledger::posted(tx, TxKind::Sale, vendor_order_id).await? {
        return Ok(());
    }
    let released = ledger::posted(tx, TxKind::Release, vendor_order_id).await?;
    let posting = postings::refund(paid, item.commission, &part.currency, released)?;
    ledger::post(
        tx,
        TxKind::ItemRefund,
        item_id,
        "item refunded",
        Some(part.vendor_id),
        &posting,
    )
    .await?;
    if paid.is_zero() {
        return Ok(()); // fully discounted: nothing was paid for it
    }
    let phone = paying_phone(tx, part.order_id).await?;
    queue(tx, Owed::Item(item_id), paid, &part.currency, &phone).await
}

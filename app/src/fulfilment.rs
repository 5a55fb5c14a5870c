//! A step in a shop's part of an order (accept, reject, ship, deliver, cancel), with what it
//! implies in the same transaction: stock back and a refund when a part is dropped, the
//! delivery date and the cash-on-delivery commission when it is delivered.

use crate::db::audit::{self, Actor};
use crate::domain::Invalid;
use crate::domain::audit::Action;
use crate::domain::ledger::TxKind;
use crate::domain::order::{VendorOrderEvent, VendorOrderStatus};
use crate::error::AppError;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// Runs `event` on a vendor order read in `status`: the state machine decides, the update is
/// guarded by that status (someone else changing it first makes this an error, and nothing is
/// written).
///
/// `by` is who acts (shop staff, the shopper, an admin), audited with the step and with any
/// ledger transaction it posts; `None` is the platform itself.
pub async fn step(
    pool: &PgPool,
    by: Option<&Actor>,
    id: Uuid,
    status: VendorOrderStatus,
    event: VendorOrderEvent,
    note: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    audit::act_as(&mut tx, by).await?;
    step_in(&mut tx, by, id, status, event, note).await?;
    tx.commit().await?;
    tracing::info!(vendor_order = %id, ?event, "vendor order moved");
    Ok(())
}

/// `step` inside the caller's transaction (a dispute's decision moves its part with it).
pub async fn step_in(
    tx: &mut PgConnection,
    by: Option<&Actor>,
    id: Uuid,
    status: VendorOrderStatus,
    event: VendorOrderEvent,
    note: Option<&str>,
) -> Result<(), AppError> {
    crate::db::orders::advance(tx, id, status, event, note)
        .await?
        .ok_or_else(|| AppError::invalid("action", Invalid::NotFound))?;
    audit::record_as(
        tx,
        by,
        Action::of_part_event(event),
        id,
        note.unwrap_or_default(),
    )
    .await?;
    match event {
        // Dropped before shipping, or sent back: the units return to stock, the money to
        // the shopper.
        VendorOrderEvent::Reject
        | VendorOrderEvent::Cancel
        | VendorOrderEvent::CancelUnshipped
        | VendorOrderEvent::Refund => {
            crate::db::orders::release_stock(tx, id).await?;
            crate::payments::refunds::refund_part(tx, id).await?;
        }
        // Refunded on a dispute: the goods did not come back.
        VendorOrderEvent::RefundDisputed => {
            crate::payments::refunds::refund_part(tx, id).await?;
        }
        // Handed over: by the shop's word, or the shopper's confirming a shipped part.
        VendorOrderEvent::Deliver => {
            crate::db::orders::mark_delivered(tx, id).await?;
            settle_cash_on_delivery(tx, id).await?;
        }
        VendorOrderEvent::ConfirmReceipt if status == VendorOrderStatus::Shipped => {
            crate::db::orders::mark_delivered(tx, id).await?;
            settle_cash_on_delivery(tx, id).await?;
        }
        _ => {}
    }
    let order_id = crate::db::orders::order_of(tx, id).await?;
    crate::db::orders::derive_status(tx, order_id).await?;
    crate::notifications::part_moved(tx, id, event).await?;
    Ok(())
}

/// Cancels and refunds the parts their shops did not accept within `hours` of payment (the
/// platform acts: stock back, refund, the shopper told, the reason on the timeline). Returns
/// how many; a part its shop accepted meanwhile is left alone by the guarded step.
pub async fn cancel_unaccepted(pool: &PgPool, hours: i64) -> Result<usize, AppError> {
    let note = format!("not accepted within {hours} hours");
    let mut cancelled = 0;
    for id in crate::db::orders::unaccepted(pool, hours).await? {
        match step(
            pool,
            None,
            id,
            VendorOrderStatus::AwaitingAcceptance,
            VendorOrderEvent::Cancel,
            Some(&note),
        )
        .await
        {
            Ok(()) => cancelled += 1,
            Err(e) => tracing::info!(vendor_order = %id, error = %e, "left an overdue part alone"),
        }
    }
    Ok(cancelled)
}

/// Refunds one item of a part, with its notification, in one transaction.
/// `note` is why (an admin's refund says so); it goes into the audit row.
pub async fn refund_item(
    pool: &PgPool,
    by: Option<&Actor>,
    id: Uuid,
    item_id: Uuid,
    note: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    audit::act_as(&mut tx, by).await?;
    let summary = match note {
        Some(note) => format!("item {item_id}: {note}"),
        None => format!("item {item_id}"),
    };
    audit::record_as(&mut tx, by, Action::ItemRefunded, id, &summary).await?;
    crate::payments::refunds::refund_item(&mut tx, id, item_id).await?;
    crate::db::orders::add_event_note(&mut tx, id, "item refunded").await?;
    crate::notifications::item_refunded(&mut tx, id).await?;
    tx.commit().await?;
    tracing::info!(vendor_order = %id, item = %item_id, "item refunded");
    Ok(())
}

/// A cash-on-delivery part handed over and paid in cash (less items refunded before): the
/// shop kept the whole price, so the ledger records the commission it now owes the platform.
async fn settle_cash_on_delivery(
    tx: &mut sqlx::PgConnection,
    vendor_order_id: Uuid,
) -> Result<(), AppError> {
    let row = crate::db::orders::cod_commission_due(tx, vendor_order_id).await?;
    if let Some((vendor_id, commission, currency)) = row {
        let posting = crate::domain::ledger::cod_settlement(commission, &currency)?;
        crate::db::ledger::post(
            tx,
            TxKind::CodSettlement,
            vendor_order_id,
            "commission on a cash-on-delivery sale",
            Some(vendor_id),
            &posting,
        )
        .await?;
    }
    Ok(())
}

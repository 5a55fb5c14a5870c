//! Moving orders and their parts: locks, status updates guarded by the expected status, the
//! history, stock put back, and the order's own status derived from its parts.

use crate::domain::order::{OrderStatus, PaymentMethod, VendorOrderStatus};
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

#[derive(Clone, Debug, FromRow)]
pub struct VendorOrderState {
    pub status: VendorOrderStatus,
    pub order_id: Uuid,
}

/// A vendor order as its shop sees it (None for another shop's).
pub async fn state_for_shop(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    id: Uuid,
) -> Result<Option<VendorOrderState>, sqlx::Error> {
    sqlx::query_as("select status, order_id from vendor_orders where vendor_id = $1 and id = $2")
        .bind(vendor_id)
        .bind(id)
        .fetch_optional(db)
        .await
}

/// A vendor order as its buyer sees it (None for another shopper's).
pub async fn state_for_buyer(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    id: Uuid,
) -> Result<Option<VendorOrderState>, sqlx::Error> {
    sqlx::query_as(
        "select vo.status, vo.order_id from vendor_orders vo join orders o on o.id = vo.order_id
         where o.user_id = $1 and vo.id = $2",
    )
    .bind(user_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Moves a vendor order by `event` from `from`, the status it was read in: the state machine
/// decides the next status and the update is guarded by `from`. None when the step is illegal
/// or a concurrent change got there first.
pub async fn advance(
    tx: &mut PgConnection,
    id: Uuid,
    from: VendorOrderStatus,
    event: crate::domain::order::VendorOrderEvent,
    note: Option<&str>,
) -> Result<Option<VendorOrderStatus>, sqlx::Error> {
    let Ok(to) = from.transition(event) else {
        return Ok(None);
    };
    Ok(move_status(tx, id, from, to, note).await?.then_some(to))
}

/// Moves a vendor order from `from` to `to` if it is still in `from` (a concurrent change
/// wins and this returns false), and records the step in its history.
pub async fn move_status(
    tx: &mut PgConnection,
    id: Uuid,
    from: VendorOrderStatus,
    to: VendorOrderStatus,
    note: Option<&str>,
) -> Result<bool, sqlx::Error> {
    let moved = sqlx::query("update vendor_orders set status = $3 where id = $1 and status = $2")
        .bind(id)
        .bind(from)
        .bind(to)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1;
    if moved {
        sqlx::query(
            "insert into vendor_order_events (vendor_order_id, status, note) values ($1, $2, $3)",
        )
        .bind(id)
        .bind(to)
        .bind(note)
        .execute(&mut *tx)
        .await?;
    }
    Ok(moved)
}

/// Puts a vendor order's units back in stock (it was cancelled or rejected before shipping).
pub async fn release_stock(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update listing_variants v set stock = v.stock + i.quantity
         from order_items i where i.vendor_order_id = $1 and v.id = i.variant_id and i.refunded_at is null",
    )
    .bind(vendor_order_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

#[derive(Clone, Debug, FromRow)]
pub struct LockedOrder {
    pub id: Uuid,
    pub status: OrderStatus,
    pub payment_method: PaymentMethod,
    pub total: Decimal,
    pub currency: String,
}

/// Locks an order for a payment step.
pub async fn lock(tx: &mut PgConnection, id: Uuid) -> Result<Option<LockedOrder>, sqlx::Error> {
    sqlx::query_as(
        "select id, status, payment_method, total, currency from orders where id = $1 for update",
    )
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
}

/// Locks the user's M-Pesa order if it is still waiting for payment within its reservation.
pub async fn lock_unpaid(
    tx: &mut PgConnection,
    user_id: Uuid,
    id: Uuid,
) -> Result<Option<LockedOrder>, sqlx::Error> {
    sqlx::query_as(
        "select id, status, payment_method, total, currency from orders
         where id = $1 and user_id = $2 and status = 'pending_payment' and payment_method = 'mpesa'
           and reserved_until > now()
         for update",
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await
}

/// Moves the order (the shopper's whole purchase) if it is still in `from`.
pub async fn set_order_status(
    tx: &mut PgConnection,
    id: Uuid,
    from: OrderStatus,
    to: OrderStatus,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update orders set status = $3, reserved_until = null where id = $1 and status = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1)
}

#[derive(Clone, Debug, FromRow)]
pub struct PartRow {
    pub id: Uuid,
    pub vendor_id: Uuid,
    pub status: VendorOrderStatus,
    /// What the shopper pays for the part (after discount, with delivery).
    pub total: Decimal,
    pub commission: Decimal,
}

/// An order's vendor parts, locked, in a fixed order.
pub async fn parts_for_update(
    tx: &mut PgConnection,
    order_id: Uuid,
) -> Result<Vec<PartRow>, sqlx::Error> {
    sqlx::query_as(
        "select id, vendor_id, status, total, commission from vendor_orders where order_id = $1 order by id for update",
    )
    .bind(order_id)
    .fetch_all(&mut *tx)
    .await
}

pub async fn mark_delivered(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query("update vendor_orders set delivered_at = now() where id = $1")
        .bind(vendor_order_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn status_of(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<VendorOrderStatus, sqlx::Error> {
    sqlx::query_scalar("select status from vendor_orders where id = $1")
        .bind(vendor_order_id)
        .fetch_one(&mut *tx)
        .await
}

/// The order's own status follows its parts once they settle: all dropped → cancelled (or
/// refunded, if it was paid); all delivered or dropped → completed.
pub async fn derive_status(tx: &mut PgConnection, order_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update orders o set status = d.next
         from (select case
                 when bool_and(status in ('cancelled', 'rejected', 'refunded'))
                   then case when (select status from orders where id = $1) = 'paid' then 'refunded' else 'cancelled' end
                 when bool_and(status in ('delivered', 'completed', 'cancelled', 'rejected', 'refunded', 'return_requested'))
                   then 'completed'
               end as next
               from vendor_orders where order_id = $1) d
         where o.id = $1 and d.next is not null and o.status <> d.next
           and o.status not in ('refunded', 'cancelled') and not (o.status = 'pending_payment' and o.payment_method = 'mpesa')",
    )
    .bind(order_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A note in the part's timeline without a change of status (e.g. an item refunded).
pub async fn add_event_note(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    note: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into vendor_order_events (vendor_order_id, status, note) select id, status, $2 from vendor_orders where id = $1",
    )
    .bind(vendor_order_id)
    .bind(note)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Puts `note` on the timeline of every open part of a shop (waiting, accepted, shipped, or
/// with a return asked): how many.
pub async fn flag_open_parts(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    note: &str,
) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "insert into vendor_order_events (vendor_order_id, status, note)
         select id, status, $2 from vendor_orders
         where vendor_id = $1
           and status in ('awaiting_acceptance', 'accepted', 'shipped', 'return_requested')",
    )
    .bind(vendor_id)
    .bind(note)
    .execute(&mut *tx)
    .await?
    .rows_affected())
}

/// Locks a vendor order's row and reads its status: a money step that depends on the status
/// checks it here, inside its transaction, so a concurrent step waits and then sees the result.
pub async fn lock_status(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<Option<VendorOrderStatus>, sqlx::Error> {
    sqlx::query_scalar("select status from vendor_orders where id = $1 for update")
        .bind(vendor_order_id)
        .fetch_optional(&mut *tx)
        .await
}

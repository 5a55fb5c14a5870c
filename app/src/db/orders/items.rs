//! A part's money and single items: what was paid, what is refunded, the commission a
//! cash-on-delivery shop owes.

use crate::domain::order::PaymentMethod;
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection};
use uuid::Uuid;

#[derive(Clone, Debug, FromRow)]
pub struct ItemToRefund {
    pub line_total: Decimal,
    pub discount: Decimal,
    pub commission: Decimal,
    pub refunded: bool,
}

/// An item of the part, locked.
pub async fn lock_item(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    item_id: Uuid,
) -> Result<Option<ItemToRefund>, sqlx::Error> {
    sqlx::query_as(
        "select line_total, discount, commission, refunded_at is not null as refunded from order_items
         where id = $2 and vendor_order_id = $1 for update",
    )
    .bind(vendor_order_id)
    .bind(item_id)
    .fetch_optional(&mut *tx)
    .await
}

/// Marks an item refunded and adds it to its part's refunded amounts.
pub async fn mark_item_refunded(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    item_id: Uuid,
    paid: Decimal,
    commission: Decimal,
) -> Result<(), sqlx::Error> {
    sqlx::query("update order_items set refunded_at = now() where id = $1")
        .bind(item_id)
        .execute(&mut *tx)
        .await?;
    add_refunded(tx, vendor_order_id, paid, commission).await
}

/// Adds to a part's refunded amounts (an item, or part of the part on a dispute's decision),
/// so a later full refund or the release of the rest counts only what is left.
pub async fn add_refunded(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    paid: Decimal,
    commission: Decimal,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update vendor_orders set refunded_total = refunded_total + $2, refunded_commission = refunded_commission + $3 where id = $1",
    )
    .bind(vendor_order_id)
    .bind(paid)
    .bind(commission)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Puts one item's units back in stock.
pub async fn release_item_stock(tx: &mut PgConnection, item_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update listing_variants v set stock = v.stock + i.quantity from order_items i where i.id = $1 and v.id = i.variant_id",
    )
    .bind(item_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// One part, locked, with its order's payment facts.
#[derive(Clone, Debug, FromRow)]
pub struct PartPayment {
    pub vendor_id: Uuid,
    pub order_id: Uuid,
    pub total: Decimal,
    pub refunded_total: Decimal,
    pub refunded_commission: Decimal,
    pub commission: Decimal,
    pub currency: String,
    pub payment_method: PaymentMethod,
}

pub async fn part_payment(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<Option<PartPayment>, sqlx::Error> {
    sqlx::query_as(
        "select vo.vendor_id, vo.order_id, vo.total, vo.refunded_total, vo.refunded_commission, vo.commission, o.currency, o.payment_method
         from vendor_orders vo join orders o on o.id = vo.order_id where vo.id = $1 for update of vo",
    )
    .bind(vendor_order_id)
    .fetch_optional(&mut *tx)
    .await
}

/// For a cash-on-delivery part: (shop, commission on what was not refunded, currency).
pub async fn cod_commission_due(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<Option<(Uuid, Decimal, String)>, sqlx::Error> {
    sqlx::query_as(
        "select vo.vendor_id, vo.commission - vo.refunded_commission, o.currency
         from vendor_orders vo join orders o on o.id = vo.order_id
         where vo.id = $1 and o.payment_method = 'cod'",
    )
    .bind(vendor_order_id)
    .fetch_optional(&mut *tx)
    .await
}

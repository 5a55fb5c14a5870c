//! Writing an order at checkout: claiming the checkout key, taking stock, the vendor parts
//! and their items with prices frozen, the totals and the reservation.

use crate::domain::order::PaymentMethod;
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// Claims the checkout key: inserts the order shell, or returns None when the key was used
/// (a retry or a double click: the caller then finds that order).
pub async fn claim(
    tx: &mut PgConnection,
    user_id: Uuid,
    key: Uuid,
    fingerprint: &str,
    currency: &str,
    method: PaymentMethod,
    address: [&str; 4],
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "insert into orders (id, user_id, checkout_key, cart_fingerprint, status, payment_method, currency,
                             subtotal, total, vat_included, county, town, street, phone)
         values ($1, $2, $3, $4, 'pending_payment', $10, $5, 0, 0, 0, $6, $7, $8, $9)
         on conflict (user_id, checkout_key) do nothing
         returning id",
    )
    .bind(Uuid::new_v4())
    .bind(user_id)
    .bind(key)
    .bind(fingerprint)
    .bind(currency)
    .bind(address[0])
    .bind(address[1])
    .bind(address[2])
    .bind(address[3])
    .bind(method)
    .fetch_optional(&mut *tx)
    .await
}

/// Holds an unpaid order's stock for `minutes`; the expiry job releases it after that.
pub async fn reserve(tx: &mut PgConnection, id: Uuid, minutes: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update orders set reserved_until = now() + make_interval(mins => $2::int) where id = $1",
    )
    .bind(id)
    .bind(minutes)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn by_key(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    key: Uuid,
) -> Result<Option<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as(
        "select id, cart_fingerprint from orders where user_id = $1 and checkout_key = $2",
    )
    .bind(user_id)
    .bind(key)
    .fetch_optional(db)
    .await
}

/// A listing an order took to its shop's low-stock line.
#[derive(Debug, sqlx::FromRow)]
pub struct LowStock {
    pub vendor_id: Uuid,
    pub title: String,
    pub stock: i32,
}

/// The listings that taking these quantities of these variants brought from above their
/// low-stock threshold to it or below (each crossing is told once).
pub async fn crossed_low_stock(
    tx: &mut PgConnection,
    variants: &[Uuid],
    quantities: &[i32],
) -> Result<Vec<LowStock>, sqlx::Error> {
    sqlx::query_as(
        "with taken as (
             select v.listing_id, sum(t.q) as q
             from unnest($1::uuid[], $2::int[]) t(id, q) join listing_variants v on v.id = t.id
             group by v.listing_id)
         select l.vendor_id, l.title, l.stock from listings l join taken on taken.listing_id = l.id
         where l.stock <= l.low_stock_threshold and l.stock + taken.q > l.low_stock_threshold
         order by l.title",
    )
    .bind(variants)
    .bind(quantities)
    .fetch_all(&mut *tx)
    .await
}

/// Takes `quantity` from a variant's stock if that many are there. The `where` makes two
/// buyers of the last unit unable to both succeed; `check (stock >= 0)` is the backstop.
pub async fn take_stock(
    tx: &mut PgConnection,
    variant_id: Uuid,
    quantity: i32,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("update listing_variants set stock = stock - $2 where id = $1 and stock >= $2")
            .bind(variant_id)
            .bind(quantity)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1,
    )
}

pub struct NewVendorOrder<'a> {
    pub id: Uuid,
    pub order_id: Uuid,
    pub vendor_id: Uuid,
    pub status: &'static str,
    pub part: &'a crate::domain::pricing::PricedPart,
    pub delivery_method: &'static str,
    pub coupon: Option<&'a str>,
}

pub async fn insert_vendor_order(
    tx: &mut PgConnection,
    v: &NewVendorOrder<'_>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into vendor_orders (id, order_id, vendor_id, status, subtotal, commission, vendor_net,
                                    delivery_method, delivery_fee, discount, coupon_code, total)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(v.id)
    .bind(v.order_id)
    .bind(v.vendor_id)
    .bind(v.status)
    .bind(v.part.subtotal)
    .bind(v.part.commission)
    .bind(v.part.vendor_net)
    .bind(v.delivery_method)
    .bind(v.part.delivery_fee)
    .bind(v.part.discount)
    .bind(v.coupon)
    .bind(v.part.total)
    .execute(&mut *tx)
    .await?;
    sqlx::query("insert into vendor_order_events (vendor_order_id, status) values ($1, $2)")
        .bind(v.id)
        .bind(v.status)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub struct NewItem<'a> {
    pub vendor_order_id: Uuid,
    pub variant_id: Uuid,
    pub title: &'a str,
    pub sku: &'a str,
    pub options: &'a str,
    pub quantity: i32,
    pub unit_price: Decimal,
    pub commission_rate: Decimal,
    pub priced: crate::domain::pricing::PricedLine,
}

pub async fn insert_item(tx: &mut PgConnection, i: &NewItem<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into order_items (id, vendor_order_id, variant_id, title, sku, options, quantity, unit_price, line_total,
                                  commission_rate, commission, vendor_net, discount)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(Uuid::new_v4())
    .bind(i.vendor_order_id)
    .bind(i.variant_id)
    .bind(i.title)
    .bind(i.sku)
    .bind(i.options)
    .bind(i.quantity)
    .bind(i.unit_price)
    .bind(i.priced.line_total)
    .bind(i.commission_rate)
    .bind(i.priced.commission)
    .bind(i.priced.vendor_net)
    .bind(i.priced.discount)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub struct Totals {
    pub subtotal: Decimal,
    pub discount: Decimal,
    pub delivery: Decimal,
    pub total: Decimal,
    pub vat: Decimal,
}

pub async fn set_totals(
    tx: &mut PgConnection,
    order_id: Uuid,
    t: &Totals,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update orders set subtotal = $2, discount_total = $3, delivery_total = $4, total = $5, vat_included = $6 where id = $1",
    )
    .bind(order_id)
    .bind(t.subtotal)
    .bind(t.discount)
    .bind(t.delivery)
    .bind(t.total)
    .bind(t.vat)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Empties the cart's lines that were bought (saved-for-later lines stay).
pub async fn clear_bought(tx: &mut PgConnection, cart_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("delete from cart_items where cart_id = $1 and not saved")
        .bind(cart_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

//! Orders, vendor orders and items. Reads for shoppers carry the session user's id; the
//! checkout writes everything inside one transaction (see `checkout`).

use crate::wire::orders::{OrderEvent, OrderItemView, OrderSummary, VendorOrderView};
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

/// Claims the checkout key: inserts the order shell, or returns None when the key was used
/// (a retry or a double click: the caller then finds that order).
pub async fn claim(
    tx: &mut PgConnection,
    user_id: Uuid,
    key: Uuid,
    fingerprint: &str,
    currency: &str,
    method: &str,
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

/// The commission rate for a line: the most specific rule wins — shop and category, then the
/// shop, then the category (or one of its parents, nearest first) — else the shop's tier.
pub async fn commission_rate(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    category_id: Uuid,
) -> Result<Decimal, sqlx::Error> {
    sqlx::query_scalar(
        "with recursive up (id, depth) as (
             select $2::uuid, 0
             union all
             select c.parent_id, up.depth + 1 from categories c join up on c.id = up.id where c.parent_id is not null
         )
         select coalesce(
             (select r.rate from commission_rules r
                left join up on up.id = r.category_id
               where (r.vendor_id = $1 or r.vendor_id is null)
                 and (r.category_id is null or up.id is not null)
               order by (r.vendor_id is not null and r.category_id is not null) desc,
                        (r.vendor_id is not null) desc,
                        up.depth asc nulls last
               limit 1),
             (select t.commission_rate from vendors v join membership_tiers t on t.code = v.tier where v.id = $1))",
    )
    .bind(vendor_id)
    .bind(category_id)
    .fetch_one(&mut *tx)
    .await
}

/// A shop's delivery options for an address in `county`: (offers pickup, delivery fee if it
/// delivers there — its zone fee for the county, else its flat fee).
pub async fn delivery_options(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    county: &str,
) -> Result<(bool, Option<Decimal>), sqlx::Error> {
    sqlx::query_as(
        "select v.offers_pickup,
                coalesce((select z.fee from delivery_zones z where z.vendor_id = v.id and lower(z.county) = lower($2)), v.delivery_fee)
         from vendors v where v.id = $1",
    )
    .bind(vendor_id)
    .bind(county)
    .fetch_one(&mut *tx)
    .await
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

/// One of the user's orders; another user's id reads as missing.
pub async fn summary(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
    order_id: Uuid,
) -> Result<Option<OrderSummary>, sqlx::Error> {
    sqlx::query_as(
        "select id, status, payment_method, currency, subtotal, discount_total, delivery_total, total, vat_included, county, town, street, phone,
                to_char(created_at, 'YYYY-MM-DD HH24:MI') as placed
         from orders where user_id = $1 and id = $2",
    )
    .bind(user_id)
    .bind(order_id)
    .fetch_optional(db)
    .await
}

pub async fn list(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
) -> Result<Vec<OrderSummary>, sqlx::Error> {
    sqlx::query_as(
        "select id, status, payment_method, currency, subtotal, discount_total, delivery_total, total, vat_included, county, town, street, phone,
                to_char(created_at, 'YYYY-MM-DD HH24:MI') as placed
         from orders where user_id = $1 order by created_at desc limit 100",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

#[derive(FromRow)]
struct VendorOrderRow {
    id: Uuid,
    vendor_name: String,
    vendor_slug: String,
    status: String,
    subtotal: Decimal,
    delivery_method: String,
    delivery_fee: Decimal,
    discount: Decimal,
    coupon_code: Option<String>,
    total: Decimal,
}

/// The vendor parts of an order (already checked to be the caller's), with items and history.
pub async fn parts(
    db: &mut PgConnection,
    order_id: Uuid,
) -> Result<Vec<VendorOrderView>, sqlx::Error> {
    let rows: Vec<VendorOrderRow> = sqlx::query_as(
        "select vo.id, v.business_name as vendor_name, v.slug as vendor_slug, vo.status, vo.subtotal,
                vo.delivery_method, vo.delivery_fee, vo.discount, vo.coupon_code, vo.total
         from vendor_orders vo join vendors v on v.id = vo.vendor_id where vo.order_id = $1 order by v.business_name",
    )
    .bind(order_id)
    .fetch_all(&mut *db)
    .await?;
    let mut out = Vec::new();
    for r in rows {
        let items: Vec<OrderItemView> = sqlx::query_as(
            "select refunded_at is not null as refunded, title, sku, options, quantity, unit_price, line_total
             from order_items where vendor_order_id = $1 order by title",
        )
        .bind(r.id)
        .fetch_all(&mut *db)
        .await?;
        let events: Vec<OrderEvent> = sqlx::query_as(
            "select status, note, to_char(at, 'YYYY-MM-DD HH24:MI') as at from vendor_order_events where vendor_order_id = $1 order by at",
        )
        .bind(r.id)
        .fetch_all(&mut *db)
        .await?;
        out.push(VendorOrderView {
            id: r.id,
            vendor_name: r.vendor_name,
            vendor_slug: r.vendor_slug,
            status: r.status,
            subtotal: r.subtotal,
            delivery_method: r.delivery_method,
            delivery_fee: r.delivery_fee,
            discount: r.discount,
            coupon_code: r.coupon_code,
            total: r.total,
            items,
            events,
        });
    }
    Ok(out)
}

#[derive(Clone, Debug, FromRow)]
pub struct VendorOrderState {
    pub status: String,
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

/// Moves a vendor order from `from` to `to` if it is still in `from` (a concurrent change
/// wins and this returns false), and records the step in its history.
pub async fn move_status(
    tx: &mut PgConnection,
    id: Uuid,
    from: &str,
    to: &str,
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

/// The shop's vendor orders, newest first, with what fulfilment needs.
pub async fn for_shop(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<crate::wire::orders::ShopOrderRow>, sqlx::Error> {
    sqlx::query_as(
        "select vo.id, vo.status, vo.subtotal, vo.vendor_net, o.currency, o.payment_method,
                u.name as buyer, o.phone, o.street, o.town, o.county,
                to_char(vo.created_at, 'YYYY-MM-DD HH24:MI') as placed,
                (select string_agg(i.quantity || ' × ' || i.title || case when i.options = '' then '' else ' (' || i.options || ')' end, '; ' order by i.title)
                   from order_items i where i.vendor_order_id = vo.id) as items,
                vo.delivery_method,
                (select e.note from vendor_order_events e where e.vendor_order_id = vo.id order by e.at desc limit 1) as last_note,
                array(select i.id from order_items i where i.vendor_order_id = vo.id order by i.title, i.id) as item_ids,
                array(select i.quantity || ' × ' || i.title || case when i.options = '' then '' else ' (' || i.options || ')' end
                      from order_items i where i.vendor_order_id = vo.id order by i.title, i.id) as item_labels,
                array(select i.refunded_at is not null from order_items i where i.vendor_order_id = vo.id order by i.title, i.id) as item_refunded
         from vendor_orders vo join orders o on o.id = vo.order_id join users u on u.id = o.user_id
         where vo.vendor_id = $1
         order by vo.created_at desc limit 200",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

#[derive(Clone, Debug, FromRow)]
pub struct LockedOrder {
    pub id: Uuid,
    pub status: String,
    pub payment_method: String,
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
    from: &str,
    to: &str,
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
    pub status: String,
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
    pub payment_method: String,
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
) -> Result<String, sqlx::Error> {
    sqlx::query_scalar("select status from vendor_orders where id = $1")
        .bind(vendor_order_id)
        .fetch_one(&mut *tx)
        .await
}

/// Whole minutes left on an unpaid order's reservation (None when it ran out or is gone).
pub async fn reservation_minutes_left(
    db: impl PgExecutor<'_>,
    id: Uuid,
) -> Result<Option<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "select ceil(extract(epoch from reserved_until - now()) / 60)::bigint from orders
         where id = $1 and reserved_until > now()",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Remembers the delivery address for the shopper's next checkout.
pub async fn save_address(
    tx: &mut PgConnection,
    user_id: Uuid,
    a: &crate::domain::address::Address,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into addresses (id, user_id, county, town, street, phone) values ($1, $2, $3, $4, $5, $6)
         on conflict do nothing",
    )
    .bind(Uuid::new_v4())
    .bind(user_id)
    .bind(&a.county)
    .bind(&a.town)
    .bind(&a.street)
    .bind(a.phone.as_str())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The shopper's saved addresses, newest first.
pub async fn addresses(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
) -> Result<Vec<crate::wire::orders::SavedAddress>, sqlx::Error> {
    sqlx::query_as(
        "select id, county, town, street, phone from addresses where user_id = $1 order by created_at desc limit 5",
    )
    .bind(user_id)
    .fetch_all(db)
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

/// Whether a delivered part is still inside the return window.
pub async fn returnable(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    days: i64,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "select coalesce(delivered_at > now() - make_interval(days => $2::int), false) from vendor_orders where id = $1",
    )
    .bind(vendor_order_id)
    .bind(days)
    .fetch_one(&mut *tx)
    .await
}

pub async fn order_of(tx: &mut PgConnection, vendor_order_id: Uuid) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar("select order_id from vendor_orders where id = $1")
        .bind(vendor_order_id)
        .fetch_one(&mut *tx)
        .await
}

/// Whether every one of these shops takes cash on delivery.
pub async fn all_take_cash(tx: &mut PgConnection, shops: &[Uuid]) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "select coalesce(bool_and(accepts_cod), true) from vendors where id = any($1)",
    )
    .bind(shops)
    .fetch_one(&mut *tx)
    .await
}

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

//! Reading orders: a shopper's orders and an order's parts (always with the shopper's id),
//! and a shop's parts (always with the shop's id).

use crate::domain::dispute::DisputeReason;
use crate::domain::order::{PaymentMethod, VendorOrderStatus};
use crate::wire::orders::{OrderEvent, OrderItemView, OrderSummary, VendorOrderView};
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

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
    status: VendorOrderStatus,
    subtotal: Decimal,
    delivery_method: String,
    delivery_fee: Decimal,
    discount: Decimal,
    coupon_code: Option<String>,
    total: Decimal,
    ship_by: Option<String>,
    ship_overdue: bool,
    payment_method: PaymentMethod,
    delivered: bool,
    money_held: bool,
    return_declined: bool,
}

/// The vendor parts of an order (already checked to be the caller's), with items and history;
/// an accepted part with the date it should ship by (`ship_days` after it was accepted).
pub async fn parts(
    db: &mut PgConnection,
    order_id: Uuid,
    ship_days: i64,
) -> Result<Vec<VendorOrderView>, sqlx::Error> {
    use crate::db::disputes::RETURN_DECLINED;
    use crate::db::ledger::MONEY_HELD;
    let rows: Vec<VendorOrderRow> = sqlx::query_as(&format!(
        "select vo.id, v.business_name as vendor_name, v.slug as vendor_slug, vo.status, vo.subtotal,
                o.payment_method, vo.delivered_at is not null as delivered, {MONEY_HELD} as money_held, {RETURN_DECLINED} as return_declined,
                vo.delivery_method, vo.delivery_fee, vo.discount, vo.coupon_code, vo.total,
                to_char((a.at + make_interval(days => $2::int)) at time zone 'Africa/Nairobi',
                        'YYYY-MM-DD HH24:MI') as ship_by,
                coalesce(a.at + make_interval(days => $2::int) < now(), false) as ship_overdue
         from vendor_orders vo join vendors v on v.id = vo.vendor_id join orders o on o.id = vo.order_id
         left join lateral (select min(e.at) as at from vendor_order_events e
                            where e.vendor_order_id = vo.id and e.status = 'accepted') a
                on vo.status = 'accepted'
         where vo.order_id = $1 order by v.business_name"
    ))
    .bind(order_id)
    .bind(ship_days)
    .fetch_all(&mut *db)
    .await?;
    let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
    let mut disputes = crate::db::disputes::for_parts(&mut *db, &ids).await?;
    let mut out = Vec::new();
    for r in rows {
        let dispute = disputes
            .iter()
            .position(|d| d.vendor_order_id == r.id)
            .map(|i| disputes.swap_remove(i));
        let disputable =
            if dispute.is_none() && r.payment_method == PaymentMethod::Mpesa && r.money_held {
                DisputeReason::open_to(r.status, r.return_declined)
            } else {
                Vec::new()
            };
        let mut items: Vec<OrderItemView> = sqlx::query_as(
            "select i.id, i.refunded_at is not null as refunded, i.title, i.sku, i.options, i.quantity,
                    i.unit_price, i.line_total, rv.stars as my_stars
             from order_items i left join reviews rv on rv.order_item_id = i.id
             where i.vendor_order_id = $1 order by i.title",
        )
        .bind(r.id)
        .fetch_all(&mut *db)
        .await?;
        for item in &mut items {
            item.reviewable =
                item.my_stars.is_none() && crate::domain::review::reviewable(r.status, r.delivered);
        }
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
            ship_by: r.ship_by,
            ship_overdue: r.ship_overdue,
            items,
            events,
            dispute,
            disputable,
        });
    }
    Ok(out)
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

pub async fn order_of(tx: &mut PgConnection, vendor_order_id: Uuid) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar("select order_id from vendor_orders where id = $1")
        .bind(vendor_order_id)
        .fetch_one(&mut *tx)
        .await
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

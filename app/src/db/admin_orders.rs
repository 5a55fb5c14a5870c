//! The admin's order desk: find any order by its number, the shopper's email, a shop or an
//! M-Pesa receipt; read one with everything that happened to its money.

use crate::wire::admin_orders::{
    AdminCallback, AdminItem, AdminLedgerTx, AdminPart, AdminPayment, OrderHit,
};
use sqlx::PgExecutor;
use uuid::Uuid;

const HIT: &str = "select o.id, upper(left(replace(o.id::text, '-', ''), 8)) as number,
        u.email as shopper,
        coalesce((select string_agg(v.business_name, ', ' order by v.business_name)
                  from vendor_orders vo join vendors v on v.id = vo.vendor_id
                  where vo.order_id = o.id), '') as shops,
        o.status, o.payment_method, o.total, o.currency,
        to_char(o.created_at, 'YYYY-MM-DD HH24:MI') as placed
    from orders o join users u on u.id = o.user_id";

/// The order ids an 8-digit order number stands for: the first 8 hex digits of the id, as a
/// range of the primary key (so it is an index lookup, not a scan).
fn number_range(q: &str) -> Option<(Uuid, Uuid)> {
    let q = q.trim().to_lowercase();
    if q.len() != 8 || !q.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let lo = Uuid::parse_str(&format!("{q}-0000-0000-0000-000000000000")).ok()?;
    let hi = Uuid::parse_str(&format!("{q}-ffff-ffff-ffff-ffffffffffff")).ok()?;
    Some((lo, hi))
}

/// The newest 50 orders matching `q`: its number, the shopper's email, an M-Pesa receipt, or a
/// shop's name or address.
pub async fn find(db: impl PgExecutor<'_>, q: &str) -> Result<Vec<OrderHit>, sqlx::Error> {
    let q = q.trim();
    let (lo, hi) = number_range(q).unwrap_or((Uuid::nil(), Uuid::nil()));
    sqlx::query_as(&format!(
        "{HIT}
         where o.id in (
             select id from orders where id between $1 and $2 and $1 <> $2
             union select order_id from payments where receipt = upper($3)
             union select o2.id from orders o2 join users u2 on u2.id = o2.user_id
                   where u2.email = lower($3)
             union select vo.order_id from vendor_orders vo join vendors v on v.id = vo.vendor_id
                   where v.slug = lower($3) or v.business_name ilike $4)
         order by o.created_at desc limit 50"
    ))
    .bind(lo)
    .bind(hi)
    .bind(q)
    .bind(super::contains_pattern(q))
    .fetch_all(db)
    .await
}

/// The newest 50 orders.
pub async fn recent(db: impl PgExecutor<'_>) -> Result<Vec<OrderHit>, sqlx::Error> {
    sqlx::query_as(&format!("{HIT} order by o.created_at desc limit 50"))
        .fetch_all(db)
        .await
}

/// A shopper's newest 20 orders.
pub async fn of_shopper(db: impl PgExecutor<'_>, user: Uuid) -> Result<Vec<OrderHit>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{HIT} where o.user_id = $1 order by o.created_at desc limit 20"
    ))
    .bind(user)
    .fetch_all(db)
    .await
}

/// Whether `part` belongs to `order`.
pub async fn part_of(
    db: impl PgExecutor<'_>,
    order: Uuid,
    part: Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "select exists (select 1 from vendor_orders where id = $2 and order_id = $1)",
    )
    .bind(order)
    .bind(part)
    .fetch_one(db)
    .await
}

pub async fn hit(db: impl PgExecutor<'_>, order: Uuid) -> Result<Option<OrderHit>, sqlx::Error> {
    sqlx::query_as(&format!("{HIT} where o.id = $1"))
        .bind(order)
        .fetch_optional(db)
        .await
}

/// (street, town, county; phone) of the order.
pub async fn address(
    db: impl PgExecutor<'_>,
    order: Uuid,
) -> Result<(String, String), sqlx::Error> {
    sqlx::query_as("select concat_ws(', ', street, town, county), phone from orders where id = $1")
        .bind(order)
        .fetch_one(db)
        .await
}

pub async fn parts(db: impl PgExecutor<'_>, order: Uuid) -> Result<Vec<AdminPart>, sqlx::Error> {
    sqlx::query_as(
        "select vo.id, v.business_name as shop, vo.status, vo.subtotal, vo.commission,
                vo.vendor_net, vo.refunded_total
         from vendor_orders vo join vendors v on v.id = vo.vendor_id
         where vo.order_id = $1 order by v.business_name, vo.id",
    )
    .bind(order)
    .fetch_all(db)
    .await
}

pub async fn items(db: impl PgExecutor<'_>, part: Uuid) -> Result<Vec<AdminItem>, sqlx::Error> {
    sqlx::query_as(
        "select id, title, options, quantity, line_total, refunded_at is not null as refunded
         from order_items where vendor_order_id = $1 order by title, id",
    )
    .bind(part)
    .fetch_all(db)
    .await
}

pub async fn payments(
    db: impl PgExecutor<'_>,
    order: Uuid,
) -> Result<Vec<AdminPayment>, sqlx::Error> {
    sqlx::query_as(
        "select status, amount, phone, receipt, result_desc,
                to_char(created_at, 'YYYY-MM-DD HH24:MI:SS') as created
         from payments where order_id = $1 order by created_at",
    )
    .bind(order)
    .fetch_all(db)
    .await
}

pub async fn callbacks(
    db: impl PgExecutor<'_>,
    order: Uuid,
) -> Result<Vec<AdminCallback>, sqlx::Error> {
    sqlx::query_as(
        "select kind, outcome, flag, to_char(received_at, 'YYYY-MM-DD HH24:MI:SS') as received
         from mpesa_callbacks
         where request_id in (select checkout_request_id from payments where order_id = $1)
         order by received_at",
    )
    .bind(order)
    .fetch_all(db)
    .await
}

/// The ledger transactions about the order, its parts, its payments or its items.
pub async fn ledger(
    db: impl PgExecutor<'_>,
    order: Uuid,
) -> Result<Vec<AdminLedgerTx>, sqlx::Error> {
    sqlx::query_as(
        "select t.kind, t.memo,
                coalesce(sum(e.amount) filter (where e.amount > 0), 0) as amount,
                coalesce(min(e.currency), '') as currency,
                to_char(t.created_at, 'YYYY-MM-DD HH24:MI:SS') as at
         from ledger_transactions t left join ledger_entries e on e.transaction_id = t.id
         where t.reference = $1
            or t.reference in (select id from vendor_orders where order_id = $1)
            or t.reference in (select id from payments where order_id = $1)
            or t.reference in (select i.id from order_items i
                               join vendor_orders vo on vo.id = i.vendor_order_id
                               where vo.order_id = $1)
         group by t.id order by t.created_at, t.id",
    )
    .bind(order)
    .fetch_all(db)
    .await
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_order_number_is_a_range_of_ids() {
        let (lo, hi) = super::number_range("3F2A9C1B").expect("range");
        assert_eq!(lo.to_string(), "3f2a9c1b-0000-0000-0000-000000000000");
        assert_eq!(hi.to_string(), "3f2a9c1b-ffff-ffff-ffff-ffffffffffff");
        assert!(super::number_range("3F2A9C1").is_none());
        assert!(super::number_range("QGH7XYZ1").is_none());
    }
}

//! Disputes (migration ..disputes): opened by the part's buyer, moved under a guard on the
//! status they were read in, read with their photos for the three pages that show them.

use super::ledger::MONEY_HELD;
use crate::domain::dispute::{DisputeOutcome, DisputeReason, DisputeStatus};
use crate::domain::order::{PaymentMethod, VendorOrderStatus};
use crate::wire::disputes::DisputeView;
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

/// What decides whether the buyer may dispute a part, read under the part's row lock.
#[derive(Debug, FromRow)]
pub struct PartForDispute {
    pub status: VendorOrderStatus,
    pub order_id: Uuid,
    pub payment_method: PaymentMethod,
    /// The sale was posted (paid through us) and its money not yet released to the shop.
    pub money_held: bool,
    /// The shop declined a return of this part.
    pub return_declined: bool,
    pub disputed: bool,
}

/// The shop declined a return of part `vo` (it was asked for, and the part is not returned).
pub(crate) const RETURN_DECLINED: &str = "
    exists (select 1 from vendor_order_events e where e.vendor_order_id = vo.id and e.status = 'return_requested')";

/// The buyer's part (None for another shopper's), locked.
pub async fn part_for_buyer(
    tx: &mut PgConnection,
    buyer: Uuid,
    part: Uuid,
) -> Result<Option<PartForDispute>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select vo.status, vo.order_id, o.payment_method, {MONEY_HELD} as money_held,
                {RETURN_DECLINED} as return_declined,
                exists (select 1 from disputes d where d.vendor_order_id = vo.id) as disputed
         from vendor_orders vo join orders o on o.id = vo.order_id
         where o.user_id = $1 and vo.id = $2
         for update of vo"
    ))
    .bind(buyer)
    .bind(part)
    .fetch_optional(tx)
    .await
}

pub struct NewDispute<'a> {
    pub id: Uuid,
    pub part: Uuid,
    pub by: Uuid,
    pub reason: DisputeReason,
    pub body: &'a str,
    pub answer_hours: i64,
}

/// Opens a dispute; false if the part has one already.
pub async fn insert(tx: &mut PgConnection, d: &NewDispute<'_>) -> Result<bool, sqlx::Error> {
    let status = d.reason.opens_as();
    Ok(sqlx::query(
        "insert into disputes (id, vendor_order_id, opened_by, reason, status, body, answer_due, escalated_at)
         values ($1, $2, $3, $4, $5, $6, now() + make_interval(hours => $7::int),
                 case when $5 = 'escalated' then now() end)
         on conflict (vendor_order_id) do nothing",
    )
    .bind(d.id)
    .bind(d.part)
    .bind(d.by)
    .bind(d.reason)
    .bind(status)
    .bind(d.body)
    .bind(d.answer_hours as i32)
    .execute(tx)
    .await?
    .rows_affected()
        == 1)
}

pub async fn add_photo(
    tx: &mut PgConnection,
    dispute: Uuid,
    position: i16,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("insert into dispute_photos (dispute_id, position, media_key) values ($1, $2, $3)")
        .bind(dispute)
        .bind(position)
        .bind(key)
        .execute(tx)
        .await?;
    Ok(())
}

/// A dispute with who may act on it, locked.
#[derive(Debug, FromRow)]
pub struct LockedDispute {
    pub id: Uuid,
    pub vendor_order_id: Uuid,
    pub status: DisputeStatus,
    pub vendor_id: Uuid,
    pub buyer_id: Uuid,
    pub part_status: VendorOrderStatus,
}

pub async fn lock(tx: &mut PgConnection, id: Uuid) -> Result<Option<LockedDispute>, sqlx::Error> {
    sqlx::query_as(
        "select d.id, d.vendor_order_id, d.status, vo.vendor_id, o.user_id as buyer_id, vo.status as part_status
         from disputes d join vendor_orders vo on vo.id = d.vendor_order_id join orders o on o.id = vo.order_id
         where d.id = $1 for update of d",
    )
    .bind(id)
    .fetch_optional(tx)
    .await
}

/// What a move writes besides the status.
#[derive(Default)]
pub struct Move<'a> {
    pub outcome: Option<DisputeOutcome>,
    pub answer: Option<&'a str>,
    pub refund_amount: Option<Decimal>,
    pub note: Option<&'a str>,
    pub decided_by: Option<Uuid>,
}

/// Moves a dispute from `from` to `to` (the row is locked by `lock`).
pub async fn update(
    tx: &mut PgConnection,
    id: Uuid,
    from: DisputeStatus,
    to: DisputeStatus,
    m: Move<'_>,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update disputes set status = $3, outcome = $4,
                shop_answer = coalesce($5, shop_answer),
                answered_at = case when $5::text is not null then now() else answered_at end,
                escalated_at = case when $3 = 'escalated' then now() else escalated_at end,
                refund_amount = $6, decision_note = coalesce($7, decision_note),
                decided_by = coalesce($8, decided_by),
                resolved_at = case when $3 = 'resolved' then now() end
         where id = $1 and status = $2",
    )
    .bind(id)
    .bind(from)
    .bind(to)
    .bind(m.outcome)
    .bind(m.answer)
    .bind(m.refund_amount)
    .bind(m.note)
    .bind(m.decided_by)
    .execute(tx)
    .await?
    .rows_affected()
        == 1)
}

/// Disputes the shop left unanswered past their deadline, oldest first.
pub async fn unanswered(db: impl PgExecutor<'_>) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "select id from disputes where status = 'awaiting_shop' and answer_due < now()
         order by answer_due limit 500",
    )
    .fetch_all(db)
    .await
}

const VIEW: &str = "
    select d.id, d.vendor_order_id, d.reason, d.status, d.outcome, d.body,
           coalesce((select array_agg(p.media_key order by p.position) from dispute_photos p
                     where p.dispute_id = d.id), '{}') as photos,
           d.shop_answer,
           to_char(d.answer_due at time zone 'Africa/Nairobi', 'YYYY-MM-DD HH24:MI') as answer_due,
           to_char(d.created_at at time zone 'Africa/Nairobi', 'YYYY-MM-DD HH24:MI') as opened,
           d.refund_amount, d.decision_note,
           vo.total - vo.refunded_total as owed, o.currency, v.business_name as shop, u.name as buyer
    from disputes d join vendor_orders vo on vo.id = d.vendor_order_id
    join orders o on o.id = vo.order_id join vendors v on v.id = vo.vendor_id
    join users u on u.id = o.user_id";

/// The disputes of these parts (at most one each).
pub async fn for_parts(
    db: impl PgExecutor<'_>,
    parts: &[Uuid],
) -> Result<Vec<DisputeView>, sqlx::Error> {
    sqlx::query_as(&format!("{VIEW} where d.vendor_order_id = any($1)"))
        .bind(parts)
        .fetch_all(db)
        .await
}

/// These disputes (the admin's inbox shows them).
pub async fn by_ids(
    db: impl PgExecutor<'_>,
    ids: &[Uuid],
) -> Result<Vec<DisputeView>, sqlx::Error> {
    sqlx::query_as(&format!("{VIEW} where d.id = any($1)"))
        .bind(ids)
        .fetch_all(db)
        .await
}

/// The order a dispute's part belongs to (for the way back to its page).
pub async fn order_of(db: impl PgExecutor<'_>, id: Uuid) -> Result<Uuid, sqlx::Error> {
    sqlx::query_scalar(
        "select vo.order_id from disputes d join vendor_orders vo on vo.id = d.vendor_order_id where d.id = $1",
    )
    .bind(id)
    .fetch_one(db)
    .await
}

/// What is still paid for a dispute's part (a partial refund must stay below it).
pub async fn owed(db: impl PgExecutor<'_>, id: Uuid) -> Result<Option<Decimal>, sqlx::Error> {
    sqlx::query_scalar(
        "select vo.total - vo.refunded_total from disputes d join vendor_orders vo on vo.id = d.vendor_order_id where d.id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Whether the part has a dispute (a return cannot be asked for a disputed part).
pub async fn exists_for_part(db: impl PgExecutor<'_>, part: Uuid) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("select exists (select 1 from disputes where vendor_order_id = $1)")
        .bind(part)
        .fetch_one(db)
        .await
}

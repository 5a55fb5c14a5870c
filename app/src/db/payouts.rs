//! Money sent by B2C: shop payouts and refunds. A row's id is the OriginatorConversationID.

use crate::domain::payment::{PayoutPurpose, PayoutStatus};
use crate::wire::orders::PayoutHolds;
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

#[derive(Clone, Debug, FromRow)]
pub struct PayoutRow {
    pub id: Uuid,
    pub purpose: PayoutPurpose,
    pub vendor_id: Option<Uuid>,
    pub amount: Decimal,
    pub currency: String,
    pub phone: String,
    pub status: PayoutStatus,
}

const COLUMNS: &str = "id, purpose, vendor_id, amount, currency, phone, status";

/// What a refund is for (one refund per item, part or late payment); it picks the column
/// the refund row points at.
#[derive(Clone, Copy, Debug)]
pub enum Owed {
    Item(Uuid),
    Part(Uuid),
    LatePayment(Uuid),
    /// A partial refund decided on a dispute.
    Dispute(Uuid),
}

/// Opens a refund unless one exists for the same item, part or payment (then None).
pub async fn open_refund(
    tx: &mut PgConnection,
    owed_for: Owed,
    amount: Decimal,
    currency: &str,
    phone: &str,
) -> Result<Option<Uuid>, sqlx::Error> {
    let (item, part, payment, dispute) = match owed_for {
        Owed::Item(id) => (Some(id), None, None, None),
        Owed::Part(id) => (None, Some(id), None, None),
        Owed::LatePayment(id) => (None, None, Some(id), None),
        Owed::Dispute(id) => (None, None, None, Some(id)),
    };
    sqlx::query_scalar(
        "insert into payouts (id, purpose, order_item_id, vendor_order_id, payment_id, dispute_id, amount, currency, phone, status)
         values ($1, 'refund', $2, $3, $4, $8, $5, $6, $7, 'requested')
         on conflict (coalesce(order_item_id, vendor_order_id, payment_id, dispute_id)) where purpose = 'refund' do nothing returning id",
    )
    .bind(Uuid::new_v4())
    .bind(item)
    .bind(part)
    .bind(payment)
    .bind(amount)
    .bind(currency)
    .bind(phone)
    .bind(dispute)
    .fetch_optional(&mut *tx)
    .await
}

/// Opens a shop payout unless the shop has one in flight (then None).
pub async fn open_shop_payout(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    amount: Decimal,
    currency: &str,
    phone: &str,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "insert into payouts (id, purpose, vendor_id, amount, currency, phone, status)
         values ($1, 'shop_payout', $2, $3, $4, $5, 'requested')
         on conflict (vendor_id) where status = 'requested' and purpose = 'shop_payout' do nothing returning id",
    )
    .bind(Uuid::new_v4())
    .bind(vendor_id)
    .bind(amount)
    .bind(currency)
    .bind(phone)
    .fetch_optional(&mut *tx)
    .await
}

/// Requested payouts not yet accepted by Daraja (new ones, or a send that failed).
/// Claims up to 200 unsent payouts for this sender, oldest first: each is held for two minutes,
/// and one claimed (or being claimed) by another sender is skipped, so no payout goes out twice
/// at once.
pub async fn claim_unsent(db: impl PgExecutor<'_>) -> Result<Vec<PayoutRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "update payouts set sending_until = now() + interval '2 minutes'
         where id in (select id from payouts
                      where status = 'requested' and conversation_id is null
                        and (sending_until is null or sending_until < now())
                      order by created_at limit 200
                      for update skip locked)
         returning {COLUMNS}"
    ))
    .fetch_all(db)
    .await
}

/// Gives a claimed payout back (it could not be sent; the next run tries again).
pub async fn release_claim(db: impl PgExecutor<'_>, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("update payouts set sending_until = null where id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn set_conversation(
    db: impl PgExecutor<'_>,
    id: Uuid,
    conversation: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("update payouts set conversation_id = $2 where id = $1")
        .bind(id)
        .bind(conversation)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn lock(tx: &mut PgConnection, id: Uuid) -> Result<Option<PayoutRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {COLUMNS} from payouts where id = $1 for update"
    ))
    .bind(id)
    .fetch_optional(&mut *tx)
    .await
}

pub async fn resolve(
    tx: &mut PgConnection,
    id: Uuid,
    status: PayoutStatus,
    code: i64,
    desc: &str,
    receipt: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update payouts set status = $2, result_code = $3, result_desc = $4, receipt = $5, resolved_at = now()
         where id = $1 and status = 'requested'",
    )
    .bind(id)
    .bind(status)
    .bind(i32::try_from(code).unwrap_or(-1))
    .bind(desc)
    .bind(receipt)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Whether shop `v` has an owner for whom `condition` (on `u`, the owner's user row) holds:
/// one definition for the payout run and for the money page's list of holds.
fn some_owner(condition: &str) -> String {
    format!(
        "exists (select 1 from vendor_staff s join users u on u.id = s.user_id
                 where s.vendor_id = v.id and s.role = 'owner' and {condition})"
    )
}

/// An owner's unconfirmed email and missing two-step login each hold payouts.
const OWNER_EMAIL_UNCONFIRMED: &str = "u.email_verified_at is null";
const OWNER_TWO_STEP_OFF: &str = "u.totp_enabled_at is null";

/// Verified shops with money in their accounts and no payout hold (a phone change holds
/// payouts for a day; an owner with an unconfirmed email, or without two-step login, holds
/// them until that is done): (shop, payout phone).
pub async fn candidates(db: impl PgExecutor<'_>) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select distinct v.id, v.phone from vendors v join ledger_accounts a on a.vendor_id = v.id
         where a.kind = 'vendor_payable' and v.verification_status = 'verified'
           and (v.payouts_held_until is null or v.payouts_held_until <= now())
           and not {}",
        some_owner(&format!(
            "({OWNER_EMAIL_UNCONFIRMED} or {OWNER_TWO_STEP_OFF})"
        ))
    ))
    .fetch_all(db)
    .await
}

/// What holds the shop's payouts now: the conditions `candidates` checks, one by one.
pub async fn holds(db: impl PgExecutor<'_>, vendor_id: Uuid) -> Result<PayoutHolds, sqlx::Error> {
    sqlx::query_as(&format!(
        "select case when v.payouts_held_until > now() then
                     to_char(v.payouts_held_until at time zone 'Africa/Nairobi', 'YYYY-MM-DD HH24:MI')
                end as phone_changed_until,
                {} as owner_email_unconfirmed,
                {} as owner_two_step_off
         from vendors v where v.id = $1",
        some_owner(OWNER_EMAIL_UNCONFIRMED),
        some_owner(OWNER_TWO_STEP_OFF)
    ))
    .bind(vendor_id)
    .fetch_one(db)
    .await
}

/// Paid M-Pesa parts delivered before the holding period (or whose shopper confirmed receipt)
/// whose money is not yet released, unless a dispute about them is still open (buyer
/// protection: disputed money stays held).
pub async fn releasable(
    db: impl PgExecutor<'_>,
    holding_days: i64,
) -> Result<Vec<(Uuid, Uuid, Decimal, String)>, sqlx::Error> {
    use super::ledger::MONEY_HELD;
    sqlx::query_as(&format!(
        "select vo.id, vo.vendor_id, vo.vendor_net - (vo.refunded_total - vo.refunded_commission), o.currency
         from vendor_orders vo join orders o on o.id = vo.order_id
         where (vo.delivered_at < now() - make_interval(days => $1::int) or vo.status = 'completed')
           and vo.status in ('delivered', 'completed')
           and {MONEY_HELD}
           and not exists (select 1 from disputes d where d.vendor_order_id = vo.id and d.status <> 'resolved')
         limit 1000"
    ))
    .bind(holding_days)
    .fetch_all(db)
    .await
}

/// Recent payouts; a shop's own when `vendor_id` is given.
pub async fn recent(
    db: impl PgExecutor<'_>,
    vendor_id: Option<Uuid>,
) -> Result<Vec<crate::wire::orders::PayoutLine>, sqlx::Error> {
    sqlx::query_as(
        "select p.id, p.purpose, v.business_name as shop, p.amount, p.currency, p.phone, p.status, p.result_desc,
                to_char(p.created_at, 'YYYY-MM-DD HH24:MI') as created
         from payouts p left join vendors v on v.id = p.vendor_id
         where $1::uuid is null or p.vendor_id = $1
         order by p.created_at desc limit 100",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

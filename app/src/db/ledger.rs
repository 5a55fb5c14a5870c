//! Writing postings and reading balances. A posting is idempotent on (kind, reference): a
//! retried job or a repeated callback finds it already there and writes nothing.

use crate::domain::ledger::{Posting, TxKind};
use crate::error::AppError;
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

async fn account(
    tx: &mut PgConnection,
    kind: &str,
    vendor_id: Option<Uuid>,
    currency: &str,
) -> Result<Uuid, sqlx::Error> {
    sqlx::query(
        "insert into ledger_accounts (id, kind, vendor_id, currency) values ($1, $2, $3, $4) on conflict do nothing",
    )
    .bind(Uuid::new_v4())
    .bind(kind)
    .bind(vendor_id)
    .bind(currency)
    .execute(&mut *tx)
    .await?;
    sqlx::query_scalar("select id from ledger_accounts where kind = $1 and vendor_id is not distinct from $2 and currency = $3")
        .bind(kind)
        .bind(vendor_id)
        .bind(currency)
        .fetch_one(&mut *tx)
        .await
}

/// Part `vo` was paid through us (its sale posted) and its money is not yet released to the
/// shop: what a dispute can still hold back and what the payout job may release. One
/// definition for the order page's offer, the dispute's opening and the release.
pub(crate) const MONEY_HELD: &str = "
    (exists (select 1 from ledger_transactions t where t.kind = 'sale' and t.reference = vo.id)
     and not exists (select 1 from ledger_transactions t where t.kind = 'release' and t.reference = vo.id))";

/// Why a posting could not be written.
#[derive(Debug, thiserror::Error)]
pub enum PostError {
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    /// A caller's bug: the posting moves a shop's money but no shop was named.
    #[error("{0}: a shop account without a shop")]
    NoShop(TxKind),
}

impl From<PostError> for AppError {
    #[track_caller]
    fn from(err: PostError) -> Self {
        match err {
            PostError::Db(e) => e.into(),
            other => AppError::internal(other),
        }
    }
}

/// Posts `posting` once for (kind, reference); returns false if it was already posted (or
/// moves nothing, as a 0% commission does). Per-shop accounts belong to `vendor_id`.
pub async fn post(
    tx: &mut PgConnection,
    kind: TxKind,
    reference: Uuid,
    memo: &str,
    vendor_id: Option<Uuid>,
    posting: &Posting,
) -> Result<bool, PostError> {
    if posting.entries().is_empty() {
        return Ok(false);
    }
    let id: Option<Uuid> = sqlx::query_scalar(
        "insert into ledger_transactions (id, kind, reference, memo) values ($1, $2, $3, $4)
         on conflict (kind, reference) do nothing returning id",
    )
    .bind(Uuid::new_v4())
    .bind(kind)
    .bind(reference)
    .bind(memo)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else { return Ok(false) };
    for e in posting.entries() {
        let owner = if e.account.per_vendor() {
            Some(vendor_id.ok_or(PostError::NoShop(kind))?)
        } else {
            None
        };
        let account = account(tx, e.account.as_str(), owner, &e.currency).await?;
        sqlx::query("insert into ledger_entries (transaction_id, account_id, amount, currency) values ($1, $2, $3, $4)")
            .bind(id)
            .bind(account)
            .bind(e.amount)
            .bind(&e.currency)
            .execute(&mut *tx)
            .await?;
    }
    Ok(true)
}

/// A shop's balances in one currency, as credit amounts (what it is owed is positive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct ShopBalances {
    /// Sales not yet delivered and held.
    pub pending: Decimal,
    /// Ready for payout.
    pub available: Decimal,
    /// What the shop owes the platform (commission on cash sales).
    pub owed: Decimal,
}

/// A shop's balances, summed from its entries in one query.
pub async fn shop_balances(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    currency: &str,
) -> Result<ShopBalances, sqlx::Error> {
    sqlx::query_as(
        "select coalesce(-sum(e.amount) filter (where a.kind = 'vendor_pending'), 0) as pending,
                coalesce(-sum(e.amount) filter (where a.kind = 'vendor_payable'), 0) as available,
                coalesce(sum(e.amount) filter (where a.kind = 'vendor_receivable'), 0) as owed
         from ledger_accounts a left join ledger_entries e on e.account_id = a.id
         where a.vendor_id = $1 and a.currency = $2",
    )
    .bind(vendor_id)
    .bind(currency)
    .fetch_one(db)
    .await
}

/// Posts the exact opposite of the (kind, reference) transaction as (`as_kind`, reference),
/// once: a failed B2C puts the money back into the accounts it came from.
pub async fn reverse(
    tx: &mut PgConnection,
    kind: TxKind,
    reference: Uuid,
    as_kind: TxKind,
) -> Result<bool, sqlx::Error> {
    let Some(original): Option<Uuid> =
        sqlx::query_scalar("select id from ledger_transactions where kind = $1 and reference = $2")
            .bind(kind)
            .bind(reference)
            .fetch_optional(&mut *tx)
            .await?
    else {
        return Ok(false);
    };
    let id: Option<Uuid> = sqlx::query_scalar(
        "insert into ledger_transactions (id, kind, reference, memo) values ($1, $2, $3, 'reversal')
         on conflict (kind, reference) do nothing returning id",
    )
    .bind(Uuid::new_v4())
    .bind(as_kind)
    .bind(reference)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(id) = id else { return Ok(false) };
    sqlx::query(
        "insert into ledger_entries (transaction_id, account_id, amount, currency)
         select $1, account_id, -amount, currency from ledger_entries where transaction_id = $2",
    )
    .bind(id)
    .bind(original)
    .execute(&mut *tx)
    .await?;
    Ok(true)
}

/// A shop's statement: a line per part with the money the ledger moved for it (for the part
/// and for its items). The commission is what the platform earned on it; the net what it
/// added to the shop's balance.
pub async fn statement(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    holding_days: i64,
) -> Result<Vec<crate::wire::orders::StatementLine>, sqlx::Error> {
    sqlx::query_as(
        "select vo.id as vendor_order_id, to_char(vo.created_at, 'YYYY-MM-DD') as placed, vo.status,
                o.payment_method, vo.subtotal as gross, vo.discount, vo.delivery_fee,
                coalesce(-sum(e.amount) filter (where a.kind = 'platform_commission'), 0) as commission,
                coalesce(-sum(e.amount) filter (where a.vendor_id = vo.vendor_id), 0) as net,
                to_char(vo.delivered_at + make_interval(days => $2::int), 'YYYY-MM-DD') as available_on
         from vendor_orders vo join orders o on o.id = vo.order_id
         left join lateral (
             select id from ledger_transactions where reference = vo.id
             union all
             select t.id from order_items i join ledger_transactions t on t.reference = i.id where i.vendor_order_id = vo.id
             union all
             select t.id from disputes d join ledger_transactions t on t.reference = d.id where d.vendor_order_id = vo.id
         ) t on true
         left join ledger_entries e on e.transaction_id = t.id
         left join ledger_accounts a on a.id = e.account_id
         where vo.vendor_id = $1 and (o.payment_method = 'cod' or o.status <> 'pending_payment')
         group by vo.id, o.payment_method
         order by vo.created_at desc limit 200",
    )
    .bind(vendor_id)
    .bind(holding_days)
    .fetch_all(db)
    .await
}

/// Whether (kind, reference) was posted.
pub async fn posted(
    tx: &mut PgConnection,
    kind: TxKind,
    reference: Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "select exists (select 1 from ledger_transactions where kind = $1 and reference = $2)",
    )
    .bind(kind)
    .bind(reference)
    .fetch_one(&mut *tx)
    .await
}

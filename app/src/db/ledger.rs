//! Writing postings and reading balances. A posting is idempotent on (kind, reference): a
//! retried job or a repeated callback finds it already there and writes nothing.

use crate::domain::ledger::Posting;
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

/// Posts `posting` once for (kind, reference); returns false if it was already posted.
/// Per-shop accounts belong to `vendor_id`.
pub async fn post(
    tx: &mut PgConnection,
    kind: &str,
    reference: Uuid,
    memo: &str,
    vendor_id: Uuid,
    posting: &Posting,
) -> Result<bool, sqlx::Error> {
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
        let owner = e.account.per_vendor().then_some(vendor_id);
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

/// A shop's balances by account kind and currency, summed from its entries.
pub async fn vendor_balances(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<(String, String, Decimal)>, sqlx::Error> {
    sqlx::query_as(
        "select a.kind, a.currency, coalesce(sum(e.amount), 0) from ledger_accounts a
         left join ledger_entries e on e.account_id = a.id
         where a.vendor_id = $1 group by a.kind, a.currency order by a.kind, a.currency",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

//! A shopper's saved delivery addresses: the last one used is offered at the next checkout.

use crate::domain::address::Address;
use crate::wire::orders::SavedAddress;
use sqlx::PgConnection;
use sqlx::PgExecutor;
use uuid::Uuid;

/// Remembers the delivery address for the shopper's next checkout.
pub async fn save_address(
    tx: &mut PgConnection,
    user_id: Uuid,
    a: &Address,
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
) -> Result<Vec<SavedAddress>, sqlx::Error> {
    sqlx::query_as(
        "select id, county, town, street, phone from addresses where user_id = $1 order by created_at desc limit 5",
    )
    .bind(user_id)
    .fetch_all(db)
    .await
}

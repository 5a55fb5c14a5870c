//! Saved items (migration ..notifications_wishlist): a person's hearts, with the price and
//! stock they last saw, and which are due an alert (cheaper than seen, or back in stock; at
//! most one a day per item).

use crate::db::products::CARD_COLUMNS;
use crate::wire::catalog::ListingCard;
use rust_decimal::Decimal;
use sqlx::{FromRow, PgExecutor};
use uuid::Uuid;

/// Saves an approved listing for the person, as it is now (nothing when it is not approved,
/// or saved already).
pub async fn add(db: impl PgExecutor<'_>, user: Uuid, listing: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into wishlist (user_id, listing_id, seen_price, seen_in_stock)
         select $1, l.id, l.price, l.stock > 0 from listings l where l.id = $2 and l.status = 'approved'
         on conflict do nothing",
    )
    .bind(user)
    .bind(listing)
    .execute(db)
    .await?;
    Ok(())
}

/// Saves the listing of a variant (the cart's "save for later").
pub async fn add_variant(
    db: impl PgExecutor<'_>,
    user: Uuid,
    variant: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into wishlist (user_id, listing_id, seen_price, seen_in_stock)
         select $1, l.id, l.price, l.stock > 0 from listing_variants v join listings l on l.id = v.listing_id
         where v.id = $2 and l.status = 'approved'
         on conflict do nothing",
    )
    .bind(user)
    .bind(variant)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn remove(db: impl PgExecutor<'_>, user: Uuid, listing: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("delete from wishlist where user_id = $1 and listing_id = $2")
        .bind(user)
        .bind(listing)
        .execute(db)
        .await?;
    Ok(())
}

pub async fn is_saved(
    db: impl PgExecutor<'_>,
    user: Uuid,
    listing: Uuid,
) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "select exists (select 1 from wishlist where user_id = $1 and listing_id = $2)",
    )
    .bind(user)
    .bind(listing)
    .fetch_one(db)
    .await
}

/// The ids of everything the person saved.
pub async fn ids(db: impl PgExecutor<'_>, user: Uuid) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar("select listing_id from wishlist where user_id = $1")
        .bind(user)
        .fetch_all(db)
        .await
}

/// The person's saved listings that are still for sale, newest saved first.
pub async fn cards(db: impl PgExecutor<'_>, user: Uuid) -> Result<Vec<ListingCard>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {CARD_COLUMNS}, null::float8 as distance_km, '' as sort_key
         from wishlist w join listings l on l.id = w.listing_id join vendors v on v.id = l.vendor_id
         where w.user_id = $1 and l.status = 'approved'
         order by w.created_at desc limit 200"
    ))
    .bind(user)
    .fetch_all(db)
    .await
}

/// A saved item due an alert.
#[derive(Debug, FromRow)]
pub struct Due {
    pub user_id: Uuid,
    pub listing_id: Uuid,
    pub title: String,
    pub slug: String,
    pub price: Decimal,
    pub currency: String,
    /// Cheaper than last seen (else: back in stock).
    pub dropped: bool,
    pub in_stock: bool,
}

/// Saved items now cheaper than their owner last saw, or back in stock, not alerted in the
/// last day (of one listing, or all).
pub async fn due(db: impl PgExecutor<'_>, listing: Option<Uuid>) -> Result<Vec<Due>, sqlx::Error> {
    sqlx::query_as(
        "select w.user_id, w.listing_id, l.title, l.slug, l.price, l.currency,
                l.price < w.seen_price as dropped, l.stock > 0 as in_stock
         from wishlist w join listings l on l.id = w.listing_id
         where l.status = 'approved' and ($1::uuid is null or w.listing_id = $1)
           and (l.price < w.seen_price or (l.stock > 0 and not w.seen_in_stock))
           and (w.alerted_at is null or w.alerted_at < now() - interval '1 day')
         order by w.listing_id, w.user_id limit 1000",
    )
    .bind(listing)
    .fetch_all(db)
    .await
}

/// Records what the person was told (or would have been, had they chosen no channel).
pub async fn alerted(db: impl PgExecutor<'_>, d: &Due) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update wishlist set seen_price = $3, seen_in_stock = $4, alerted_at = now()
         where user_id = $1 and listing_id = $2",
    )
    .bind(d.user_id)
    .bind(d.listing_id)
    .bind(d.price)
    .bind(d.in_stock)
    .execute(db)
    .await?;
    Ok(())
}

/// What the saved items' owners saw moves up with the listing (a higher price, out of stock),
/// so a later drop or restock is measured from there. Rows due an alert are left to `due`.
pub async fn follow(db: impl PgExecutor<'_>, listing: Option<Uuid>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update wishlist w set seen_price = greatest(w.seen_price, l.price), seen_in_stock = l.stock > 0
         from listings l
         where l.id = w.listing_id and ($1::uuid is null or w.listing_id = $1)
           and (l.price > w.seen_price or (l.stock = 0 and w.seen_in_stock))",
    )
    .bind(listing)
    .execute(db)
    .await?;
    Ok(())
}

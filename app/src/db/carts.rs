//! Carts and their lines. Callers pass the cart id they got from `cart::current` (the
//! session's guest cart or the user's own), never one from a request.

use crate::domain::cart::merged_quantity;
use crate::wire::cart::CartLineRow;
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// The user's cart, made on first use.
pub async fn for_user(db: &mut PgConnection, user_id: Uuid) -> Result<Uuid, sqlx::Error> {
    sqlx::query("insert into carts (id, user_id) values ($1, $2) on conflict (user_id) do nothing")
        .bind(Uuid::new_v4())
        .bind(user_id)
        .execute(&mut *db)
        .await?;
    sqlx::query_scalar("select id from carts where user_id = $1")
        .bind(user_id)
        .fetch_one(&mut *db)
        .await
}

/// The user's cart, if they have one.
pub async fn find_for_user(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar("select id from carts where user_id = $1")
        .bind(user_id)
        .fetch_optional(db)
        .await
}

/// Days a guest's cart is kept after its last change. A guest's session cookie is all that
/// leads back to it, and sessions themselves end after 30 idle days.
pub const GUEST_CART_DAYS: i32 = 30;

/// Deletes guest carts (and their lines) untouched for `GUEST_CART_DAYS`; how many.
pub async fn prune_guest(db: impl PgExecutor<'_>) -> Result<u64, sqlx::Error> {
    Ok(sqlx::query(
        "delete from carts c
         where c.user_id is null
           and c.updated_at < now() - make_interval(days => $1)
           and not exists (select 1 from cart_items i
                           where i.cart_id = c.id and i.updated_at >= now() - make_interval(days => $1))",
    )
    .bind(GUEST_CART_DAYS)
    .execute(db)
    .await?
    .rows_affected())
}

pub async fn create_guest(db: impl PgExecutor<'_>) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::new_v4();
    sqlx::query("insert into carts (id) values ($1)")
        .bind(id)
        .execute(db)
        .await?;
    Ok(id)
}

/// A variant as the cart needs it: whether it is for sale, its stock and its price now.
pub async fn offer(
    db: impl PgExecutor<'_>,
    variant_id: Uuid,
) -> Result<Option<(bool, i32, Decimal, String)>, sqlx::Error> {
    sqlx::query_as(
        "select l.status = 'approved', v.stock, coalesce(v.price, l.price), l.slug
         from listing_variants v join listings l on l.id = v.listing_id where v.id = $1",
    )
    .bind(variant_id)
    .fetch_optional(db)
    .await
}

/// Adds `quantity` of a variant (capped by stock and the line limit); returns the line's
/// quantity now. The line is moved out of "saved for later" if it was there.
pub async fn add(
    tx: &mut PgConnection,
    cart_id: Uuid,
    variant_id: Uuid,
    quantity: i32,
    stock: i32,
    price: Decimal,
) -> Result<i32, sqlx::Error> {
    let current: Option<(i32, bool)> = sqlx::query_as(
        "select quantity, saved from cart_items where cart_id = $1 and variant_id = $2 for update",
    )
    .bind(cart_id)
    .bind(variant_id)
    .fetch_optional(&mut *tx)
    .await?;
    let held = current.filter(|(_, saved)| !saved).map_or(0, |(q, _)| q);
    let total = merged_quantity(held, quantity, stock);
    sqlx::query(
        "insert into cart_items (cart_id, variant_id, quantity, price_when_added) values ($1, $2, $3, $4)
         on conflict (cart_id, variant_id) do update set quantity = excluded.quantity, saved = false,
             price_when_added = case when cart_items.saved then excluded.price_when_added else cart_items.price_when_added end",
    )
    .bind(cart_id)
    .bind(variant_id)
    .bind(total)
    .bind(price)
    .execute(&mut *tx)
    .await?;
    sqlx::query("update carts set updated_at = now() where id = $1")
        .bind(cart_id)
        .execute(&mut *tx)
        .await?;
    Ok(total)
}

/// Sets a line's quantity; false if the cart has no such line.
pub async fn set_quantity(
    db: impl PgExecutor<'_>,
    cart_id: Uuid,
    variant_id: Uuid,
    quantity: i32,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("update cart_items set quantity = $3 where cart_id = $1 and variant_id = $2")
            .bind(cart_id)
            .bind(variant_id)
            .bind(quantity)
            .execute(db)
            .await?
            .rows_affected()
            == 1,
    )
}

pub async fn remove(
    db: impl PgExecutor<'_>,
    cart_id: Uuid,
    variant_id: Uuid,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("delete from cart_items where cart_id = $1 and variant_id = $2")
            .bind(cart_id)
            .bind(variant_id)
            .execute(db)
            .await?
            .rows_affected()
            == 1,
    )
}

/// Moves a line to the wishlist (saved for later) or back into the cart.
pub async fn set_saved(
    db: impl PgExecutor<'_>,
    cart_id: Uuid,
    variant_id: Uuid,
    saved: bool,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("update cart_items set saved = $3 where cart_id = $1 and variant_id = $2")
            .bind(cart_id)
            .bind(variant_id)
            .bind(saved)
            .execute(db)
            .await?
            .rows_affected()
            == 1,
    )
}

/// Every line with what the cart page shows and re-checks, grouped by shop.
pub async fn lines(
    db: impl PgExecutor<'_>,
    cart_id: Uuid,
) -> Result<Vec<CartLineRow>, sqlx::Error> {
    sqlx::query_as(
        "select i.variant_id, i.quantity, i.price_when_added, i.saved,
                coalesce(v.price, l.price) as price_now, l.currency, v.stock, v.sku, v.attributes::text as options,
                l.title, l.slug, l.status = 'approved' as for_sale,
                s.id as vendor_id, s.business_name as vendor_name, s.slug as vendor_slug, l.category_id,
                (select p.media_key from listing_photos p where p.listing_id = l.id order by p.position limit 1) as cover
         from cart_items i
         join listing_variants v on v.id = i.variant_id
         join listings l on l.id = v.listing_id
         join vendors s on s.id = l.vendor_id
         where i.cart_id = $1
         order by s.business_name, s.id, i.created_at, i.variant_id",
    )
    .bind(cart_id)
    .fetch_all(db)
    .await
}

/// Units in the cart (not counting saved lines), for the header.
pub async fn count(db: impl PgExecutor<'_>, cart_id: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "select coalesce(sum(quantity), 0)::int8 from cart_items where cart_id = $1 and not saved",
    )
    .bind(cart_id)
    .fetch_one(db)
    .await
}

/// Moves a guest cart's lines into the user's cart (quantities summed, capped by stock) and
/// deletes the guest cart.
pub async fn merge(tx: &mut PgConnection, guest: Uuid, user_cart: Uuid) -> Result<(), sqlx::Error> {
    if guest == user_cart {
        return Ok(());
    }
    let lines: Vec<(Uuid, i32, Decimal, bool, i32)> = sqlx::query_as(
        "select i.variant_id, i.quantity, i.price_when_added, i.saved, v.stock
         from cart_items i join listing_variants v on v.id = i.variant_id where i.cart_id = $1",
    )
    .bind(guest)
    .fetch_all(&mut *tx)
    .await?;
    for (variant, quantity, price, saved, stock) in lines {
        if saved {
            sqlx::query(
                "insert into cart_items (cart_id, variant_id, quantity, price_when_added, saved) values ($1, $2, $3, $4, true)
                 on conflict do nothing",
            )
            .bind(user_cart)
            .bind(variant)
            .bind(quantity)
            .bind(price)
            .execute(&mut *tx)
            .await?;
        } else if stock > 0 {
            add(tx, user_cart, variant, quantity, stock, price).await?;
        }
    }
    sqlx::query("delete from carts where id = $1 and user_id is null")
        .bind(guest)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

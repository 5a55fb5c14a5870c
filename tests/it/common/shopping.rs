//! A buyer with a cart and a delivery address, made straight in the database: shared by the
//! integration tests and the checkout benchmark (which includes this file by path).

use sqlx::PgPool;
use uuid::Uuid;

/// A delivery address for checkouts run straight against the checkout service.
pub fn address() -> app::domain::address::Address {
    app::domain::address::Address::parse(
        "Nairobi",
        "Kilimani",
        "Argwings Kodhek Rd, Hse 4",
        "0712345678",
    )
    .expect("a valid address")
}

/// A customer account with an empty cart, then these (variant, quantity) lines: (user, cart).
pub async fn buyer(pool: &PgPool, lines: &[(Uuid, i32)]) -> (Uuid, Uuid) {
    let user = Uuid::new_v4();
    sqlx::query("insert into users (id, email, name, password_hash, role) values ($1, $2, 'Buyer', 'x', 'customer')")
        .bind(user)
        .bind(format!("{}@example.com", user.simple()))
        .execute(pool)
        .await
        .expect("user");
    let mut conn = pool.acquire().await.expect("conn");
    let cart = app::db::carts::for_user(&mut conn, user)
        .await
        .expect("cart");
    for (variant, quantity) in lines {
        add_line(pool, cart, *variant, *quantity).await;
    }
    (user, cart)
}

/// Puts a variant in a cart at its current price (a line already there stays as it is).
pub async fn add_line(pool: &PgPool, cart: Uuid, variant: Uuid, quantity: i32) {
    sqlx::query(
        "insert into cart_items (cart_id, variant_id, quantity, price_when_added)
         select $1, v.id, $3, coalesce(v.price, l.price) from listing_variants v join listings l on l.id = v.listing_id where v.id = $2
         on conflict do nothing",
    )
    .bind(cart)
    .bind(variant)
    .bind(quantity)
    .execute(pool)
    .await
    .expect("line");
}

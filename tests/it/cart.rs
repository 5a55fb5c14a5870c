//! The cart over HTTP on a fresh database: guest carts in the session, merging at login,
//! grouping by shop, re-checking on every view, saving for later, and cart ownership.

use crate::common::{Client, app};
use app::domain::Invalid;
use app::error::AppError;
use axum::http::StatusCode;
use serde_json::Value;
use sqlx::PgPool;
use uuid::Uuid;

/// A verified shop with one approved listing whose one variant costs `price` with `stock`.
async fn offer(pool: &PgPool, shop: &str, title: &str, price: i64, stock: i32) -> Uuid {
    let vendor: Option<Uuid> = sqlx::query_scalar("select id from vendors where slug = $1")
        .bind(shop)
        .fetch_optional(pool)
        .await
        .expect("vendor");
    let vendor = match vendor {
        Some(v) => v,
        None => crate::common::shop(pool, shop, "aspirant").await,
    };
    crate::common::variant(pool, vendor, title, &format!("{price}.00"), stock).await
}

async fn add(client: &mut Client, variant: Uuid, quantity: &str) -> crate::common::Reply {
    client
        .call(
            "add_to_cart",
            &[("variant_id", &variant.to_string()), ("quantity", quantity)],
        )
        .await
}

async fn cart(client: &mut Client) -> Value {
    let reply = client.call("cart", &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    reply.json()
}

#[sqlx::test(migrations = false)]
async fn a_guest_cart_groups_lines_by_shop_and_caps_quantities(pool: PgPool) {
    let router = app(pool.clone()).await;
    let kikapu = offer(&pool, "vikapu", "Kikapu", 1500, 4).await;
    let sufuria = offer(&pool, "vyombo", "Sufuria 5L", 2300, 10).await;
    let mut guest = Client::new(router);
    assert_eq!(add(&mut guest, kikapu, "3").await.status, StatusCode::OK);
    add(&mut guest, kikapu, "3").await;
    add(&mut guest, sufuria, "").await;
    let c = cart(&mut guest).await;
    assert_eq!(c["groups"].as_array().map(Vec::len), Some(2));
    assert_eq!(c["groups"][0]["vendor_slug"], "vikapu");
    assert_eq!(
        c["groups"][0]["lines"][0]["row"]["quantity"], 4,
        "capped by stock"
    );
    assert_eq!(c["groups"][0]["subtotal"], "6000.00");
    assert_eq!(c["totals"][0][1], "8300.00");
    assert_eq!(guest.call("cart_count", &[]).await.body, "5");

    let bad = add(&mut guest, kikapu, "0").await;
    assert_eq!(
        bad.error(),
        AppError::invalid("quantity", Invalid::OutOfRange)
    );
    sqlx::query("update listings set status = 'pending' where id = (select listing_id from listing_variants where id = $1)")
        .bind(sufuria)
        .execute(&pool)
        .await
        .expect("unlist");
    assert_eq!(
        add(&mut guest, sufuria, "1").await.status,
        StatusCode::NOT_FOUND,
        "not for sale"
    );
    assert_eq!(
        add(&mut guest, Uuid::new_v4(), "1").await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrations = false)]
async fn the_cart_is_rechecked_on_every_view(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = offer(&pool, "duka", "Radio", 1000, 5).await;
    let b = offer(&pool, "duka", "Torch", 400, 5).await;
    let c = offer(&pool, "duka", "Battery", 100, 5).await;
    let mut shopper = Client::new(router);
    for v in [a, b, c] {
        add(&mut shopper, v, "2").await;
    }
    sqlx::query("update listings set price = 1200 where id = (select listing_id from listing_variants where id = $1)").bind(a).execute(&pool).await.expect("price");
    sqlx::query("update listing_variants set stock = 1 where id = $1")
        .bind(b)
        .execute(&pool)
        .await
        .expect("stock");
    sqlx::query("update listings set status = 'archived' where id = (select listing_id from listing_variants where id = $1)").bind(c).execute(&pool).await.expect("archive");
    let view = cart(&mut shopper).await;
    let issue = |variant: Uuid| {
        view["groups"][0]["lines"]
            .as_array()
            .and_then(|lines| {
                lines
                    .iter()
                    .find(|l| l["row"]["variant_id"] == variant.to_string())
            })
            .map(|l| l["issue"].clone())
            .unwrap_or(Value::Null)
    };
    assert_eq!(
        issue(a),
        serde_json::json!({"PriceChanged": {"was": "1000.00", "now": "1200.00"}})
    );
    assert_eq!(
        issue(b),
        serde_json::json!({"NotEnoughStock": {"available": 1}})
    );
    assert_eq!(issue(c), serde_json::json!("Withdrawn"));
    // The withdrawn line is shown but not charged; the others at today's price.
    assert_eq!(view["totals"][0][1], "3200.00");
}

#[sqlx::test(migrations = false)]
async fn save_for_later_and_line_changes_stay_in_ones_own_cart(pool: PgPool) {
    let router = app(pool.clone()).await;
    let radio = offer(&pool, "duka", "Radio", 1000, 5).await;
    let mut shopper = Client::new(router.clone());
    add(&mut shopper, radio, "1").await;
    let id = radio.to_string();
    assert_eq!(
        shopper
            .call(
                "change_cart_line",
                &[("variant_id", &id), ("action", "save")]
            )
            .await
            .status,
        StatusCode::OK
    );
    let view = cart(&mut shopper).await;
    assert_eq!(view["groups"].as_array().map(Vec::len), Some(0));
    assert_eq!(view["saved"][0]["row"]["variant_id"], id);
    shopper
        .call(
            "change_cart_line",
            &[("variant_id", &id), ("action", "restore")],
        )
        .await;
    shopper
        .call(
            "change_cart_line",
            &[("variant_id", &id), ("action", "update"), ("quantity", "3")],
        )
        .await;
    assert_eq!(cart(&mut shopper).await["units"], 3);

    // Someone else naming the same variant changes nothing in this cart.
    let mut other = Client::new(router);
    add(&mut other, radio, "1").await;
    other
        .call(
            "change_cart_line",
            &[("variant_id", &id), ("action", "remove")],
        )
        .await;
    assert_eq!(cart(&mut shopper).await["units"], 3);
    let mut stranger = Client::new(other.app.clone());
    assert_eq!(
        stranger
            .call(
                "change_cart_line",
                &[("variant_id", &id), ("action", "remove")]
            )
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrations = false)]
async fn a_guest_cart_merges_into_the_account_cart_at_login(pool: PgPool) {
    let router = app(pool.clone()).await;
    let radio = offer(&pool, "duka", "Radio", 1000, 4).await;
    let torch = offer(&pool, "duka", "Torch", 400, 9).await;
    let mut account = Client::new(router.clone());
    account.register("amani@example.com", "Amani").await;
    add(&mut account, radio, "2").await;

    let mut guest = Client::new(router);
    add(&mut guest, radio, "3").await;
    add(&mut guest, torch, "1").await;
    let login = guest
        .login("amani@example.com", crate::common::PASSWORD)
        .await;
    assert_eq!(login.status, StatusCode::OK, "{}", login.body);
    let view = cart(&mut guest).await;
    let lines = view["groups"][0]["lines"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let qty = |v: Uuid| {
        lines
            .iter()
            .find(|l| l["row"]["variant_id"] == v.to_string())
            .map(|l| l["row"]["quantity"].clone())
    };
    assert_eq!(
        qty(radio),
        Some(Value::from(4)),
        "2 + 3, capped by the 4 in stock"
    );
    assert_eq!(qty(torch), Some(Value::from(1)));
    let guest_carts: i64 = sqlx::query_scalar("select count(*) from carts where user_id is null")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(guest_carts, 0, "the guest cart is gone after the merge");
}

#[sqlx::test(migrations = false)]
async fn unreadable_input_is_a_400_that_names_the_field(pool: PgPool) {
    use app::domain::Invalid;
    use app::error::AppError;
    let router = app(pool.clone()).await;
    let mut client = Client::new(router);
    let garbage = client
        .call(
            "add_to_cart",
            &[("variant_id", "not-a-uuid"), ("quantity", "1")],
        )
        .await;
    assert_eq!(garbage.status, StatusCode::BAD_REQUEST, "{}", garbage.body);
    assert!(matches!(
        garbage.error(),
        AppError::Invalid {
            why: Invalid::Unreadable,
            ..
        }
    ));
    let missing = client.call("add_to_cart", &[("quantity", "1")]).await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST, "{}", missing.body);
    assert_eq!(
        missing.error(),
        AppError::invalid("variant_id", Invalid::Unreadable)
    );
    let none: i64 = sqlx::query_scalar("select count(*) from cart_items")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(none, 0, "nothing written");
}

#[sqlx::test(migrations = false)]
async fn abandoned_guest_carts_are_pruned_and_accounts_carts_kept(pool: PgPool) {
    let router = app(pool.clone()).await;
    let radio = offer(&pool, "duka", "Radio", 1000, 5).await;
    let mut guest = Client::new(router.clone());
    assert_eq!(add(&mut guest, radio, "1").await.status, StatusCode::OK);
    let mut recent = Client::new(router.clone());
    assert_eq!(add(&mut recent, radio, "1").await.status, StatusCode::OK);
    let mut member = Client::new(router);
    member.register("keeps@example.com", "Keeps").await;
    assert_eq!(add(&mut member, radio, "1").await.status, StatusCode::OK);
    // Everything but the second guest's cart was last touched 31 days ago (triggers off, as
    // they would stamp now()).
    let mut tx = pool.begin().await.expect("tx");
    for sql in [
        "set local session_replication_role = replica",
        "update carts set updated_at = now() - interval '31 days'",
        "update cart_items set updated_at = now() - interval '31 days'
         where cart_id <> (select id from carts where user_id is null order by created_at desc limit 1)",
    ] {
        sqlx::query(sql).execute(&mut *tx).await.expect(sql);
    }
    tx.commit().await.expect("commit");

    assert_eq!(app::db::carts::prune_guest(&pool).await.expect("prune"), 1);
    let left: i64 = sqlx::query_scalar("select count(*) from carts")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(left, 2, "the recent guest's and the account's carts stay");
}

//! Checkout against a real database: orders split by shop with commission frozen per item,
//! no oversell under a race, one order per checkout key however often it is sent, and orders
//! readable only by their buyer.

use crate::common::{Client, address, app, buyer, shop, staff, variant};
use app::checkout::{Checkout, Choices, Payment, Placed, place_order};
use app::domain::Invalid;
use app::domain::address::Address;
use app::error::AppError;
use axum::http::StatusCode;
use rust_decimal::Decimal;
use sqlx::PgPool;
use std::str::FromStr;
use uuid::Uuid;

/// Places a cash-on-delivery order; the order id.
async fn place_cod(
    pool: &PgPool,
    user: Uuid,
    cart: Uuid,
    key: Uuid,
    address: &Address,
    vat: Decimal,
) -> Result<Uuid, AppError> {
    let checkout = Checkout {
        user_id: user,
        cart_id: cart,
        key,
        address,
        vat_rate: vat,
        payment: Payment::CashOnDelivery,
        choices: &Choices::default(),
    };
    place_order(pool, &checkout)
        .await
        .map(|Placed { order_id, .. }| order_id)
}

async fn stock(pool: &PgPool, variant: Uuid) -> i32 {
    sqlx::query_scalar("select stock from listing_variants where id = $1")
        .bind(variant)
        .fetch_one(pool)
        .await
        .expect("stock")
}

async fn count(pool: &PgPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("select count(*) from {table}"))
        .fetch_one(pool)
        .await
        .expect("count")
}

#[sqlx::test(migrations = false)]
async fn an_order_is_split_by_shop_with_commission_frozen_per_item(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrate");
    let a = shop(&pool, "vikapu", "aspirant").await; // 8 %
    let b = shop(&pool, "vyombo", "legacy").await; // 4 %
    let kikapu = variant(&pool, a, "Kikapu", "1500.00", 5).await;
    let sufuria = variant(&pool, b, "Sufuria", "2333.33", 5).await;
    let (user, cart) = buyer(&pool, &[(kikapu, 2), (sufuria, 1)]).await;
    let order = place_cod(
        &pool,
        user,
        cart,
        Uuid::new_v4(),
        &address(),
        Decimal::new(16, 2),
    )
    .await
    .expect("order");

    let (total, vat): (Decimal, Decimal) =
        sqlx::query_as("select total, vat_included from orders where id = $1")
            .bind(order)
            .fetch_one(&pool)
            .await
            .expect("order");
    assert_eq!(total, Decimal::from_str("5333.33").expect("dec"));
    assert_eq!(vat, Decimal::from_str("735.63").expect("dec"));
    let parts: Vec<(Uuid, String, Decimal, Decimal, Decimal)> = sqlx::query_as(
        "select vendor_id, status, subtotal, commission, vendor_net from vendor_orders where order_id = $1 order by subtotal",
    )
    .bind(order)
    .fetch_all(&pool)
    .await
    .expect("parts");
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0].0, b);
    assert_eq!(
        parts[0].1, "awaiting_acceptance",
        "cash on delivery asks the shop at once"
    );
    assert_eq!(
        (parts[0].3, parts[0].4),
        (
            Decimal::from_str("93.33").expect("d"),
            Decimal::from_str("2240.00").expect("d")
        )
    );
    assert_eq!(
        (parts[1].3, parts[1].4),
        (
            Decimal::from_str("240.00").expect("d"),
            Decimal::from_str("2760.00").expect("d")
        )
    );
    assert_eq!(stock(&pool, kikapu).await, 3);
    assert_eq!(stock(&pool, sufuria).await, 4);
    let left: i64 = sqlx::query_scalar("select count(*) from cart_items where cart_id = $1")
        .bind(cart)
        .fetch_one(&pool)
        .await
        .expect("cart");
    assert_eq!(left, 0, "the cart is emptied");
}

#[sqlx::test(migrations = false)]
async fn two_hundred_buyers_for_ten_units_make_ten_orders(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrate");
    let s = shop(&pool, "duka", "aspirant").await;
    let hot = variant(&pool, s, "Jezi ya Harambee Stars", "2500.00", 10).await;
    let mut buyers = Vec::new();
    for _ in 0..200 {
        buyers.push(buyer(&pool, &[(hot, 1)]).await);
    }
    let mut tasks = Vec::new();
    for (user, cart) in buyers {
        let pool = pool.clone();
        tasks.push(tokio::spawn(async move {
            place_cod(
                &pool,
                user,
                cart,
                Uuid::new_v4(),
                &address(),
                Decimal::new(16, 2),
            )
            .await
        }));
    }
    let mut sold = 0;
    let mut refused = 0;
    for t in tasks {
        match t.await.expect("task") {
            Ok(_) => sold += 1,
            Err(AppError::Invalid {
                field,
                why: Invalid::CartChanged,
            }) if field == "cart" => refused += 1,
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    assert_eq!((sold, refused), (10, 190));
    assert_eq!(stock(&pool, hot).await, 0);
    assert_eq!(
        count(&pool, "orders").await,
        10,
        "a refused checkout leaves no order behind"
    );
    assert_eq!(count(&pool, "order_items").await, 10);
}

#[sqlx::test(migrations = false)]
async fn a_listing_priced_in_another_currency_cannot_be_bought(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrate");
    let s = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, s, "Radio", "40.00", 10).await;
    // Priced before only shillings were sold in (M-Pesa collects KES, payouts are KES).
    sqlx::query("update listings set currency = 'USD'")
        .execute(&pool)
        .await
        .expect("legacy price");
    let (user, cart) = buyer(&pool, &[(radio, 1)]).await;
    let refused = place_cod(
        &pool,
        user,
        cart,
        Uuid::new_v4(),
        &address(),
        Decimal::new(16, 2),
    )
    .await;
    assert_eq!(
        refused.err(),
        Some(AppError::invalid("cart", Invalid::CurrencyNotSold))
    );
    assert_eq!(count(&pool, "orders").await, 0);
    assert_eq!(stock(&pool, radio).await, 10, "nothing held");
}

#[sqlx::test(migrations = false)]
async fn one_checkout_key_sent_twenty_times_makes_one_order(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrate");
    let s = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, s, "Radio", "1000.00", 50).await;
    let (user, cart) = buyer(&pool, &[(radio, 2)]).await;
    let key = Uuid::new_v4();
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let pool = pool.clone();
        tasks.push(tokio::spawn(async move {
            place_cod(&pool, user, cart, key, &address(), Decimal::new(16, 2)).await
        }));
    }
    let mut ids = Vec::new();
    for t in tasks {
        ids.push(t.await.expect("task").expect("same order"));
    }
    ids.dedup();
    assert_eq!(ids.len(), 1);
    assert_eq!(count(&pool, "orders").await, 1);
    assert_eq!(stock(&pool, radio).await, 48, "stock taken once");

    // The same key with a different cart is an error, not a second order.
    let torch = variant(&pool, s, "Torch", "400.00", 5).await;
    sqlx::query("insert into cart_items (cart_id, variant_id, quantity, price_when_added) values ($1, $2, 1, 400.00)")
        .bind(cart)
        .bind(torch)
        .execute(&pool)
        .await
        .expect("line");
    let reused = place_cod(&pool, user, cart, key, &address(), Decimal::new(16, 2)).await;
    assert_eq!(
        reused.err(),
        Some(AppError::invalid("checkout_key", Invalid::KeyReused))
    );
}

#[sqlx::test(migrations = false)]
async fn checkout_over_http_and_orders_are_private(pool: PgPool) {
    let router = app(pool.clone()).await;
    let s = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, s, "Radio", "1000.00", 5).await;
    let mut shopper = Client::new(router.clone());
    assert_eq!(
        shopper.get("/checkout").await.status,
        StatusCode::SEE_OTHER,
        "log in first"
    );
    shopper.register("buyer@example.com", "Buyer").await;
    shopper
        .call(
            "add_to_cart",
            &[("variant_id", &radio.to_string()), ("quantity", "1")],
        )
        .await;
    let form = shopper
        .call("checkout_form", &[])
        .await
        .json::<serde_json::Value>();
    let key = form["key"].as_str().expect("key").to_owned();
    let bad = shopper
        .call(
            "place_order",
            &[
                ("checkout_key", &key),
                ("county", "Nairobi"),
                ("town", "CBD"),
                ("street", "Moi Ave"),
                ("phone", "12"),
                ("payment", "cod"),
            ],
        )
        .await;
    assert_eq!(bad.error().field(), Some("phone"));
    assert_eq!(count(&pool, "orders").await, 0);
    let ok = shopper
        .call(
            "place_order",
            &[
                ("checkout_key", &key),
                ("county", "Nairobi"),
                ("town", "CBD"),
                ("street", "Moi Ave"),
                ("phone", "0712345678"),
                ("payment", "cod"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let order: Uuid = sqlx::query_scalar("select id from orders")
        .fetch_one(&pool)
        .await
        .expect("order");
    let mine = shopper
        .call("order_details", &[("id", &order.to_string())])
        .await;
    assert_eq!(mine.status, StatusCode::OK);
    assert_eq!(
        mine.json::<serde_json::Value>()["parts"][0]["status"],
        "awaiting_acceptance"
    );
    assert_eq!(
        shopper
            .get(&format!("/account/orders/{order}"))
            .await
            .status,
        StatusCode::OK
    );

    let mut other = Client::new(router);
    other.register("other@example.com", "Other").await;
    assert_eq!(
        other
            .call("order_details", &[("id", &order.to_string())])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        other.get(&format!("/account/orders/{order}")).await.status,
        StatusCode::NOT_FOUND
    );
}

async fn part_status(pool: &PgPool, id: Uuid) -> String {
    sqlx::query_scalar("select status from vendor_orders where id = $1")
        .bind(id)
        .fetch_one(pool)
        .await
        .expect("status")
}

#[sqlx::test(migrations = false)]
async fn shops_fulfil_their_own_parts_through_the_state_machine(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = shop(&pool, "shop-a", "aspirant").await;
    let b = shop(&pool, "shop-b", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 5).await;
    let torch = variant(&pool, b, "Torch", "400.00", 5).await;
    let (user, cart) = buyer(&pool, &[(radio, 2), (torch, 1)]).await;
    let order = place_cod(
        &pool,
        user,
        cart,
        Uuid::new_v4(),
        &address(),
        Decimal::new(16, 2),
    )
    .await
    .expect("order");
    let part = |vendor: Uuid| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, Uuid>(
                "select id from vendor_orders where order_id = $1 and vendor_id = $2",
            )
            .bind(order)
            .bind(vendor)
            .fetch_one(&pool)
            .await
            .expect("part")
        }
    };
    let (part_a, part_b) = (part(a).await, part(b).await);
    let mut clerk_a = staff(router.clone(), &pool, a, "orders@a.example", "orders").await;
    let mut stock_b = staff(router.clone(), &pool, b, "stock@b.example", "inventory").await;
    let mut orders_b = staff(router.clone(), &pool, b, "orders@b.example", "orders").await;
    let act = |c: &mut Client, id: Uuid, action: &'static str, note: &'static str| {
        let mut c = c.clone();
        async move {
            c.call(
                "fulfil",
                &[("id", &id.to_string()), ("action", action), ("note", note)],
            )
            .await
        }
    };

    // Shop A's list holds only its part; B cannot touch A's part; inventory staff see no orders.
    let list = clerk_a
        .call("shop_orders", &[])
        .await
        .json::<Vec<serde_json::Value>>();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], part_a.to_string());
    assert_eq!(
        act(&mut orders_b, part_a, "accept", "").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        stock_b.call("shop_orders", &[]).await.status,
        StatusCode::FORBIDDEN
    );

    // Shipping before accepting is not a step the machine has.
    assert_eq!(
        act(&mut clerk_a, part_a, "ship", "").await.error().field(),
        Some("action")
    );
    for (action, note, status) in [
        ("accept", "", "accepted"),
        ("ship", "G4S KE-123", "shipped"),
        ("deliver", "", "delivered"),
    ] {
        let r = act(&mut clerk_a, part_a, action, note).await;
        assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.body);
        assert_eq!(part_status(&pool, part_a).await, status);
    }
    // A rejection needs a reason and puts the stock back.
    assert_eq!(
        act(&mut orders_b, part_b, "reject", "")
            .await
            .error()
            .field(),
        Some("note")
    );
    assert_eq!(
        act(&mut orders_b, part_b, "reject", "Out of torches")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(stock(&pool, torch).await, 5);
    let events: i64 =
        sqlx::query_scalar("select count(*) from vendor_order_events where vendor_order_id = $1")
            .bind(part_a)
            .fetch_one(&pool)
            .await
            .expect("events");
    assert_eq!(events, 4, "placed, accepted, shipped, delivered");
}

#[sqlx::test(migrations = false)]
async fn shoppers_cancel_a_part_only_before_the_shop_accepts(pool: PgPool) {
    let router = app(pool.clone()).await;
    let s = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, s, "Radio", "1000.00", 5).await;
    let mut shopper = Client::new(router.clone());
    shopper.register("buyer@example.com", "Buyer").await;
    for _ in 0..2 {
        shopper
            .call(
                "add_to_cart",
                &[("variant_id", &radio.to_string()), ("quantity", "1")],
            )
            .await;
        let key = shopper
            .call("checkout_form", &[])
            .await
            .json::<serde_json::Value>()["key"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let placed = shopper
            .call(
                "place_order",
                &[
                    ("checkout_key", &key),
                    ("county", "Nairobi"),
                    ("town", "CBD"),
                    ("street", "Moi Ave"),
                    ("phone", "0712345678"),
                    ("payment", "cod"),
                ],
            )
            .await;
        assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    }
    let parts: Vec<Uuid> = sqlx::query_scalar("select id from vendor_orders order by created_at")
        .fetch_all(&pool)
        .await
        .expect("parts");
    assert_eq!(stock(&pool, radio).await, 3);
    let mut stranger = Client::new(router.clone());
    stranger.register("stranger@example.com", "Stranger").await;
    assert_eq!(
        stranger
            .call("cancel_part", &[("id", &parts[0].to_string())])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        shopper
            .call("cancel_part", &[("id", &parts[0].to_string())])
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(part_status(&pool, parts[0]).await, "cancelled");
    assert_eq!(
        stock(&pool, radio).await,
        4,
        "cancelling puts the unit back"
    );

    let mut clerk = staff(router, &pool, s, "orders@duka.example", "orders").await;
    clerk
        .call(
            "fulfil",
            &[("id", &parts[1].to_string()), ("action", "accept")],
        )
        .await;
    let late = shopper
        .call("cancel_part", &[("id", &parts[1].to_string())])
        .await;
    assert_eq!(
        late.error().field(),
        Some("action"),
        "accepted parts cannot be cancelled"
    );
    assert_eq!(part_status(&pool, parts[1]).await, "accepted");
}

#[sqlx::test(migrations = false)]
async fn a_delivered_cash_sale_records_the_commission_owed_in_a_balanced_ledger(pool: PgPool) {
    let router = app(pool.clone()).await;
    let s = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, s, "Radio", "1499.99", 5).await;
    let (user, cart) = buyer(&pool, &[(radio, 1)]).await;
    place_cod(
        &pool,
        user,
        cart,
        Uuid::new_v4(),
        &address(),
        Decimal::new(16, 2),
    )
    .await
    .expect("order");
    let part: Uuid = sqlx::query_scalar("select id from vendor_orders")
        .fetch_one(&pool)
        .await
        .expect("part");
    let mut owner = staff(router, &pool, s, "owner@duka.example", "owner").await;
    for action in ["accept", "ship", "deliver"] {
        let r = owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.body);
    }
    let unbalanced: i64 = sqlx::query_scalar(
        "select count(*) from (select transaction_id from ledger_entries group by transaction_id, currency having sum(amount) <> 0) t",
    )
    .fetch_one(&pool)
    .await
    .expect("check");
    assert_eq!(unbalanced, 0);
    let money = owner
        .call("shop_money", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(money["owed"], "120.00", "8% of 1,499.99, to the cent");
    assert_eq!(money["available"], "0");
    assert_eq!(money["statement"][0]["net"], "-120.00");

    // After delivery the shop refunds the item in cash we never saw: recorded, but the
    // commission stays owed (a shop cannot cancel what it owes on its own say-so).
    let item: Uuid = sqlx::query_scalar("select id from order_items")
        .fetch_one(&pool)
        .await
        .expect("item");
    let r = owner
        .call(
            "refund_item",
            &[("id", &part.to_string()), ("item_id", &item.to_string())],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let money = owner
        .call("shop_money", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(money["owed"], "120.00", "still owed");
    let refunded: bool = sqlx::query_scalar("select refunded_at is not null from order_items")
        .fetch_one(&pool)
        .await
        .expect("item");
    assert!(refunded, "the shopper sees the item refunded");

    // The database refuses an unbalanced transaction at commit.
    let mut tx = pool.begin().await.expect("tx");
    let t = Uuid::new_v4();
    sqlx::query("insert into ledger_transactions (id, kind, reference) values ($1, 'test', $1)")
        .bind(t)
        .execute(&mut *tx)
        .await
        .expect("txn");
    sqlx::query("insert into ledger_entries (transaction_id, account_id, amount, currency) select $1, id, 1.00, 'KES' from ledger_accounts limit 1")
        .bind(t)
        .execute(&mut *tx)
        .await
        .expect("entry");
    assert!(
        tx.commit().await.is_err(),
        "unbalanced postings never commit"
    );
}

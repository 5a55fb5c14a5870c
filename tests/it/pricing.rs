//! The pricing pipeline end to end: per-shop delivery (pickup, flat fee, county zones), a shop
//! coupon that discounts only its own shop's lines, commission rules (most specific wins),
//! returns, and the notifications the steps write.

use crate::common::{Client, app, place_order, scalar, shop, shopper, staff, variant};
use axum::http::StatusCode;
use rust_decimal::Decimal;
use sqlx::PgPool;
use std::str::FromStr;
use uuid::Uuid;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

/// A cash-on-delivery checkout to `county`, with `extra` form fields.
async fn place(c: &mut Client, county: &str, extra: &[(&str, &str)]) -> crate::common::Reply {
    let mut fields = vec![("county", county)];
    fields.extend_from_slice(extra);
    place_order(c, &fields).await.1
}

#[sqlx::test(migrations = false)]
async fn delivery_and_a_shop_coupon_price_only_their_own_part(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = shop(&pool, "vikapu", "aspirant").await; // 8 %
    let b = shop(&pool, "vyombo", "aspirant").await;
    let kikapu = variant(&pool, a, "Kikapu", "1000.00", 5).await;
    let sufuria = variant(&pool, b, "Sufuria", "500.00", 5).await;
    let mut owner_a = staff(router.clone(), &pool, a, "a@example.com", "owner").await;
    let mut owner_b = staff(router.clone(), &pool, b, "b@example.com", "owner").await;

    // Shop A delivers (flat 200, Mombasa 400) and offers pickup; shop B only has pickup.
    let r = owner_a
        .call(
            "save_delivery",
            &[
                ("offers_pickup", "on"),
                ("accepts_cod", "on"),
                ("delivery_fee", "200"),
                ("zones", "Mombasa: 400"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let bad = owner_a
        .call("save_delivery", &[("delivery_fee", "abc")])
        .await;
    assert_eq!(bad.error().field(), Some("delivery_fee"));
    owner_b
        .call(
            "save_delivery",
            &[("offers_pickup", "on"), ("accepts_cod", "on")],
        )
        .await;
    let bad = owner_a
        .call(
            "create_coupon",
            &[("code", "karibu 10"), ("kind", "percent"), ("value", "10")],
        )
        .await;
    assert_eq!(bad.error().field(), Some("code"));
    let ok = owner_a
        .call(
            "create_coupon",
            &[
                ("code", "karibu10"),
                ("kind", "percent"),
                ("value", "10"),
                ("min_subtotal", "500"),
                ("max_uses", "1"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    let taken = owner_b
        .call(
            "create_coupon",
            &[("code", "KARIBU10"), ("kind", "amount"), ("value", "50")],
        )
        .await;
    assert_eq!(taken.error().field(), Some("code"), "codes are unique");
    let coupon: Uuid = scalar(&pool, "select id from coupons").await;
    let foreign = owner_b
        .call(
            "toggle_coupon",
            &[("id", &coupon.to_string()), ("active", "false")],
        )
        .await;
    assert_eq!(
        foreign.status,
        StatusCode::NOT_FOUND,
        "a shop cannot touch another's coupon"
    );

    let mut c = shopper(
        router.clone(),
        "buyer@example.com",
        &[(kikapu, "1"), (sufuria, "1")],
    )
    .await;
    // Shop B cannot deliver: asking it to is a field error, and nothing is written.
    let b_delivery = format!("delivery[shop-{b}]");
    let refused = place(&mut c, "Mombasa", &[(b_delivery.as_str(), "delivery")]).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST, "{}", refused.body);
    assert_eq!(refused.error().field(), Some("delivery"));
    assert_eq!(scalar::<i64>(&pool, "select count(*) from orders").await, 0);

    let a_delivery = format!("delivery[shop-{a}]");
    let placed = place(
        &mut c,
        "mombasa",
        &[(a_delivery.as_str(), "delivery"), ("coupon", " karibu10 ")],
    )
    .await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let (method, fee, discount, total, commission, net): (String, Decimal, Decimal, Decimal, Decimal, Decimal) =
        sqlx::query_as("select delivery_method, delivery_fee, discount, total, commission, vendor_net from vendor_orders where vendor_id = $1")
            .bind(a)
            .fetch_one(&pool)
            .await
            .expect("part a");
    assert_eq!(method, "delivery");
    assert_eq!(
        (fee, discount, total),
        (dec("400"), dec("100"), dec("1300")),
        "zone fee; 10% off 1,000"
    );
    assert_eq!(
        (commission, net),
        (dec("72"), dec("1228")),
        "8% of 900; the delivery goes to the shop"
    );
    let (method, discount, total): (String, Decimal, Decimal) = sqlx::query_as(
        "select delivery_method, discount, total from vendor_orders where vendor_id = $1",
    )
    .bind(b)
    .fetch_one(&pool)
    .await
    .expect("part b");
    assert_eq!(
        (method.as_str(), discount, total),
        ("pickup", dec("0"), dec("500")),
        "the coupon never reaches shop B"
    );
    let (order_total, discount_total, delivery_total): (Decimal, Decimal, Decimal) =
        sqlx::query_as("select total, discount_total, delivery_total from orders")
            .fetch_one(&pool)
            .await
            .expect("order");
    assert_eq!(
        (order_total, discount_total, delivery_total),
        (dec("1800"), dec("100"), dec("400"))
    );
    assert_eq!(scalar::<i32>(&pool, "select uses from coupons").await, 1);
    assert_eq!(
        scalar::<i64>(&pool, "select count(*) from addresses").await,
        1,
        "address saved for next time"
    );

    // Used up (max 1): the next checkout is refused on the coupon field.
    let mut c2 = shopper(router.clone(), "second@example.com", &[(kikapu, "1")]).await;
    let used_up = place(&mut c2, "Nairobi", &[("coupon", "KARIBU10")]).await;
    assert_eq!(used_up.error().field(), Some("coupon"));
    // A coupon of a shop not in the basket is refused too.
    let amount = owner_b
        .call(
            "create_coupon",
            &[("code", "VYOMBO50"), ("kind", "amount"), ("value", "50")],
        )
        .await;
    assert_eq!(amount.status, StatusCode::OK, "{}", amount.body);
    let not_here = place(&mut c2, "Nairobi", &[("coupon", "VYOMBO50")]).await;
    assert_eq!(not_here.error().field(), Some("coupon"));
    assert_eq!(
        scalar::<i32>(&pool, "select uses from coupons where code = 'VYOMBO50'").await,
        0,
        "a refused checkout uses nothing"
    );
    assert_eq!(scalar::<i64>(&pool, "select count(*) from orders").await, 1);
    let form = c2
        .call("checkout_form", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(
        form["offers"][0]["terms"]["zones"],
        serde_json::json!([["Mombasa", "400.00"]])
    );

    // Shop B stops taking cash: a basket with its items must be paid by M-Pesa.
    owner_b
        .call("save_delivery", &[("offers_pickup", "on")])
        .await;
    let mut c3 = shopper(router.clone(), "third@example.com", &[(sufuria, "1")]).await;
    let form = c3
        .call("checkout_form", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(form["offers"][0]["terms"]["cash_on_delivery"], false);
    let cash = place(&mut c3, "Nairobi", &[]).await;
    assert_eq!(cash.error().field(), Some("payment"));
    assert_eq!(scalar::<i64>(&pool, "select count(*) from orders").await, 1);
}

#[sqlx::test(migrations = false)]
async fn the_most_specific_commission_rule_wins(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = shop(&pool, "duka", "aspirant").await; // tier 8 %
    let item = variant(&pool, a, "Radio", "1000.00", 50).await;
    let category: Uuid = scalar(&pool, "select category_id from listings").await;
    let rate = |pool: PgPool| async move {
        let mut conn = pool.acquire().await.expect("conn");
        app::db::commission::commission_rate(&mut conn, a, category)
            .await
            .expect("rate")
    };
    assert_eq!(rate(pool.clone()).await, dec("0.08"), "the tier");
    let mut admin = Client::new(router.clone());
    admin.register("admin@example.com", "Admin").await;
    crate::common::make_admin(&pool, "admin@example.com").await;
    admin
        .login("admin@example.com", crate::common::PASSWORD)
        .await;
    let cat = category.to_string();
    for (shop, category, percent, expect) in [
        ("", cat.as_str(), "5", "0.05"),
        ("duka", "", "3", "0.03"),
        ("duka", cat.as_str(), "2", "0.02"),
    ] {
        let r = admin
            .call(
                "add_commission_rule",
                &[
                    ("shop", shop),
                    ("category_id", category),
                    ("commission_percent", percent),
                ],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(rate(pool.clone()).await, dec(expect));
    }
    let bad = admin
        .call(
            "add_commission_rule",
            &[("shop", "no-such-shop"), ("commission_percent", "1")],
        )
        .await;
    assert_eq!(bad.error().field(), Some("shop"));
    let mut customer = shopper(router.clone(), "c@example.com", &[(item, "1")]).await;
    let forbidden = customer
        .call(
            "add_commission_rule",
            &[("shop", "duka"), ("commission_percent", "0")],
        )
        .await;
    assert_eq!(forbidden.status, StatusCode::FORBIDDEN);
    let placed = place(&mut customer, "Nairobi", &[]).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let (frozen, fee): (Decimal, Decimal) =
        sqlx::query_as("select commission_rate, commission from order_items")
            .fetch_one(&pool)
            .await
            .expect("item");
    assert_eq!(
        (frozen, fee),
        (dec("0.02"), dec("20")),
        "frozen on the item at purchase"
    );
}

#[sqlx::test(migrations = false)]
async fn a_delivered_part_can_be_returned_within_the_window(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = shop(&pool, "duka", "aspirant").await;
    let item = variant(&pool, a, "Radio", "1000.00", 5).await;
    let mut owner = staff(router.clone(), &pool, a, "owner@example.com", "owner").await;
    let mut c = shopper(router.clone(), "ret@example.com", &[(item, "2")]).await;
    assert_eq!(place(&mut c, "Nairobi", &[]).await.status, StatusCode::OK);
    let part: Uuid = scalar(&pool, "select id from vendor_orders").await;
    let early = c
        .call(
            "request_return",
            &[("id", &part.to_string()), ("reason", "Too small")],
        )
        .await;
    assert_eq!(early.error().field(), Some("reason"), "not delivered yet");
    for action in ["accept", "ship", "deliver"] {
        let r = owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.body);
    }
    assert_eq!(
        scalar::<String>(&pool, "select status from orders").await,
        "completed",
        "derived from its parts"
    );
    let mut stranger = shopper(router.clone(), "s@example.com", &[]).await;
    let foreign = stranger
        .call(
            "request_return",
            &[("id", &part.to_string()), ("reason", "mine now")],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    let r = c
        .call(
            "request_return",
            &[("id", &part.to_string()), ("reason", "Too small")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let rows = owner
        .call("shop_orders", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(rows[0]["status"], "return_requested");
    assert_eq!(rows[0]["last_note"], "Too small");
    let r = owner
        .call("fulfil", &[("id", &part.to_string()), ("action", "refund")])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        scalar::<String>(&pool, "select status from vendor_orders").await,
        "refunded"
    );
    assert_eq!(
        scalar::<i32>(&pool, "select stock from listing_variants").await,
        5,
        "back in stock"
    );
    let owed: Decimal = scalar(&pool, "select coalesce(sum(e.amount), 0) from ledger_entries e join ledger_accounts a on a.id = e.account_id where a.kind = 'vendor_receivable'").await;
    assert_eq!(
        owed,
        Decimal::ZERO,
        "the cash sale's commission is reversed"
    );

    // Outside the window: refused.
    let mut late = shopper(router.clone(), "late@example.com", &[(item, "1")]).await;
    assert_eq!(
        place(&mut late, "Nairobi", &[]).await.status,
        StatusCode::OK
    );
    let part: Uuid = scalar(
        &pool,
        "select id from vendor_orders where status = 'awaiting_acceptance'",
    )
    .await;
    for action in ["accept", "ship", "deliver"] {
        owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await;
    }
    sqlx::query("update vendor_orders set delivered_at = now() - interval '8 days' where id = $1")
        .bind(part)
        .execute(&pool)
        .await
        .expect("age");
    let closed = late
        .call(
            "request_return",
            &[("id", &part.to_string()), ("reason", "Changed my mind")],
        )
        .await;
    assert_eq!(closed.error().field(), Some("reason"));
}

#[sqlx::test(migrations = false)]
async fn steps_write_notifications_and_the_dev_mailbox_receives_them(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = shop(&pool, "duka", "aspirant").await;
    let item = variant(&pool, a, "Radio", "1000.00", 5).await;
    let mut owner = staff(router.clone(), &pool, a, "owner@example.com", "owner").await;
    let mut c = shopper(router.clone(), "note@example.com", &[(item, "1")]).await;
    // The registrations' address confirmations are not this test's subject.
    sqlx::query("delete from notifications where body like '%/verify-email?token=%'")
        .execute(&pool)
        .await
        .expect("outbox");
    assert_eq!(place(&mut c, "Nairobi", &[]).await.status, StatusCode::OK);
    let part: Uuid = scalar(&pool, "select id from vendor_orders").await;
    for action in ["accept", "ship", "deliver"] {
        owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await;
    }
    let to: Vec<String> = sqlx::query_scalar(
        "select recipient from notifications where channel = 'email' order by created_at",
    )
    .fetch_all(&pool)
    .await
    .expect("outbox");
    assert_eq!(
        to,
        [
            "note@example.com",
            "owner@example.com",
            "note@example.com",
            "note@example.com",
            "note@example.com"
        ],
        "placed (shopper, shop), accepted, shipped, delivered"
    );
    let dir = std::env::temp_dir().join(format!("sokoni-mailbox-{}", Uuid::new_v4().simple()));
    let settings = app::settings::MailSettings {
        from: "Sokoni <orders@sokoni.test>".into(),
        smtp_url: None,
        dir: dir.to_string_lossy().into_owned(),
    };
    let mailer = app::mail::Mailer::new(&settings).expect("mailer");
    let sent = app::mail::send_pending(&pool, &mailer, &settings.from)
        .await
        .expect("send");
    assert_eq!(sent, 5);
    assert_eq!(
        std::fs::read_dir(&dir).expect("dir").count(),
        5,
        "one .eml per message"
    );
    assert_eq!(
        app::mail::send_pending(&pool, &mailer, &settings.from)
            .await
            .expect("again"),
        0,
        "sent once"
    );
    let _ = std::fs::remove_dir_all(dir);
}

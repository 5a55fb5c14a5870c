//! The admin's order desk: any order is found by its number, the shopper, a shop or an M-Pesa
//! receipt; its page shows parts, payments and ledger; an admin refunds an item through the
//! shop's flow, audited with the reason.

use crate::common::{Client, app, make_admin, place_order, scalar, shop, shopper, staff, variant};
use app::wire::admin_orders::{AdminOrderView, OrderHit};
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

async fn find(c: &mut Client, q: &str) -> Vec<OrderHit> {
    let r = c.call("find_orders", &[("q", q)]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

#[sqlx::test(migrations = false)]
async fn admins_find_any_order_and_refund_an_item_through_the_shops_flow(pool: PgPool) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka-la-radio", "aspirant").await;
    let radio = variant(&pool, duka, "Radio", "1000.00", 5).await;
    let torch = variant(&pool, duka, "Torch", "300.00", 5).await;
    staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let mut buyer = shopper(
        router.clone(),
        "buyer@example.com",
        &[(radio, "1"), (torch, "2")],
    )
    .await;
    let (_, placed) = place_order(&mut buyer, &[("county", "Nairobi")]).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let order: Uuid = scalar(&pool, "select id from orders").await;
    sqlx::query(
        "insert into payments (id, order_id, status, amount, requested, phone, receipt)
         values (gen_random_uuid(), $1, 'failed', 1600, 1600, '+254712345678', 'QGH7XYZ123')",
    )
    .bind(order)
    .execute(&pool)
    .await
    .expect("payment");

    let mut admin = Client::new(router.clone());
    admin.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;

    let number = order.simple().to_string()[..8].to_uppercase();
    for q in [
        number.as_str(),
        "buyer@example.com",
        "Duka-La",
        "qgh7xyz123",
        "",
    ] {
        let hits = find(&mut admin, q).await;
        assert_eq!(
            hits.iter().map(|h| h.id).collect::<Vec<_>>(),
            [order],
            "{q}"
        );
    }
    assert!(find(&mut admin, "nobody@example.com").await.is_empty());
    assert!(find(&mut admin, "0000000A").await.is_empty());

    let r = admin
        .call("admin_order", &[("id", &order.to_string())])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let view: AdminOrderView = r.json();
    assert_eq!(view.order.number, number);
    assert_eq!(view.parts.len(), 1);
    let part = &view.parts[0];
    assert!(part.refundable);
    assert_eq!(part.items.len(), 2);
    assert_eq!(view.payments[0].receipt.as_deref(), Some("QGH7XYZ123"));
    let torch_item = part
        .items
        .iter()
        .find(|i| i.title == "Torch")
        .expect("torch")
        .id;

    // A reason is required; a part of another order is not found; then the refund goes through.
    let form = |part: Uuid, reason: &'static str| {
        vec![
            ("order_id", order.to_string()),
            ("part_id", part.to_string()),
            ("item_id", torch_item.to_string()),
            ("reason", reason.to_owned()),
        ]
    };
    let call = |c: &mut Client, f: Vec<(&'static str, String)>| {
        let mut c = c.clone();
        async move {
            let pairs: Vec<(&str, &str)> = f.iter().map(|(k, v)| (*k, v.as_str())).collect();
            c.call("admin_refund_item", &pairs).await
        }
    };
    let r = call(&mut admin, form(part.id, "")).await;
    assert_eq!(r.error().field(), Some("reason"));
    let r = call(&mut admin, form(Uuid::new_v4(), "Damaged in transit")).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let r = call(&mut admin, form(part.id, "Damaged in transit")).await;
    assert!(!r.status.is_client_error(), "{}", r.body);

    let view: AdminOrderView = admin
        .call("admin_order", &[("id", &order.to_string())])
        .await
        .json();
    let torch_now = view.parts[0]
        .items
        .iter()
        .find(|i| i.id == torch_item)
        .expect("torch");
    assert!(torch_now.refunded);
    assert_eq!(view.parts[0].refunded_total.to_string(), "600.00");
    let (action, role, summary): (String, String, String) = sqlx::query_as(
        "select action, actor_role, summary from audit_log where action = 'order.item_refunded'",
    )
    .fetch_one(&pool)
    .await
    .expect("audited once");
    assert_eq!(
        (action.as_str(), role.as_str()),
        ("order.item_refunded", "admin")
    );
    assert!(summary.ends_with("Damaged in transit"), "{summary}");

    // Refunded once: a second try is refused and changes nothing.
    let r = call(&mut admin, form(part.id, "Again")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
}

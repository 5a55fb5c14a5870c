//! The audit log of money and orders: each step a shop (or shopper) takes on a part writes one
//! row with who did it, every ledger transaction writes one row in its own database
//! transaction (named to the person who caused it, or to the platform), and a shop's coupon,
//! delivery terms and payout phone changes are recorded.

use crate::common::{app, place_order, scalar, shop, shopper, staff, variant};
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

#[derive(Debug, sqlx::FromRow)]
struct Row {
    action: String,
    actor_id: Option<Uuid>,
    actor_role: String,
    summary: String,
}

async fn rows(pool: &PgPool) -> Vec<Row> {
    sqlx::query_as("select action, actor_id, actor_role, summary from audit_log order by id")
        .fetch_all(pool)
        .await
        .expect("audit")
}

#[sqlx::test(migrations = false)]
async fn part_steps_and_every_ledger_transaction_are_audited(pool: PgPool) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, duka, "Radio", "1000.00", 5).await;
    let mut owner = staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let owner_id: Uuid = scalar(
        &pool,
        "select id from users where email = 'owner@duka.example'",
    )
    .await;

    // Two cash-on-delivery orders: one delivered (the commission is posted on delivery), one
    // the shopper cancels.
    let mut c = shopper(router.clone(), "buyer@example.com", &[(radio, "1")]).await;
    let (_, placed) = place_order(&mut c, &[("county", "Nairobi")]).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);
    let part: Uuid = scalar(&pool, "select id from vendor_orders").await;
    for action in ["accept", "ship", "deliver"] {
        let r = owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await;
        assert!(!r.status.is_client_error(), "{action}: {}", r.body);
    }

    let audit = rows(&pool).await;
    let steps: Vec<(&str, Option<Uuid>, &str)> = audit
        .iter()
        .filter(|r| r.action.starts_with("order."))
        .map(|r| (r.action.as_str(), r.actor_id, r.actor_role.as_str()))
        .collect();
    assert_eq!(
        steps,
        [
            ("order.part_accepted", Some(owner_id), "vendor_staff"),
            ("order.part_shipped", Some(owner_id), "vendor_staff"),
            ("order.part_delivered", Some(owner_id), "vendor_staff"),
        ]
    );

    // One audit row per ledger transaction, whoever posted it.
    let transactions: i64 = scalar(&pool, "select count(*) from ledger_transactions").await;
    let posted: Vec<&Row> = audit
        .iter()
        .filter(|r| r.action == "ledger.posted")
        .collect();
    assert!(transactions > 0);
    assert_eq!(posted.len() as i64, transactions, "{audit:?}");
    // The delivery's commission was posted by the owner's step.
    assert!(
        posted
            .iter()
            .any(|r| r.actor_id == Some(owner_id) && r.summary.contains("KES")),
        "{posted:?}"
    );
}

#[sqlx::test(migrations = false)]
async fn a_shops_coupons_and_delivery_terms_are_audited(pool: PgPool) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let mut owner = staff(router, &pool, duka, "owner@duka.example", "owner").await;
    let r = owner
        .call(
            "create_coupon",
            &[("code", "KARIBU10"), ("kind", "percent"), ("value", "10")],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let coupon: Uuid = scalar(&pool, "select id from coupons").await;
    let r = owner
        .call(
            "toggle_coupon",
            &[("id", &coupon.to_string()), ("active", "false")],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let r = owner
        .call(
            "save_delivery",
            &[("accepts_cod", "on"), ("delivery_fee", "200")],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let actions: Vec<String> = rows(&pool).await.into_iter().map(|r| r.action).collect();
    assert_eq!(
        actions,
        [
            "shop.coupon_created",
            "shop.coupon_switched",
            "shop.delivery_terms_saved"
        ]
    );

    // A refused change writes no row.
    let r = owner
        .call(
            "create_coupon",
            &[("code", "KARIBU10"), ("kind", "percent"), ("value", "10")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert_eq!(rows(&pool).await.len(), 3);
}

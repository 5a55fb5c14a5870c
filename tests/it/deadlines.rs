//! Buyer-protection deadlines: a part its shop does not accept within the acceptance deadline
//! is cancelled by the jobs (stock back, the reason on the timeline); an accepted part not
//! shipped by the shipping deadline shows the date on the shopper's order and may then be
//! cancelled by the shopper, not before. Both count against the shop's reliability record.

use crate::common::{app, place_order, scalar, shop, shopper, staff, variant};
use app::domain::Invalid;
use app::domain::reliability::{Grade, Reliability};
use app::error::AppError;
use app::wire::orders::OrderPage;
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

async fn part_of(pool: &PgPool, email: &str) -> (Uuid, Uuid) {
    sqlx::query_as(
        "select vo.id, vo.order_id from vendor_orders vo join orders o on o.id = vo.order_id
         join users u on u.id = o.user_id where u.email = $1",
    )
    .bind(email)
    .fetch_one(pool)
    .await
    .expect("part")
}

async fn status_of(pool: &PgPool, part: Uuid) -> String {
    scalar(
        pool,
        &format!("select status from vendor_orders where id = '{part}'"),
    )
    .await
}

/// Moves the part's `status` event back by `interval`, as if it happened that long ago.
async fn age(pool: &PgPool, part: Uuid, status: &str, interval: &str) {
    sqlx::query(&format!(
        "update vendor_order_events set at = at - interval '{interval}'
         where vendor_order_id = $1 and status = $2"
    ))
    .bind(part)
    .bind(status)
    .execute(pool)
    .await
    .expect("age");
}

#[sqlx::test(migrations = false)]
async fn parts_past_their_deadlines_are_cancelled_or_cancellable(pool: PgPool) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, duka, "Radio", "1000.00", 10).await;
    let mut owner = staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let mut late = shopper(router.clone(), "late@example.com", &[(radio, "1")]).await;
    let mut fresh = shopper(router.clone(), "fresh@example.com", &[(radio, "1")]).await;
    let mut slow = shopper(router.clone(), "slow@example.com", &[(radio, "1")]).await;
    for c in [&mut late, &mut fresh, &mut slow] {
        let (_, r) = place_order(c, &[("county", "Nairobi")]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let stock = || scalar::<i32>(&pool, "select stock from listing_variants");
    assert_eq!(stock().await, 7);

    // Not accepted within 24 hours: cancelled, once, with the reason; a younger part stays.
    let (late_part, _) = part_of(&pool, "late@example.com").await;
    age(&pool, late_part, "awaiting_acceptance", "25 hours").await;
    assert_eq!(
        app::fulfilment::cancel_unaccepted(&pool, 24)
            .await
            .expect("sweep"),
        1
    );
    assert_eq!(
        app::fulfilment::cancel_unaccepted(&pool, 24)
            .await
            .expect("sweep"),
        0
    );
    assert_eq!(status_of(&pool, late_part).await, "cancelled");
    let note: String = scalar(
        &pool,
        &format!(
            "select note from vendor_order_events where vendor_order_id = '{late_part}' and status = 'cancelled'"
        ),
    )
    .await;
    assert_eq!(note, "not accepted within 24 hours");
    assert_eq!(stock().await, 8, "the cancelled unit is back in stock");
    let (fresh_part, _) = part_of(&pool, "fresh@example.com").await;
    assert_eq!(status_of(&pool, fresh_part).await, "awaiting_acceptance");

    // Accepted, not shipped: the order shows the ship-by date; the shopper may cancel only
    // once it has passed (3 days by default).
    let (slow_part, slow_order) = part_of(&pool, "slow@example.com").await;
    let r = owner
        .call(
            "fulfil",
            &[("id", &slow_part.to_string()), ("action", "accept")],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let page: OrderPage = slow
        .call("order_details", &[("id", &slow_order.to_string())])
        .await
        .json();
    assert!(page.parts[0].ship_by.is_some() && !page.parts[0].ship_overdue);
    let r = slow
        .call("cancel_part", &[("id", &slow_part.to_string())])
        .await;
    assert_eq!(r.error(), AppError::invalid("action", Invalid::NotFound));

    age(&pool, slow_part, "accepted", "4 days").await;
    let page: OrderPage = slow
        .call("order_details", &[("id", &slow_order.to_string())])
        .await
        .json();
    assert!(page.parts[0].ship_overdue);
    let r = fresh
        .call("cancel_part", &[("id", &slow_part.to_string())])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "another shopper's part");
    let r = slow
        .call("cancel_part", &[("id", &slow_part.to_string())])
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    assert_eq!(status_of(&pool, slow_part).await, "cancelled");
    assert_eq!(stock().await, 9);

    // Both missed deadlines count on the shop's reliability record; too few parts for a grade.
    let record: Reliability = owner.call("shop_reliability", &[]).await.json();
    assert_eq!(
        (
            record.parts,
            record.accepted,
            record.missed_deadline,
            record.cancelled_by_shopper
        ),
        (3, 1, 2, 0)
    );
    assert_eq!(record.grade(), Grade::New);
    assert_eq!(
        slow.call("shop_reliability", &[]).await.status,
        StatusCode::FORBIDDEN
    );
}

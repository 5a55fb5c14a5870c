//! Platform analytics: the period's figures from confirmed parts (net of refunds), against the
//! period before; M-Pesa success and failure causes; why parts were dropped; step times; top
//! shops; a day for every day; the page and its CSV for admins only.

use crate::common::{Client, app, make_admin, place_order, scalar, shop, shopper, staff, variant};
use app::domain::Invalid;
use app::error::AppError;
use app::wire::analytics::AnalyticsView;
use axum::http::StatusCode;
use rust_decimal::Decimal;
use sqlx::PgPool;
use std::str::FromStr;
use uuid::Uuid;

fn kes(s: &str) -> Decimal {
    Decimal::from_str(s).expect("decimal")
}

#[sqlx::test(migrations = false)]
async fn the_report_adds_up_the_period_and_compares_it_with_the_one_before(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = shop(&pool, "duka-a", "aspirant").await;
    let b = shop(&pool, "duka-b", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 50).await;
    let mat = variant(&pool, b, "Sisal mat", "500.00", 50).await;
    let mut owner_a = staff(router.clone(), &pool, a, "owner@a.example", "owner").await;
    let mut owner_b = staff(router.clone(), &pool, b, "owner@b.example", "owner").await;

    // Three cash orders: radio (delivered), mat (rejected), radio again (made 10 days old).
    for (email, item) in [
        ("one@example.com", radio),
        ("two@example.com", mat),
        ("old@example.com", radio),
    ] {
        let mut c = shopper(router.clone(), email, &[(item, "1")]).await;
        let (_, r) = place_order(&mut c, &[("county", "Nairobi")]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let part = |email: &'static str| {
        let pool = pool.clone();
        async move {
            scalar::<Uuid>(
                &pool,
                &format!(
                    "select vo.id from vendor_orders vo join orders o on o.id = vo.order_id
                 join users u on u.id = o.user_id where u.email = '{email}'"
                ),
            )
            .await
        }
    };
    let one = part("one@example.com").await;
    for action in ["accept", "ship", "deliver"] {
        let r = owner_a
            .call("fulfil", &[("id", &one.to_string()), ("action", action)])
            .await;
        assert!(!r.status.is_client_error(), "{}", r.body);
    }
    let two = part("two@example.com").await;
    let r = owner_b
        .call(
            "fulfil",
            &[
                ("id", &two.to_string()),
                ("action", "reject"),
                ("note", "out of stock"),
            ],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let old = part("old@example.com").await;
    sqlx::query("update vendor_orders set created_at = now() - interval '10 days' where id = $1")
        .bind(old)
        .execute(&pool)
        .await
        .expect("age");
    // M-Pesa prompts: two paid, one failed (cancelled by the user).
    let order: Uuid = scalar(&pool, "select order_id from vendor_orders limit 1").await;
    for (status, code, desc) in [
        ("paid", Some(0), None),
        ("paid", Some(0), None),
        ("failed", Some(1032), Some("Request cancelled by user")),
    ] {
        sqlx::query(
            "insert into payments (id, order_id, status, amount, requested, phone, result_code, result_desc)
             values (gen_random_uuid(), $1, $2, 100, 100, '+254712345678', $3, $4)",
        )
        .bind(order)
        .bind(status)
        .bind(code)
        .bind(desc)
        .execute(&pool)
        .await
        .expect("payment");
    }

    let mut admin = Client::new(router.clone());
    admin.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let r = admin.call("platform_analytics", &[("days", "7")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: AnalyticsView = r.json();

    // This week: the delivered radio only (the mat was rejected; the old radio is last week's).
    assert_eq!(v.now.gmv, kes("1000.00"));
    assert_eq!(v.now.orders, 1);
    assert_eq!(v.now.active_shops, 1);
    assert!(v.now.commission > Decimal::ZERO);
    assert_eq!(
        v.now.take_rate(),
        (v.now.commission / kes("10")).round_dp(2)
    );
    assert_eq!(
        v.before.gmv,
        kes("1000.00"),
        "the old radio, still waiting for the shop"
    );
    assert_eq!(v.daily.len(), 7);
    assert_eq!(
        v.daily.iter().map(|d| d.gmv).sum::<Decimal>(),
        kes("1000.00")
    );
    assert_eq!((v.mpesa_attempts, v.mpesa_paid), (3, 2));
    assert_eq!(v.mpesa_failures[0].name, "1032 Request cancelled by user");
    assert_eq!(v.drop_causes[0].name, "rejected: out of stock");
    let steps: Vec<&str> = v.step_times.iter().map(|t| t.step.as_str()).collect();
    assert_eq!(steps, ["accepted", "shipped", "delivered"]);
    assert_eq!(v.top_shops[0].name, "Shop duka-a");
    assert_eq!(v.top_categories.len(), 1);
    assert_eq!(v.top_categories[0].amount, kes("1000.00"));

    // The figures are read from daily rollups: a later write marks both the day it left and
    // the day it moved to, and the next report shows it.
    sqlx::query("update vendor_orders set created_at = now() - interval '9 days' where id = $1")
        .bind(one)
        .execute(&pool)
        .await
        .expect("age");
    let r = admin.call("platform_analytics", &[("days", "7")]).await;
    let v: AnalyticsView = r.json();
    assert_eq!((v.now.gmv, v.now.orders), (Decimal::ZERO, 0));
    assert_eq!((v.before.gmv, v.before.orders), (kes("2000.00"), 2));
    assert_eq!(v.before.active_shoppers, 2);
    // A shopper active on two days of the period counts once.
    sqlx::query(
        "update orders set user_id = (select id from users where email = 'one@example.com')
         where id = (select order_id from vendor_orders where id = $1)",
    )
    .bind(old)
    .execute(&pool)
    .await
    .expect("same shopper");
    sqlx::query("update vendor_orders set created_at = created_at where id = $1")
        .bind(old)
        .execute(&pool)
        .await
        .expect("touch");
    let r = admin.call("platform_analytics", &[("days", "7")]).await;
    let v: AnalyticsView = r.json();
    assert_eq!((v.before.orders, v.before.active_shoppers), (2, 1));
    assert!(v.step_times.is_empty(), "the delivered part left the week");
    let rows: i64 = scalar(&pool, "select count(*) from analytics_stale").await;
    assert_eq!(rows, 0, "the report rebuilt every stale day");

    // Bad periods name their field.
    let r = admin.call("platform_analytics", &[("days", "8")]).await;
    assert_eq!(r.error(), AppError::invalid("days", Invalid::NotFound));
    let r = admin
        .call(
            "platform_analytics",
            &[("from", "2026-03-02"), ("to", "2026-03-01")],
        )
        .await;
    assert_eq!(r.error(), AppError::invalid("to", Invalid::NotFound));

    // The page and the CSV, for admins only.
    let page = admin.get("/admin/analytics?days=7").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("daily-chart") && page.body.contains("Sales (GMV)"));
    let csv = admin.get("/admin/analytics.csv?days=7").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.body.starts_with("section,name,value,previous"),
        "{}",
        csv.body
    );
    assert!(csv.body.contains("figure,gmv,0,2000.00"), "{}", csv.body);
    assert!(
        csv.body
            .contains("dropped_part,rejected: out of stock,500.00,1"),
        "{}",
        csv.body
    );
    let mut customer = Client::new(router);
    customer.register("c@example.com", "Customer").await;
    assert_eq!(
        customer.get("/admin/analytics.csv?days=7").await.status,
        StatusCode::FORBIDDEN
    );
}

/// A report asked for while another refresh (the jobs loop's) holds a stale day waits for it
/// and shows the day's orders; skipping the day, it read the rollups from before the rebuild.
#[sqlx::test(migrations = false)]
async fn a_report_waits_for_a_rebuild_under_way(pool: PgPool) {
    let router = app(pool.clone()).await;
    let a = shop(&pool, "duka-a", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 50).await;
    let mut c = shopper(router.clone(), "one@example.com", &[(radio, "1")]).await;
    let (_, r) = place_order(&mut c, &[("county", "Nairobi")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let mut admin = Client::new(router);
    admin.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;

    // The other refresh: today's stale mark, locked and not yet rebuilt.
    let mut other = pool.begin().await.expect("begin");
    let held: Vec<String> = sqlx::query_scalar("select day::text from analytics_stale for update")
        .fetch_all(&mut *other)
        .await
        .expect("lock");
    assert_eq!(held.len(), 1, "the order marked its day stale");
    let release = async {
        // Commit only once the report is queued behind the lock, so it cannot run first.
        for _ in 0..200 {
            let waiting: i64 = scalar(
                &pool,
                "select count(*) from pg_stat_activity
                 where datname = current_database() and wait_event_type = 'Lock'",
            )
            .await;
            if waiting > 0 {
                return other.commit().await.expect("commit");
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        panic!("the report did not wait for the rebuild under way");
    };
    let (r, ()) = tokio::join!(admin.call("platform_analytics", &[("days", "7")]), release);
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let v: AnalyticsView = r.json();
    assert_eq!((v.now.orders, v.now.gmv), (1, kes("1000.00")));
}

//! Platform settings edited in the console: they start from Leptos.toml's defaults, apply from
//! the next request, are audited, refuse bad values by field, and "pause new orders" closes
//! checkout (with the admin's message) while browsing goes on.

use crate::common::{Client, app, make_admin, place_order, shop, shopper, variant};
use app::domain::Invalid;
use app::domain::platform::PlatformSettings;
use app::error::AppError;
use axum::http::StatusCode;
use rust_decimal::Decimal;
use sqlx::PgPool;

const FORM: &[(&str, &str)] = &[
    ("vat_percent", "16"),
    ("reservation_minutes", "10"),
    ("return_days", "7"),
    ("holding_days", "7"),
    ("payout_minimum", "100"),
    ("accept_hours", "24"),
    ("ship_days", "3"),
    ("answer_hours", "48"),
];

fn with<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form: Vec<(&str, &str)> = FORM.to_vec();
    for (k, v) in changes {
        match form.iter_mut().find(|(name, _)| name == k) {
            Some(field) => field.1 = v,
            None => form.push((k, v)),
        }
    }
    form
}

#[sqlx::test(migrations = false)]
async fn settings_apply_at_once_and_pausing_closes_checkout(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut boss = Client::new(router.clone());
    boss.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let first: PlatformSettings = boss.call("platform_settings", &[]).await.json();
    assert_eq!(first.vat_rate, Decimal::new(16, 2), "from the defaults");

    let vendor = shop(&pool, "duka-s", "aspirant").await;
    let item = variant(&pool, vendor, "Sufuria", "1160", 5).await;
    let mut buyer = shopper(router.clone(), "buyer@example.com", &[(item, "1")]).await;

    let bad = boss
        .call("save_platform_settings", &with(&[("payout_minimum", "5")]))
        .await;
    assert_eq!(
        bad.error(),
        AppError::invalid("payout_minimum", Invalid::OutOfRange)
    );
    boss.call("save_platform_settings", &with(&[("vat_percent", "15")]))
        .await;
    let form: serde_json::Value = buyer.call("checkout_form", &[]).await.json();
    assert_eq!(form["vat_percent"], "15", "the next request sees it");
    assert_eq!(form["paused"], serde_json::Value::Null);

    boss.call(
        "save_platform_settings",
        &with(&[
            ("vat_percent", "15"),
            ("orders_paused", "on"),
            ("pause_message", "Stock-taking until Monday"),
        ]),
    )
    .await;
    let form: serde_json::Value = buyer.call("checkout_form", &[]).await.json();
    assert_eq!(form["paused"], "Stock-taking until Monday");
    let (_, refused) = place_order(&mut buyer, &[]).await;
    assert_eq!(
        refused.error(),
        AppError::invalid("cart", Invalid::OrdersPaused)
    );
    let orders: i64 = sqlx::query_scalar("select count(*) from orders")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(orders, 0, "nothing placed while paused");
    assert_eq!(
        buyer.get("/search?q=sufuria").await.status,
        StatusCode::OK,
        "browsing goes on"
    );

    boss.call("save_platform_settings", &with(&[("vat_percent", "15")]))
        .await;
    let (_, placed) = place_order(&mut buyer, &[]).await;
    assert!(
        placed.status.is_success() || placed.status.is_redirection(),
        "{}",
        placed.body
    );

    let summaries: Vec<String> = sqlx::query_scalar(
        "select summary from audit_log where action = 'settings.changed' order by id",
    )
    .fetch_all(&pool)
    .await
    .expect("audit");
    assert_eq!(
        summaries,
        [
            "vat_rate 0.16 → 0.15",
            "orders_paused false → true, pause_message \"\" → \"Stock-taking until Monday\"",
            "orders_paused true → false, pause_message \"Stock-taking until Monday\" → \"\"",
        ]
    );
    assert_eq!(
        buyer.call("save_platform_settings", FORM).await.status,
        StatusCode::FORBIDDEN
    );
}

//! The admin's people page through its server functions: finding accounts, suspension that
//! ends sessions at once (and reinstatement that does not revive them), admins made and
//! unmade, never the last one, each change audited.

use crate::common::{Client, PASSWORD, app, make_admin};
use app::domain::Invalid;
use app::error::AppError;
use app::wire::admin::Person;
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

async fn person(c: &mut Client, email: &str) -> Person {
    let found: Vec<Person> = c.call("find_people", &[("q", email)]).await.json();
    found
        .into_iter()
        .find(|p| p.email.starts_with(email))
        .expect(email)
}

async fn actions(pool: &PgPool) -> Vec<String> {
    sqlx::query_scalar("select action from audit_log order by id")
        .fetch_all(pool)
        .await
        .expect("audit")
}

#[sqlx::test(migrations = false)]
async fn suspension_ends_sessions_at_once_and_is_audited(pool: PgPool) {
    let mut boss = Client::new(app(pool.clone()).await);
    boss.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let mut shopper = Client::new(app(pool.clone()).await);
    shopper.register("wanjiku@example.com", "Wanjiku").await;
    assert!(shopper.whoami().await.is_some());

    let w = person(&mut boss, "wanjiku@").await;
    assert_eq!((w.role.as_str(), w.status.as_str()), ("customer", "active"));
    let id = w.id.to_string();
    let refused = boss
        .call(
            "set_person_status",
            &[("user_id", &id), ("decision", "suspend")],
        )
        .await;
    assert_eq!(
        refused.error().field(),
        Some("reason"),
        "a suspension says why"
    );
    boss.call(
        "set_person_status",
        &[
            ("user_id", &id),
            ("decision", "suspend"),
            ("reason", "card fraud"),
        ],
    )
    .await;
    assert_eq!(shopper.whoami().await, None, "logged out at once");
    assert_eq!(
        shopper.login("wanjiku@example.com", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(person(&mut boss, "wanjiku@").await.status, "suspended");

    // A session from before the suspension stays over after reinstatement.
    let epoch: i32 = sqlx::query_scalar("select session_epoch from users where id = $1")
        .bind(w.id)
        .fetch_one(&pool)
        .await
        .expect("epoch");
    boss.call(
        "set_person_status",
        &[("user_id", &id), ("decision", "reinstate")],
    )
    .await;
    let after: i32 = sqlx::query_scalar("select session_epoch from users where id = $1")
        .bind(w.id)
        .fetch_one(&pool)
        .await
        .expect("epoch");
    assert!(after > epoch);
    assert_eq!(
        shopper.login("wanjiku@example.com", PASSWORD).await.status,
        StatusCode::OK
    );
    assert_eq!(actions(&pool).await, ["user.suspended", "user.reinstated"]);
    let summary: String =
        sqlx::query_scalar("select summary from audit_log where action = 'user.suspended'")
            .fetch_one(&pool)
            .await
            .expect("row");
    assert_eq!(summary, "wanjiku@example.com: card fraud");

    // Shoppers cannot do this to each other.
    assert_eq!(
        shopper
            .call(
                "set_person_status",
                &[
                    ("user_id", &Uuid::new_v4().to_string()),
                    ("decision", "suspend"),
                    ("reason", "spite")
                ]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
}

#[sqlx::test(migrations = false)]
async fn admins_are_made_and_unmade_but_never_the_last_one(pool: PgPool) {
    let mut boss = Client::new(app(pool.clone()).await);
    boss.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let me = person(&mut boss, "boss@").await.id.to_string();

    let last = boss
        .call("set_person_admin", &[("user_id", &me), ("admin", "false")])
        .await;
    assert_eq!(
        last.error(),
        AppError::invalid("user_id", Invalid::LastAdmin)
    );
    let last = boss
        .call(
            "set_person_status",
            &[
                ("user_id", &me),
                ("decision", "suspend"),
                ("reason", "leaving"),
            ],
        )
        .await;
    assert_eq!(
        last.error(),
        AppError::invalid("user_id", Invalid::LastAdmin)
    );

    let mut other = Client::new(app(pool.clone()).await);
    other.register("deputy@example.com", "Deputy").await;
    let deputy = person(&mut boss, "deputy@").await.id.to_string();
    boss.call(
        "set_person_admin",
        &[("user_id", &deputy), ("admin", "true")],
    )
    .await;
    assert!(
        other.get("/admin").await.status.is_redirection(),
        "the console waits for the deputy's two-step login"
    );
    crate::common::two_step(&pool, "deputy@example.com").await;
    assert_eq!(
        other.get("/admin").await.status,
        StatusCode::OK,
        "the deputy runs the console"
    );
    // Now the first admin may step down, and the deputy is the last one.
    boss.call("set_person_admin", &[("user_id", &me), ("admin", "false")])
        .await;
    assert_eq!(boss.get("/admin").await.status, StatusCode::FORBIDDEN);
    let last = other
        .call(
            "set_person_admin",
            &[("user_id", &deputy), ("admin", "false")],
        )
        .await;
    assert_eq!(
        last.error(),
        AppError::invalid("user_id", Invalid::LastAdmin)
    );
    assert_eq!(
        actions(&pool).await,
        ["user.made_admin", "user.admin_removed"],
        "refusals are not audited"
    );
    let role: String =
        sqlx::query_scalar("select role from users where email = 'boss@example.com'")
            .fetch_one(&pool)
            .await
            .expect("role");
    assert_eq!(role, "customer");
}

/// An admin moves a shop to another tier; its owner sees the tier, limit and commission on the
/// dashboard, and the change is audited. An unknown tier names the field and changes nothing.
#[sqlx::test(migrations = false)]
async fn an_admin_moves_a_shop_to_another_tier(pool: PgPool) {
    use crate::common::{shop, staff};
    let mut boss = Client::new(app(pool.clone()).await);
    boss.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let vendor = shop(&pool, "duka-tier", "aspirant").await;
    let mut owner = staff(
        app(pool.clone()).await,
        &pool,
        vendor,
        "owner@example.com",
        "owner",
    )
    .await;
    let tier = |c: serde_json::Value| c["tier"]["code"].as_str().map(str::to_owned);
    let before: serde_json::Value = owner.call("seller_dashboard", &[]).await.json();
    assert_eq!(tier(before).as_deref(), Some("aspirant"));

    let id = vendor.to_string();
    let refused = boss
        .call("set_shop_tier", &[("vendor_id", &id), ("tier", "diamond")])
        .await;
    assert_eq!(
        refused.error(),
        AppError::invalid("tier", Invalid::NotFound)
    );
    boss.call("set_shop_tier", &[("vendor_id", &id), ("tier", "legacy")])
        .await;
    let after: serde_json::Value = owner.call("seller_dashboard", &[]).await.json();
    assert_eq!(after["tier"]["listing_limit"], 200);
    assert_eq!(tier(after).as_deref(), Some("legacy"));
    let page = owner.get("/seller").await;
    assert!(
        page.body.contains("data-testid=\"shop-tier\""),
        "shown on the dashboard"
    );
    let summary: String =
        sqlx::query_scalar("select summary from audit_log where action = 'shop.tier_set'")
            .fetch_one(&pool)
            .await
            .expect("audited once");
    assert_eq!(summary, "duka-tier: aspirant → legacy");
}

/// An admin mails a person a reset link from the people page: one mail with a working link,
/// one audit row.
#[sqlx::test(migrations = false)]
async fn an_admin_sends_a_password_reset_link(pool: PgPool) {
    let mut boss = Client::new(app(pool.clone()).await);
    boss.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let mut locked_out = Client::new(app(pool.clone()).await);
    locked_out.register("juma@example.com", "Juma").await;
    let juma = person(&mut boss, "juma@").await.id.to_string();
    let r = boss
        .call("send_password_reset", &[("user_id", &juma)])
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let body: String = sqlx::query_scalar(
        "select body from notifications where recipient = 'juma@example.com' and body like '%/reset-password?token=%'",
    )
    .fetch_one(&pool)
    .await
    .expect("one mail with a link");
    let start = body.find("token=").expect("token") + "token=".len();
    let token = &body[start..start + 64];
    let done = locked_out
        .call(
            "reset_password",
            &[("token", token), ("password", "a brand new passphrase")],
        )
        .await;
    assert!(!done.status.is_client_error(), "{}", done.body);
    assert_eq!(actions(&pool).await, ["user.password_reset_sent"]);
}

#[sqlx::test(migrations = false)]
async fn a_persons_page_shows_their_shops_orders_and_sessions(pool: PgPool) {
    use crate::common::{place_order, shop, shopper, staff, variant};
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, duka, "Radio", "1000.00", 5).await;
    staff(router.clone(), &pool, duka, "clerk@duka.example", "orders").await;
    let mut buyer = shopper(router.clone(), "clerk-buys@example.com", &[(radio, "1")]).await;
    let (_, placed) = place_order(&mut buyer, &[("county", "Nairobi")]).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);

    let mut boss = Client::new(router.clone());
    boss.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let clerk = person(&mut boss, "clerk@duka").await.id;
    let r = boss
        .call("person_detail", &[("id", &clerk.to_string())])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let d: app::wire::admin::PersonDetail = r.json();
    assert_eq!(d.person.email, "clerk@duka.example");
    assert!(!d.two_factor && d.email_verified);
    assert_eq!(
        d.shops
            .iter()
            .map(|s| (s.slug.as_str(), s.role.as_str()))
            .collect::<Vec<_>>(),
        [("duka", "orders")]
    );
    assert!(d.orders.is_empty());
    assert_eq!(d.sessions.len(), 1, "registering logged them in");

    let buyer_id = person(&mut boss, "clerk-buys@").await.id;
    let d: app::wire::admin::PersonDetail = boss
        .call("person_detail", &[("id", &buyer_id.to_string())])
        .await
        .json();
    assert_eq!(d.orders.len(), 1);
    assert!(!d.email_verified);
    let r = boss
        .call("person_detail", &[("id", &Uuid::new_v4().to_string())])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(
        boss.get(&format!("/admin/people/{clerk}")).await.status,
        StatusCode::OK
    );
}

#[sqlx::test(migrations = false)]
async fn suspending_an_owner_suspends_their_shop_and_flags_its_open_orders(pool: PgPool) {
    use crate::common::{place_order, scalar, shop, shopper, staff, variant};
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, duka, "Radio", "1000.00", 5).await;
    staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let mut buyer = shopper(router.clone(), "buyer@example.com", &[(radio, "1")]).await;
    let (_, placed) = place_order(&mut buyer, &[("county", "Nairobi")]).await;
    assert_eq!(placed.status, StatusCode::OK, "{}", placed.body);

    let listed = buyer.get("/store/duka").await;
    assert!(listed.body.contains("Radio"), "the shop sells before");

    let mut boss = Client::new(router.clone());
    boss.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let owner = person(&mut boss, "owner@duka").await.id.to_string();
    let r = boss
        .call(
            "set_person_status",
            &[
                ("user_id", &owner),
                ("decision", "suspend"),
                ("reason", "Stolen goods"),
            ],
        )
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);

    let status: String = scalar(
        &pool,
        "select verification_status from vendors where slug = 'duka'",
    )
    .await;
    assert_eq!(status, "suspended");
    let flagged: i64 = scalar(
        &pool,
        "select count(*) from vendor_order_events where note like 'The platform suspended this shop%'",
    )
    .await;
    assert_eq!(flagged, 1, "the one open part");
    assert_eq!(actions(&pool).await, ["shop.suspended", "user.suspended"]);
    // The shop's listing is no longer sold.
    let r = buyer.get("/store/duka").await;
    assert!(
        !r.body.contains("Radio"),
        "a suspended shop's listings are hidden"
    );
}

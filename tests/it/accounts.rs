//! Registration, login, logout, profile and throttling, driven through the real router and
//! server functions against a fresh database per test.

use crate::common::{Client, PASSWORD, app, user_count};
use app::domain::{Invalid, Role};
use app::error::AppError;
use axum::http::StatusCode;
use sqlx::PgPool;

/// A form body: (field, value) pairs.
type Form<'a> = [(&'a str, &'a str)];

#[sqlx::test(migrations = false)]
async fn register_creates_a_logged_in_customer(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    let reply = client
        .register("  Wanjiku@Example.com ", "Wanjiku Kamau")
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        reply
            .headers
            .get("location")
            .map(|v| v.to_str().unwrap_or_default()),
        Some("/account")
    );
    assert_eq!(
        client.whoami().await.as_deref(),
        Some("wanjiku@example.com")
    );

    let (role, hash): (String, String) =
        sqlx::query_as("select role, password_hash from users where email = $1")
            .bind("wanjiku@example.com")
            .fetch_one(&pool)
            .await
            .expect("row");
    assert_eq!(role, Role::Customer.as_str());
    assert!(
        hash.starts_with("$argon2id$"),
        "stored as argon2id, never plain"
    );
}

#[sqlx::test(migrations = false)]
async fn duplicate_email_is_a_field_error(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    assert_eq!(
        client.register("amina@example.com", "Amina").await.status,
        StatusCode::OK
    );
    let mut other = Client::new(client.app.clone());
    let reply = other.register("AMINA@example.com", "Another Amina").await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        reply.error(),
        AppError::invalid("email", Invalid::EmailTaken)
    );
    assert_eq!(user_count(&pool).await, 1);
    assert_eq!(other.whoami().await, None);
}

#[sqlx::test(migrations = false)]
async fn bad_input_names_the_field_and_writes_nothing(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    let long_name = "n".repeat(101);
    let cases: [(&Form, &str, Invalid); 5] = [
        (
            &[
                ("email", "not-an-email"),
                ("name", "A"),
                ("password", PASSWORD),
            ],
            "email",
            Invalid::EmailFormat,
        ),
        (
            &[
                ("email", "a@example.com"),
                ("name", "A"),
                ("password", "short"),
            ],
            "password",
            Invalid::TooShort { min: 10 },
        ),
        (
            &[
                ("email", "a@example.com"),
                ("name", &long_name),
                ("password", PASSWORD),
            ],
            "name",
            Invalid::TooLong { max: 100 },
        ),
        (
            &[
                ("email", "a@example.com"),
                ("name", "   "),
                ("password", PASSWORD),
            ],
            "name",
            Invalid::Required,
        ),
        (
            &[
                ("email", "a@example.com"),
                ("name", "A"),
                ("phone", "12345"),
                ("password", PASSWORD),
            ],
            "phone",
            Invalid::PhoneFormat,
        ),
    ];
    for (form, field, why) in cases {
        let reply = client.call("register", form).await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{form:?}");
        assert_eq!(reply.error(), AppError::invalid(field, why), "{form:?}");
    }
    assert_eq!(user_count(&pool).await, 0);
}

#[sqlx::test(migrations = false)]
async fn a_forged_role_is_refused(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    let reply = client
        .call(
            "register",
            &[
                ("email", "eve@example.com"),
                ("name", "Eve"),
                ("password", PASSWORD),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(user_count(&pool).await, 0);

    client.register("eve@example.com", "Eve").await;
    let reply = client
        .call(
            "update_profile",
            &[("name", "Eve Admin"), ("role", "admin")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    let (name, role): (String, String) = sqlx::query_as("select name, role from users")
        .fetch_one(&pool)
        .await
        .expect("row");
    assert_eq!((name.as_str(), role.as_str()), ("Eve", "customer"));
}

#[sqlx::test(migrations = false)]
async fn writes_without_our_origin_are_refused(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    let form = [
        ("email", "x@example.com"),
        ("name", "X"),
        ("password", PASSWORD),
    ];
    for origin in [None, Some("https://evil.example")] {
        let reply = client.call_from(origin, "register", &form).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "origin {origin:?}");
    }
    assert_eq!(user_count(&pool).await, 0);
}

#[sqlx::test(migrations = false)]
async fn login_checks_the_password_and_hides_which_part_was_wrong(pool: PgPool) {
    let app = app(pool).await;
    Client::new(app.clone())
        .register("baraka@example.com", "Baraka")
        .await;

    let mut client = Client::new(app);
    let wrong_password = client.login("baraka@example.com", "not-the-password").await;
    let unknown_email = client.login("nobody@example.com", PASSWORD).await;
    assert_eq!(wrong_password.status, StatusCode::UNAUTHORIZED);
    assert_eq!(unknown_email.status, StatusCode::UNAUTHORIZED);
    assert_eq!(
        wrong_password.body, unknown_email.body,
        "same answer for both"
    );
    assert_eq!(wrong_password.error(), AppError::InvalidCredentials);
    assert_eq!(client.whoami().await, None);

    let ok = client.login(" BARAKA@example.com", PASSWORD).await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    assert_eq!(client.whoami().await.as_deref(), Some("baraka@example.com"));
}

#[sqlx::test(migrations = false)]
async fn login_cycles_the_session_id(pool: PgPool) {
    let app = app(pool).await;
    let mut client = Client::new(app);
    client.register("zawadi@example.com", "Zawadi").await;
    let first = client
        .cookie
        .clone()
        .expect("session cookie after register");
    client.login("zawadi@example.com", PASSWORD).await;
    let second = client.cookie.clone().expect("session cookie after login");
    assert_ne!(first, second, "a new session id at login");

    // the old id no longer authenticates
    let mut stale = Client {
        cookie: Some(first),
        ..client.clone()
    };
    assert_eq!(stale.whoami().await, None);
}

#[sqlx::test(migrations = false)]
async fn failed_logins_are_throttled_per_account_and_per_address(pool: PgPool) {
    let app = app(pool.clone()).await;
    Client::new(app.clone())
        .register("juma@example.com", "Juma")
        .await;

    // per account (limit 3 in tests): further attempts fail even with the right password,
    // and from another address
    let mut attacker = Client::new(app.clone());
    for _ in 0..3 {
        assert_eq!(
            attacker
                .login("juma@example.com", "wrong-password!")
                .await
                .status,
            StatusCode::UNAUTHORIZED
        );
    }
    // The account's wait (a second past the limit) counts from its latest failure. The
    // failures are dated by the clock, not by sleeping: each attempt hashes a password, which
    // in a debug build on a busy machine can itself take a second.
    let age_failures = |secs: f64| {
        let pool = pool.clone();
        async move {
            sqlx::query(
                "update login_failures set failed_at = now() - make_interval(secs => $1)
                  where email = 'juma@example.com'",
            )
            .bind(secs)
            .execute(&pool)
            .await
            .expect("age failures");
        }
    };
    age_failures(0.0).await;
    let mut elsewhere = Client::new(app.clone());
    elsewhere.ip = "203.0.113.9".into();
    let reply = elsewhere.login("juma@example.com", PASSWORD).await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.error(), AppError::Throttled);
    // Slowed down, not locked out: after the account's wait its owner gets in.
    age_failures(1.5).await;
    assert_eq!(
        elsewhere.login("juma@example.com", PASSWORD).await.status,
        StatusCode::OK
    );

    // per address (limit 5): spraying many accounts from one address is cut off too
    let mut sprayer = Client::new(app.clone());
    sprayer.ip = "192.0.2.50".into();
    for n in 0..5 {
        let reply = sprayer
            .login(&format!("user{n}@example.com"), "guess-guess-guess")
            .await;
        assert_eq!(reply.status, StatusCode::UNAUTHORIZED);
    }
    let reply = sprayer
        .login("someone-new@example.com", "guess-guess-guess")
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    // Behind our proxy the address is the one it appended (right-most), whatever the client
    // wrote before it.
    sprayer.ip = "10.9.8.7, 192.0.2.50".into();
    let reply = sprayer
        .login("another-new@example.com", "guess-guess-guess")
        .await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
}

#[sqlx::test(migrations = false)]
async fn registrations_are_throttled_per_address(pool: PgPool) {
    let app = app(pool.clone()).await;
    let mut farm = Client::new(app.clone());
    farm.ip = "192.0.2.77".into();
    // 30 an hour per address in tests.
    for n in 0..30 {
        let reply = Client {
            cookie: None,
            ..farm.clone()
        }
        .register(&format!("bot{n}@example.com"), "Bot")
        .await;
        assert_eq!(reply.status, StatusCode::OK, "{n}: {}", reply.body);
    }
    let reply = farm.register("bot30@example.com", "Bot").await;
    assert_eq!(reply.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(reply.error(), AppError::Throttled);
    assert_eq!(user_count(&pool).await, 30, "nothing written");
    let mut neighbour = Client::new(app);
    neighbour.ip = "192.0.2.78".into();
    assert_eq!(
        neighbour.register("real@example.com", "Real").await.status,
        StatusCode::OK
    );
}

#[sqlx::test(migrations = false)]
async fn the_account_page_renders_for_a_new_user(pool: PgPool) {
    let mut client = Client::new(app(pool).await);
    client.register("page@example.com", "Page").await;
    // Resources created inside a suspended part of a page must not stall its render.
    let page = tokio::time::timeout(std::time::Duration::from_secs(10), client.get("/account"))
        .await
        .expect("the account page renders within 10 s");
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Your profile"), "{}", page.body);
}

#[sqlx::test(migrations = false)]
async fn logout_ends_the_session_everywhere(pool: PgPool) {
    let app = app(pool).await;
    let mut client = Client::new(app);
    client.register("neema@example.com", "Neema").await;
    let cookie = client.cookie.clone();
    let reply = client.call("logout", &[]).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(client.whoami().await, None);
    let mut replay = Client {
        cookie,
        ..client.clone()
    };
    assert_eq!(
        replay.whoami().await,
        None,
        "the old cookie is dead after logout"
    );
}

#[sqlx::test(migrations = false)]
async fn sessions_survive_a_restart_and_are_shared_between_instances(pool: PgPool) {
    let first = app(pool.clone()).await;
    let mut client = Client::new(first);
    client.register("tumaini@example.com", "Tumaini").await;
    // a second server process over the same database accepts the same cookie
    let mut on_second = Client {
        app: crate::common::app_on(pool),
        ..client.clone()
    };
    assert_eq!(
        on_second.whoami().await.as_deref(),
        Some("tumaini@example.com")
    );
}

#[sqlx::test(migrations = false)]
async fn profile_and_password_changes(pool: PgPool) {
    let app = app(pool.clone()).await;
    let mut client = Client::new(app.clone());
    client.register("faraja@example.com", "Faraja").await;

    let reply = client
        .call(
            "update_profile",
            &[("name", "Faraja Mwende"), ("phone", "0712-345-678")],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let (name, phone): (String, Option<String>) = sqlx::query_as("select name, phone from users")
        .fetch_one(&pool)
        .await
        .expect("row");
    assert_eq!(
        (name.as_str(), phone.as_deref()),
        ("Faraja Mwende", Some("+254712345678"))
    );

    let reply = client
        .call("update_profile", &[("name", ""), ("phone", "")])
        .await;
    assert_eq!(reply.error(), AppError::invalid("name", Invalid::Required));

    let reply = client
        .call(
            "change_password",
            &[
                ("current_password", "not-my-password"),
                ("new_password", "brand-new-password"),
            ],
        )
        .await;
    assert_eq!(
        reply.error(),
        AppError::invalid("current_password", Invalid::WrongCurrentPassword)
    );
    // Logged in on another device too (say, a thief with the old password).
    let mut elsewhere = Client::new(app.clone());
    assert_eq!(
        elsewhere.login("faraja@example.com", PASSWORD).await.status,
        StatusCode::OK
    );
    assert!(elsewhere.whoami().await.is_some());
    let reply = client
        .call(
            "change_password",
            &[
                ("current_password", PASSWORD),
                ("new_password", "brand-new-password"),
            ],
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(
        client.whoami().await.as_deref(),
        Some("faraja@example.com"),
        "the session that changed it goes on"
    );
    assert_eq!(elsewhere.whoami().await, None, "every other session ended");
    assert_eq!(
        elsewhere.get("/account").await.status,
        StatusCode::SEE_OTHER,
        "pages too"
    );

    let mut fresh = Client::new(app);
    assert_eq!(
        fresh.login("faraja@example.com", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        fresh
            .login("faraja@example.com", "brand-new-password")
            .await
            .status,
        StatusCode::OK
    );

    // anonymous profile edits are refused
    let mut anonymous = Client::new(fresh.app.clone());
    assert_eq!(
        anonymous
            .call("update_profile", &[("name", "X")])
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

/// "Where you are logged in": each login is listed with where it came from; "log out other
/// sessions" ends the others at once and keeps this one; logging out removes its entry.
#[sqlx::test(migrations = false)]
async fn sessions_are_listed_and_the_others_can_be_logged_out(pool: PgPool) {
    use app::wire::auth::Sessions;
    let router = app(pool.clone()).await;
    let mut phone = Client::new(router.clone());
    phone.register("wanjiru@example.com", "Wanjiru").await;
    let mut laptop = Client::new(router.clone());
    assert_eq!(
        laptop
            .login("wanjiru@example.com", crate::common::PASSWORD)
            .await
            .status,
        StatusCode::OK
    );
    let listed: Sessions = phone.call("my_sessions", &[]).await.json();
    assert_eq!(listed.sessions.len(), 2);
    let here = listed.this_device.expect("this session is listed");
    assert!(listed.sessions.iter().any(|s| s.device_id == here));
    assert!(listed.sessions.iter().all(|s| s.ip == "198.51.100.7"));

    let r = phone.call("log_out_other_sessions", &[]).await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    assert_eq!(
        laptop.whoami().await,
        None,
        "the other session ended at once"
    );
    assert!(phone.whoami().await.is_some(), "this one goes on");
    let listed: Sessions = phone.call("my_sessions", &[]).await.json();
    assert_eq!(listed.sessions.len(), 1);
    assert_eq!(Some(listed.sessions[0].device_id), listed.this_device);

    phone.call("logout", &[]).await;
    let rows: i64 = sqlx::query_scalar("select count(*) from user_sessions")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(rows, 0, "logging out removes the entry");
}

//! Who may open which area, checked on the server for pages and server functions alike.

use crate::common::{Client, app, make_admin};
use axum::http::StatusCode;
use sqlx::PgPool;

#[sqlx::test(migrations = false)]
async fn anonymous_visitors_are_sent_to_log_in(pool: PgPool) {
    let mut client = Client::new(app(pool).await);
    for path in ["/admin", "/account", "/seller/listings"] {
        let reply = client.get(path).await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{path}");
        let location = reply
            .headers
            .get("location")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        assert!(
            location.starts_with("/login?next=%2F"),
            "{path} → {location}"
        );
    }
}

#[sqlx::test(migrations = false)]
async fn customers_get_403_from_admin_pages_and_functions(pool: PgPool) {
    let mut client = Client::new(app(pool).await);
    client.register("customer@example.com", "Customer").await;
    let page = client.get("/admin").await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    assert!(
        !page.body.contains("Platform overview"),
        "the console itself is never rendered"
    );
    assert_eq!(client.get("/seller").await.status, StatusCode::FORBIDDEN);
    assert_eq!(
        client.call("admin_overview", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(client.get("/account").await.status, StatusCode::OK);
}

#[sqlx::test(migrations = false)]
async fn admins_see_the_console(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    client.register("boss@example.com", "Boss").await;
    make_admin(&pool, "boss@example.com").await;
    let page = client.get("/admin").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Platform overview"), "{}", page.body);
    let counts = client.call("admin_overview", &[]).await;
    assert_eq!(counts.status, StatusCode::OK);
    assert_eq!(counts.json::<serde_json::Value>()["users"], 1);
}

#[sqlx::test(migrations = false)]
async fn suspended_users_are_logged_out(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    client.register("gone@example.com", "Gone").await;
    make_admin(&pool, "gone@example.com").await;
    sqlx::query("update users set status = 'suspended'")
        .execute(&pool)
        .await
        .expect("suspend");
    assert_eq!(client.whoami().await, None);
    assert_eq!(client.get("/admin").await.status, StatusCode::SEE_OTHER);
    assert_eq!(
        client
            .login("gone@example.com", crate::common::PASSWORD)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[sqlx::test(migrations = false)]
async fn health_probes(pool: PgPool) {
    let mut client = Client::new(app(pool).await);
    assert_eq!(client.get("/healthz").await.status, StatusCode::OK);
    let ready = client.get("/readyz").await;
    assert_eq!(
        (ready.status, ready.body.as_str()),
        (StatusCode::OK, "ready")
    );
}

#[sqlx::test(migrations = false)]
async fn pages_render_in_the_chosen_language_and_unknown_pages_are_404(pool: PgPool) {
    let mut client = Client::new(app(pool).await);
    let home = client.get("/").await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(
        home.body.contains("<html lang=\"en\""),
        "{}",
        &home.body[..200.min(home.body.len())]
    );

    let reply = client.call("set_locale", &[("locale", "sw")]).await;
    assert_eq!(reply.status, StatusCode::OK);
    let cookie = reply
        .headers
        .get("set-cookie")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(
        cookie.starts_with("lang=sw;") && cookie.contains("Max-Age=31536000"),
        "{cookie}"
    );

    let req = axum::http::Request::get("/login")
        .header("cookie", "lang=sw")
        .body(axum::body::Body::empty())
        .expect("req");
    let page = client.send(req).await;
    assert!(page.body.contains("Karibu tena"), "Swahili login page");

    let missing = client.get("/no/such/page").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("Page not found"));
}

//! Security headers: a per-page nonce policy for pages, a default policy for everything else,
//! and HSTS only on an https site.

use crate::common::{Client, app, app_on, settings};
use app::state::AppState;
use axum::http::StatusCode;
use leptos::config::LeptosOptions;
use sqlx::PgPool;

fn header(reply: &crate::common::Reply, name: &str) -> String {
    reply
        .headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

#[sqlx::test(migrations = false)]
async fn pages_allow_only_their_own_scripts_and_nothing_frames_them(pool: PgPool) {
    let mut client = Client::new(app(pool.clone()).await);
    let page = client.get("/").await;
    assert_eq!(page.status, StatusCode::OK);
    let policy = header(&page, "content-security-policy");
    let nonce = policy
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap_or_else(|| panic!("no nonce in {policy}"));
    assert!(nonce.len() >= 16, "{nonce}");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    assert!(
        page.body.contains(&format!("nonce=\"{nonce}\"")),
        "the islands loader carries the page's nonce"
    );
    let again = client.get("/").await;
    assert_ne!(
        header(&again, "content-security-policy"),
        policy,
        "a fresh nonce per page"
    );
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "strict-origin-when-cross-origin"),
        ("x-frame-options", "DENY"),
    ] {
        assert_eq!(header(&page, name), value, "{name}");
    }
    assert_eq!(
        header(&page, "strict-transport-security"),
        "",
        "not on http"
    );

    let answer = client.call("current_user", &[]).await;
    assert_eq!(answer.status, StatusCode::OK);
    let default = header(&answer, "content-security-policy");
    assert!(default.starts_with("default-src 'self'"), "{default}");
    assert!(!default.contains("nonce"), "{default}");
    assert_eq!(header(&answer, "x-content-type-options"), "nosniff");
}

#[sqlx::test(migrations = false)]
async fn an_https_site_pins_browsers_to_https(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrations");
    let mut https = settings();
    https.http.public_url = "https://sokoni.example".into();
    let options = LeptosOptions::builder().output_name("sokoni").build();
    let router = sokoni::http::router(AppState::new(pool.clone(), options, https));
    let reply = Client::new(router).get("/healthz").await;
    assert_eq!(
        header(&reply, "strict-transport-security"),
        "max-age=63072000; includeSubDomains"
    );
    let plain = Client::new(app_on(pool)).get("/healthz").await;
    assert_eq!(header(&plain, "strict-transport-security"), "");
}

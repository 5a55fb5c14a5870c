//! Forgotten passwords: the same answer whether or not the email has an account, a link that
//! works once and expires, every session ended by using it, and throttled asking.

use crate::common::{Client, PASSWORD, app};
use app::domain::Invalid;
use app::error::AppError;
use axum::http::StatusCode;
use sqlx::PgPool;

/// The link in the newest reset mail to `email`, from the outbox.
async fn mailed_token(pool: &PgPool, email: &str) -> Option<String> {
    let body: Option<String> = sqlx::query_scalar(
        "select body from notifications where recipient = $1 and subject like '%password%' order by created_at desc limit 1",
    )
    .bind(email)
    .fetch_optional(pool)
    .await
    .expect("outbox");
    let body = body?;
    let start = body.find("token=")? + "token=".len();
    Some(body[start..start + 64].to_owned())
}

#[sqlx::test(migrations = false)]
async fn a_reset_link_works_once_and_ends_every_session(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut elsewhere = Client::new(router.clone());
    elsewhere.register("amina@example.com", "Amina").await;
    assert!(elsewhere.whoami().await.is_some());

    let mut forgetful = Client::new(router.clone());
    let known = forgetful
        .call("request_password_reset", &[("email", "amina@example.com")])
        .await;
    let unknown = forgetful
        .call("request_password_reset", &[("email", "nobody@example.com")])
        .await;
    assert_eq!(
        (known.status, known.body.clone()),
        (unknown.status, unknown.body.clone()),
        "the same answer"
    );
    assert!(mailed_token(&pool, "nobody@example.com").await.is_none());
    let token = mailed_token(&pool, "amina@example.com")
        .await
        .expect("mailed");
    let stored: i64 =
        sqlx::query_scalar("select count(*) from password_resets where token_hash = $1")
            .bind(&token)
            .fetch_one(&pool)
            .await
            .expect("count");
    assert_eq!(stored, 0, "only a digest is stored");

    let weak = forgetful
        .call(
            "reset_password",
            &[("token", &token), ("password", "short")],
        )
        .await;
    assert_eq!(weak.error().field(), Some("password"));
    let done = forgetful
        .call(
            "reset_password",
            &[("token", &token), ("password", "a brand new passphrase")],
        )
        .await;
    assert!(!done.status.is_client_error(), "{}", done.body);
    assert_eq!(elsewhere.whoami().await, None, "the other session ended");
    assert_eq!(
        forgetful.login("amina@example.com", PASSWORD).await.status,
        StatusCode::UNAUTHORIZED,
        "the old password is gone"
    );
    assert_eq!(
        forgetful
            .login("amina@example.com", "a brand new passphrase")
            .await
            .status,
        StatusCode::OK
    );
    let again = forgetful
        .call(
            "reset_password",
            &[("token", &token), ("password", "another passphrase 2")],
        )
        .await;
    assert_eq!(
        again.error(),
        AppError::invalid("token", Invalid::LinkExpired),
        "single use"
    );
}

#[sqlx::test(migrations = false)]
async fn links_expire_and_asking_is_throttled(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut c = Client::new(router.clone());
    c.register("baraka@example.com", "Baraka").await;
    c.call("request_password_reset", &[("email", "baraka@example.com")])
        .await;
    let token = mailed_token(&pool, "baraka@example.com")
        .await
        .expect("mailed");
    sqlx::query("update password_resets set expires_at = now() - interval '1 second'")
        .execute(&pool)
        .await
        .expect("age the link");
    let late = c
        .call(
            "reset_password",
            &[("token", &token), ("password", "a brand new passphrase")],
        )
        .await;
    assert_eq!(
        late.error(),
        AppError::invalid("token", Invalid::LinkExpired)
    );

    // Three an hour per address typed (the first above counts), known or not.
    for _ in 0..2 {
        let r = c
            .call("request_password_reset", &[("email", "baraka@example.com")])
            .await;
        assert!(!r.status.is_client_error(), "{}", r.body);
    }
    let r = c
        .call("request_password_reset", &[("email", "baraka@example.com")])
        .await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let links: i64 = sqlx::query_scalar("select count(*) from password_resets")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(links, 3, "the throttled request mailed nothing");
    for _ in 0..3 {
        c.call("request_password_reset", &[("email", "ghost@example.com")])
            .await;
    }
    let r = c
        .call("request_password_reset", &[("email", "ghost@example.com")])
        .await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "the same for an address nobody uses"
    );
}

//! Email verification: registering mails a link that confirms the address once; applying to
//! sell waits for it, and so do a shop's payouts while its owner's address is unconfirmed.

use crate::common::{Client, app, shop, staff};
use app::domain::Invalid;
use app::error::AppError;
use axum::http::StatusCode;
use sqlx::PgPool;

/// The token in the newest confirmation mail to `email`, from the outbox.
async fn mailed_token(pool: &PgPool, email: &str) -> String {
    let body: String = sqlx::query_scalar(
        "select body from notifications where recipient = $1 and body like '%/verify-email?token=%'
         order by created_at desc, id desc limit 1",
    )
    .bind(email)
    .fetch_one(pool)
    .await
    .expect("a confirmation mail");
    let start = body.find("token=").expect("link") + "token=".len();
    body[start..start + 64].to_owned()
}

async fn verified(pool: &PgPool, email: &str) -> bool {
    sqlx::query_scalar("select email_verified_at is not null from users where email = $1")
        .bind(email)
        .fetch_one(pool)
        .await
        .expect("user")
}

fn application() -> Vec<(&'static str, &'static str)> {
    vec![
        ("business_name", "Duka"),
        ("slug", "duka"),
        ("phone", "0712 345 678"),
        ("business_type", "sole_proprietor"),
        ("county", "Nairobi"),
        ("town", "Westlands"),
        ("lat", "-1.2676"),
        ("lng", "36.8108"),
    ]
}

#[sqlx::test(migrations = false)]
async fn a_mailed_link_confirms_the_address_once_and_opens_selling(pool: PgPool) {
    let router = app(pool.clone()).await;
    let email = "amina@example.com";
    let mut c = Client::new(router.clone());
    c.register(email, "Amina").await;
    assert!(!verified(&pool, email).await);

    // Applying waits for a confirmed address, and writes nothing.
    let r = c.call("save_shop", &application()).await;
    assert_eq!(
        r.error(),
        AppError::invalid("email", Invalid::EmailUnverified)
    );
    let shops: i64 = sqlx::query_scalar("select count(*) from vendors")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(shops, 0);

    // The link works from any browser (a phone's mail app), once.
    let token = mailed_token(&pool, email).await;
    let mut phone = Client::new(router.clone());
    let r = phone
        .call("verify_email", &[("token", "0".repeat(64).as_str())])
        .await;
    assert_eq!(r.error(), AppError::invalid("token", Invalid::LinkExpired));
    let r = phone.call("verify_email", &[("token", &token)]).await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    assert!(verified(&pool, email).await);
    let r = phone.call("verify_email", &[("token", &token)]).await;
    assert_eq!(r.error(), AppError::invalid("token", Invalid::LinkExpired));

    let r = c.call("save_shop", &application()).await;
    assert!(!r.status.is_client_error(), "{}", r.body);
}

#[sqlx::test(migrations = false)]
async fn the_link_is_sent_again_three_times_an_hour_and_expires(pool: PgPool) {
    let router = app(pool.clone()).await;
    let email = "baraka@example.com";
    let mut c = Client::new(router);
    c.register(email, "Baraka").await;
    let first = mailed_token(&pool, email).await;
    // The registration's link and two more; the fourth in the hour is refused.
    for _ in 0..2 {
        let r = c.call("resend_verification", &[]).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    let r = c.call("resend_verification", &[]).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    let newest = mailed_token(&pool, email).await;
    assert_ne!(first, newest);

    // An expired link confirms nothing; an older unexpired one still does.
    sqlx::query(
        "update email_verifications set expires_at = now() - interval '1 second'
                 where token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')",
    )
    .bind(&newest)
    .execute(&pool)
    .await
    .expect("expire");
    let r = c.call("verify_email", &[("token", &newest)]).await;
    assert_eq!(r.error(), AppError::invalid("token", Invalid::LinkExpired));
    assert!(!verified(&pool, email).await);
    let r = c.call("verify_email", &[("token", &first)]).await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    assert!(verified(&pool, email).await);
}

#[sqlx::test(migrations = false)]
async fn payouts_wait_for_the_owner_to_confirm_their_address_and_turn_on_two_step_login(
    pool: PgPool,
) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    sqlx::query(
        "insert into ledger_accounts (id, kind, vendor_id, currency) values (gen_random_uuid(), 'vendor_payable', $1, 'KES')",
    )
    .bind(duka)
    .execute(&pool)
    .await
    .expect("account");
    staff(router, &pool, duka, "owner@duka.example", "owner").await;
    // A shop from before verification existed: its owner never confirmed.
    sqlx::query("update users set email_verified_at = null")
        .execute(&pool)
        .await
        .expect("unconfirm");
    let candidates = app::db::payouts::candidates(&pool)
        .await
        .expect("candidates");
    assert!(candidates.is_empty(), "held: {candidates:?}");
    let holds = app::db::payouts::holds(&pool, duka).await.expect("holds");
    assert!(holds.owner_email_unconfirmed && holds.owner_two_step_off);
    crate::common::confirm_email(&pool, "owner@duka.example").await;
    let candidates = app::db::payouts::candidates(&pool)
        .await
        .expect("candidates");
    assert!(candidates.is_empty(), "still held without two-step login");
    crate::common::two_step(&pool, "owner@duka.example").await;
    let candidates = app::db::payouts::candidates(&pool)
        .await
        .expect("candidates");
    assert_eq!(candidates.len(), 1);
    let holds = app::db::payouts::holds(&pool, duka).await.expect("holds");
    assert_eq!(holds, app::wire::orders::PayoutHolds::default());
}

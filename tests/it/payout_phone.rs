//! A verified shop's payout phone changes only with a one-time code texted to the new phone
//! (through the SMS simulator, which speaks Africa's Talking's protocol); the old phone and the
//! owner are told, and payouts wait 24 hours.

use crate::common::{Client, live, shop, staff};
use app::domain::Invalid;
use app::error::AppError;
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

fn details(phone: &str) -> Vec<(&str, &str)> {
    vec![
        ("business_name", "Shop duka"),
        ("slug", "duka"),
        ("phone", phone),
        ("business_type", "individual"),
        ("county", "Nairobi"),
        ("town", "CBD"),
        ("lat", "-1.28"),
        ("lng", "36.82"),
    ]
}

async fn payout_phone(pool: &PgPool, shop: Uuid) -> String {
    sqlx::query_scalar("select phone from vendors where id = $1")
        .bind(shop)
        .fetch_one(pool)
        .await
        .expect("phone")
}

/// The six-digit code in the last text message to `to`.
fn last_code(live: &crate::common::Live, to: &str) -> String {
    let sent = live.sms.sent();
    let text = &sent
        .iter()
        .rev()
        .find(|m| m.to == to)
        .unwrap_or_else(|| panic!("no message to {to}: {sent:?}"))
        .message;
    text.split(|c: char| !c.is_ascii_digit())
        .find(|w| w.len() == 6)
        .unwrap_or_else(|| panic!("no code in {text:?}"))
        .to_owned()
}

/// The app with its simulators, a verified shop paid to +254712345678, and its owner.
async fn verified_shop_with_owner(pool: &PgPool) -> (crate::common::Live, Uuid, Client) {
    let live = live(pool.clone()).await;
    let duka = shop(pool, "duka", "aspirant").await;
    let owner = staff(
        live.router.clone(),
        pool,
        duka,
        "owner@duka.example",
        "owner",
    )
    .await;
    crate::common::two_step(pool, "owner@duka.example").await;
    (live, duka, owner)
}

async fn confirm(owner: &mut Client, code: &str) -> crate::common::Reply {
    owner.call("confirm_payout_phone", &[("code", code)]).await
}

#[sqlx::test(migrations = false)]
async fn a_payout_phone_changes_only_with_the_code_sent_to_it(pool: PgPool) {
    let (live, duka, mut owner) = verified_shop_with_owner(&pool).await;
    let old = "+254712345678";

    // The details form cannot change it any more.
    let reply = owner.call("save_shop", &details("0799 000 111")).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{}", reply.body);
    assert_eq!(
        reply.error(),
        AppError::invalid("phone", Invalid::PhoneNeedsCode)
    );
    let reply = owner.call("save_shop", &details("0712 345 678")).await;
    assert_eq!(
        reply.status,
        StatusCode::OK,
        "other details still save: {}",
        reply.body
    );
    assert_eq!(payout_phone(&pool, duka).await, old);

    // Only an owner who logs in with two steps may change where the money goes.
    sqlx::query("update users set totp_enabled_at = null where email = 'owner@duka.example'")
        .execute(&pool)
        .await
        .expect("update");
    let reply = owner
        .call("send_payout_phone_code", &[("new_phone", "0799 000 111")])
        .await;
    assert_eq!(
        reply.error(),
        AppError::invalid("new_phone", Invalid::TwoFactorRequired)
    );
    crate::common::two_step(&pool, "owner@duka.example").await;

    // Bad numbers and the same number send nothing.
    for (phone, why) in [
        ("not a phone", Invalid::PhoneFormat),
        ("0712 345 678", Invalid::SamePhone),
    ] {
        let reply = owner
            .call("send_payout_phone_code", &[("new_phone", phone)])
            .await;
        assert_eq!(reply.error(), AppError::invalid("new_phone", why));
    }
    assert!(live.sms.sent().is_empty());

    // A code goes to the new phone; a wrong one changes nothing and counts a try.
    let reply = owner
        .call("send_payout_phone_code", &[("new_phone", "0799 000 111")])
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    let code = last_code(&live, "+254799000111");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(
        confirm(&mut owner, wrong).await.error(),
        AppError::invalid("code", Invalid::CodeWrong { tries_left: 4 })
    );
    assert_eq!(payout_phone(&pool, duka).await, old);
    // Another shop's owner cannot use it: codes are bound to their shop.
    let other = shop(&pool, "other", "aspirant").await;
    let mut stranger = staff(
        live.router.clone(),
        &pool,
        other,
        "owner@other.example",
        "owner",
    )
    .await;
    assert_eq!(
        confirm(&mut stranger, &code).await.error(),
        AppError::invalid("code", Invalid::CodeExpired)
    );

    // The right code: the phone changes, payouts wait a day, the old phone and owner hear.
    let reply = confirm(&mut owner, &code).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    assert_eq!(payout_phone(&pool, duka).await, "+254799000111");
    let held_hours: f64 = sqlx::query_scalar(
        "select extract(epoch from payouts_held_until - now())::float8 / 3600 from vendors where id = $1",
    )
    .bind(duka)
    .fetch_one(&pool)
    .await
    .expect("hold");
    assert!((23.9..=24.0).contains(&held_hours), "{held_hours}");
    let to_old = live.sms.sent();
    let to_old = to_old.iter().find(|m| m.to == old).expect("old phone told");
    assert!(to_old.message.contains("ending 111"), "{}", to_old.message);
    assert_eq!(to_old.from, "SOKONI", "the configured sender id is used");
    let mails: i64 = sqlx::query_scalar(
        "select count(*) from notifications where channel = 'email' and recipient = 'owner@duka.example' and subject like '%payout phone changed'",
    )
    .fetch_one(&pool)
    .await
    .expect("mail");
    assert_eq!(mails, 1);
    let unsent: i64 = sqlx::query_scalar(
        "select count(*) from notifications where channel = 'sms' and sent_at is null",
    )
    .fetch_one(&pool)
    .await
    .expect("sms");
    assert_eq!(unsent, 0, "texts went out at once");
    // A used code does not work twice.
    assert_eq!(
        confirm(&mut owner, &code).await.error(),
        AppError::invalid("code", Invalid::CodeExpired)
    );

    // Held shops are not paid out; once the hold ends they are again.
    sqlx::query("insert into ledger_accounts (id, kind, vendor_id, currency) values ($1, 'vendor_payable', $2, 'KES')")
        .bind(Uuid::new_v4())
        .bind(duka)
        .execute(&pool)
        .await
        .expect("account");
    let candidates = app::db::payouts::candidates(&pool)
        .await
        .expect("candidates");
    assert!(!candidates.iter().any(|(v, _)| *v == duka));
    sqlx::query(
        "update vendors set payouts_held_until = now() - interval '1 second' where id = $1",
    )
    .bind(duka)
    .execute(&pool)
    .await
    .expect("hold over");
    let candidates = app::db::payouts::candidates(&pool)
        .await
        .expect("candidates");
    assert!(candidates.contains(&(duka, "+254799000111".to_owned())));
}

#[sqlx::test(migrations = false)]
async fn codes_are_limited_per_hour_and_void_after_five_wrong_tries(pool: PgPool) {
    let (live, duka, mut owner) = verified_shop_with_owner(&pool).await;
    let mut orders = staff(
        live.router.clone(),
        &pool,
        duka,
        "orders@duka.example",
        "orders",
    )
    .await;
    assert_eq!(
        orders
            .call("send_payout_phone_code", &[("new_phone", "0799 000 111")])
            .await
            .status,
        StatusCode::FORBIDDEN,
        "order staff cannot move the shop's money"
    );

    let send = |owner: &mut Client| {
        let mut owner = owner.clone();
        async move {
            owner
                .call("send_payout_phone_code", &[("new_phone", "0799 000 111")])
                .await
        }
    };
    send(&mut owner).await;
    let code = last_code(&live, "+254799000111");
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..=4).rev() {
        assert_eq!(
            confirm(&mut owner, wrong).await.error(),
            AppError::invalid("code", Invalid::CodeWrong { tries_left: left })
        );
    }
    assert_eq!(
        confirm(&mut owner, wrong).await.error(),
        AppError::invalid("code", Invalid::CodeExpired)
    );
    assert_eq!(
        confirm(&mut owner, &code).await.error(),
        AppError::invalid("code", Invalid::CodeExpired),
        "five wrong tries void the code, even for the right one after"
    );

    // Three codes an hour; parallel requests cannot pass the limit together.
    let (a, b, c) = tokio::join!(send(&mut owner), send(&mut owner), send(&mut owner));
    let refused = [a, b, c]
        .iter()
        .filter(|r| r.status == StatusCode::BAD_REQUEST)
        .count();
    assert_eq!(refused, 1, "the first code and two more make three");
    assert_eq!(
        send(&mut owner).await.error(),
        AppError::invalid("new_phone", Invalid::CodeLimit { per_hour: 3 })
    );
    assert_eq!(live.sms.sent().len(), 3);
    assert_eq!(payout_phone(&pool, duka).await, "+254712345678");
}

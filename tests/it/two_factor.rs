//! Two-step login: enrolment confirmed by a code, the login's second step, codes that work
//! once (TOTP steps and recovery codes), its own throttling, and the console closed to admins
//! without it. Codes are computed here with totp-rs from the secret the page shows.

use crate::common::{ADMIN_TOTP_SECRET, Client, PASSWORD, app, make_admin};
use app::domain::Invalid;
use app::error::AppError;
use app::wire::auth::TwoFactorView;
use axum::http::StatusCode;
use sqlx::PgPool;
use totp_rs::{Algorithm, Secret, TOTP};

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs()
}

fn code(secret: &[u8], at: u64) -> String {
    TOTP::new_unchecked(
        Algorithm::SHA1,
        6,
        1,
        30,
        secret.to_vec(),
        None,
        String::new(),
    )
    .generate(at)
}

async fn status(c: &mut Client) -> TwoFactorView {
    let r = c.call("two_factor_status", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

fn ok(r: &crate::common::Reply) {
    assert!(
        !r.status.is_client_error() && !r.status.is_server_error(),
        "{} {}",
        r.status,
        r.body
    );
}

/// Logs in with the password only: the session waits for its second step.
async fn password_step(c: &mut Client, email: &str) {
    let r = c.login(email, PASSWORD).await;
    ok(&r);
    assert!(
        c.whoami().await.is_none(),
        "a password alone does not log in"
    );
}

#[sqlx::test(migrations = false)]
async fn a_shopper_turns_it_on_and_each_code_logs_in_once(pool: PgPool) {
    let router = app(pool.clone()).await;
    let email = "amina@example.com";
    let mut c = Client::new(router.clone());
    c.register(email, "Amina").await;
    let mut elsewhere = Client::new(router.clone());
    ok(&elsewhere.login(email, PASSWORD).await);

    let before = status(&mut c).await;
    assert!(!before.on && !before.required && before.enrolment.is_none());
    ok(&c.call("start_two_factor", &[]).await);
    let shown = status(&mut c).await.enrolment.expect("enrolment");
    assert!(shown.qr_svg.contains("<svg"));
    let secret = Secret::Encoded(shown.secret).to_bytes().expect("base32");

    // A wrong code changes nothing.
    let t = now();
    let right: Vec<String> = [t - 30, t, t + 30]
        .iter()
        .map(|&at| code(&secret, at))
        .collect();
    let wrong = (0..)
        .map(|n| format!("{n:06}"))
        .find(|c| !right.contains(c))
        .expect("update");
    let r = c.call("confirm_two_factor", &[("code", &wrong)]).await;
    assert_eq!(
        r.error(),
        AppError::invalid("code", Invalid::TwoFactorWrong)
    );
    assert!(!status(&mut c).await.on);

    let used = code(&secret, t);
    ok(&c.call("confirm_two_factor", &[("code", &used)]).await);
    let on = status(&mut c).await;
    assert!(on.on && on.enrolment.is_none());
    assert_eq!(on.fresh_codes.len(), 10);
    assert_eq!(on.codes_left, 10);
    assert!(
        status(&mut c).await.fresh_codes.is_empty(),
        "recovery codes are shown once"
    );
    assert_eq!(
        c.whoami().await.as_deref(),
        Some(email),
        "this session goes on"
    );
    assert!(
        elsewhere.whoami().await.is_none(),
        "sessions from before are over"
    );

    // The code that confirmed the enrolment is used; the next step's works, once.
    let mut phone = Client::new(router.clone());
    password_step(&mut phone, email).await;
    let r = phone.call("login_second_step", &[("code", &used)]).await;
    assert_eq!(r.error(), AppError::invalid("code", Invalid::TwoFactorUsed));
    let next = code(&secret, t + 30);
    ok(&phone
        .call(
            "login_second_step",
            &[("code", &next), ("next", "/account")],
        )
        .await);
    assert_eq!(phone.whoami().await.as_deref(), Some(email));
    let mut replay = Client::new(router.clone());
    password_step(&mut replay, email).await;
    let r = replay.call("login_second_step", &[("code", &next)]).await;
    assert_eq!(r.error(), AppError::invalid("code", Invalid::TwoFactorUsed));

    // A recovery code works once, typed however.
    let recovery = on.fresh_codes[3].to_uppercase().replace('-', " ");
    ok(&replay
        .call("login_second_step", &[("code", &recovery)])
        .await);
    assert_eq!(replay.whoami().await.as_deref(), Some(email));
    let mut again = Client::new(router.clone());
    password_step(&mut again, email).await;
    let r = again
        .call("login_second_step", &[("code", &on.fresh_codes[3])])
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("code", Invalid::TwoFactorWrong)
    );
    assert!(again.whoami().await.is_none());
    assert_eq!(status(&mut c).await.codes_left, 9);

    // New recovery codes, with a code: ten shown once, and the old ones stop working.
    let r = c.call("new_recovery_codes", &[("code", &wrong)]).await;
    assert_eq!(
        r.error(),
        AppError::invalid("code", Invalid::TwoFactorWrong)
    );
    assert_eq!(
        status(&mut c).await.codes_left,
        9,
        "a wrong code changes nothing"
    );
    ok(&c
        .call("new_recovery_codes", &[("code", &on.fresh_codes[1])])
        .await);
    let renewed = status(&mut c).await;
    assert_eq!((renewed.fresh_codes.len(), renewed.codes_left), (10, 10));
    let mut old = Client::new(router.clone());
    password_step(&mut old, email).await;
    let r = old
        .call("login_second_step", &[("code", &on.fresh_codes[2])])
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("code", Invalid::TwoFactorWrong)
    );

    // A shopper may turn it off, with a code; then a password logs in again.
    ok(&c
        .call("disable_two_factor", &[("code", &renewed.fresh_codes[0])])
        .await);
    assert!(!status(&mut c).await.on);
    let mut plain = Client::new(router);
    ok(&plain.login(email, PASSWORD).await);
    assert_eq!(plain.whoami().await.as_deref(), Some(email));
}

#[sqlx::test(migrations = false)]
async fn the_second_step_is_throttled_and_expires_with_the_account(pool: PgPool) {
    let router = app(pool.clone()).await;
    let email = "boss@example.com";
    Client::new(router.clone()).register(email, "Boss").await;
    make_admin(&pool, email).await;

    let mut c = Client::new(router.clone());
    password_step(&mut c, email).await;
    let t = now();
    let right: Vec<String> = [t - 30, t, t + 30, t + 60]
        .iter()
        .map(|&at| code(ADMIN_TOTP_SECRET, at))
        .collect();
    let wrong: Vec<String> = (0..)
        .map(|n| format!("{n:06}"))
        .filter(|c| !right.contains(c))
        .take(10)
        .collect();
    // From many addresses, so that only the account's own limit applies.
    for (n, w) in wrong.iter().enumerate() {
        c.ip = format!("203.0.113.{n}");
        let r = c.call("login_second_step", &[("code", w)]).await;
        assert_eq!(
            r.error(),
            AppError::invalid("code", Invalid::TwoFactorWrong)
        );
    }
    let r = c.call("login_second_step", &[("code", &right[1])]).await;
    assert_eq!(
        r.status,
        StatusCode::TOO_MANY_REQUESTS,
        "even the right code waits"
    );
    assert!(c.whoami().await.is_none());

    // Without a password first there is no second step.
    let mut stranger = Client::new(router.clone());
    let r = stranger
        .call("login_second_step", &[("code", &right[1])])
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("code", Invalid::LoginStepExpired)
    );

    // An account suspended between the steps does not get in.
    sqlx::query("delete from login_failures")
        .execute(&pool)
        .await
        .expect("update");
    let mut late = Client::new(router);
    password_step(&mut late, email).await;
    sqlx::query("update users set status = 'suspended' where email = $1")
        .bind(email)
        .execute(&pool)
        .await
        .expect("update");
    let r = late.call("login_second_step", &[("code", &right[2])]).await;
    assert_eq!(
        r.error(),
        AppError::invalid("code", Invalid::LoginStepExpired)
    );
    assert!(late.whoami().await.is_none());
}

#[sqlx::test(migrations = false)]
async fn the_console_needs_two_step_login(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut c = Client::new(router);
    c.register("new-admin@example.com", "New Admin").await;
    sqlx::query("update users set role = 'admin' where email = 'new-admin@example.com'")
        .execute(&pool)
        .await
        .expect("update");

    let r = c.call("admin_categories", &[]).await;
    assert_eq!(
        r.error(),
        AppError::invalid("two_factor", Invalid::TwoFactorRequired)
    );
    let page = c.get("/admin").await;
    assert!(page.status.is_redirection(), "{}", page.status);
    assert_eq!(
        page.headers["location"].to_str().expect("ok"),
        "/account/two-factor?required=1"
    );
    assert!(status(&mut c).await.required);

    // Once on, the console opens, and an admin cannot turn it off.
    make_admin(&pool, "new-admin@example.com").await;
    assert_eq!(c.call("admin_categories", &[]).await.status, StatusCode::OK);
    assert_eq!(c.get("/admin").await.status, StatusCode::OK);
    let r = c
        .call(
            "disable_two_factor",
            &[("code", &code(ADMIN_TOTP_SECRET, now()))],
        )
        .await;
    assert_eq!(r.error(), AppError::invalid("code", Invalid::TwoFactorKept));
}

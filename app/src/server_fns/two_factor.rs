//! Two-step login on the account: turn it on (a secret shown as a QR code and text, confirmed
//! with a code, ten recovery codes shown once), and off again for those who may.

use crate::error::AppError;
use crate::wire::auth::TwoFactorView;
use leptos::prelude::*;

/// Whether this account must log in with two steps: admins always; a shop's owner and its
/// accountant before they touch where payouts go.
#[cfg(feature = "ssr")]
pub(crate) async fn required(
    pool: &sqlx::PgPool,
    user: &crate::db::users::UserRow,
) -> Result<bool, AppError> {
    use crate::domain::role::Area;
    use crate::domain::vendor::StaffRole;
    if user.role().may_enter(Area::Admin) {
        return Ok(true);
    }
    let member = crate::db::vendors::membership(pool, user.id).await?;
    Ok(member
        .and_then(|m| m.role())
        .is_some_and(|r| matches!(r, StaffRole::Owner | StaffRole::Accounting)))
}

#[server(endpoint = "two_factor_status")]
pub async fn two_factor_status() -> Result<TwoFactorView, AppError> {
    use crate::auth::{context, session, two_factor};
    use crate::db::two_factor as db;
    use crate::wire::auth::EnrolmentView;
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let enrolment = match db::secret(pool, user.id).await? {
            Some((secret, false)) => {
                let e = two_factor::enrolment(&secret, &user.email)?;
                Some(EnrolmentView {
                    secret: e.secret,
                    qr_svg: e.qr_svg,
                })
            }
            _ => None,
        };
        Ok(TwoFactorView {
            on: user.two_factor,
            required: required(pool, &user).await?,
            enrolment,
            fresh_codes: session::take_fresh_codes(&context::session().await?).await?,
            codes_left: db::codes_left(pool, user.id).await?,
        })
    })
    .await
}

/// Starts an enrolment: a new secret, shown on the page until a code confirms it.
#[server(endpoint = "start_two_factor")]
pub async fn start_two_factor() -> Result<(), AppError> {
    use crate::auth::{context, two_factor};
    context::respond(async move {
        let user = context::require_user().await?;
        let secret = two_factor::new_secret();
        crate::db::two_factor::begin(&context::state()?.pool, user.id, &secret).await?;
        context::redirect_form_post("/account/two-factor");
        Ok(())
    })
    .await
}

/// Turns two-step login on with a code from the app. Every other session of the account ends
/// (they got in with a password alone); this one goes on.
#[server(endpoint = "confirm_two_factor")]
pub async fn confirm_two_factor(code: String) -> Result<(), AppError> {
    use crate::auth::{context, session, two_factor};
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let codes = two_factor::confirm(pool, user.id, &code).await?;
        let session = context::session().await?;
        session::keep_only_this(&session, pool, user.id, &context::origin()).await?;
        session::set_fresh_codes(&session, codes).await?;
        tracing::info!(user = %user.id, "two-step login turned on");
        context::redirect_form_post("/account/two-factor?on=1");
        Ok(())
    })
    .await
}

/// Replaces the recovery codes (used up, or the list lost), with a current code or a
/// recovery code; the new ones are shown once, the old ones stop working.
#[server(endpoint = "new_recovery_codes")]
pub async fn new_recovery_codes(code: String) -> Result<(), AppError> {
    use crate::auth::{context, session, two_factor};
    context::respond(async move {
        let user = context::require_user().await?;
        if !user.two_factor {
            return Err(AppError::NotFound);
        }
        let pool = &context::state()?.pool;
        two_factor::check(pool, user.id, &code).await?;
        let (shown, hashes) = two_factor::recovery_codes();
        let mut tx = pool.begin().await?;
        crate::db::two_factor::replace_recovery_codes(&mut tx, user.id, &hashes).await?;
        tx.commit().await?;
        session::set_fresh_codes(&context::session().await?, shown).await?;
        tracing::info!(user = %user.id, "recovery codes replaced");
        context::redirect_form_post("/account/two-factor?codes=1");
        Ok(())
    })
    .await
}

/// Turns two-step login off, with a current code or a recovery code. Admins keep it.
#[server(endpoint = "disable_two_factor")]
pub async fn disable_two_factor(code: String) -> Result<(), AppError> {
    use crate::auth::{context, two_factor};
    use crate::domain::{Invalid, role::Area};
    context::respond(async move {
        let user = context::require_user().await?;
        if user.role().may_enter(Area::Admin) {
            return Err(AppError::invalid("code", Invalid::TwoFactorKept));
        }
        let pool = &context::state()?.pool;
        if !user.two_factor {
            return Err(AppError::NotFound);
        }
        two_factor::check(pool, user.id, &code).await?;
        let mut tx = pool.begin().await?;
        crate::db::two_factor::disable(&mut tx, user.id).await?;
        tx.commit().await?;
        tracing::info!(user = %user.id, "two-step login turned off");
        context::redirect_form_post("/account/two-factor?off=1");
        Ok(())
    })
    .await
}

//! Register, log in, log out, and who is logged in.

#[cfg(feature = "ssr")]
use crate::domain::Role;
use crate::error::AppError;
use leptos::prelude::*;

pub use crate::wire::auth::*;

#[cfg(feature = "ssr")]
impl From<crate::db::users::UserRow> for UserView {
    fn from(row: crate::db::users::UserRow) -> Self {
        let role = row.role();
        UserView {
            id: row.id,
            name: row.name,
            email: row.email,
            phone: row.phone,
            role,
            two_factor: row.two_factor,
            email_verified: row.email_verified,
            unread: 0,
        }
    }
}

#[server(endpoint = "current_user")]
pub async fn current_user() -> Result<Option<UserView>, AppError> {
    use crate::auth::context;
    context::respond(async {
        let Some(user) = context::current_user().await? else {
            return Ok(None);
        };
        let unread = crate::db::notifications::unread(&context::state()?.pool, user.id).await?;
        Ok(Some(UserView {
            unread,
            ..UserView::from(user)
        }))
    })
    .await
}

/// `role` is never read from a request: it is a parameter only so that a body trying to set
/// it is refused with 403 instead of being silently ignored.
#[server(endpoint = "register")]
pub async fn register(
    email: String,
    name: String,
    #[server(default)] phone: String,
    password: String,
    #[server(default)] role: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::{context, password as pw, session};
    use crate::db::{Constraint, RefusedAs, users};
    use crate::domain::{Email, Invalid, Password, PersonName};

    context::respond(async move {
        if role.is_some() {
            return Err(AppError::Forbidden);
        }
        let email = Email::parse(&email).map_err(|w| AppError::invalid("email", w))?;
        let name = PersonName::parse(&name).map_err(|w| AppError::invalid("name", w))?;
        let phone = optional_phone(&phone)?;
        let password = Password::parse(password).map_err(|w| AppError::invalid("password", w))?;
        let state = context::state()?;
        let ip = context::client_ip();
        let signups = crate::db::login_failures::note_signup(&state.pool, &ip).await?;
        if signups > state.settings.auth.max_signups_per_ip {
            tracing::warn!(%ip, "registration throttled");
            return Err(AppError::Throttled);
        }
        let hash = pw::hash(password.expose().to_owned()).await?;
        let new = users::NewUser {
            email: &email,
            name: &name,
            phone: phone.as_ref(),
            password_hash: &hash,
            role: Role::Customer,
            locale: context::request_locale(),
        };
        let mut tx = state.pool.begin().await?;
        let id = users::insert(&mut *tx, new).await.refused_as(&[(
            Constraint::Named(users::EMAIL_UNIQUE),
            "email",
            Invalid::EmailTaken,
        )])?;
        crate::auth::verify_email::send_link(&mut tx, id, &state.settings.http.public_url).await?;
        tx.commit().await?;
        session::log_in(
            &context::session().await?,
            &context::state()?.pool,
            id,
            0,
            &context::origin(),
        )
        .await?;
        crate::server_fns::cart::merge_guest_cart(id).await?;
        tracing::info!(user = %id, "registered");
        leptos_axum::redirect("/account");
        Ok(())
    })
    .await
}

/// Parses an optional phone field: empty means none.
#[cfg(feature = "ssr")]
pub(crate) fn optional_phone(input: &str) -> Result<Option<crate::domain::Phone>, AppError> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    crate::domain::Phone::parse(input)
        .map(Some)
        .map_err(|w| AppError::invalid("phone", w))
}

#[server(endpoint = "login")]
pub async fn login(
    email: String,
    password: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::auth::{context, password as pw, session};
    use crate::db::{login_failures, users};
    use crate::domain::Email;

    context::respond(async move {
        let state = context::state()?;
        let ip = context::client_ip();
        // Throttle on the normalised text even when it is not a valid address, so junk
        // variants of one account still count against it.
        let key = email.trim().to_lowercase();
        let attempt = login_failures::note(&state.pool, &key, &ip).await?;
        let recent = login_failures::recent(&state.pool, &key, &ip, attempt).await?;
        let limits = &state.settings.auth;
        // An address over its limit is refused. An account over its limit is slowed down,
        // not locked: one try per `account_backoff` (at most a minute), so a stranger's guesses
        // cannot keep its owner, or an admin, out for an hour.
        let address_blocked = recent.by_ip >= limits.max_failures_per_ip;
        let account_waits = recent.by_account >= limits.max_failures_per_account
            && recent.secs_since_account_failure.is_some_and(|secs| {
                secs < account_backoff(recent.by_account - limits.max_failures_per_account)
            });
        if address_blocked || account_waits {
            login_failures::forget(&state.pool, attempt).await?;
            tracing::warn!(%ip, "login throttled");
            return Err(AppError::Throttled);
        }
        let user = match Email::parse(&email) {
            Ok(email) => users::find_by_email(&state.pool, &email).await?,
            Err(_) => None,
        };
        let hash = user.as_ref().map(|u| u.password_hash.clone());
        let verified = pw::verify(password, hash).await?;
        match user {
            Some(user) if verified && user.is_active() => {
                login_failures::forget(&state.pool, attempt).await?;
                if user.two_factor {
                    let session = context::session().await?;
                    session::await_second_step(&session, user.id, user.session_epoch).await?;
                    leptos_axum::redirect(&format!(
                        "/login/two-factor?next={}",
                        form_urlencoded::byte_serialize(safe_next(&next).as_bytes())
                            .collect::<String>()
                    ));
                    return Ok(());
                }
                session::log_in(
                    &context::session().await?,
                    &context::state()?.pool,
                    user.id,
                    user.session_epoch,
                    &context::origin(),
                )
                .await?;
                crate::server_fns::cart::merge_guest_cart(user.id).await?;
                tracing::info!(user = %user.id, "logged in");
                leptos_axum::redirect(safe_next(&next));
                Ok(())
            }
            _ => Err(AppError::InvalidCredentials),
        }
    })
    .await
}

/// Failed second steps an account may have in an hour; then it waits out the hour (whoever
/// tries has the password: its owner should change it).
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
const SECOND_STEP_FAILURES_PER_HOUR: i64 = 10;

/// The second step of a login with two-step login on: a code from the authenticator app or a
/// recovery code, within five minutes of the password.
#[server(endpoint = "login_second_step")]
pub async fn login_second_step(
    code: String,
    #[server(default)] next: String,
) -> Result<(), AppError> {
    use crate::auth::{context, session, two_factor};
    use crate::db::{login_failures, users};
    use crate::domain::Invalid;

    context::respond(async move {
        let state = context::state()?;
        let session = context::session().await?;
        let expired = || AppError::invalid("code", Invalid::LoginStepExpired);
        let (user_id, epoch) = session::second_step(&session).await?.ok_or_else(expired)?;
        let ip = context::client_ip();
        // Counted apart from passwords, under a key no email can take.
        let key = format!("second-step:{user_id}");
        let attempt = login_failures::note(&state.pool, &key, &ip).await?;
        let recent = login_failures::recent(&state.pool, &key, &ip, attempt).await?;
        if recent.by_account >= SECOND_STEP_FAILURES_PER_HOUR
            || recent.by_ip >= state.settings.auth.max_failures_per_ip
        {
            login_failures::forget(&state.pool, attempt).await?;
            tracing::warn!(%ip, user = %user_id, "second step throttled");
            return Err(AppError::Throttled);
        }
        two_factor::check(&state.pool, user_id, &code).await?;
        login_failures::forget(&state.pool, attempt).await?;
        // The account may have been suspended or its password changed in the meantime.
        let user = users::find_by_id(&state.pool, user_id)
            .await?
            .filter(|u| u.is_active() && u.session_epoch == epoch)
            .ok_or_else(expired)?;
        session::log_in(&session, &state.pool, user.id, epoch, &context::origin()).await?;
        crate::server_fns::cart::merge_guest_cart(user.id).await?;
        tracing::info!(user = %user.id, "logged in with two steps");
        leptos_axum::redirect(safe_next(&next));
        Ok(())
    })
    .await
}

/// Seconds an account over its failure limit waits between tries: doubling with each failure
/// past the limit, from one second up to a minute.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
fn account_backoff(past_limit: i64) -> f64 {
    2f64.powi(past_limit.clamp(0, 6) as i32).min(60.0)
}

/// Where to go after login: only a path on this site, so `next` cannot send people to another
/// one. A path is `/` then visible ASCII only: browsers drop tabs and newlines from a URL
/// (`/\t/evil.example` becomes `//evil.example`, another host) and read `\\` as `/`, and a
/// control character cannot go in a `Location` header at all.
pub fn safe_next(next: &str) -> &str {
    let mut chars = next.chars();
    let local = chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && next.chars().all(|c| c.is_ascii_graphic() && c != '\\');
    if local { next } else { "/account" }
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::auth::{context, session};
    context::respond(async move {
        session::log_out(&context::session().await?, &context::state()?.pool).await?;
        leptos_axum::redirect("/");
        Ok(())
    })
    .await
}

/// Mails a password reset link if an account uses `email`; the answer is the same either way.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let state = context::state()?;
        crate::auth::reset::request(
            &state.pool,
            &email,
            &context::client_ip(),
            &state.settings.http.public_url,
        )
        .await?;
        leptos_axum::redirect("/forgot-password?sent=1");
        Ok(())
    })
    .await
}

/// Sets a new password through an e-mailed link; every session of the account ends.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String) -> Result<(), AppError> {
    use crate::auth::{context, session};
    context::respond(async move {
        crate::auth::reset::reset(&context::state()?.pool, &token, password).await?;
        // Whoever was logged in in this browser is logged out too: the link proves only the
        // mailbox, and the new password is what logs in.
        session::log_out(&context::session().await?, &context::state()?.pool).await?;
        leptos_axum::redirect("/login?reset=1");
        Ok(())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn accounts_slow_down_to_a_try_a_minute() {
        use super::account_backoff;
        assert_eq!(account_backoff(0), 1.0);
        assert_eq!(account_backoff(3), 8.0);
        assert_eq!(account_backoff(6), 60.0);
        assert_eq!(account_backoff(500), 60.0);
    }

    #[test]
    fn next_stays_on_site() {
        assert_eq!(safe_next("/admin"), "/admin");
        assert_eq!(safe_next("//evil.example"), "/account");
        assert_eq!(safe_next("https://evil.example"), "/account");
        assert_eq!(safe_next("/\\evil.example"), "/account");
        assert_eq!(safe_next(""), "/account");
        assert_eq!(
            safe_next("/\t/evil.example"),
            "/account",
            "tab dropped → //evil"
        );
        assert_eq!(safe_next("/\n/evil.example"), "/account");
        assert_eq!(safe_next("/ /evil.example"), "/account");
        assert_eq!(safe_next("/\u{1}"), "/account", "would panic as a header");
        assert_eq!(safe_next("/sokoni/ü"), "/account");
        assert_eq!(
            safe_next("/seller/orders?status=paid&page=2"),
            "/seller/orders?status=paid&page=2"
        );
        assert_eq!(safe_next("/"), "/");
        assert_eq!(
            safe_next("/%09/evil.example"),
            "/%09/evil.example",
            "still a path here"
        );
    }
}

//! Forgotten passwords: an e-mailed link, single use, 30 minutes, stored hashed. Asking gives
//! the same answer whether or not an account uses the address, and is throttled per address
//! typed and per client. Using the link sets the password and ends every session the account
//! had.

use super::token::{digest, new_token};
use crate::db::{notifications as outbox, password_resets, users};
use crate::domain::{Email, Password};
use crate::error::AppError;
use crate::i18n::mail::Mail;
use sqlx::PgPool;
use uuid::Uuid;

/// How long a link works.
pub const LINK_MINUTES: i64 = 30;
/// Requests per hour for one address typed, and from one client.
pub const PER_EMAIL_PER_HOUR: i64 = 3;
pub const PER_IP_PER_HOUR: i64 = 10;

/// Mails a reset link to the account using `email`, if there is one (an active one).
pub async fn request(
    pool: &PgPool,
    email: &str,
    ip: &str,
    public_url: &str,
) -> Result<(), AppError> {
    let email = Email::parse(email).map_err(|w| AppError::invalid("email", w))?;
    let mut tx = pool.begin().await?;
    let (for_email, for_ip) = password_resets::count_request(&mut tx, email.as_str(), ip).await?;
    if for_email > PER_EMAIL_PER_HOUR || for_ip > PER_IP_PER_HOUR {
        // The request stays counted: a flood keeps itself throttled.
        tx.commit().await?;
        return Err(AppError::Throttled);
    }
    if let Some(user) = users::find_by_email(&mut *tx, &email).await?
        && user.is_active()
    {
        send_link(&mut tx, user.id, public_url).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Makes a link for `user_id` and queues it to them in their language, in the caller's
/// transaction (the shopper's own request above, or an admin's from the people page).
pub async fn send_link(
    tx: &mut sqlx::PgConnection,
    user_id: Uuid,
    public_url: &str,
) -> Result<(), sqlx::Error> {
    let token = new_token();
    password_resets::insert(tx, &digest(&token), user_id, LINK_MINUTES).await?;
    let link = format!(
        "{}/reset-password?token={token}",
        public_url.trim_end_matches('/')
    );
    let to = outbox::user(tx, user_id).await?;
    let message = to.locale.mail(&Mail::PasswordReset { link: &link });
    outbox::queue(tx, &to.email, &message.subject, &message.body).await
}

/// Sets a new password through a link; the account's sessions all end.
pub async fn reset(pool: &PgPool, token: &str, password: String) -> Result<(), AppError> {
    let password = Password::parse(password).map_err(|w| AppError::invalid("password", w))?;
    // Hashed before the transaction, so no row stays locked through the slow hash.
    let hash = super::password::hash(password.expose().to_owned()).await?;
    let mut tx = pool.begin().await?;
    let user = password_resets::redeem(&mut tx, &digest(token.trim()))
        .await?
        .ok_or(AppError::invalid(
            "token",
            crate::domain::Invalid::LinkExpired,
        ))?;
    users::set_password_hash(&mut *tx, user, &hash).await?;
    tx.commit().await?;
    Ok(())
}

//! Email verification: a link mailed at registration (and again on request, three an hour),
//! which confirms the address. Needed before applying to sell and for a shop's payouts.

use super::token::{digest, new_token};
use crate::db::{email_verifications, notifications as outbox};
use crate::domain::Invalid;
use crate::error::AppError;
use crate::i18n::mail::Mail;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// How long a link works.
pub const LINK_HOURS: i32 = 48;
/// Links one account may ask for in an hour.
pub const PER_HOUR: i64 = 3;

/// Makes a link for the account's current address and queues it, in the caller's transaction.
pub async fn send_link(
    tx: &mut PgConnection,
    user_id: Uuid,
    public_url: &str,
) -> Result<(), sqlx::Error> {
    let token = new_token();
    let to = outbox::user(&mut *tx, user_id).await?;
    email_verifications::insert(tx, &digest(&token), user_id, &to.email, LINK_HOURS).await?;
    let link = format!(
        "{}/verify-email?token={token}",
        public_url.trim_end_matches('/')
    );
    let message = to.locale.mail(&Mail::VerifyEmail { link: &link });
    outbox::queue(tx, &to.email, &message.subject, &message.body).await
}

/// Sends the link again, unless the address is confirmed already or three went out this hour.
pub async fn resend(pool: &PgPool, user_id: Uuid, public_url: &str) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    // One request at a time per account, so a burst cannot slip past the count.
    sqlx::query("select 1 from users where id = $1 for update")
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    if email_verifications::sent_last_hour(&mut *tx, user_id).await? >= PER_HOUR {
        return Err(AppError::Throttled);
    }
    send_link(&mut tx, user_id, public_url).await?;
    tx.commit().await?;
    Ok(())
}

/// Confirms the address a link was sent to.
pub async fn verify(pool: &PgPool, token: &str) -> Result<Uuid, AppError> {
    let mut tx = pool.begin().await?;
    let user = email_verifications::redeem(&mut tx, &digest(token.trim()))
        .await?
        .ok_or(AppError::invalid("token", Invalid::LinkExpired))?;
    tx.commit().await?;
    Ok(user)
}

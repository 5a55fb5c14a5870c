//! Changing a verified shop's payout phone: the money's destination, so the owner proves they
//! hold the new phone with a one-time code sent to it by SMS. When it changes, the old phone
//! and every owner are told, and no payout is queued for 24 hours — an account taken over
//! cannot redirect the shop's money before the owner can notice.

use crate::db::notifications::{self as outbox, Recipient};
use crate::db::payout_phone::{self as codes, CODE_TRIES};
use crate::domain::Invalid;
use crate::domain::phone::Phone;
use crate::error::AppError;
use crate::i18n::Locale;
use crate::i18n::mail::Mail;
use crate::sms::SmsSender;
use sha2::{Digest, Sha256};
use sqlx::PgPool;
use subtle::ConstantTimeEq;
use uuid::Uuid;

/// Codes that may be sent for one shop in an hour (each is an SMS we pay for, to any number).
pub const CODES_PER_HOUR: i64 = 3;

/// The code kept in the database: a hash bound to the shop, so a leaked row reveals nothing
/// that works elsewhere (six digits with five tries need no slow hash).
fn digest(vendor_id: Uuid, code: &str) -> String {
    let mut h = Sha256::new();
    h.update(vendor_id.as_bytes());
    h.update(code.as_bytes());
    format!("{:x}", h.finalize())
}

/// Six random digits (from the OS generator behind v4 UUIDs).
fn new_code() -> String {
    format!("{:06}", Uuid::new_v4().as_u128() % 1_000_000)
}

/// Sends a code to `new_phone` for the shop `vendor_id` (named `shop`, paid to `current`).
pub async fn send_code(
    pool: &PgPool,
    sms: &SmsSender,
    vendor_id: Uuid,
    shop: &str,
    current: &str,
    new_phone: &str,
    locale: Locale,
) -> Result<(), AppError> {
    let phone = Phone::parse(new_phone).map_err(|w| AppError::invalid("new_phone", w))?;
    if phone.as_str() == current {
        return Err(AppError::invalid("new_phone", Invalid::SamePhone));
    }
    let mut tx = pool.begin().await?;
    // One decision per shop at a time, so parallel requests cannot pass the limit together.
    crate::db::vendors::lock(&mut tx, vendor_id).await?;
    if codes::sent_last_hour(&mut *tx, vendor_id).await? >= CODES_PER_HOUR {
        return Err(AppError::invalid(
            "new_phone",
            Invalid::CodeLimit {
                per_hour: CODES_PER_HOUR,
            },
        ));
    }
    let code = new_code();
    codes::insert_code(
        &mut tx,
        vendor_id,
        phone.as_str(),
        &digest(vendor_id, &code),
    )
    .await?;
    let text = locale.mail(&Mail::PayoutPhoneCode { code: &code, shop });
    let message = outbox::queue_sms(&mut tx, phone.msisdn(), &text.body).await?;
    tx.commit().await?;
    // Sent now rather than at the next job round; if the provider fails, the job retries.
    crate::sms::send_pending(pool, sms, Some(message)).await?;
    Ok(())
}

/// Checks `code`; if right, the payout phone changes, payouts wait 24 hours, and the old
/// phone and the owners are told.
pub async fn confirm(
    pool: &PgPool,
    sms: &SmsSender,
    by: &crate::db::audit::Actor,
    vendor_id: Uuid,
    shop: &str,
    code: &str,
) -> Result<(), AppError> {
    let code = code.trim();
    if code.is_empty() {
        return Err(AppError::invalid("code", Invalid::Required));
    }
    let mut tx = pool.begin().await?;
    crate::db::vendors::lock(&mut tx, vendor_id).await?;
    let Some(open) = codes::open_code(&mut *tx, vendor_id).await? else {
        return Err(AppError::invalid("code", Invalid::CodeExpired));
    };
    let right: bool = digest(vendor_id, code)
        .as_bytes()
        .ct_eq(open.code_hash.as_bytes())
        .into();
    if !right {
        codes::count_wrong_try(&mut *tx, open.id).await?;
        tx.commit().await?;
        let tries_left = CODE_TRIES - open.attempts - 1;
        return Err(AppError::invalid(
            "code",
            if tries_left > 0 {
                Invalid::CodeWrong { tries_left }
            } else {
                Invalid::CodeExpired
            },
        ));
    }
    let old = codes::change_phone(&mut tx, vendor_id, &open).await?;
    let ending = &open.new_phone[open.new_phone.len().saturating_sub(3)..];
    let action = crate::domain::audit::Action::PayoutPhoneChanged;
    let summary = format!("…{} → …{ending}", &old[old.len().saturating_sub(3)..]);
    crate::db::audit::record(&mut tx, by, action, vendor_id, &summary).await?;
    let changed = Mail::PayoutPhoneChanged { shop, ending };
    let owners = outbox::shop_owners(&mut tx, vendor_id).await?;
    // Security notices go by email whatever channels the owners chose.
    for Recipient { email, locale, .. } in &owners {
        let m = locale.mail(&changed);
        outbox::queue(&mut tx, email, &m.subject, &m.body).await?;
    }
    let to_old_phone = match Phone::parse(&old) {
        Ok(old) => {
            let locale = owners.first().map(|o| o.locale).unwrap_or_default();
            let text = locale.mail(&changed).body;
            Some(outbox::queue_sms(&mut tx, old.msisdn(), &text).await?)
        }
        Err(_) => None,
    };
    tx.commit().await?;
    if let Some(message) = to_old_phone {
        crate::sms::send_pending(pool, sms, Some(message)).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_their_digest_is_bound_to_the_shop() {
        for _ in 0..100 {
            let c = new_code();
            assert_eq!(c.len(), 6);
            assert!(c.bytes().all(|b| b.is_ascii_digit()));
        }
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        assert_eq!(digest(a, "123456"), digest(a, "123456"));
        assert_ne!(digest(a, "123456"), digest(b, "123456"));
        assert_ne!(digest(a, "123456"), digest(a, "123457"));
    }
}

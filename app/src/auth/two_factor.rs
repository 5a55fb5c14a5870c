//! Two-step login with TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, one step of clock
//! drift either way), which every authenticator app speaks, plus ten one-time recovery codes.
//! A code is accepted once: the step it belongs to is recorded, and that step or an earlier
//! one is refused afterwards.

use super::token::digest;
use crate::db::two_factor as db;
use crate::domain::Invalid;
use crate::error::AppError;
use argon2::password_hash::rand_core::{OsRng, RngCore};
use sqlx::PgPool;
use subtle::ConstantTimeEq;
use totp_rs::{Algorithm, TOTP};
use uuid::Uuid;

const ISSUER: &str = "Sokoni";
const STEP_SECONDS: u64 = 30;
/// How many recovery codes an enrolment gets.
pub const RECOVERY_CODES: usize = 10;
/// Crockford's base32 alphabet, lower case: no i, l, o or u to misread.
const CODE_ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

fn totp(secret: &[u8], account: &str) -> Result<TOTP, AppError> {
    TOTP::new(
        Algorithm::SHA1,
        6,
        1,
        STEP_SECONDS,
        secret.to_vec(),
        Some(ISSUER.into()),
        account.into(),
    )
    .map_err(|e| AppError::internal(format!("totp: {e}")))
}

/// A new secret: 160 bits from the OS generator (RFC 4226's recommended length).
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; 20];
    OsRng.fill_bytes(&mut secret);
    secret
}

/// A secret given as base32 (as apps and the enrolment page show it), for the demo seed.
pub fn secret_from_base32(text: &str) -> Option<Vec<u8>> {
    totp_rs::Secret::Encoded(text.trim().to_uppercase())
        .to_bytes()
        .ok()
        .filter(|s| s.len() >= 16)
}

/// What the enrolment page shows: the secret as text (to type into an app) and as a QR code.
pub struct Enrolment {
    pub secret: String,
    pub qr_svg: String,
}

pub fn enrolment(secret: &[u8], account: &str) -> Result<Enrolment, AppError> {
    let totp = totp(secret, account)?;
    let qr = qrcode::QrCode::new(totp.get_url().as_bytes())
        .map_err(|e| AppError::internal(format!("qr code: {e}")))?;
    let qr_svg = qr
        .render::<qrcode::render::svg::Color<'_>>()
        .min_dimensions(200, 200)
        .build();
    Ok(Enrolment {
        secret: totp.get_secret_base32(),
        qr_svg,
    })
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// The step `code` belongs to, if it is the code of the step before, at or after `now`.
fn step_of(secret: &[u8], code: &str, now: u64) -> Result<Option<i64>, AppError> {
    let totp = totp(secret, "")?;
    let current = now / STEP_SECONDS;
    Ok([current.saturating_sub(1), current, current + 1]
        .into_iter()
        .find(|step| {
            let expected = totp.generate(step * STEP_SECONDS);
            bool::from(expected.as_bytes().ct_eq(code.as_bytes()))
        })
        .map(|step| step as i64))
}

/// What a person typed in the second step.
#[derive(Debug, PartialEq)]
enum Typed {
    Totp(String),
    Recovery(String),
}

/// Spaces and dashes are ignored and case does not matter, as people copy codes both ways.
fn parse(input: &str) -> Option<Typed> {
    let code: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()) {
        Some(Typed::Totp(code))
    } else if code.len() == 10 && code.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        Some(Typed::Recovery(code))
    } else {
        None
    }
}

/// Ten new recovery codes as shown (`xxxxx-xxxxx`, 50 random bits each) and their digests.
pub fn recovery_codes() -> (Vec<String>, Vec<String>) {
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 10];
            OsRng.fill_bytes(&mut bytes);
            let code: String = bytes
                .iter()
                .map(|b| CODE_ALPHABET[usize::from(b & 31)] as char)
                .collect();
            let shown = format!("{}-{}", &code[..5], &code[5..]);
            (shown, digest(&code))
        })
        .unzip()
}

fn wrong() -> AppError {
    AppError::invalid("code", Invalid::TwoFactorWrong)
}

/// Checks a second-step code of a user with two-step login on: a current TOTP code not used
/// before, or an unused recovery code (used up by this).
pub async fn check(pool: &PgPool, user: Uuid, input: &str) -> Result<(), AppError> {
    match parse(input).ok_or_else(wrong)? {
        Typed::Totp(code) => {
            let Some((secret, true)) = db::secret(pool, user).await? else {
                return Err(wrong());
            };
            let step = step_of(&secret, &code, now())?.ok_or_else(wrong)?;
            if db::take_step(pool, user, step).await? {
                Ok(())
            } else {
                Err(AppError::invalid("code", Invalid::TwoFactorUsed))
            }
        }
        Typed::Recovery(code) => {
            if db::take_recovery_code(pool, user, &digest(&code)).await? {
                Ok(())
            } else {
                Err(wrong())
            }
        }
    }
}

/// Confirms an enrolment with a code from the app; returns the recovery codes to show once.
pub async fn confirm(pool: &PgPool, user: Uuid, input: &str) -> Result<Vec<String>, AppError> {
    let Some((secret, false)) = db::secret(pool, user).await? else {
        return Err(AppError::invalid("code", Invalid::LoginStepExpired));
    };
    let Some(Typed::Totp(code)) = parse(input) else {
        return Err(wrong());
    };
    let step = step_of(&secret, &code, now())?.ok_or_else(wrong)?;
    let (shown, hashes) = recovery_codes();
    let mut tx = pool.begin().await?;
    if !db::enable(&mut tx, user, &secret, step, &hashes).await? {
        return Err(AppError::invalid("code", Invalid::LoginStepExpired));
    }
    tx.commit().await?;
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238 appendix B, SHA-1 rows (8 digits there; the last 6 here, as the same HOTP
    /// value is truncated modulo 10^6).
    #[test]
    fn codes_match_the_rfc_test_vectors() {
        let secret = b"12345678901234567890";
        for (time, code) in [
            (59, "287082"),
            (1_111_111_109, "081804"),
            (2_000_000_000, "279037"),
        ] {
            assert_eq!(
                step_of(secret, code, time).expect("totp"),
                Some((time / 30) as i64)
            );
        }
    }

    #[test]
    fn a_step_of_drift_either_way_and_no_more() {
        let secret = b"12345678901234567890";
        let at = 1_111_111_109;
        assert_eq!(
            step_of(secret, "081804", at + 30).expect("totp"),
            Some((at / 30) as i64)
        );
        assert_eq!(
            step_of(secret, "081804", at - 30).expect("totp"),
            Some((at / 30) as i64)
        );
        assert_eq!(step_of(secret, "081804", at + 61).expect("totp"), None);
        assert_eq!(step_of(secret, "000000", at).expect("totp"), None);
    }

    #[test]
    fn typed_codes_are_read_as_people_copy_them() {
        assert_eq!(parse(" 123 456 "), Some(Typed::Totp("123456".into())));
        assert_eq!(
            parse("ABCDE-FGH12"),
            Some(Typed::Recovery("abcdefgh12".into()))
        );
        assert_eq!(parse("12345"), None);
        assert_eq!(parse("abcde-fghiu"), None, "not in the alphabet");
    }

    #[test]
    fn recovery_codes_are_ten_distinct_and_stored_hashed() {
        let (shown, hashes) = recovery_codes();
        assert_eq!(shown.len(), RECOVERY_CODES);
        let mut distinct = shown.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), RECOVERY_CODES);
        for (code, hash) in shown.iter().zip(&hashes) {
            let Some(Typed::Recovery(plain)) = parse(code) else {
                panic!("{code}")
            };
            assert_eq!(&digest(&plain), hash);
        }
    }

    #[test]
    fn enrolment_gives_the_secret_as_text_and_a_qr_code() {
        let e = enrolment(&[7u8; 20], "amina@example.com").expect("totp");
        assert_eq!(e.secret.len(), 32);
        assert!(e.qr_svg.contains("<svg"), "{}", &e.qr_svg[..60]);
    }
}

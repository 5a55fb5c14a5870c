//! argon2id hashing with OWASP's parameters (19 MiB, 2 passes, 1 lane), run on the blocking
//! pool so a burst of logins does not stall the async workers.

use crate::error::AppError;
use argon2::password_hash::{
    PasswordHash, PasswordHasher, PasswordVerifier, SaltString, rand_core::OsRng,
};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::{Arc, LazyLock};
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// One hash at a time per core: each takes 19 MiB and a core for a while, so 500 parallel
/// registrations would otherwise take 9.5 GB. The rest wait their turn.
static SLOTS: LazyLock<Arc<Semaphore>> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    Arc::new(Semaphore::new(cores))
});

/// How long a request waits for a hashing slot before it is told to try again.
const WAIT_FOR_SLOT: Duration = Duration::from_secs(10);

async fn slot() -> Result<OwnedSemaphorePermit, AppError> {
    match tokio::time::timeout(WAIT_FOR_SLOT, SLOTS.clone().acquire_owned()).await {
        Ok(Ok(permit)) => Ok(permit),
        Ok(Err(_)) => Err(AppError::internal("hashing slots closed")),
        Err(_) => {
            tracing::warn!("no password hashing slot within 10 s");
            Err(AppError::Throttled)
        }
    }
}

fn hasher() -> Argon2<'static> {
    // Params::new only fails on out-of-range values; these are OWASP's recommended ones.
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Verified when the email is unknown, so that path costs the same as a wrong password.
static DUMMY_HASH: LazyLock<String> =
    LazyLock::new(|| hash_now("sokoni-dummy-password-for-timing").unwrap_or_default());

fn hash_now(password: &str) -> Result<String, argon2::password_hash::Error> {
    let salt = SaltString::generate(&mut OsRng);
    Ok(hasher()
        .hash_password(password.as_bytes(), &salt)?
        .to_string())
}

pub async fn hash(password: String) -> Result<String, AppError> {
    let permit = slot().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        hash_now(&password)
    })
    .await
    .map_err(|e| AppError::internal(format!("hashing task failed: {e}")))?
    .map_err(|e| AppError::internal(format!("password hashing failed: {e}")))
}

/// True when `password` matches `stored`. With no stored hash (unknown user) it still does a
/// full verification against a dummy hash and returns false.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, AppError> {
    let known = stored.is_some();
    let permit = slot().await?;
    tokio::task::spawn_blocking(move || {
        let _permit = permit;
        let phc = stored.unwrap_or_else(|| DUMMY_HASH.clone());
        let ok = PasswordHash::new(&phc)
            .map(|parsed| {
                hasher()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
            .unwrap_or(false);
        ok && known
    })
    .await
    .map_err(|e| AppError::internal(format!("verification task failed: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_then_verify() {
        let h = hash("a long enough password".into()).await.expect("hash");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
        assert!(
            verify("a long enough password".into(), Some(h.clone()))
                .await
                .expect("verify")
        );
        assert!(
            !verify("a wrong password!!".into(), Some(h))
                .await
                .expect("verify")
        );
    }

    #[tokio::test]
    async fn hashes_wait_for_a_free_slot() {
        let all = SLOTS.available_permits() as u32;
        let held = SLOTS.clone().acquire_many_owned(all).await.expect("slots");
        let waiting = tokio::spawn(hash("a long enough password".into()));
        tokio::time::sleep(Duration::from_millis(300)).await;
        assert!(!waiting.is_finished(), "no slot, no hashing");
        drop(held);
        assert!(waiting.await.expect("task").is_ok());
    }

    #[tokio::test]
    async fn unknown_user_never_verifies() {
        assert!(
            !verify("sokoni-dummy-password-for-timing".into(), None)
                .await
                .expect("verify")
        );
    }
}

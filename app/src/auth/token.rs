//! Secrets handed to a person (links, recovery codes) and stored only as their SHA-256, so a
//! copy of the database lets nobody in.

use sha2::{Digest, Sha256};
use uuid::Uuid;

/// A new link token: 244 random bits (two v4 UUIDs, from the OS generator), as 64 hex digits.
pub fn new_token() -> String {
    format!("{}{}", Uuid::new_v4().simple(), Uuid::new_v4().simple())
}

/// What is stored for a token: its SHA-256 in hex.
pub fn digest(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn tokens_are_long_random_and_stored_only_as_digests() {
        let (a, b) = (super::new_token(), super::new_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(super::digest(&a).len(), 64);
        assert_ne!(super::digest(&a), a);
    }
}

//! An email address, trimmed and lower-cased so that one mailbox is one account.

use super::Invalid;
use serde::{Deserialize, Serialize};

/// RFC 5321 limits: 64 octets before the `@`, 254 in all.
const MAX_LEN: usize = 254;
const MAX_LOCAL: usize = 64;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let s = input.trim().to_lowercase();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.len() > MAX_LEN {
            return Err(Invalid::TooLong { max: MAX_LEN });
        }
        let (local, domain) = s.split_once('@').ok_or(Invalid::EmailFormat)?;
        let local_ok = !local.is_empty()
            && local.len() <= MAX_LOCAL
            && !local.starts_with('.')
            && !local.ends_with('.');
        let domain_ok = domain.contains('.')
            && !domain.starts_with(['.', '-'])
            && !domain.ends_with(['.', '-'])
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        let no_bad_chars = !s.contains("..")
            && s.chars()
                .all(|c| !c.is_whitespace() && !c.is_control() && !"<>()[],;:\"\\".contains(c));
        if local_ok && domain_ok && no_bad_chars && !domain.contains('@') {
            Ok(Self(s))
        } else {
            Err(Invalid::EmailFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_whitespace() {
        let e = Email::parse("  Wanjiku@Example.CO.KE ").expect("valid");
        assert_eq!(e.as_str(), "wanjiku@example.co.ke");
    }

    #[test]
    fn rejects_malformed_addresses() {
        for bad in [
            "",
            "plain",
            "a@b",
            "@x.com",
            "a@.com",
            "a b@x.com",
            "a@x..com",
            "a@@x.com",
            "a@x.com-",
            ".a@x.com",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn rejects_overlong() {
        let long = format!("{}@example.com", "a".repeat(65));
        assert_eq!(Email::parse(&long), Err(Invalid::EmailFormat));
        let huge = format!("a@{}.com", "b".repeat(260));
        assert_eq!(Email::parse(&huge), Err(Invalid::TooLong { max: 254 }));
    }
}

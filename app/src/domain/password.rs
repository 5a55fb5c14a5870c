//! A new password as the user typed it. Length is the rule that matters (NIST SP 800-63B):
//! at least 10 characters, at most 128 so hashing cost stays bounded.

use super::Invalid;

pub const MIN_CHARS: usize = 10;
pub const MAX_CHARS: usize = 128;

/// Never `Debug`-printed or serialised, so it cannot leak into logs.
pub struct Password(String);

impl Password {
    pub fn parse(input: String) -> Result<Self, Invalid> {
        let n = input.chars().count();
        if n == 0 {
            Err(Invalid::Required)
        } else if n < MIN_CHARS {
            Err(Invalid::TooShort { min: MIN_CHARS })
        } else if n > MAX_CHARS {
            Err(Invalid::TooLong { max: MAX_CHARS })
        } else {
            Ok(Self(input))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Password(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_rules() {
        assert_eq!(
            Password::parse(String::new()).err(),
            Some(Invalid::Required)
        );
        assert_eq!(
            Password::parse("short".into()).err(),
            Some(Invalid::TooShort { min: 10 })
        );
        assert!(Password::parse("ten chars!".into()).is_ok());
        // counted in characters, not bytes: ten Swahili/emoji characters are enough
        assert!(Password::parse("ññññññññññ".into()).is_ok());
        assert_eq!(
            Password::parse("x".repeat(129)).err(),
            Some(Invalid::TooLong { max: 128 })
        );
    }

    #[test]
    fn debug_is_redacted() {
        let p = Password::parse("correct horse battery".into()).expect("valid");
        assert!(!format!("{p:?}").contains("horse"));
    }
}

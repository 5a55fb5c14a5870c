//! A person's display name: trimmed, 1–100 characters, no control characters.

use super::Invalid;
use serde::{Deserialize, Serialize};

pub const MAX_CHARS: usize = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let s = input.trim();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.chars().count() > MAX_CHARS {
            return Err(Invalid::TooLong { max: MAX_CHARS });
        }
        super::text::check_characters(s, false)?;
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_limits() {
        assert_eq!(
            PersonName::parse("  Achieng Otieno ").map(|n| n.0),
            Ok("Achieng Otieno".into())
        );
        assert_eq!(PersonName::parse("   "), Err(Invalid::Required));
        assert_eq!(
            PersonName::parse(&"a".repeat(101)),
            Err(Invalid::TooLong { max: 100 })
        );
        assert_eq!(
            PersonName::parse("bad\u{0}name"),
            Err(Invalid::ControlCharacters)
        );
        assert_eq!(
            PersonName::parse("Admin\u{202E}nimda"),
            Err(Invalid::ControlCharacters)
        );
    }
}

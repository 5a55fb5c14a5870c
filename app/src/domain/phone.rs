//! A phone number in E.164 (`+2547…`). Kenyan habits are accepted and normalised:
//! `0712 345 678`, `254712345678`, `+254 712-345-678`, and the newer `01…` prefixes.

use super::Invalid;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(Invalid::Required);
        }
        if trimmed.len() > 32 {
            return Err(Invalid::TooLong { max: 32 });
        }
        let plus = trimmed.starts_with('+');
        let body = if plus { &trimmed[1..] } else { trimmed };
        if !body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'))
        {
            return Err(Invalid::PhoneFormat);
        }
        let digits: String = body.chars().filter(char::is_ascii_digit).collect();
        let e164 = match (plus, digits.len()) {
            // Kenyan mobile written locally: 07XXXXXXXX / 01XXXXXXXX
            (false, 10) if digits.starts_with("07") || digits.starts_with("01") => {
                format!("254{}", &digits[1..])
            }
            // Kenyan mobile without the leading zero: 7XXXXXXXX
            (false, 9) if digits.starts_with('7') || digits.starts_with('1') => {
                format!("254{digits}")
            }
            (_, 12) if digits.starts_with("2547") || digits.starts_with("2541") => digits,
            // other countries must be written with their + prefix
            (true, 8..=15) if !digits.starts_with("254") && !digits.starts_with('0') => digits,
            _ => return Err(Invalid::PhoneFormat),
        };
        Ok(Self(format!("+{e164}")))
    }

    /// `+254712345678`
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form M-Pesa wants: `254712345678`.
    pub fn msisdn(&self) -> &str {
        &self.0[1..]
    }
}

impl std::fmt::Display for Phone {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kenyan_forms_normalise_to_e164() {
        for input in [
            "0712345678",
            "0712 345 678",
            "712345678",
            "254712345678",
            "+254712345678",
            "+254 712-345-678",
        ] {
            assert_eq!(
                Phone::parse(input).map(|p| p.0),
                Ok("+254712345678".to_owned()),
                "{input}"
            );
        }
        assert_eq!(
            Phone::parse("0110123456").map(|p| p.0),
            Ok("+254110123456".to_owned())
        );
        assert_eq!(
            Phone::parse("0712345678").expect("valid").msisdn(),
            "254712345678"
        );
    }

    #[test]
    fn other_countries_need_a_plus() {
        assert_eq!(
            Phone::parse("+256772123456").map(|p| p.0),
            Ok("+256772123456".to_owned())
        );
        assert!(Phone::parse("256772123456").is_err());
    }

    #[test]
    fn rejects_junk() {
        for bad in [
            "07123",
            "0812345678",
            "+2547123456789",
            "phone",
            "0712a45678",
            "+254612345678",
        ] {
            assert!(Phone::parse(bad).is_err(), "{bad:?} should be refused");
        }
        assert_eq!(Phone::parse("  "), Err(Invalid::Required));
    }
}

//! URL slugs for shops and listings: lowercase ASCII letters and digits joined by single
//! hyphens, at most 60 characters, so `/store/<slug>` and `/p/<slug>` need no escaping.

use super::Invalid;
use serde::{Deserialize, Serialize};

pub const MAX_CHARS: usize = 60;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slug(String);

impl Slug {
    /// Accepts a slug a person typed; lowercases it but refuses anything else it would
    /// have to change, so the shop gets exactly the address it asked for.
    pub fn parse(input: &str) -> Result<Self, Invalid> {
        let s = input.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Err(Invalid::Required);
        }
        if s.len() < 2 {
            return Err(Invalid::TooShort { min: 2 });
        }
        if s.len() > MAX_CHARS {
            return Err(Invalid::TooLong { max: MAX_CHARS });
        }
        let well_formed = s.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        if !well_formed {
            return Err(Invalid::SlugFormat);
        }
        Ok(Self(s))
    }

    /// Makes a slug from a title: accents dropped where they have a plain letter, everything
    /// else that is not a letter or digit becomes one hyphen. Never empty.
    pub fn from_title(title: &str) -> Self {
        let mut out = String::with_capacity(title.len());
        for c in title.chars().flat_map(char::to_lowercase) {
            let plain = match c {
                'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
                'è' | 'é' | 'ê' | 'ë' => 'e',
                'ì' | 'í' | 'î' | 'ï' => 'i',
                'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
                'ù' | 'ú' | 'û' | 'ü' => 'u',
                'ç' => 'c',
                'ñ' => 'n',
                c => c,
            };
            if plain.is_ascii_alphanumeric() {
                out.push(plain);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
        }
        let mut s = out.trim_end_matches('-').to_owned();
        if s.len() > MAX_CHARS - 9 {
            // Room for a "-" and an eight-character suffix that keeps slugs unique.
            s.truncate(MAX_CHARS - 9);
            s = s.trim_end_matches('-').to_owned();
        }
        if s.is_empty() {
            s.push_str("item");
        }
        Self(s)
    }

    /// The same slug with a suffix, for when the plain one is taken.
    pub fn with_suffix(&self, suffix: &str) -> Self {
        Self(format!("{}-{}", self.0, suffix))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_typed_slugs() {
        assert_eq!(
            Slug::parse(" Mama-Mboga-2 ").map(|s| s.0),
            Ok("mama-mboga-2".into())
        );
        assert_eq!(Slug::parse(""), Err(Invalid::Required));
        assert_eq!(Slug::parse("a"), Err(Invalid::TooShort { min: 2 }));
        for bad in [
            "-shop",
            "shop-",
            "my--shop",
            "my shop",
            "duka_langu",
            "café",
            "a/b",
        ] {
            assert_eq!(Slug::parse(bad), Err(Invalid::SlugFormat), "{bad}");
        }
        assert_eq!(
            Slug::parse(&"a".repeat(61)),
            Err(Invalid::TooLong { max: 60 })
        );
    }

    #[test]
    fn makes_slugs_from_titles() {
        assert_eq!(
            Slug::from_title("Samsung Galaxy A15 (128GB)").as_str(),
            "samsung-galaxy-a15-128gb"
        );
        assert_eq!(
            Slug::from_title("  Unga wa Ngano — 2kg!! ").as_str(),
            "unga-wa-ngano-2kg"
        );
        assert_eq!(Slug::from_title("Café crème").as_str(), "cafe-creme");
        assert_eq!(Slug::from_title("!!!").as_str(), "item");
        let long = Slug::from_title(&"word ".repeat(40));
        assert!(long.as_str().len() <= MAX_CHARS - 9 && !long.as_str().ends_with('-'));
        assert!(Slug::parse(long.with_suffix("ab12cd34").as_str()).is_ok());
    }
}

//! Bounded free text typed by people: titles, business names, descriptions, reasons.

use super::Invalid;

/// Characters that change how text around them reads without showing themselves: bidi
/// overrides and isolates (which can turn "gpj.exe" into "exe.jpg" on screen, or make one
/// shop's name look like another's) and zero-width spaces and marks. Zero-width joiners stay:
/// scripts and emoji need them.
pub fn is_hidden_trick(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{180E}' | '\u{200B}' | '\u{200E}' | '\u{200F}'
        | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// No control characters (newlines and tabs allowed when `multiline`) and no hidden tricks.
pub fn check_characters(s: &str, multiline: bool) -> Result<(), Invalid> {
    let allowed = |c: char| multiline && matches!(c, '\n' | '\r' | '\t');
    if s.chars()
        .any(|c| (c.is_control() && !allowed(c)) || is_hidden_trick(c))
    {
        return Err(Invalid::ControlCharacters);
    }
    Ok(())
}

/// Trims `input` and checks it holds `min..=max` characters and no control characters
/// (newlines and tabs allowed only when `multiline`) or hidden tricks.
pub fn bounded(input: &str, min: usize, max: usize, multiline: bool) -> Result<String, Invalid> {
    let s = input.trim();
    let count = s.chars().count();
    if count == 0 && min > 0 {
        return Err(Invalid::Required);
    }
    if count < min {
        return Err(Invalid::TooShort { min });
    }
    if count > max {
        return Err(Invalid::TooLong { max });
    }
    check_characters(s, multiline)?;
    Ok(s.replace("\r\n", "\n"))
}

/// An optional number typed in a form: empty means absent.
pub fn optional_number<T: std::str::FromStr + PartialOrd>(
    input: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<Option<T>, Invalid> {
    let s = input.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let value: T = s.parse().map_err(|_| Invalid::NumberFormat)?;
    if range.contains(&value) {
        Ok(Some(value))
    } else {
        Err(Invalid::OutOfRange)
    }
}

/// A required number typed in a form.
pub fn number<T: std::str::FromStr + PartialOrd>(
    input: &str,
    range: std::ops::RangeInclusive<T>,
) -> Result<T, Invalid> {
    optional_number(input, range)?.ok_or(Invalid::Required)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_control_characters() {
        assert_eq!(
            bounded("  Mama Mboga ", 2, 10, false),
            Ok("Mama Mboga".into())
        );
        assert_eq!(bounded(" ", 2, 10, false), Err(Invalid::Required));
        assert_eq!(
            bounded("a", 2, 10, false),
            Err(Invalid::TooShort { min: 2 })
        );
        assert_eq!(
            bounded("abcdef", 1, 5, false),
            Err(Invalid::TooLong { max: 5 })
        );
        assert_eq!(
            bounded("a\nb", 1, 5, false),
            Err(Invalid::ControlCharacters)
        );
        assert_eq!(bounded("a\r\nb", 1, 5, true), Ok("a\nb".into()));
        for trick in [
            "Duka\u{202E}gpj.exe",
            "Mama\u{200B}Mboga",
            "\u{2066}Duka\u{2069}",
            "\u{FEFF}Duka",
        ] {
            assert_eq!(
                bounded(trick, 1, 50, true),
                Err(Invalid::ControlCharacters),
                "{trick:?}"
            );
        }
        assert_eq!(
            bounded("👩\u{200D}💻 Duka", 1, 50, false),
            Ok("👩\u{200D}💻 Duka".into()),
            "joiners stay"
        );
        assert_eq!(bounded("", 0, 5, true), Ok(String::new()));
    }

    #[test]
    fn numbers() {
        assert_eq!(optional_number::<i32>(" ", 0..=10), Ok(None));
        assert_eq!(optional_number::<i32>("7", 0..=10), Ok(Some(7)));
        assert_eq!(
            optional_number::<i32>("70", 0..=10),
            Err(Invalid::OutOfRange)
        );
        assert_eq!(
            optional_number::<i32>("x", 0..=10),
            Err(Invalid::NumberFormat)
        );
        assert_eq!(number::<f64>("", -90.0..=90.0), Err(Invalid::Required));
    }
}

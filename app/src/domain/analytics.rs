//! The platform analytics' rules: which period is asked for, and how a figure compares with
//! the period before.

use crate::domain::Invalid;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// The periods offered as links; any other is asked as dates.
pub const PRESET_DAYS: [i32; 3] = [7, 30, 90];
/// The longest custom period: a year (and a day, for leap years).
pub const MAX_DAYS: i64 = 366;

/// A period: the last N days (today included), or two dates (both included, UTC).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodAsk {
    Last(i32),
    Between(String, String),
}

/// Days since 0000-03-01 of a valid `YYYY-MM-DD` (for ordering and spans), else `None`.
fn day_number(text: &str) -> Option<i64> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &str| s.parse::<i64>().ok();
    let (y, m, d) = (num(&text[..4])?, num(&text[5..7])?, num(&text[8..])?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d < 1 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Days from civil (Howard Hinnant's algorithm), shifted so March starts the year.
    let (y, m) = if m <= 2 { (y - 1, m + 9) } else { (y, m - 3) };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * m + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe)
}

/// Reads `days`, or `from` and `to`; nothing given is the last 30 days.
pub fn parse_period(
    days: &str,
    from: &str,
    to: &str,
) -> Result<PeriodAsk, (&'static str, Invalid)> {
    let (from, to) = (from.trim(), to.trim());
    if !from.is_empty() || !to.is_empty() {
        let start = day_number(from).ok_or(("from", Invalid::NotFound))?;
        let end = day_number(to).ok_or(("to", Invalid::NotFound))?;
        if end < start {
            return Err(("to", Invalid::NotFound));
        }
        if end - start + 1 > MAX_DAYS {
            return Err((
                "to",
                Invalid::TooLong {
                    max: MAX_DAYS as usize,
                },
            ));
        }
        return Ok(PeriodAsk::Between(from.to_owned(), to.to_owned()));
    }
    match days.trim() {
        "" => Ok(PeriodAsk::Last(30)),
        d => d
            .parse::<i32>()
            .ok()
            .filter(|d| PRESET_DAYS.contains(d))
            .map(PeriodAsk::Last)
            .ok_or(("days", Invalid::NotFound)),
    }
}

/// The change from `before` to `now` in percent, to one decimal; none when there was nothing
/// before to compare with.
pub fn change_percent(now: Decimal, before: Decimal) -> Option<Decimal> {
    if before.is_zero() {
        return None;
    }
    Some(((now - before) * Decimal::from(100) / before).round_dp(1))
}

/// Bar heights for a chart `height` high: each value scaled to the largest (0 stays 0).
pub fn bar_heights(values: &[Decimal], height: u32) -> Vec<u32> {
    let max = values.iter().copied().max().unwrap_or_default();
    if max <= Decimal::ZERO {
        return vec![0; values.len()];
    }
    values
        .iter()
        .map(|v| {
            (*v * Decimal::from(height) / max)
                .round()
                .to_u32()
                .unwrap_or(0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn periods_are_presets_or_two_valid_dates_in_order() {
        assert_eq!(parse_period("", "", ""), Ok(PeriodAsk::Last(30)));
        assert_eq!(parse_period("7", "", ""), Ok(PeriodAsk::Last(7)));
        assert_eq!(parse_period("8", "", ""), Err(("days", Invalid::NotFound)));
        assert_eq!(
            parse_period("", "2026-02-01", "2026-02-28"),
            Ok(PeriodAsk::Between("2026-02-01".into(), "2026-02-28".into()))
        );
        assert_eq!(
            parse_period("", "2026-02-30", "2026-03-01"),
            Err(("from", Invalid::NotFound))
        );
        assert_eq!(
            parse_period("", "2024-02-29", "2024-03-01").map(|_| ()),
            Ok(())
        );
        assert_eq!(
            parse_period("", "2026-03-02", "2026-03-01"),
            Err(("to", Invalid::NotFound))
        );
        assert_eq!(
            parse_period("", "2024-01-01", "2025-01-02"),
            Err(("to", Invalid::TooLong { max: 366 }))
        );
        assert_eq!(
            parse_period("", "2024-01-01", "2024-12-31").map(|_| ()),
            Ok(())
        );
        assert_eq!(
            parse_period("", "2026-1-01", "2026-01-02"),
            Err(("from", Invalid::NotFound))
        );
    }

    #[test]
    fn changes_compare_with_the_period_before() {
        assert_eq!(change_percent(dec!(150), dec!(100)), Some(dec!(50.0)));
        assert_eq!(change_percent(dec!(50), dec!(200)), Some(dec!(-75.0)));
        assert_eq!(change_percent(dec!(5), dec!(0)), None);
    }

    #[test]
    fn bars_scale_to_the_largest_value() {
        assert_eq!(
            bar_heights(&[dec!(0), dec!(50), dec!(100)], 160),
            [0, 80, 160]
        );
        assert_eq!(bar_heights(&[dec!(0), dec!(0)], 160), [0, 0]);
        assert_eq!(bar_heights(&[dec!(1), dec!(3)], 100), [33, 100]);
    }
}

//! The cart's rules: how many of a thing a line may hold, and what a line's state is when the
//! cart is shown again (it is re-checked on every view, never silently changed).

use super::Invalid;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub const MAX_QUANTITY: i32 = 99;

/// A quantity typed or posted: 1–99.
pub fn parse_quantity(input: &str) -> Result<i32, Invalid> {
    super::text::number(input, 1..=MAX_QUANTITY)
}

/// Adding `more` to a line holding `current`, capped by what is in stock and the line limit.
pub fn merged_quantity(current: i32, more: i32, stock: i32) -> i32 {
    (current + more).min(stock).min(MAX_QUANTITY)
}

/// What changed about a line since it was added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum LineIssue {
    /// The listing is no longer for sale (archived, rejected, shop suspended).
    Withdrawn,
    OutOfStock,
    /// Fewer in stock than the line asks for.
    NotEnoughStock {
        available: i32,
    },
    PriceChanged {
        was: Decimal,
        now: Decimal,
    },
}

/// The line's issue, if any; the most serious one wins.
pub fn line_issue(
    for_sale: bool,
    stock: i32,
    quantity: i32,
    price_when_added: Decimal,
    price_now: Decimal,
) -> Option<LineIssue> {
    if !for_sale {
        Some(LineIssue::Withdrawn)
    } else if stock <= 0 {
        Some(LineIssue::OutOfStock)
    } else if stock < quantity {
        Some(LineIssue::NotEnoughStock { available: stock })
    } else if price_when_added != price_now {
        Some(LineIssue::PriceChanged {
            was: price_when_added,
            now: price_now,
        })
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn quantities() {
        assert_eq!(parse_quantity("3"), Ok(3));
        assert_eq!(parse_quantity("0"), Err(Invalid::OutOfRange));
        assert_eq!(parse_quantity("100"), Err(Invalid::OutOfRange));
        assert_eq!(parse_quantity("two"), Err(Invalid::NumberFormat));
        assert_eq!(merged_quantity(2, 3, 10), 5);
        assert_eq!(merged_quantity(8, 5, 10), 10, "capped by stock");
        assert_eq!(merged_quantity(90, 20, 500), 99, "capped by the line limit");
    }

    #[test]
    fn issues_most_serious_first() {
        assert_eq!(
            line_issue(false, 0, 1, dec!(10), dec!(12)),
            Some(LineIssue::Withdrawn)
        );
        assert_eq!(
            line_issue(true, 0, 1, dec!(10), dec!(12)),
            Some(LineIssue::OutOfStock)
        );
        assert_eq!(
            line_issue(true, 2, 3, dec!(10), dec!(10)),
            Some(LineIssue::NotEnoughStock { available: 2 })
        );
        assert_eq!(
            line_issue(true, 5, 3, dec!(10), dec!(12)),
            Some(LineIssue::PriceChanged {
                was: dec!(10),
                now: dec!(12)
            })
        );
        assert_eq!(line_issue(true, 5, 3, dec!(10), dec!(10.00)), None);
    }
}

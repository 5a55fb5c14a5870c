//! Reviews: what a buyer may review (a delivered item they bought, once), what a review holds,
//! how a rating reads, and the orders reviews are listed in.

use crate::domain::Invalid;
use crate::domain::order::VendorOrderStatus;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// At most this many photos with a review.
pub const MAX_PHOTOS: usize = 3;

/// A review's stars, 1 to 5.
pub fn stars(text: &str) -> Result<i16, Invalid> {
    let n: i16 = text.trim().parse().map_err(|_| Invalid::NumberFormat)?;
    if (1..=5).contains(&n) {
        Ok(n)
    } else {
        Err(Invalid::OutOfRange)
    }
}

/// Whether an item of a part in `status` may be reviewed: once its part was delivered (a
/// return asked for, or a refund of the item, does not undo what the buyer experienced, but a
/// part refunded before delivery was never received).
pub fn reviewable(status: VendorOrderStatus, delivered: bool) -> bool {
    delivered
        && matches!(
            status,
            VendorOrderStatus::Delivered
                | VendorOrderStatus::Completed
                | VendorOrderStatus::ReturnRequested
                | VendorOrderStatus::Refunded
        )
}

/// A rating as pages show it: "★ 4.50", or none when there are no reviews yet (stars start at
/// 1, so an average of 0 means nothing was counted).
pub fn rating_text(rating: Decimal) -> Option<String> {
    (rating > Decimal::ZERO).then(|| {
        format!(
            "★ {}",
            rating.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
        )
    })
}

/// How a list of reviews is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewSort {
    #[default]
    Newest,
    Helpful,
}

impl ReviewSort {
    pub fn parse(text: &str) -> Self {
        match text {
            "helpful" => Self::Helpful,
            _ => Self::Newest,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Self::Newest => "newest",
            Self::Helpful => "helpful",
        }
    }
}

/// How many reviews gave each number of stars, and their average.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Distribution {
    /// Counts for 5, 4, 3, 2 and 1 stars, in that order.
    pub counts: [i64; 5],
}

impl Distribution {
    pub fn total(&self) -> i64 {
        self.counts.iter().sum()
    }

    /// The average to two places (0 with no reviews), as the ratings are stored.
    pub fn average(&self) -> Decimal {
        let total = self.total();
        if total == 0 {
            return Decimal::ZERO;
        }
        let sum: i64 = self
            .counts
            .iter()
            .zip([5, 4, 3, 2, 1])
            .map(|(n, s)| n * s)
            .sum();
        (Decimal::from(sum) / Decimal::from(total))
            .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
    }

    /// Each row's share of the reviews in whole percent (for the bars).
    pub fn percents(&self) -> [i64; 5] {
        let total = self.total().max(1);
        self.counts.map(|n| n * 100 / total)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn stars_are_one_to_five() {
        assert_eq!(stars("4"), Ok(4));
        assert_eq!(stars(" 1 "), Ok(1));
        assert_eq!(stars("0"), Err(Invalid::OutOfRange));
        assert_eq!(stars("6"), Err(Invalid::OutOfRange));
        assert_eq!(stars("four"), Err(Invalid::NumberFormat));
    }

    #[test]
    fn only_delivered_items_are_reviewed() {
        assert!(reviewable(VendorOrderStatus::Delivered, true));
        assert!(
            reviewable(VendorOrderStatus::Refunded, true),
            "returned after delivery"
        );
        assert!(
            !reviewable(VendorOrderStatus::Refunded, false),
            "refunded, never delivered"
        );
        assert!(!reviewable(VendorOrderStatus::Shipped, false));
    }

    #[test]
    fn ratings_read_from_the_reviews() {
        let d = Distribution {
            counts: [2, 1, 0, 0, 1],
        };
        assert_eq!(d.total(), 4);
        assert_eq!(d.average(), dec!(3.75));
        assert_eq!(d.percents(), [50, 25, 0, 0, 25]);
        assert_eq!(Distribution::default().average(), dec!(0));
        assert_eq!(rating_text(dec!(0)), None, "no reviews yet, never ★ 0");
        assert_eq!(rating_text(dec!(4.25)).as_deref(), Some("★ 4.3"));
    }
}

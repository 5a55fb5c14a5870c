//! A shop's reliability record over the last 90 days, and the grade it earns. The formula is
//! written out on the pages that show the grade (`Grade::rule`), so shops know how to improve.

use serde::{Deserialize, Serialize};

/// The window the record covers.
pub const DAYS: i64 = 90;
/// Fewer confirmed parts than this earn no grade yet.
pub const MIN_PARTS: i64 = 5;

/// What the shop did with the parts confirmed to it in the window.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Reliability {
    /// Parts paid for (or cash on delivery) and handed to the shop.
    pub parts: i64,
    pub accepted: i64,
    pub rejected: i64,
    /// Cancelled by the shopper before the shop decided (not the shop's doing).
    pub cancelled_by_shopper: i64,
    /// Cancelled because the shop missed a deadline: not accepted, or not shipped, in time.
    pub missed_deadline: i64,
    /// Median hours from payment to acceptance, and from acceptance to shipping.
    pub median_accept_hours: Option<f64>,
    pub median_ship_hours: Option<f64>,
    /// Disputes shoppers opened about the shop's parts, and those that ended in a refund.
    pub disputed: i64,
    pub disputes_lost: i64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    /// Too few parts to judge.
    New,
    A,
    B,
    C,
    D,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::New => "new",
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
        }
    }
}

fn percent(n: i64, of: i64) -> f64 {
    if of == 0 {
        0.0
    } else {
        (n as f64) * 100.0 / (of as f64)
    }
}

impl Reliability {
    /// Parts the shop had to decide on: all but those the shopper cancelled first.
    pub fn decided(&self) -> i64 {
        self.parts - self.cancelled_by_shopper
    }

    /// Accepted, of the parts the shop had to decide on, in percent.
    pub fn acceptance_percent(&self) -> f64 {
        percent(self.accepted, self.decided())
    }

    pub fn rejection_percent(&self) -> f64 {
        percent(self.rejected, self.decided())
    }

    /// Cancelled for a missed deadline, of the parts the shop had to decide on, in percent.
    pub fn missed_percent(&self) -> f64 {
        percent(self.missed_deadline, self.decided())
    }

    /// Disputes that ended in a refund, of the parts the shop had to decide on, in percent.
    pub fn disputes_lost_percent(&self) -> f64 {
        percent(self.disputes_lost, self.decided())
    }

    /// A: accepts at least 95%, misses at most 2% of deadlines, loses at most 1% to disputes,
    /// accepts within 12 hours (median). B: 85%, 5%, 3%, 24 hours. C: 70%, 10%, 6%. D: below
    /// that. New: fewer than `MIN_PARTS` parts decided in the window.
    pub fn grade(&self) -> Grade {
        if self.decided() < MIN_PARTS {
            return Grade::New;
        }
        let (accepts, misses) = (self.acceptance_percent(), self.missed_percent());
        let lost = self.disputes_lost_percent();
        let accept_hours = self.median_accept_hours.unwrap_or(f64::INFINITY);
        if accepts >= 95.0 && misses <= 2.0 && lost <= 1.0 && accept_hours <= 12.0 {
            Grade::A
        } else if accepts >= 85.0 && misses <= 5.0 && lost <= 3.0 && accept_hours <= 24.0 {
            Grade::B
        } else if accepts >= 70.0 && misses <= 10.0 && lost <= 6.0 {
            Grade::C
        } else {
            Grade::D
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(accepted: i64, rejected: i64, missed: i64, hours: f64) -> Reliability {
        Reliability {
            parts: accepted + rejected + missed + 2,
            accepted,
            rejected,
            cancelled_by_shopper: 2,
            missed_deadline: missed,
            median_accept_hours: Some(hours),
            median_ship_hours: Some(20.0),
            disputed: 0,
            disputes_lost: 0,
        }
    }

    #[test]
    fn grades_follow_the_written_rule() {
        assert_eq!(record(100, 0, 0, 3.0).grade(), Grade::A);
        assert_eq!(record(100, 0, 0, 13.0).grade(), Grade::B, "slow to accept");
        assert_eq!(record(96, 1, 3, 3.0).grade(), Grade::B, "3% missed");
        assert_eq!(record(80, 20, 0, 3.0).grade(), Grade::C);
        assert_eq!(record(60, 40, 0, 3.0).grade(), Grade::D);
        assert_eq!(record(85, 0, 15, 3.0).grade(), Grade::D, "15% missed");
        assert_eq!(record(3, 0, 0, 1.0).grade(), Grade::New);
        let disputed = |lost| Reliability {
            disputed: lost + 1,
            disputes_lost: lost,
            ..record(100, 0, 0, 3.0)
        };
        assert_eq!(disputed(1).grade(), Grade::A, "1% lost to disputes");
        assert_eq!(disputed(2).grade(), Grade::B);
        assert_eq!(disputed(5).grade(), Grade::C);
        assert_eq!(disputed(7).grade(), Grade::D);
    }

    #[test]
    fn shopper_cancellations_do_not_count_against_the_shop() {
        let r = record(9, 1, 0, 2.0);
        assert_eq!(r.decided(), 10);
        assert_eq!(r.acceptance_percent(), 90.0);
        assert_eq!(Reliability::default().acceptance_percent(), 0.0);
    }
}

//! The platform analytics page's figures, for one period and the one before it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The headline figures of a period.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Summary {
    /// What shoppers bought from confirmed parts, net of refunds.
    pub gmv: Decimal,
    /// The platform's commission on them, net of reversals.
    pub commission: Decimal,
    pub orders: i64,
    pub active_shoppers: i64,
    pub active_shops: i64,
    pub new_shoppers: i64,
    pub new_shops: i64,
}

impl Summary {
    pub fn average_order(&self) -> Decimal {
        if self.orders == 0 {
            Decimal::ZERO
        } else {
            (self.gmv / Decimal::from(self.orders)).round_dp(2)
        }
    }

    /// Commission as a share of GMV, in percent.
    pub fn take_rate(&self) -> Decimal {
        if self.gmv.is_zero() {
            Decimal::ZERO
        } else {
            (self.commission * Decimal::from(100) / self.gmv).round_dp(2)
        }
    }
}

/// A row of a ranked or grouped list: a name, an amount and a count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Ranked {
    pub name: String,
    pub amount: Decimal,
    pub count: i64,
}

/// How long parts took from payment to a step, in hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct StepTime {
    /// `accepted`, `shipped` or `delivered`.
    pub step: String,
    pub p50_hours: f64,
    pub p90_hours: f64,
    pub parts: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct Day {
    pub day: String,
    pub gmv: Decimal,
    pub orders: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AnalyticsView {
    /// The period, `YYYY-MM-DD` both included (UTC), and the one before it.
    pub from: String,
    pub to: String,
    pub previous_from: String,
    pub previous_to: String,
    pub now: Summary,
    pub before: Summary,
    pub mpesa_attempts: i64,
    pub mpesa_paid: i64,
    /// Failed prompts by result (code and description).
    pub mpesa_failures: Vec<Ranked>,
    /// Parts cancelled or rejected, by status and the reason given.
    pub drop_causes: Vec<Ranked>,
    pub step_times: Vec<StepTime>,
    pub top_categories: Vec<Ranked>,
    pub top_shops: Vec<Ranked>,
    pub daily: Vec<Day>,
}

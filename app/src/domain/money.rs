//! Exact money: a `Decimal` amount with its currency, formatted the way each currency is
//! written locally (KES: `KSh 1,250.00`). Arithmetic across currencies is an error, not a guess.

use super::Invalid;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::str::FromStr;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    #[default]
    KES,
    UGX,
    TZS,
    RWF,
    USD,
}

impl Currency {
    pub const ALL: [Currency; 5] = [
        Currency::KES,
        Currency::UGX,
        Currency::TZS,
        Currency::RWF,
        Currency::USD,
    ];

    /// What shops may price in today. M-Pesa collects KES only, and balances, statements and
    /// payouts are kept in KES; the others are formatted and parsed but not sold in until
    /// they can be collected and paid out.
    pub const SELLABLE: [Currency; 1] = [Currency::KES];

    pub fn sellable(self) -> bool {
        Self::SELLABLE.contains(&self)
    }

    pub fn code(self) -> &'static str {
        match self {
            Currency::KES => "KES",
            Currency::UGX => "UGX",
            Currency::TZS => "TZS",
            Currency::RWF => "RWF",
            Currency::USD => "USD",
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Currency::KES => "KSh",
            Currency::UGX => "USh",
            Currency::TZS => "TSh",
            Currency::RWF => "FRw",
            Currency::USD => "$",
        }
    }

    /// Digits after the decimal point in everyday prices (ISO 4217 minor units).
    pub fn minor_units(self) -> u32 {
        match self {
            Currency::UGX | Currency::RWF => 0,
            Currency::KES | Currency::TZS | Currency::USD => 2,
        }
    }

    pub fn parse(code: &str) -> Result<Self, Invalid> {
        let code = code.trim().to_ascii_uppercase();
        Self::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .ok_or(Invalid::UnknownCurrency)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    pub amount: Decimal,
    pub currency: Currency,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cannot combine {0:?} with {1:?}")]
pub struct CurrencyMismatch(pub Currency, pub Currency);

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Self { amount, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Self::new(Decimal::ZERO, currency)
    }

    /// The largest amount a person may type (100 million): above any real price, fee or
    /// coupon, and far inside what the database's columns hold, so a typo or a probe gets a
    /// field error instead of a failed write.
    pub const MAX_TYPED: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

    /// Parses a price typed by a person: `1250`, `1,250.50`, ` 99.9 `. Refuses more decimal
    /// places than the currency has, rather than silently rounding someone's price.
    pub fn parse(input: &str, currency: Currency) -> Result<Self, Invalid> {
        let cleaned: String = input.trim().chars().filter(|c| *c != ',').collect();
        if cleaned.is_empty() {
            return Err(Invalid::Required);
        }
        let amount = Decimal::from_str(&cleaned).map_err(|_| Invalid::AmountFormat)?;
        if amount.is_sign_negative() || amount.normalize().scale() > currency.minor_units() {
            return Err(Invalid::AmountFormat);
        }
        if amount > Self::MAX_TYPED {
            return Err(Invalid::OutOfRange);
        }
        Ok(Self::new(amount, currency))
    }

    pub fn checked_add(self, other: Money) -> Result<Money, CurrencyMismatch> {
        if self.currency != other.currency {
            return Err(CurrencyMismatch(self.currency, other.currency));
        }
        Ok(Money::new(self.amount + other.amount, self.currency))
    }

    /// `KSh 1,250.00`, `USh 35,000`, `-KSh 10.50`. Half-way cases round away from zero, as
    /// shop receipts do.
    pub fn format(&self) -> String {
        let dp = self.currency.minor_units();
        let rounded = self
            .amount
            .abs()
            .round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
        let text = format!("{rounded:.prec$}", prec = dp as usize);
        let (whole, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
        for (i, ch) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(ch);
        }
        let sign = if self.amount.is_sign_negative() && !rounded.is_zero() {
            "-"
        } else {
            ""
        };
        let frac = if frac.is_empty() {
            String::new()
        } else {
            format!(".{frac}")
        };
        format!("{sign}{} {grouped}{frac}", self.currency.symbol())
    }
}

impl std::fmt::Display for Money {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.format())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn formats_kes_with_grouping_and_cents() {
        assert_eq!(
            Money::new(dec!(1250), Currency::KES).format(),
            "KSh 1,250.00"
        );
        assert_eq!(Money::new(dec!(0.5), Currency::KES).format(), "KSh 0.50");
        assert_eq!(
            Money::new(dec!(1234567.891), Currency::KES).format(),
            "KSh 1,234,567.89"
        );
        assert_eq!(
            Money::new(dec!(999.995), Currency::KES).format(),
            "KSh 1,000.00"
        );
        assert_eq!(
            Money::new(dec!(-10.5), Currency::KES).format(),
            "-KSh 10.50"
        );
        assert_eq!(Money::new(dec!(100), Currency::KES).format(), "KSh 100.00");
    }

    #[test]
    fn zero_decimal_currencies() {
        assert_eq!(
            Money::new(dec!(35000), Currency::UGX).format(),
            "USh 35,000"
        );
        assert_eq!(
            Money::new(dec!(1000.5), Currency::RWF).format(),
            "FRw 1,001"
        );
    }

    #[test]
    fn typed_amounts_have_a_ceiling() {
        assert_eq!(
            Money::parse("100,000,000", Currency::KES).map(|m| m.amount),
            Ok(dec!(100000000))
        );
        for too_much in ["100000000.01", "99999999999999999999", "1e30"] {
            assert!(
                matches!(
                    Money::parse(too_much, Currency::KES),
                    Err(Invalid::OutOfRange | Invalid::AmountFormat)
                ),
                "{too_much}"
            );
        }
        assert_eq!(
            Money::parse("99999999999999999999", Currency::KES),
            Err(Invalid::OutOfRange)
        );
    }

    #[test]
    fn parse_prices() {
        assert_eq!(
            Money::parse("1,250.50", Currency::KES),
            Ok(Money::new(dec!(1250.50), Currency::KES))
        );
        assert_eq!(
            Money::parse("1250.505", Currency::KES),
            Err(Invalid::AmountFormat)
        );
        assert_eq!(
            Money::parse("12.5", Currency::UGX),
            Err(Invalid::AmountFormat)
        );
        assert_eq!(
            Money::parse("-3", Currency::KES),
            Err(Invalid::AmountFormat)
        );
        assert_eq!(
            Money::parse("abc", Currency::KES),
            Err(Invalid::AmountFormat)
        );
        assert_eq!(Money::parse(" ", Currency::KES), Err(Invalid::Required));
        // trailing zeros beyond the minor units are still exact
        assert!(Money::parse("10.500", Currency::KES).is_ok());
    }

    #[test]
    fn arithmetic_keeps_currencies_apart() {
        let a = Money::new(dec!(0.1), Currency::KES);
        let b = Money::new(dec!(0.2), Currency::KES);
        assert_eq!(a.checked_add(b).map(|m| m.amount), Ok(dec!(0.3)));
        assert!(a.checked_add(Money::zero(Currency::USD)).is_err());
    }

    #[test]
    fn currency_codes() {
        assert_eq!(Currency::parse("kes"), Ok(Currency::KES));
        assert_eq!(Currency::parse("EUR"), Err(Invalid::UnknownCurrency));
    }
}

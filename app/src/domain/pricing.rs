//! The pricing pipeline for one shop's part of a basket: lines → the shop's coupon (its lines
//! only, spread over them to the cent) → commission per line on what was actually paid →
//! delivery (the shop's, no commission on it). Each part is priced on its own, so one shop's
//! discount cannot touch another shop's part.

use super::order::commission;
use rust_decimal::{Decimal, RoundingStrategy};

/// A shop's discount.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Discount {
    /// Percent off the shop's subtotal (e.g. 10 for 10%).
    Percent(Decimal),
    /// A fixed amount off, never more than the subtotal.
    Amount(Decimal),
}

/// How the shopper gets a shop's part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delivery {
    Pickup,
    Delivered { fee: Decimal },
}

impl Delivery {
    pub fn fee(self) -> Decimal {
        match self {
            Self::Pickup => Decimal::ZERO,
            Self::Delivered { fee } => fee,
        }
    }

    pub fn method(self) -> &'static str {
        match self {
            Self::Pickup => "pickup",
            Self::Delivered { .. } => "delivery",
        }
    }
}

/// One line as the pipeline sees it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineIn {
    pub line_total: Decimal,
    pub commission_rate: Decimal,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PricedLine {
    pub line_total: Decimal,
    pub discount: Decimal,
    pub commission: Decimal,
    pub vendor_net: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PricedPart {
    pub lines: Vec<PricedLine>,
    pub subtotal: Decimal,
    pub discount: Decimal,
    pub delivery_fee: Decimal,
    /// What the shopper pays for the part.
    pub total: Decimal,
    pub commission: Decimal,
    /// What the shop earns: the lines' nets plus the delivery fee.
    pub vendor_net: Decimal,
}

fn cents(d: Decimal) -> Decimal {
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The discount `d` gives on `subtotal`.
pub fn discount_on(subtotal: Decimal, d: Discount) -> Decimal {
    match d {
        Discount::Percent(p) => cents(subtotal * p / Decimal::ONE_HUNDRED),
        Discount::Amount(a) => a,
    }
    .min(subtotal)
    .max(Decimal::ZERO)
}

/// Spreads `amount` over lines in proportion to their totals, to the cent: each line gets its
/// share rounded down, and the cents left go to the largest lines first. The parts add up to
/// `amount` exactly and no line gets more than its total.
pub fn spread(amount: Decimal, totals: &[Decimal]) -> Vec<Decimal> {
    let sum: Decimal = totals.iter().sum();
    if sum.is_zero() || amount.is_zero() {
        return vec![Decimal::ZERO; totals.len()];
    }
    let mut shares: Vec<Decimal> = totals
        .iter()
        .map(|t| (amount * t / sum).round_dp_with_strategy(2, RoundingStrategy::ToZero))
        .collect();
    let mut left = amount - shares.iter().sum::<Decimal>();
    let mut order: Vec<usize> = (0..totals.len()).collect();
    order.sort_by(|&a, &b| totals[b].cmp(&totals[a]).then(a.cmp(&b)));
    let cent = Decimal::new(1, 2);
    while left > Decimal::ZERO {
        for &i in &order {
            if left <= Decimal::ZERO {
                break;
            }
            if shares[i] < totals[i] {
                shares[i] += cent;
                left -= cent;
            }
        }
    }
    shares
}

/// Prices one shop's part.
pub fn price_part(lines: &[LineIn], discount: Option<Discount>, delivery: Delivery) -> PricedPart {
    let totals: Vec<Decimal> = lines.iter().map(|l| l.line_total).collect();
    let subtotal: Decimal = totals.iter().sum();
    let off = discount.map_or(Decimal::ZERO, |d| discount_on(subtotal, d));
    let shares = spread(off, &totals);
    let priced: Vec<PricedLine> = lines
        .iter()
        .zip(shares)
        .map(|(l, share)| {
            let (fee, net) = commission(l.line_total - share, l.commission_rate);
            PricedLine {
                line_total: l.line_total,
                discount: share,
                commission: fee,
                vendor_net: net,
            }
        })
        .collect();
    let fee = delivery.fee();
    PricedPart {
        subtotal,
        discount: off,
        delivery_fee: fee,
        total: subtotal - off + fee,
        commission: priced.iter().map(|l| l.commission).sum(),
        vendor_net: priced.iter().map(|l| l.vendor_net).sum::<Decimal>() + fee,
        lines: priced,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn line(total: Decimal, rate: Decimal) -> LineIn {
        LineIn {
            line_total: total,
            commission_rate: rate,
        }
    }

    #[test]
    fn a_discount_is_spread_to_the_cent() {
        let shares = spread(dec!(10.00), &[dec!(33.33), dec!(33.33), dec!(33.34)]);
        assert_eq!(shares.iter().sum::<Decimal>(), dec!(10.00));
        assert_eq!(shares, [dec!(3.33), dec!(3.33), dec!(3.34)]);
        let tiny = spread(dec!(0.01), &[dec!(1), dec!(1), dec!(1)]);
        assert_eq!(tiny.iter().sum::<Decimal>(), dec!(0.01));
    }

    #[test]
    fn commission_is_on_what_was_paid_and_delivery_goes_to_the_shop() {
        let part = price_part(
            &[line(dec!(1000), dec!(0.08)), line(dec!(500), dec!(0.04))],
            Some(Discount::Percent(dec!(10))),
            Delivery::Delivered { fee: dec!(250) },
        );
        assert_eq!(part.discount, dec!(150.00));
        assert_eq!(part.total, dec!(1600.00));
        assert_eq!(part.lines[0].discount, dec!(100.00));
        assert_eq!(part.lines[0].commission, dec!(72.00), "8% of 900");
        assert_eq!(part.lines[1].commission, dec!(18.00), "4% of 450");
        assert_eq!(part.commission + part.vendor_net, part.total);
        assert_eq!(part.vendor_net, dec!(1510.00), "1,260 + 250 delivery");
    }

    #[test]
    fn an_amount_off_never_exceeds_the_subtotal() {
        let part = price_part(
            &[line(dec!(300), dec!(0.08))],
            Some(Discount::Amount(dec!(500))),
            Delivery::Pickup,
        );
        assert_eq!(
            (part.discount, part.total, part.commission),
            (dec!(300), dec!(0), dec!(0))
        );
    }

    #[test]
    fn totals_always_split_into_commission_and_net() {
        for (a, b, p, fee) in [
            (dec!(1499.99), dec!(0.01), dec!(33), dec!(0)),
            (dec!(10.05), dec!(20.05), dec!(12.5), dec!(99.99)),
            (dec!(1), dec!(2), dec!(90), dec!(150)),
        ] {
            let part = price_part(
                &[line(a, dec!(0.08)), line(b, dec!(0.06))],
                Some(Discount::Percent(p)),
                Delivery::Delivered { fee },
            );
            assert_eq!(part.commission + part.vendor_net, part.total, "{a} {b} {p}");
            assert_eq!(
                part.lines.iter().map(|l| l.discount).sum::<Decimal>(),
                part.discount
            );
        }
    }
}

/// A coupon as a shop owner types it, checked field by field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CouponDraft {
    pub code: String,
    pub discount: Discount,
    pub min_subtotal: Decimal,
    pub max_uses: Option<i32>,
}

impl CouponDraft {
    /// `kind` is `percent` or `amount`. Errors name the field.
    pub fn parse(
        code: &str,
        kind: &str,
        value: &str,
        min_subtotal: &str,
        max_uses: &str,
    ) -> Result<Self, (&'static str, super::Invalid)> {
        use super::Invalid;
        use super::money::{Currency, Money};
        let code = code.trim().to_uppercase();
        let ok = (3..=20).contains(&code.len())
            && code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        if !ok {
            return Err(("code", Invalid::SkuFormat));
        }
        let amount = |s: &str| Money::parse(s, Currency::KES).map(|m| m.amount);
        let discount = match kind {
            "percent" => {
                let p = super::text::number::<Decimal>(value, Decimal::ONE..=Decimal::from(90))
                    .map_err(|w| ("value", w))?;
                Discount::Percent(p)
            }
            "amount" => {
                let a = amount(value).map_err(|w| ("value", w))?;
                if a.is_zero() {
                    return Err(("value", Invalid::OutOfRange));
                }
                Discount::Amount(a)
            }
            _ => return Err(("kind", Invalid::NotFound)),
        };
        let min_subtotal = if min_subtotal.trim().is_empty() {
            Decimal::ZERO
        } else {
            amount(min_subtotal).map_err(|w| ("min_subtotal", w))?
        };
        let max_uses = super::text::optional_number::<i32>(max_uses, 1..=1_000_000)
            .map_err(|w| ("max_uses", w))?;
        Ok(Self {
            code,
            discount,
            min_subtotal,
            max_uses,
        })
    }
}

/// A shop's delivery and payment terms: pickup at the shop, a flat delivery fee, and fees per
/// county that replace the flat fee there; and whether it takes cash on delivery.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DeliveryTerms {
    pub pickup: bool,
    pub cash_on_delivery: bool,
    pub flat_fee: Option<Decimal>,
    /// (county, fee), ordered by county.
    pub zones: Vec<(String, Decimal)>,
}

impl DeliveryTerms {
    /// Whether the shop delivers anywhere.
    pub fn delivers(&self) -> bool {
        self.flat_fee.is_some() || !self.zones.is_empty()
    }

    /// The fee to deliver to `county`: its zone fee, else the flat fee; None when the shop
    /// does not deliver there.
    pub fn fee_for(&self, county: &str) -> Option<Decimal> {
        let county = county.trim().to_lowercase();
        self.zones
            .iter()
            .find(|(c, _)| c.to_lowercase() == county)
            .map(|(_, fee)| *fee)
            .or(self.flat_fee)
    }

    /// The shop's delivery for `county`, as chosen (`Some(true)` = pickup) — or, with no
    /// choice, its delivery when it delivers there, else pickup. None when the shop does not
    /// offer what was chosen.
    pub fn delivery(&self, county: &str, wants_pickup: Option<bool>) -> Option<Delivery> {
        match (wants_pickup, self.pickup, self.fee_for(county)) {
            (Some(true), true, _) | (None, true, None) => Some(Delivery::Pickup),
            (Some(false) | None, _, Some(fee)) => Some(Delivery::Delivered { fee }),
            _ => None,
        }
    }
}

/// Zones as `parse_zones` reads them back, one `County: fee` per `separator`.
pub fn format_zones(zones: &[(String, Decimal)], separator: &str) -> String {
    zones
        .iter()
        .map(|(county, fee)| format!("{county}: {fee}"))
        .collect::<Vec<_>>()
        .join(separator)
}

/// Delivery fees per county typed one per line as `County: fee`.
pub fn parse_zones(input: &str) -> Result<Vec<(String, Decimal)>, super::Invalid> {
    use super::money::{Currency, Money};
    let mut zones: Vec<(String, Decimal)> = Vec::new();
    for line in input.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let (county, fee) = line.split_once(':').ok_or(super::Invalid::OptionsFormat)?;
        let county = super::text::bounded(county, 2, 40, false)?;
        let fee = Money::parse(fee, Currency::KES)?.amount;
        if zones.iter().any(|(c, _)| c.eq_ignore_ascii_case(&county)) {
            return Err(super::Invalid::OptionsFormat);
        }
        zones.push((county, fee));
    }
    Ok(zones)
}

#[cfg(test)]
mod input_tests {
    use super::*;
    use crate::domain::Invalid;
    use rust_decimal_macros::dec;

    #[test]
    fn a_zone_fee_replaces_the_flat_fee_in_its_county() {
        let terms = DeliveryTerms {
            pickup: true,
            cash_on_delivery: false,
            flat_fee: Some(dec!(200)),
            zones: vec![("Mombasa".into(), dec!(400))],
        };
        assert_eq!(terms.fee_for(" mombasa"), Some(dec!(400)));
        assert_eq!(terms.fee_for("Nairobi"), Some(dec!(200)));
        assert_eq!(
            terms.delivery("Nairobi", None),
            Some(Delivery::Delivered { fee: dec!(200) })
        );
        assert_eq!(
            terms.delivery("Nairobi", Some(true)),
            Some(Delivery::Pickup)
        );
        let pickup_only = DeliveryTerms {
            pickup: true,
            ..DeliveryTerms::default()
        };
        assert_eq!(pickup_only.delivery("Kisumu", None), Some(Delivery::Pickup));
        assert_eq!(pickup_only.delivery("Kisumu", Some(false)), None);
        assert_eq!(
            parse_zones(&format_zones(&terms.zones, "\n")),
            Ok(terms.zones.clone())
        );
    }

    #[test]
    fn coupon_drafts_name_the_bad_field() {
        let ok = CouponDraft::parse(" karibu10 ", "percent", "10", "", "100").expect("valid");
        assert_eq!(
            (ok.code.as_str(), ok.discount),
            ("KARIBU10", Discount::Percent(dec!(10)))
        );
        assert_eq!(
            CouponDraft::parse("a b", "percent", "10", "", "").map(|_| ()),
            Err(("code", Invalid::SkuFormat))
        );
        assert_eq!(
            CouponDraft::parse("SAVE", "percent", "95", "", "").map(|_| ()),
            Err(("value", Invalid::OutOfRange))
        );
        assert_eq!(
            CouponDraft::parse("SAVE", "amount", "-5", "", "").map(|_| ()),
            Err(("value", Invalid::AmountFormat))
        );
        assert_eq!(
            CouponDraft::parse("SAVE", "amount", "200", "x", "").map(|_| ()),
            Err(("min_subtotal", Invalid::AmountFormat))
        );
        assert_eq!(
            CouponDraft::parse("SAVE", "amount", "200", "", "0").map(|_| ()),
            Err(("max_uses", Invalid::OutOfRange))
        );
    }

    #[test]
    fn zones_are_county_and_fee_per_line() {
        assert_eq!(
            parse_zones("Mombasa: 400\n\n Kisumu : 350.50 "),
            Ok(vec![
                ("Mombasa".into(), dec!(400)),
                ("Kisumu".into(), dec!(350.50))
            ])
        );
        assert!(parse_zones("Mombasa 400").is_err());
        assert!(parse_zones("Mombasa: 4\nmombasa: 5").is_err());
    }
}

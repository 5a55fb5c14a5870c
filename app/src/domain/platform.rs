//! The platform's money and order rules that admins edit in the console (stored in
//! `platform_settings`), and what values they may take.

use super::Invalid;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlatformSettings {
    /// VAT included in every price, as a fraction (0.16).
    pub vat_rate: Decimal,
    /// Minutes stock stays reserved for an unpaid M-Pesa order.
    pub reservation_minutes: i64,
    /// Days after delivery a shopper may ask to return a part.
    pub return_days: i64,
    /// Days after delivery before a sale's money becomes available to the shop.
    pub holding_days: i64,
    /// Balances below this (KES) wait for the next payout run.
    pub payout_minimum: Decimal,
    /// Hours a shop has to accept a confirmed part; then it is cancelled and refunded.
    pub accept_hours: i64,
    /// Days a shop has to ship an accepted part; then the shopper may cancel it for a refund.
    pub ship_days: i64,
    /// Hours a shop has to answer a dispute; then it goes to the admins.
    pub answer_hours: i64,
    /// Safe mode: new orders are refused, with this message.
    pub orders_paused: bool,
    pub pause_message: String,
}

/// The console's form, as typed.
#[derive(Clone, Debug, Default)]
pub struct SettingsForm<'a> {
    pub vat_percent: &'a str,
    pub reservation_minutes: &'a str,
    pub return_days: &'a str,
    pub holding_days: &'a str,
    pub payout_minimum: &'a str,
    pub accept_hours: &'a str,
    pub ship_days: &'a str,
    pub answer_hours: &'a str,
    pub orders_paused: bool,
    pub pause_message: &'a str,
}

fn whole(field: &'static str, s: &str, lo: i64, hi: i64) -> Result<i64, (&'static str, Invalid)> {
    let n: i64 = s
        .trim()
        .parse()
        .map_err(|_| (field, Invalid::NumberFormat))?;
    if !(lo..=hi).contains(&n) {
        return Err((field, Invalid::OutOfRange));
    }
    Ok(n)
}

fn amount(
    field: &'static str,
    s: &str,
    lo: Decimal,
    hi: Decimal,
) -> Result<Decimal, (&'static str, Invalid)> {
    let n: Decimal = s
        .trim()
        .parse()
        .map_err(|_| (field, Invalid::NumberFormat))?;
    if n < lo || n > hi || n.scale() > 2 {
        return Err((field, Invalid::OutOfRange));
    }
    Ok(n)
}

impl PlatformSettings {
    pub fn parse(form: &SettingsForm<'_>) -> Result<Self, (&'static str, Invalid)> {
        let vat_percent = amount(
            "vat_percent",
            form.vat_percent,
            Decimal::ZERO,
            Decimal::from(50),
        )?;
        let pause_message = super::text::bounded(form.pause_message, 0, 300, false)
            .map_err(|w| ("pause_message", w))?;
        if form.orders_paused && pause_message.is_empty() {
            return Err(("pause_message", Invalid::Required));
        }
        Ok(PlatformSettings {
            vat_rate: (vat_percent / Decimal::from(100)).normalize(),
            reservation_minutes: whole("reservation_minutes", form.reservation_minutes, 2, 120)?,
            return_days: whole("return_days", form.return_days, 0, 60)?,
            holding_days: whole("holding_days", form.holding_days, 0, 90)?,
            payout_minimum: amount(
                "payout_minimum",
                form.payout_minimum,
                Decimal::from(10),
                Decimal::from(1_000_000),
            )?,
            accept_hours: whole("accept_hours", form.accept_hours, 1, 168)?,
            ship_days: whole("ship_days", form.ship_days, 1, 30)?,
            answer_hours: whole("answer_hours", form.answer_hours, 1, 336)?,
            orders_paused: form.orders_paused,
            pause_message,
        })
    }

    /// "vat_rate 0.16 → 0.15, orders_paused false → true": what an edit changed, for the audit.
    pub fn changes(&self, after: &PlatformSettings) -> String {
        let mut out = Vec::new();
        let mut field = |name: &str, a: String, b: String| {
            if a != b {
                out.push(format!("{name} {a} → {b}"));
            }
        };
        field(
            "vat_rate",
            self.vat_rate.normalize().to_string(),
            after.vat_rate.normalize().to_string(),
        );
        field(
            "reservation_minutes",
            self.reservation_minutes.to_string(),
            after.reservation_minutes.to_string(),
        );
        field(
            "return_days",
            self.return_days.to_string(),
            after.return_days.to_string(),
        );
        field(
            "accept_hours",
            self.accept_hours.to_string(),
            after.accept_hours.to_string(),
        );
        field(
            "ship_days",
            self.ship_days.to_string(),
            after.ship_days.to_string(),
        );
        field(
            "answer_hours",
            self.answer_hours.to_string(),
            after.answer_hours.to_string(),
        );
        field(
            "holding_days",
            self.holding_days.to_string(),
            after.holding_days.to_string(),
        );
        field(
            "payout_minimum",
            self.payout_minimum.normalize().to_string(),
            after.payout_minimum.normalize().to_string(),
        );
        field(
            "orders_paused",
            self.orders_paused.to_string(),
            after.orders_paused.to_string(),
        );
        field(
            "pause_message",
            format!("{:?}", self.pause_message),
            format!("{:?}", after.pause_message),
        );
        out.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SettingsForm<'static> {
        SettingsForm {
            vat_percent: "16",
            reservation_minutes: "10",
            return_days: "7",
            holding_days: "7",
            payout_minimum: "100",
            accept_hours: "24",
            ship_days: "3",
            answer_hours: "48",
            orders_paused: false,
            pause_message: "",
        }
    }

    #[test]
    fn a_good_form_parses_and_bad_fields_are_named() {
        let s = PlatformSettings::parse(&form()).expect("valid");
        assert_eq!(s.vat_rate, Decimal::new(16, 2));
        let bad = |f: SettingsForm<'static>| PlatformSettings::parse(&f).map(|_| ()).err();
        assert_eq!(
            bad(SettingsForm {
                vat_percent: "60",
                ..form()
            }),
            Some(("vat_percent", Invalid::OutOfRange))
        );
        assert_eq!(
            bad(SettingsForm {
                vat_percent: "x",
                ..form()
            }),
            Some(("vat_percent", Invalid::NumberFormat))
        );
        assert_eq!(
            bad(SettingsForm {
                reservation_minutes: "1",
                ..form()
            }),
            Some(("reservation_minutes", Invalid::OutOfRange))
        );
        assert_eq!(
            bad(SettingsForm {
                payout_minimum: "5",
                ..form()
            }),
            Some(("payout_minimum", Invalid::OutOfRange))
        );
        assert_eq!(
            bad(SettingsForm {
                accept_hours: "0",
                ..form()
            }),
            Some(("accept_hours", Invalid::OutOfRange))
        );
        assert_eq!(
            bad(SettingsForm {
                ship_days: "three",
                ..form()
            }),
            Some(("ship_days", Invalid::NumberFormat))
        );
        assert_eq!(
            bad(SettingsForm {
                payout_minimum: "100.001",
                ..form()
            }),
            Some(("payout_minimum", Invalid::OutOfRange))
        );
        assert_eq!(
            bad(SettingsForm {
                orders_paused: true,
                ..form()
            }),
            Some(("pause_message", Invalid::Required)),
            "a pause says why"
        );
    }

    #[test]
    fn changes_name_what_moved() {
        let a = PlatformSettings::parse(&form()).expect("valid");
        let b = PlatformSettings::parse(&SettingsForm {
            vat_percent: "15",
            orders_paused: true,
            pause_message: "Stock-taking until Monday",
            ..form()
        })
        .expect("valid");
        assert_eq!(
            a.changes(&b),
            "vat_rate 0.16 → 0.15, orders_paused false → true, pause_message \"\" → \"Stock-taking until Monday\""
        );
        assert_eq!(a.changes(&a), "");
    }
}

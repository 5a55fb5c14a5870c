//! A listing as the seller dashboard and the CSV import describe it, and the rules it must
//! meet before it is stored.

use super::text::{bounded, optional_number};
use super::{Currency, Invalid, Money};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

pub const MAX_PHOTOS: usize = 10;
pub const MAX_TAGS: usize = 10;
pub const MAX_VARIANTS: usize = 50;

/// Where a listing stands. Only `Approved` is visible to shoppers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListingStatus {
    Draft,
    Pending,
    Approved,
    Rejected,
    Archived,
    /// Hidden while the shop is suspended; approved again when it is reinstated.
    Suspended,
}

impl ListingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Pending => "pending",
            Self::Approved => "approved",
            Self::Rejected => "rejected",
            Self::Archived => "archived",
            Self::Suspended => "suspended",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Draft,
            Self::Pending,
            Self::Approved,
            Self::Rejected,
            Self::Archived,
            Self::Suspended,
        ]
        .into_iter()
        .find(|v| v.as_str() == s)
    }

    /// The status after the seller saves: a material change sends an approved or rejected
    /// listing back to review; archived listings stay archived until restored.
    pub fn after_edit(self, material: bool) -> Self {
        match self {
            Self::Archived => Self::Archived,
            Self::Suspended if !material => Self::Suspended,
            Self::Approved if !material => Self::Approved,
            _ => Self::Pending,
        }
    }
}

/// The listing form (and a CSV row) as typed: every field a string, so a bad value comes back
/// as a field error instead of a failed request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListingInput {
    pub title: String,
    pub description: String,
    pub category_id: String,
    pub tags: String,
    pub price: String,
    pub compare_at_price: String,
    pub currency: String,
    pub weight_grams: String,
    pub length_cm: String,
    pub width_cm: String,
    pub height_cm: String,
    pub county: String,
    pub town: String,
    pub low_stock_threshold: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ListingDraft {
    pub title: String,
    pub description: String,
    pub category_id: Uuid,
    pub tags: Vec<String>,
    pub price: Money,
    pub compare_at_price: Option<Decimal>,
    pub weight_grams: Option<i32>,
    pub length_cm: Option<Decimal>,
    pub width_cm: Option<Decimal>,
    pub height_cm: Option<Decimal>,
    pub county: String,
    pub town: String,
    pub low_stock_threshold: i32,
}

impl ListingDraft {
    /// Whether going from `self` to `next` changes what a moderator approved: the words and
    /// the category. Price, stock and shipping details do not need a second review.
    pub fn is_material_change(&self, next: &ListingDraft) -> bool {
        self.title != next.title
            || self.description != next.description
            || self.category_id != next.category_id
            || self.tags != next.tags
    }
}

type FieldError = (&'static str, Invalid);

fn dimension(input: &str, field: &'static str) -> Result<Option<Decimal>, FieldError> {
    optional_number::<Decimal>(input, Decimal::new(1, 1)..=Decimal::from(10_000))
        .map(|d| d.map(|d| d.round_dp(1)))
        .map_err(|why| (field, why))
}

/// Comma-separated tags: trimmed, lowercased, de-duplicated, each 2–30 characters.
pub fn parse_tags(input: &str) -> Result<Vec<String>, Invalid> {
    let mut tags: Vec<String> = Vec::new();
    for raw in input.split(',') {
        let tag = raw.trim().to_lowercase();
        if tag.is_empty() {
            continue;
        }
        let tag = bounded(&tag, 2, 30, false)?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.len() > MAX_TAGS {
        return Err(Invalid::TooMany { max: MAX_TAGS });
    }
    Ok(tags)
}

impl ListingInput {
    pub fn validate(&self) -> Result<ListingDraft, FieldError> {
        let at = |field: &'static str| move |why| (field, why);
        let currency = if self.currency.trim().is_empty() {
            Currency::default()
        } else {
            Currency::parse(&self.currency).map_err(at("currency"))?
        };
        if !currency.sellable() {
            return Err(("currency", Invalid::CurrencyNotSold));
        }
        let price = Money::parse(&self.price, currency).map_err(at("price"))?;
        if price.amount.is_zero() {
            return Err(("price", Invalid::OutOfRange));
        }
        let compare_at_price = if self.compare_at_price.trim().is_empty() {
            None
        } else {
            let was =
                Money::parse(&self.compare_at_price, currency).map_err(at("compare_at_price"))?;
            // A "was" price is only honest when it is higher than today's.
            if was.amount <= price.amount {
                return Err(("compare_at_price", Invalid::OutOfRange));
            }
            Some(was.amount)
        };
        Ok(ListingDraft {
            title: bounded(&self.title, 3, 140, false).map_err(at("title"))?,
            description: bounded(&self.description, 0, 5000, true).map_err(at("description"))?,
            category_id: Uuid::parse_str(self.category_id.trim())
                .map_err(|_| ("category_id", Invalid::NotFound))?,
            tags: parse_tags(&self.tags).map_err(at("tags"))?,
            price,
            compare_at_price,
            weight_grams: optional_number(&self.weight_grams, 1..=1_000_000)
                .map_err(at("weight_grams"))?,
            length_cm: dimension(&self.length_cm, "length_cm")?,
            width_cm: dimension(&self.width_cm, "width_cm")?,
            height_cm: dimension(&self.height_cm, "height_cm")?,
            county: bounded(&self.county, 2, 40, false).map_err(at("county"))?,
            town: bounded(&self.town, 2, 60, false).map_err(at("town"))?,
            low_stock_threshold: optional_number(&self.low_stock_threshold, 0..=100_000)
                .map_err(at("low_stock_threshold"))?
                .unwrap_or(5),
        })
    }
}

/// One variant as typed: `options` like "Size: M, Colour: Red".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct VariantInput {
    pub sku: String,
    pub options: String,
    pub price: String,
    pub stock: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VariantDraft {
    pub sku: String,
    pub options: BTreeMap<String, String>,
    /// Overrides the listing's price when set.
    pub price: Option<Decimal>,
    pub stock: i32,
}

/// SKUs: 1–64 characters of letters, digits, `-`, `_`, `.` and `/`, kept as typed (upper case).
pub fn parse_sku(input: &str) -> Result<String, Invalid> {
    let sku = bounded(input, 1, 64, false)?.to_uppercase();
    if sku
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'))
    {
        Ok(sku)
    } else {
        Err(Invalid::SkuFormat)
    }
}

/// "Size: M, Colour: Red" → {Colour: Red, Size: M}. Empty means the listing's only variant.
pub fn parse_options(input: &str) -> Result<BTreeMap<String, String>, Invalid> {
    let mut options = BTreeMap::new();
    for pair in input.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once(':').ok_or(Invalid::OptionsFormat)?;
        let name = bounded(name, 1, 30, false)?;
        let value = bounded(value, 1, 40, false)?;
        if options.insert(name, value).is_some() {
            return Err(Invalid::OptionsFormat);
        }
    }
    if options.len() > 4 {
        return Err(Invalid::TooMany { max: 4 });
    }
    Ok(options)
}

/// The options as the shopper reads them: "Colour: Red, Size: M".
pub fn format_options(options: &BTreeMap<String, String>) -> String {
    options
        .iter()
        .map(|(k, v)| format!("{k}: {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "Colour: Red, Size: M" from the options as stored (a JSON object); empty when unreadable.
pub fn options_label(json: &str) -> String {
    serde_json::from_str::<BTreeMap<String, String>>(json)
        .map(|m| format_options(&m))
        .unwrap_or_default()
}

impl VariantInput {
    pub fn validate(&self, currency: Currency) -> Result<VariantDraft, FieldError> {
        let price = if self.price.trim().is_empty() {
            None
        } else {
            let p = Money::parse(&self.price, currency).map_err(|why| ("variant_price", why))?;
            if p.amount.is_zero() {
                return Err(("variant_price", Invalid::OutOfRange));
            }
            Some(p.amount)
        };
        Ok(VariantDraft {
            sku: parse_sku(&self.sku).map_err(|why| ("sku", why))?,
            options: parse_options(&self.options).map_err(|why| ("options", why))?,
            price,
            stock: optional_number(&self.stock, 0..=1_000_000)
                .map_err(|why| ("stock", why))?
                .unwrap_or(0),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    pub(crate) fn input() -> ListingInput {
        ListingInput {
            title: "Samsung Galaxy A15".into(),
            description: "128 GB, dual SIM.".into(),
            category_id: Uuid::nil().to_string(),
            tags: "Phones, samsung, phones".into(),
            price: "18,999".into(),
            compare_at_price: "21000".into(),
            currency: "KES".into(),
            weight_grams: "200".into(),
            length_cm: "16.1".into(),
            width_cm: "7.7".into(),
            height_cm: "0.84".into(),
            county: "Nairobi".into(),
            town: "CBD".into(),
            low_stock_threshold: "".into(),
        }
    }

    #[test]
    fn a_good_listing() {
        let d = input().validate().expect("valid");
        assert_eq!(d.price.amount, dec!(18999));
        assert_eq!(d.tags, vec!["phones", "samsung"]);
        assert_eq!(d.height_cm, Some(dec!(0.8)));
        assert_eq!(d.low_stock_threshold, 5);
    }

    #[test]
    fn errors_name_the_field() {
        type Case = (fn(&mut ListingInput), &'static str);
        let cases: [Case; 7] = [
            (|i| i.title = "ab".into(), "title"),
            (|i| i.price = "12.345".into(), "price"),
            (|i| i.price = "0".into(), "price"),
            (|i| i.compare_at_price = "100".into(), "compare_at_price"),
            (|i| i.currency = "XYZ".into(), "currency"),
            (|i| i.category_id = "phones".into(), "category_id"),
            (|i| i.weight_grams = "-3".into(), "weight_grams"),
        ];
        for (break_it, field) in cases {
            let mut i = input();
            break_it(&mut i);
            assert_eq!(i.validate().err().map(|e| e.0), Some(field));
        }
        let mut i = input();
        i.tags = (0..11)
            .map(|n| format!("tag{n}"))
            .collect::<Vec<_>>()
            .join(",");
        assert_eq!(
            i.validate().err(),
            Some(("tags", Invalid::TooMany { max: 10 }))
        );
    }

    #[test]
    fn only_shillings_are_sold_in() {
        for code in ["USD", "UGX", "TZS", "RWF"] {
            let mut i = input();
            i.currency = code.into();
            assert_eq!(
                i.validate().err(),
                Some(("currency", Invalid::CurrencyNotSold)),
                "{code}"
            );
        }
        let mut i = input();
        i.currency = "kes".into();
        assert!(i.validate().is_ok());
    }

    #[test]
    fn material_changes() {
        let a = input().validate().expect("valid");
        let mut cheaper = input();
        cheaper.price = "17999".into();
        assert!(!a.is_material_change(&cheaper.validate().expect("valid")));
        let mut renamed = input();
        renamed.title = "Samsung Galaxy A25".into();
        assert!(a.is_material_change(&renamed.validate().expect("valid")));
        assert_eq!(
            ListingStatus::Approved.after_edit(false),
            ListingStatus::Approved
        );
        assert_eq!(
            ListingStatus::Approved.after_edit(true),
            ListingStatus::Pending
        );
        assert_eq!(
            ListingStatus::Rejected.after_edit(false),
            ListingStatus::Pending
        );
        assert_eq!(
            ListingStatus::Archived.after_edit(true),
            ListingStatus::Archived
        );
    }

    #[test]
    fn variants() {
        let v = VariantInput {
            sku: " tsh-red-m ".into(),
            options: "Size: M, Colour: Red".into(),
            price: "".into(),
            stock: "4".into(),
        }
        .validate(Currency::KES)
        .expect("valid");
        assert_eq!(v.sku, "TSH-RED-M");
        assert_eq!(format_options(&v.options), "Colour: Red, Size: M");
        assert_eq!(v.price, None);
        assert_eq!(parse_sku("a b"), Err(Invalid::SkuFormat));
        assert_eq!(parse_options("Size M"), Err(Invalid::OptionsFormat));
        assert_eq!(
            parse_options("Size: M, Size: L"),
            Err(Invalid::OptionsFormat)
        );
        let bad_stock = VariantInput {
            sku: "A".into(),
            stock: "-1".into(),
            ..Default::default()
        };
        assert_eq!(
            bad_stock.validate(Currency::KES).err(),
            Some(("stock", Invalid::OutOfRange))
        );
    }
}

//! Arbitrary input at every parser of typed text: phones, money, emails, names, addresses,
//! search queries, CSV rows. None may panic; every refusal is a field error. A bounded number
//! of cases per run (proptest), so CI stays fast and a failure prints its input.

use super::csv_row::CsvRow;
use super::search::{RawSearch, SearchQuery, terms};
use super::{Currency, Email, Money, Phone};
use super::{address::Address, name::PersonName};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig::with_cases(512)
}

/// Text that looks like what people type, plus anything at all.
fn typed() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 +,.()-]{0,24}",
        "[a-zA-Z0-9@._+-]{0,40}",
        "[0-9]{1,30}(\\.[0-9]{0,6})?",
    ]
}

fn maybe(s: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    prop::option::of(s)
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn people_and_money(text in typed(), code in "[A-Za-z]{0,4}") {
        let _ = Phone::parse(&text);
        let _ = Email::parse(&text);
        let _ = PersonName::parse(&text);
        if let Ok(currency) = Currency::parse(&code)
            && let Ok(m) = Money::parse(&text, currency)
        {
            prop_assert!(!m.amount.is_sign_negative());
            prop_assert!(m.amount <= Money::MAX_TYPED);
        }
        let _ = Money::parse(&text, Currency::KES);
    }

    #[test]
    fn addresses(county in typed(), town in typed(), street in typed(), phone in typed()) {
        if let Err((field, _)) = Address::parse(&county, &town, &street, &phone) {
            prop_assert!(["county", "town", "street", "phone"].contains(&field));
        }
    }

    #[test]
    fn search_queries(
        q in maybe(any::<String>()), category in maybe(typed()), vendor in maybe(typed()),
        min_price in maybe(typed()), max_price in maybe(typed()), min_rating in maybe(typed()),
        in_stock in maybe(typed()), county in maybe(typed()), lat in maybe(typed()),
        lng in maybe(typed()), radius_km in maybe(typed()), sort in maybe(typed()),
        after in maybe(typed()), near in maybe(typed()), words in maybe(typed()),
    ) {
        let raw = RawSearch {
            q: q.clone(), category, vendor, min_price, max_price, min_rating, in_stock, county,
            lat, lng, radius_km, near, sort, after, words,
        };
        let _ = SearchQuery::parse(&raw);
        let _ = terms(q.as_deref().unwrap_or_default());
    }

    #[test]
    fn csv_rows(cells in prop::collection::vec(typed(), 13)) {
        let row = CsvRow {
            sku: cells[0].clone(), title: cells[1].clone(), description: cells[2].clone(),
            category: cells[3].clone(), tags: cells[4].clone(), price: cells[5].clone(),
            compare_at_price: cells[6].clone(), currency: cells[7].clone(),
            stock: cells[8].clone(), weight_grams: cells[9].clone(),
            low_stock_threshold: cells[10].clone(), options: cells[11].clone(),
            variant_price: cells[12].clone(),
        };
        let _ = row.validate(|slug| (slug == "phones").then(uuid::Uuid::nil), "Nairobi", "Westlands");
    }
}

//! A catalog search as the shopper asked for it, validated: text, filters, sort and page.
//! Built from the query string of `/search`, so every limit here is a limit on the URL.

use super::Invalid;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::str::FromStr;
use uuid::Uuid;

pub const MAX_QUERY_CHARS: usize = 200;
pub const MAX_TERMS: usize = 8;
pub const MAX_RADIUS_KM: f64 = 500.0;
pub const PAGE_SIZE: i64 = 24;

/// Price bands of the price facet (from, below), in the listing currency's units.
pub const PRICE_BANDS: [(i64, Option<i64>); 5] = [
    (0, Some(500)),
    (500, Some(2_000)),
    (2_000, Some(10_000)),
    (10_000, Some(50_000)),
    (50_000, None),
];

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sort {
    #[default]
    Relevance,
    PriceAsc,
    PriceDesc,
    Newest,
    Popular,
    /// The listing's rating from reviews, best first (unreviewed last).
    Rating,
    Distance,
}

impl Sort {
    pub const ALL: [Sort; 7] = [
        Sort::Relevance,
        Sort::PriceAsc,
        Sort::PriceDesc,
        Sort::Newest,
        Sort::Popular,
        Sort::Rating,
        Sort::Distance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Sort::Relevance => "relevance",
            Sort::PriceAsc => "price_asc",
            Sort::PriceDesc => "price_desc",
            Sort::Newest => "newest",
            Sort::Popular => "popular",
            Sort::Rating => "rating",
            Sort::Distance => "distance",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }
}

/// The raw query string, every field optional text, exactly as it arrives.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawSearch {
    pub q: Option<String>,
    pub category: Option<String>,
    /// A shop's slug: the storefront page searches within one shop.
    pub vendor: Option<String>,
    pub min_price: Option<String>,
    pub max_price: Option<String>,
    pub min_rating: Option<String>,
    pub in_stock: Option<String>,
    pub county: Option<String>,
    pub lat: Option<String>,
    pub lng: Option<String>,
    pub radius_km: Option<String>,
    /// The location picker: a town's slug, `here` (keep `lat`/`lng`), or empty (anywhere).
    /// Absent, `lat`/`lng` are taken as they are.
    pub near: Option<String>,
    pub sort: Option<String>,
    pub after: Option<String>,
    /// `any`: the list of listings with some of the words, which the first page fell back to
    /// when none had them all; its next-page links carry it.
    pub words: Option<String>,
}

impl RawSearch {
    /// Reads query-string pairs; keys this search does not know are ignored.
    pub fn from_pairs<K: AsRef<str>, V: Into<String>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Self {
        let mut raw = RawSearch::default();
        for (key, value) in pairs {
            let slot = match key.as_ref() {
                "q" => &mut raw.q,
                "category" => &mut raw.category,
                "vendor" => &mut raw.vendor,
                "min_price" => &mut raw.min_price,
                "max_price" => &mut raw.max_price,
                "min_rating" => &mut raw.min_rating,
                "in_stock" => &mut raw.in_stock,
                "county" => &mut raw.county,
                "lat" => &mut raw.lat,
                "lng" => &mut raw.lng,
                "radius_km" => &mut raw.radius_km,
                "near" => &mut raw.near,
                "sort" => &mut raw.sort,
                "after" => &mut raw.after,
                "words" => &mut raw.words,
                _ => continue,
            };
            *slot = Some(value.into());
        }
        raw
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct GeoFilter {
    pub lat: f64,
    pub lng: f64,
    /// None: sort by distance without a radius limit.
    pub radius_km: Option<f64>,
}

/// Where the previous page ended: the sort key of its last row and that row's id. The key is
/// exact (price, popularity, age in seconds or distance as written by the page's query), so the
/// next page starts precisely after it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    pub key: Decimal,
    pub id: Uuid,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchQuery {
    /// Lower-cased words, punctuation removed, at most `MAX_TERMS`.
    pub terms: Vec<String>,
    pub category: Option<String>,
    pub vendor: Option<String>,
    pub min_price: Option<Decimal>,
    pub max_price: Option<Decimal>,
    pub min_rating: Option<Decimal>,
    pub in_stock: bool,
    pub county: Option<String>,
    pub geo: Option<GeoFilter>,
    pub sort: Sort,
    pub after: Option<Cursor>,
    /// List the listings with any of the words (`RawSearch::words`), not only those with all.
    pub any_words: bool,
}

type Refusal = (&'static str, Invalid);

fn blank_to_none(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn number<T: FromStr>(field: &'static str, v: &Option<String>) -> Result<Option<T>, Refusal> {
    blank_to_none(v)
        .map(|s| s.parse::<T>().map_err(|_| (field, Invalid::NumberFormat)))
        .transpose()
}

/// Splits text into search words: letters and digits only, lower-cased, deduplicated.
pub fn terms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        if !out.contains(&word) && out.len() < MAX_TERMS {
            out.push(word);
        }
    }
    out
}

impl SearchQuery {
    pub fn parse(raw: &RawSearch) -> Result<Self, Refusal> {
        let q = raw.q.as_deref().unwrap_or_default();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err((
                "q",
                Invalid::TooLong {
                    max: MAX_QUERY_CHARS,
                },
            ));
        }
        let category = blank_to_none(&raw.category).map(str::to_owned);
        if category.as_ref().is_some_and(|c| {
            c.len() > 60 || !c.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        }) {
            return Err(("category", Invalid::NotFound));
        }
        let vendor = blank_to_none(&raw.vendor).map(str::to_owned);
        if vendor
            .as_ref()
            .is_some_and(|v| super::Slug::parse(v).is_err())
        {
            return Err(("vendor", Invalid::NotFound));
        }
        let min_price: Option<Decimal> = number("min_price", &raw.min_price)?;
        let max_price: Option<Decimal> = number("max_price", &raw.max_price)?;
        for (field, price) in [("min_price", min_price), ("max_price", max_price)] {
            if price.is_some_and(|p| p.is_sign_negative() || p > Decimal::from(1_000_000_000)) {
                return Err((field, Invalid::OutOfRange));
            }
        }
        if let (Some(lo), Some(hi)) = (min_price, max_price)
            && lo > hi
        {
            return Err(("max_price", Invalid::OutOfRange));
        }
        let min_rating: Option<Decimal> = number("min_rating", &raw.min_rating)?;
        if min_rating.is_some_and(|r| r.is_sign_negative() || r > Decimal::from(5)) {
            return Err(("min_rating", Invalid::OutOfRange));
        }
        let in_stock = matches!(
            blank_to_none(&raw.in_stock),
            Some("1" | "true" | "on" | "yes")
        );
        let county = blank_to_none(&raw.county).map(str::to_owned);
        if county.as_ref().is_some_and(|c| c.chars().count() > 40) {
            return Err(("county", Invalid::TooLong { max: 40 }));
        }
        let mut lat: Option<f64> = number("lat", &raw.lat)?;
        let mut lng: Option<f64> = number("lng", &raw.lng)?;
        let mut radius_km: Option<f64> = number("radius_km", &raw.radius_km)?;
        // The picker, when the form sent it, decides over coordinates carried in the URL.
        match raw.near.as_deref().map(str::trim) {
            None | Some(super::places::HERE) => {}
            Some("") => (lat, lng, radius_km) = (None, None, None),
            Some(slug) => {
                let town = super::places::find(slug).ok_or(("near", Invalid::NotFound))?;
                (lat, lng) = (Some(town.lat), Some(town.lng));
            }
        }
        if lat.is_some_and(|v| !(-90.0..=90.0).contains(&v)) {
            return Err(("lat", Invalid::OutOfRange));
        }
        if lng.is_some_and(|v| !(-180.0..=180.0).contains(&v)) {
            return Err(("lng", Invalid::OutOfRange));
        }
        if radius_km.is_some_and(|v| !(0.5..=MAX_RADIUS_KM).contains(&v)) {
            return Err(("radius_km", Invalid::OutOfRange));
        }
        let geo = match (lat, lng) {
            (Some(lat), Some(lng)) => Some(GeoFilter {
                lat,
                lng,
                radius_km,
            }),
            (None, None) if radius_km.is_none() => None,
            _ => return Err(("lat", Invalid::Required)),
        };
        let sort = match blank_to_none(&raw.sort) {
            None => Sort::default(),
            Some(s) => Sort::parse(s).ok_or(("sort", Invalid::NotFound))?,
        };
        // "Nearest" with no location (it was chosen, then the location cleared): the default.
        let sort = if sort == Sort::Distance && geo.is_none() {
            Sort::default()
        } else {
            sort
        };
        let after = blank_to_none(&raw.after)
            .map(|a| {
                let (key, id) = a.rsplit_once('_').ok_or(("after", Invalid::NotFound))?;
                let id = Uuid::parse_str(id).map_err(|_| ("after", Invalid::NotFound))?;
                if key.len() > 40 {
                    return Err(("after", Invalid::NotFound));
                }
                let key = key.parse().map_err(|_| ("after", Invalid::NotFound))?;
                Ok(Cursor { key, id })
            })
            .transpose()?;
        let any_words = match blank_to_none(&raw.words) {
            None | Some("all") => false,
            Some("any") => true,
            Some(_) => return Err(("words", Invalid::NotFound)),
        };
        Ok(SearchQuery {
            terms: terms(q),
            category,
            vendor,
            min_price,
            max_price,
            min_rating,
            in_stock,
            county,
            geo,
            sort,
            after,
            any_words,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(pairs: &[(&str, &str)]) -> RawSearch {
        RawSearch::from_pairs(pairs.iter().copied())
    }

    #[test]
    fn words_are_normalised() {
        assert_eq!(terms("  Unga ya NGANO, unga!"), vec!["unga", "ya", "ngano"]);
        assert_eq!(
            terms("a:b & c | !d"),
            vec!["a", "b", "c", "d"],
            "tsquery syntax is stripped"
        );
        assert_eq!(terms(&"w ".repeat(50)).len(), 1);
        assert_eq!(
            terms("one two three four five six seven eight nine ten").len(),
            MAX_TERMS
        );
    }

    #[test]
    fn filters_parse() {
        let q = SearchQuery::parse(&raw(&[
            ("q", "samsung"),
            ("min_price", "1000"),
            ("max_price", "25,000".replace(',', "").as_str()),
            ("in_stock", "1"),
            ("lat", "-1.29"),
            ("lng", "36.82"),
            ("radius_km", "10"),
            ("sort", "distance"),
        ]))
        .expect("valid");
        assert_eq!(q.terms, vec!["samsung"]);
        assert_eq!(q.min_price, Some(Decimal::from(1000)));
        assert!(q.in_stock);
        assert_eq!(
            q.geo,
            Some(GeoFilter {
                lat: -1.29,
                lng: 36.82,
                radius_km: Some(10.0)
            })
        );
        assert_eq!(q.sort, Sort::Distance);
    }

    #[test]
    fn bad_values_name_their_field() {
        let cases: [(&[(&str, &str)], &str); 11] = [
            (&[("q", &"x".repeat(201))], "q"),
            (&[("min_price", "cheap")], "min_price"),
            (&[("min_price", "-5")], "min_price"),
            (&[("min_price", "500"), ("max_price", "100")], "max_price"),
            (&[("min_rating", "6")], "min_rating"),
            (&[("lat", "91"), ("lng", "0")], "lat"),
            (&[("lat", "1")], "lat"),
            (&[("near", "atlantis")], "near"),
            (&[("sort", "cheapest")], "sort"),
            (&[("after", "1.5_not-a-uuid")], "after"),
            (&[("words", "some")], "words"),
        ];
        for (pairs, field) in cases {
            let err = SearchQuery::parse(&raw(pairs)).expect_err("must refuse");
            assert_eq!(err.0, field, "{pairs:?}");
        }
        assert!(SearchQuery::parse(&raw(&[("category", "x'; drop table listings")])).is_err());
    }

    #[test]
    fn the_location_picker_decides_over_coordinates_in_the_url() {
        let at = |pairs: &[(&str, &str)]| {
            let q = SearchQuery::parse(&raw(pairs)).expect("valid");
            (q.geo.map(|g| (g.lat, g.lng, g.radius_km)), q.sort)
        };
        let here = [("lat", "-1.5"), ("lng", "37.0"), ("sort", "distance")];
        assert_eq!(at(&here), (Some((-1.5, 37.0, None)), Sort::Distance));
        let mut picked = here.to_vec();
        picked.push(("near", "kisumu"));
        picked.push(("radius_km", "25"));
        assert_eq!(
            at(&picked),
            (Some((-0.0917, 34.768, Some(25.0))), Sort::Distance)
        );
        picked.push(("near", "here"));
        assert_eq!(
            at(&picked),
            (Some((-1.5, 37.0, Some(25.0))), Sort::Distance)
        );
        picked.push(("near", ""));
        assert_eq!(
            at(&picked),
            (None, Sort::Relevance),
            "anywhere: no radius, no nearest"
        );
        assert_eq!(at(&[("sort", "distance")]), (None, Sort::Relevance));
    }

    #[test]
    fn the_list_of_some_words_is_asked_by_name() {
        let any = |v: &str| {
            SearchQuery::parse(&raw(&[("q", "a b"), ("words", v)]))
                .expect("valid")
                .any_words
        };
        assert!(any("any"));
        assert!(
            !any("all") && !any("") && !SearchQuery::parse(&raw(&[])).expect("valid").any_words
        );
    }

    #[test]
    fn cursor_round_trip() {
        let id = Uuid::nil();
        let q = SearchQuery::parse(&raw(&[
            ("after", &format!("1250.00_{id}")),
            ("sort", "price_asc"),
        ]))
        .expect("valid");
        assert_eq!(
            q.after,
            Some(Cursor {
                key: Decimal::new(125000, 2),
                id
            })
        );
    }
}

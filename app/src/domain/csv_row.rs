//! One row of a listings CSV file, and how it maps onto the listing and variant forms. The
//! same validation as the dashboard's forms applies; errors name the CSV column.

use super::Invalid;
use super::listing::{ListingDraft, ListingInput, VariantDraft, VariantInput};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The columns, in the order the export writes them.
pub const COLUMNS: [&str; 13] = [
    "sku",
    "title",
    "description",
    "category",
    "tags",
    "price",
    "compare_at_price",
    "currency",
    "stock",
    "weight_grams",
    "low_stock_threshold",
    "options",
    "variant_price",
];

/// Columns a file must have; the rest may be left out.
pub const REQUIRED_COLUMNS: [&str; 5] = ["sku", "title", "category", "price", "stock"];

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
#[serde(default)]
pub struct CsvRow {
    pub sku: String,
    pub title: String,
    pub description: String,
    /// The category's slug, e.g. `phones`.
    pub category: String,
    pub tags: String,
    pub price: String,
    pub compare_at_price: String,
    pub currency: String,
    pub stock: String,
    pub weight_grams: String,
    pub low_stock_threshold: String,
    pub options: String,
    pub variant_price: String,
}

/// A row's problem: the CSV column and why.
pub type CellError = (&'static str, Invalid);

/// The form field a validation error names, as the CSV column a seller sees.
fn column_of(field: &'static str) -> &'static str {
    match field {
        "category_id" => "category",
        "variant_price" => "variant_price",
        other => COLUMNS.into_iter().find(|c| *c == other).unwrap_or("title"),
    }
}

impl CsvRow {
    /// Validates the row. `category` resolves a slug to its id; `county`/`town` are the
    /// shop's, since the file does not carry a location.
    pub fn validate(
        &self,
        category: impl Fn(&str) -> Option<Uuid>,
        county: &str,
        town: &str,
    ) -> Result<(ListingDraft, VariantDraft), CellError> {
        let category_id = match self.category.trim() {
            "" => return Err(("category", Invalid::Required)),
            slug => category(&slug.to_ascii_lowercase()).ok_or(("category", Invalid::NotFound))?,
        };
        let listing = ListingInput {
            title: self.title.clone(),
            description: self.description.clone(),
            category_id: category_id.to_string(),
            tags: self.tags.clone(),
            price: self.price.clone(),
            compare_at_price: self.compare_at_price.clone(),
            currency: self.currency.clone(),
            weight_grams: self.weight_grams.clone(),
            county: county.to_owned(),
            town: town.to_owned(),
            low_stock_threshold: self.low_stock_threshold.clone(),
            ..Default::default()
        }
        .validate()
        .map_err(|(field, why)| (column_of(field), why))?;
        if self.stock.trim().is_empty() {
            return Err(("stock", Invalid::Required));
        }
        let variant = VariantInput {
            sku: self.sku.clone(),
            options: self.options.clone(),
            price: self.variant_price.clone(),
            stock: self.stock.clone(),
        }
        .validate(listing.price.currency)
        .map_err(|(field, why)| (column_of(field), why))?;
        Ok((listing, variant))
    }
}

/// What an import did, row by row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    /// The line as a spreadsheet numbers it (the header is row 1).
    pub row: u64,
    pub column: String,
    pub why: Invalid,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    /// Whether any row was written.
    pub applied: bool,
    pub errors: Vec<RowError>,
    /// Errors past the first `MAX_REPORTED_ERRORS`, counted but not listed.
    #[serde(default)]
    pub more_errors: usize,
}

/// Errors a report lists. It is kept in the session until the page shows it, and a file of
/// 5,000 bad rows would otherwise put every one of them there.
pub const MAX_REPORTED_ERRORS: usize = 100;

impl ImportReport {
    /// The report with its first `MAX_REPORTED_ERRORS` errors (by row) listed, the rest counted.
    pub fn bounded(mut self) -> Self {
        self.errors.sort_by_key(|e| e.row);
        if self.errors.len() > MAX_REPORTED_ERRORS {
            self.more_errors += self.errors.len() - MAX_REPORTED_ERRORS;
            self.errors.truncate(MAX_REPORTED_ERRORS);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_report_lists_its_first_errors_and_counts_the_rest() {
        let errors = (2..5_002)
            .rev()
            .map(|row| super::RowError {
                row,
                column: "price".into(),
                why: super::Invalid::AmountFormat,
            })
            .collect();
        let report = super::ImportReport {
            rows: 5_000,
            errors,
            ..Default::default()
        }
        .bounded();
        assert_eq!(report.errors.len(), super::MAX_REPORTED_ERRORS);
        assert_eq!(report.errors[0].row, 2, "first rows first");
        assert_eq!(report.more_errors, 4_900);
    }

    use super::*;

    fn row() -> CsvRow {
        CsvRow {
            sku: "UNGA-2KG".into(),
            title: "Unga wa ngano 2kg".into(),
            category: "Groceries".into(),
            price: "210".into(),
            stock: "40".into(),
            ..Default::default()
        }
    }

    fn lookup(slug: &str) -> Option<Uuid> {
        (slug == "groceries").then(Uuid::nil)
    }

    #[test]
    fn a_good_row() {
        let (listing, variant) = row().validate(lookup, "Nairobi", "Gikomba").expect("valid");
        assert_eq!(listing.category_id, Uuid::nil());
        assert_eq!(listing.county, "Nairobi");
        assert_eq!(variant.sku, "UNGA-2KG");
        assert_eq!(variant.stock, 40);
    }

    #[test]
    fn errors_name_the_column() {
        type Case = (fn(&mut CsvRow), CellError);
        let cases: [Case; 6] = [
            (
                |r| r.category = "cars".into(),
                ("category", Invalid::NotFound),
            ),
            (
                |r| r.category = String::new(),
                ("category", Invalid::Required),
            ),
            (
                |r| r.price = "two hundred".into(),
                ("price", Invalid::AmountFormat),
            ),
            (|r| r.stock = String::new(), ("stock", Invalid::Required)),
            (|r| r.stock = "-4".into(), ("stock", Invalid::OutOfRange)),
            (|r| r.sku = "UNGA 2KG".into(), ("sku", Invalid::SkuFormat)),
        ];
        for (break_it, expected) in cases {
            let mut r = row();
            break_it(&mut r);
            assert_eq!(
                r.validate(lookup, "Nairobi", "Gikomba").err(),
                Some(expected)
            );
        }
        let mut r = row();
        r.title = "x".into();
        assert_eq!(
            r.validate(lookup, "Nairobi", "Gikomba").err().map(|e| e.0),
            Some("title")
        );
    }
}

//! CSV import and export of a shop's listings. Import validates every row first; a file with
//! errors applies nothing unless the seller asked for the valid rows, and then each row runs
//! in its own savepoint so one failing row cannot undo the others.

use super::{apply_update, insert_listing};
use crate::domain::Invalid;
use crate::domain::csv_row::{COLUMNS, CsvRow, ImportReport, REQUIRED_COLUMNS, RowError};
use crate::error::AppError;
use sqlx::PgPool;
use std::collections::HashMap;
use uuid::Uuid;

/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
pub const MAX_ROWS: usize = 5_000;

/// The session key under which the last import's report waits for the import page.
pub const REPORT_SESSION_KEY: &str = "import_report";

fn file_error(column: &str, why: Invalid) -> ImportReport {
    ImportReport {
        errors: vec![RowError {
            row: 1,
            column: column.to_owned(),
            why,
        }],
        ..Default::default()
    }
}

/// Parses the file into rows, or a report of what is wrong with the file as a whole.
fn parse(bytes: &[u8]) -> Result<Vec<(u64, CsvRow)>, ImportReport> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(file_error(
            "file",
            Invalid::FileTooLarge {
                max_mb: MAX_FILE_BYTES / 1024 / 1024,
            },
        ));
    }
    // Spreadsheets save UTF-8 with a byte-order mark; it is not part of the first header.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .trim(::csv::Trim::All)
        .flexible(false)
        .from_reader(bytes);
    let headers = match reader.headers() {
        Ok(h) => h.iter().map(|h| h.to_ascii_lowercase()).collect::<Vec<_>>(),
        Err(_) => return Err(file_error("file", Invalid::FileType)),
    };
    if let Some(missing) = REQUIRED_COLUMNS
        .into_iter()
        .find(|c| !headers.iter().any(|h| h == c))
    {
        return Err(file_error(missing, Invalid::Required));
    }
    reader.set_headers(::csv::StringRecord::from(headers));
    let mut rows = Vec::new();
    let mut errors = Vec::new();
    for result in reader.deserialize::<CsvRow>() {
        match result {
            Ok(row) => rows.push(row),
            Err(e) => {
                let line = e.position().map(|p| p.line()).unwrap_or(0);
                errors.push(RowError {
                    row: line,
                    column: "file".into(),
                    why: Invalid::FileType,
                });
                continue;
            }
        }
        if rows.len() > MAX_ROWS {
            return Err(file_error("file", Invalid::TooMany { max: MAX_ROWS }));
        }
    }
    if !errors.is_empty() {
        return Err(ImportReport {
            rows: rows.len() + errors.len(),
            errors,
            ..Default::default()
        });
    }
    // Data rows start on line 2.
    Ok(rows.into_iter().zip(2u64..).map(|(r, n)| (n, r)).collect())
}

/// Imports a CSV file for the shop `vendor_id`. Rows whose SKU the shop already uses update
/// that listing and variant; new SKUs create listings.
pub async fn import(
    pool: &PgPool,
    vendor_id: Uuid,
    county: &str,
    town: &str,
    bytes: &[u8],
    valid_rows_only: bool,
) -> Result<ImportReport, AppError> {
    let rows = match parse(bytes) {
        Ok(rows) => rows,
        Err(report) => return Ok(report),
    };
    let categories: HashMap<String, Uuid> =
        sqlx::query_as::<_, (String, Uuid)>("select slug, id from categories")
            .fetch_all(pool)
            .await?
            .into_iter()
            .collect();
    let mut report = ImportReport {
        rows: rows.len(),
        ..Default::default()
    };
    let mut valid = Vec::new();
    let mut seen = HashMap::new();
    for (line, row) in rows {
        match row.validate(|slug| categories.get(slug).copied(), county, town) {
            Ok((listing, variant)) => {
                if seen.insert(variant.sku.clone(), line).is_some() {
                    // The same SKU twice in one file: which row wins would be a guess.
                    report.errors.push(RowError {
                        row: line,
                        column: "sku".into(),
                        why: Invalid::SkuTaken,
                    });
                } else {
                    valid.push((line, listing, variant));
                }
            }
            Err((column, why)) => report.errors.push(RowError {
                row: line,
                column: column.into(),
                why,
            }),
        }
    }
    if !report.errors.is_empty() && !valid_rows_only {
        return Ok(report);
    }
    let mut tx = pool.begin().await?;
    for (line, listing, variant) in valid {
        let mut row_tx = sqlx::Acquire::begin(&mut *tx).await?;
        let existing: Option<(Uuid, Uuid)> = sqlx::query_as(
            "select listing_id, id from listing_variants where vendor_id = $1 and sku = $2",
        )
        .bind(vendor_id)
        .bind(&variant.sku)
        .fetch_optional(&mut *row_tx)
        .await?;
        let outcome = match existing {
            Some((listing_id, variant_id)) => {
                async {
                    apply_update(&mut row_tx, vendor_id, listing_id, &listing).await?;
                    crate::db::listings::save_variant(
                        &mut *row_tx,
                        vendor_id,
                        listing_id,
                        Some(variant_id),
                        &variant,
                    )
                    .await?;
                    Ok::<_, AppError>(false)
                }
                .await
            }
            None => insert_listing(&mut row_tx, vendor_id, &listing, &variant)
                .await
                .map(|_| true),
        };
        match outcome {
            Ok(created) => {
                row_tx.commit().await?;
                if created {
                    report.created += 1;
                } else {
                    report.updated += 1;
                }
            }
            Err(AppError::Invalid { field, why }) => {
                row_tx.rollback().await?;
                let column = if field == "category_id" {
                    "category".to_owned()
                } else {
                    field
                };
                report.errors.push(RowError {
                    row: line,
                    column,
                    why,
                });
                if !valid_rows_only {
                    // All or nothing: the outer transaction is dropped, undoing earlier rows.
                    report.created = 0;
                    report.updated = 0;
                    return Ok(report);
                }
            }
            Err(e) => return Err(e),
        }
    }
    tx.commit().await?;
    report.applied = report.created + report.updated > 0;
    report.errors.sort_by_key(|e| e.row);
    Ok(report)
}

/// The shop's listings as CSV, one row per variant, in the columns import reads.
pub async fn export(pool: &PgPool, vendor_id: Uuid) -> Result<Vec<u8>, AppError> {
    let rows: Vec<CsvRow> = sqlx::query_as::<_, CsvRow>(
        "select v.sku, l.title, l.description, c.slug as category, array_to_string(l.tags, ', ') as tags,
                l.price::text as price, coalesce(l.compare_at_price::text, '') as compare_at_price, l.currency,
                v.stock::text as stock, coalesce(l.weight_grams::text, '') as weight_grams,
                l.low_stock_threshold::text as low_stock_threshold, v.attributes::text as options,
                coalesce(v.price::text, '') as variant_price
         from listing_variants v join listings l on l.id = v.listing_id join categories c on c.id = l.category_id
         where v.vendor_id = $1 and l.vendor_id = $1 and l.status <> 'archived'
         order by l.created_at, l.id, v.position, v.sku",
    )
    .bind(vendor_id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|row| CsvRow {
        options: crate::domain::listing::options_label(&row.options),
        ..row
    })
    .collect();
    let mut writer = ::csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    writer
        .write_record(COLUMNS)
        .map_err(|e| AppError::internal(format!("CSV export header: {e}")))?;
    for row in rows {
        writer
            .serialize(row)
            .map_err(|e| AppError::internal(format!("CSV export row: {e}")))?;
    }
    writer
        .into_inner()
        .map_err(|e| AppError::internal(format!("CSV export: {e}")))
}

/// Arbitrary files at the CSV reader: bytes at all, and files with our header and odd cells.
/// None may panic; a refusal is a report, never an error of ours.
#[cfg(test)]
mod fuzz {
    use super::{COLUMNS, parse};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
            let _ = parse(&bytes);
        }

        #[test]
        fn our_header_with_odd_rows(rows in prop::collection::vec(prop::collection::vec(any::<String>(), 0..16), 0..20)) {
            let mut file = COLUMNS.join(",");
            for row in rows {
                file.push('\n');
                file.push_str(&row.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>().join(","));
            }
            let _ = parse(file.as_bytes());
        }
    }
}

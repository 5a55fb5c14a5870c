//! Facet counts beside a page: categories (top level), counties, seller ratings, price bands
//! and stock. Exact for a small match set; above `Tuning::exact_facets` matches they are
//! estimated from the fixed 1/16 sample of listings (`listings.sample = 0`, copied with the
//! columns the counts read into `search_sample`), scaled up, rounded and flagged `estimated`
//! ("about N").

use super::{Radius, Tuning, push_category_words, push_conditions, push_filters, walk_cells};
use crate::domain::search::{PAGE_SIZE, PRICE_BANDS, SearchQuery};
use crate::wire::catalog::{FacetCount, Facets};
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

/// One listing in this many is in the sample (its `sample` bucket is 0 of 0..16).
pub const SAMPLE_RATE: i64 = 16;

/// The sample is counted up to this many listings (about 16,000 matches); beyond, the counts
/// are flagged `capped` ("about N+"). Reading and counting 1,001 sampled listings of a common
/// word takes ~3 ms at 1M listings, most of it visiting their ~790 heap pages.
pub const SAMPLE_CAP: i64 = 1_000;

/// What a search's text, filters and place are, for the counts.
pub(super) struct Matching<'a> {
    pub q: &'a SearchQuery,
    pub categories: &'a Option<Vec<Uuid>>,
    pub tsq: &'a Option<String>,
    /// The words within the category filter's categories (`terms::in_categories`).
    pub by_category: &'a Option<String>,
    /// The query's word when it is one known word (no completions): `tsq` matches exactly the
    /// listings holding it.
    pub word: Option<&'a str>,
    pub radius: Radius,
    pub tuning: Tuning,
}

/// The counts, or `Pending` when no sampled listing has the words and the page is read anyway
/// (`after_page` then counts them).
pub(super) enum Counts {
    Ready(Facets),
    Pending(Facets),
}

/// The counts beside a page. With `defer` (a first page), words no sampled listing has are
/// left for `after_page`: their matches are few, and the page finds them anyway.
pub(super) async fn facets(
    pool: &PgPool,
    m: &Matching<'_>,
    defer: bool,
) -> Result<Counts, sqlx::Error> {
    // The sample first: it is small whatever the match set, and it tells whether counting
    // every match is affordable.
    let sample = count(pool, m, Pass::Sample).await?;
    if defer && m.tsq.is_some() && sample.total == 0 {
        return Ok(Counts::Pending(sample));
    }
    Ok(Counts::Ready(exact_or_estimate(pool, m, sample).await?))
}

/// Every match counted when the sample says they are few, else the sample's estimate. The exact
/// count is capped too, in case the sample (a random sixteenth) understated the matches.
async fn exact_or_estimate(
    pool: &PgPool,
    m: &Matching<'_>,
    sample: Facets,
) -> Result<Facets, sqlx::Error> {
    if sample.total * SAMPLE_RATE <= m.tuning.exact_facets {
        let cap = (4 * m.tuning.exact_facets).max(1);
        let exact = count(pool, m, Pass::Exact(cap)).await?;
        if !exact.capped {
            return Ok(exact);
        }
    }
    Ok(estimate(sample))
}

/// Pending counts, once the first page is read: when it holds every match (there is no next
/// page), its listings are counted by id, without reading the words' index again (for two
/// common words with no listing in common that read alone took 6 ms at 1M listings, beside
/// the page's own); otherwise as `facets` counts.
pub(super) async fn after_page(
    pool: &PgPool,
    m: &Matching<'_>,
    sample: Facets,
    page: &[Uuid],
    complete: bool,
) -> Result<Facets, sqlx::Error> {
    if complete {
        count(pool, m, Pass::Listed(page)).await
    } else {
        exact_or_estimate(pool, m, sample).await
    }
}

/// Which listings a count reads.
#[derive(Clone, Copy)]
enum Pass<'a> {
    /// The 1/16 sample, up to `SAMPLE_CAP`.
    Sample,
    /// Every match, up to the cap.
    Exact(i64),
    /// These listings (every match, already found).
    Listed(&'a [Uuid]),
}

/// The sample's counts scaled to the whole catalog, rounded to two significant digits (more
/// would claim a precision a sample does not have).
fn estimate(mut f: Facets) -> Facets {
    let about = |n: i64| {
        let n = n * SAMPLE_RATE;
        let mut unit = 1;
        while n / unit >= 100 {
            unit *= 10;
        }
        (n + unit / 2) / unit * unit
    };
    for list in [
        &mut f.categories,
        &mut f.counties,
        &mut f.ratings,
        &mut f.prices,
    ] {
        for item in list.iter_mut() {
            item.count = about(item.count);
        }
    }
    f.in_stock = about(f.in_stock);
    f.total = about(f.total);
    f.estimated = true;
    f
}

/// The counts of a search nothing matches (every price band listed, at 0, as `count` lists
/// them).
pub(super) fn none() -> Facets {
    Facets {
        prices: price_bands([0; PRICE_BANDS.len()]),
        ..Facets::default()
    }
}

/// The price bands' counts, in band order.
fn price_bands(counts: [i64; PRICE_BANDS.len()]) -> Vec<FacetCount> {
    counts
        .iter()
        .enumerate()
        .map(|(i, &count)| FacetCount {
            value: i.to_string(),
            label_en: String::new(),
            label_sw: String::new(),
            count,
        })
        .collect()
}

/// `grouping(category, county, band)` of each grouping set: the bit of a column is set when
/// the set does not group by it.
const BY_CATEGORY: i32 = 0b011;
const BY_COUNTY: i32 = 0b101;
const BY_BAND: i32 = 0b110;

/// One group of the facet counts (see `count`).
#[derive(sqlx::FromRow)]
struct Group {
    g: i32,
    slug: Option<String>,
    label_en: Option<String>,
    label_sw: Option<String>,
    county: Option<String>,
    band: Option<i32>,
    n: i64,
    in_stock: i64,
    r3: i64,
    r4: i64,
    r45: i64,
}

/// Facet counts over the matches `pass` reads.
async fn count(pool: &PgPool, m: &Matching<'_>, pass: Pass<'_>) -> Result<Facets, sqlx::Error> {
    let Matching {
        q,
        categories,
        tsq,
        by_category,
        radius,
        ..
    } = *m;
    // The sample has a narrow table of its own (`search_sample`, kept by trigger) with the
    // columns the filters and counts read; it has the listings' column names, so the filters
    // are written once for both.
    // One word without a category, shop or place is counted from the sample's words, read
    // index-only (`search_sample_words`, with the columns the counts and the remaining
    // filters read, under the same names).
    let one_word = match (pass, m.word) {
        (Pass::Sample, Some(word))
            if categories.is_none() && q.vendor.is_none() && q.geo.is_none() =>
        {
            Some(word)
        }
        _ => None,
    };
    let table = match (pass, one_word) {
        (Pass::Sample, Some(_)) => "search_sample_words",
        (Pass::Sample, None) => "search_sample",
        (Pass::Exact(_) | Pass::Listed(_), _) => "listings",
    };
    // One pass over the matches: grouped by category, by county and by price band, and all
    // together (with the stock and rating counts), as grouping sets. The matches are read
    // once, and only the few category groups are joined to their top-level category. (As a
    // materialised list read three times, joined to the categories row by row and filtered
    // once per price band, the counting of 1,001 sampled matches took 2.7 ms; this way 0.8.)
    // The price bands are constants written into the text, so no value is converted per row.
    let mut b = QueryBuilder::<Postgres>::new(
        "select s.g, coalesce(p.slug, c.slug) as slug, coalesce(p.name_en, c.name_en) as label_en,
                coalesce(p.name_sw, c.name_sw) as label_sw, s.county, s.band, s.n, s.in_stock,
                s.r3, s.r4, s.r45
         from (select grouping(m.category_id, m.county, m.band) as g, m.category_id, m.county,
                      m.band, count(*) as n, count(*) filter (where m.stock > 0) as in_stock,
                      count(*) filter (where m.vendor_rating >= 3) as r3,
                      count(*) filter (where m.vendor_rating >= 4) as r4,
                      count(*) filter (where m.vendor_rating >= 4.5) as r45
               from (select l.category_id, l.county, l.stock, l.vendor_rating, case",
    );
    for (i, (lo, hi)) in PRICE_BANDS.iter().enumerate() {
        b.push(format!(" when l.price >= {lo}"));
        if let Some(hi) = hi {
            b.push(format!(" and l.price < {hi}"));
        }
        b.push(format!(" then {i}"));
    }
    b.push(" end as band from ").push(table).push(" l");
    if let Pass::Listed(ids) = pass {
        b.push(" where l.id = any(")
            .push_bind(ids.to_vec())
            .push(")");
    }
    // With words and a radius holding many listings, the matches come from the text index
    // and the distance is checked on each: through the radius index the words were tested on
    // every listing it passed (~78,000 around a dense city to find 1,001 "sufuria").
    let radius = match (tsq, radius) {
        (Some(_), Radius::RowByRow) => Radius::RowByRow,
        _ => Radius::Indexed,
    };
    // Words within a category are looked up in the category-qualified index (the sample has
    // its own small index with the category, and reads the plain words).
    match (pass, one_word, by_category, tsq, categories.as_deref()) {
        (Pass::Listed(_), ..) => {}
        // Only approved listings' words are kept.
        (_, Some(word), ..) => {
            b.push(" where l.word = ").push_bind(word.to_owned());
            push_conditions(&mut b, q, &None, &None, radius);
        }
        (Pass::Exact(_), _, Some(text), ..) => {
            push_filters(&mut b, q, categories, &None, radius);
            push_category_words(&mut b, text);
        }
        // A top-level category with subcategories, without words: the sample's listings under
        // it come from one key of its covering index, in table order, so the cap keeps a fair
        // sample (migration 20261129000002). Of the ids, only the top-level one is anyone's top.
        (Pass::Sample, _, _, None, Some(ids)) if ids.len() > 1 => {
            push_filters(&mut b, q, &None, &None, radius);
            b.push(" and l.top_category_id = any(")
                .push_bind(ids.to_vec())
                .push(")");
        }
        _ => push_filters(&mut b, q, categories, tsq, radius),
    }
    // Words within a dense radius: the sample's words within the radius's cells come from one
    // index (`search_sample_cell`), rather than every sampled match having its distance tested.
    if let (Pass::Sample, Some(_), Some(cells)) = (pass, tsq, walk_cells(q, radius)) {
        b.push(" and geo_cell(l.lat, l.lng) = any(")
            .push_bind(cells)
            .push(")");
    }
    let cap = match pass {
        Pass::Sample => SAMPLE_CAP,
        Pass::Exact(cap) => cap,
        // A page's listings (one text for any number of them).
        Pass::Listed(_) => PAGE_SIZE,
    };
    // A radius without words is read through its box on the GiST index in the index's own
    // order, which stops after the cap. (Nearest-first did too, but ordering by distance cost
    // ~7 µs a listing: 7.3 against 1.4 ms for the 1,001 sampled listings of a 50 km radius at
    // 1M listings.) Either way a capped count is an estimate of the radius, flagged as such.
    b.push(format!(
        " limit {}) m group by grouping sets ((m.category_id), (m.county), (m.band), ())) s
          left join categories c on c.id = s.category_id
          left join categories p on p.id = c.parent_id",
        cap + 1
    ));
    let rows: Vec<Group> = b.build_query_as().fetch_all(pool).await?;
    let mut facets = Facets::default();
    let mut prices = [0; PRICE_BANDS.len()];
    for row in rows {
        match row.g {
            BY_CATEGORY => {
                let (Some(slug), Some(en), Some(sw)) = (row.slug, row.label_en, row.label_sw)
                else {
                    continue;
                };
                // Leaf categories add up under their top-level category.
                match facets.categories.iter_mut().find(|f| f.value == slug) {
                    Some(top) => top.count += row.n,
                    None => facets.categories.push(FacetCount {
                        value: slug,
                        label_en: en,
                        label_sw: sw,
                        count: row.n,
                    }),
                }
            }
            BY_COUNTY => {
                if let Some(county) = row.county {
                    facets.counties.push(FacetCount {
                        value: county.clone(),
                        label_en: county.clone(),
                        label_sw: county,
                        count: row.n,
                    });
                }
            }
            BY_BAND => {
                if let Some(band) = row.band.and_then(|b| prices.get_mut(b as usize)) {
                    *band = row.n;
                }
            }
            _ => {
                facets.total = row.n;
                facets.in_stock = row.in_stock;
                // Nothing to filter by rating when nothing matches.
                if row.n > 0 {
                    for (value, count) in [("4.5", row.r45), ("4", row.r4), ("3", row.r3)] {
                        facets.ratings.push(FacetCount {
                            value: value.into(),
                            label_en: value.into(),
                            label_sw: value.into(),
                            count,
                        });
                    }
                }
            }
        }
    }
    facets.prices = price_bands(prices);
    if facets.total > cap {
        facets.capped = true;
        facets.total = cap;
    }
    for list in [&mut facets.categories, &mut facets.counties] {
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    Ok(facets)
}

//! Facet counts beside a page: categories (top level), counties, seller ratings, price bands
//! and stock. Exact for a small match set; above `Tuning::exact_facets` matches they are
//! estimated from the fixed 1/16 sample of listings (`listings.sample = 0`, copied with the
//! columns the counts read into `search_sample`), scaled up, rounded and flagged `estimated`
//! ("about N").

use super::{Radius, Tuning, push_category_words, push_filters, walk_cells};
use crate::domain::search::{PRICE_BANDS, SearchQuery};
use crate::wire::catalog::{FacetCount, Facets};
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

/// One listing in this many is in the sample (its `sample` bucket is 0 of 0..16).
pub const SAMPLE_RATE: i64 = 16;

/// The sample is counted up to this many listings (about 16,000 matches); beyond, the counts
/// are flagged `capped` ("about N+"). Counting 1,000 rows is ~10 ms on the 2-core machine.
pub const SAMPLE_CAP: i64 = 1_000;

pub(super) async fn facets(
    pool: &PgPool,
    q: &SearchQuery,
    categories: &Option<Vec<Uuid>>,
    tsq: &Option<String>,
    by_category: &Option<String>,
    radius: Radius,
    tuning: Tuning,
) -> Result<Facets, sqlx::Error> {
    // The sample first: it is small whatever the match set, and it tells whether counting
    // every match is affordable. The exact count is capped too, in case the sample (a random
    // sixteenth) understated the matches.
    let sample = count(pool, q, categories, tsq, &None, radius, Pass::Sample).await?;
    if sample.total * SAMPLE_RATE <= tuning.exact_facets {
        let cap = (4 * tuning.exact_facets).max(1);
        let exact = count(
            pool,
            q,
            categories,
            tsq,
            by_category,
            radius,
            Pass::Exact(cap),
        )
        .await?;
        if !exact.capped {
            return Ok(exact);
        }
    }
    Ok(estimate(sample))
}

/// Which listings a count reads.
#[derive(Clone, Copy)]
enum Pass {
    /// The 1/16 sample, up to `SAMPLE_CAP`.
    Sample,
    /// Every match, up to the cap.
    Exact(i64),
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

/// Facet counts over the matches `pass` reads.
async fn count(
    pool: &PgPool,
    q: &SearchQuery,
    categories: &Option<Vec<Uuid>>,
    tsq: &Option<String>,
    by_category: &Option<String>,
    radius: Radius,
    pass: Pass,
) -> Result<Facets, sqlx::Error> {
    // The sample has a narrow table of its own (`search_sample`, kept by trigger) with the
    // columns the filters and counts read; it has the listings' column names, so the filters
    // are written once for both.
    let table = match pass {
        Pass::Sample => "search_sample",
        Pass::Exact(_) => "listings",
    };
    let mut b = QueryBuilder::<Postgres>::new(
        "with m as (select l.category_id, l.price, l.vendor_rating, l.stock, l.county from ",
    );
    b.push(table).push(" l");
    // With words and a radius holding many listings, the matches come from the text index
    // and the distance is checked on each: through the radius index the words were tested on
    // every listing it passed (~78,000 around a dense city to find 1,001 "sufuria").
    let radius = match (tsq, radius) {
        (Some(_), Radius::RowByRow) => Radius::RowByRow,
        _ => Radius::Indexed,
    };
    // Words within a category are looked up in the category-qualified index (the sample has
    // its own small index with the category, and reads the plain words).
    match by_category {
        Some(text) => {
            push_filters(&mut b, q, categories, &None, radius);
            push_category_words(&mut b, text);
        }
        None => push_filters(&mut b, q, categories, tsq, radius),
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
    };
    // A radius without words is read through its box on the GiST index in the index's own
    // order, which stops after the cap. (Nearest-first did too, but ordering by distance cost
    // ~7 µs a listing: 7.3 against 1.4 ms for the 1,001 sampled listings of a 50 km radius at
    // 1M listings.) Either way a capped count is an estimate of the radius, flagged as such.
    b.push(format!(" limit {})", cap + 1));
    // Categories and counties are grouped; every other count is a filter of one aggregate over
    // the matches, turned into rows after. (A statement per count read the matches 15 times:
    // about a third of a facet statement's time.)
    b.push(
        " select 'category' as facet, coalesce(p.slug, c.slug) as value,
                 coalesce(p.name_en, c.name_en) as label_en, coalesce(p.name_sw, c.name_sw) as label_sw, count(*) as n
          from m join categories c on c.id = m.category_id left join categories p on p.id = c.parent_id
          group by 2, 3, 4
          union all
          select 'county', county, county, county, count(*) from m group by county
          union all
          select x.* from (select count(*) as total, count(*) filter (where stock > 0) as in_stock,
                 count(*) filter (where vendor_rating >= 3) as r3,
                 count(*) filter (where vendor_rating >= 4) as r4,
                 count(*) filter (where vendor_rating >= 4.5) as r45",
    );
    for (i, (lo, hi)) in PRICE_BANDS.iter().enumerate() {
        b.push(", count(*) filter (where price >= ").push_bind(*lo);
        if let Some(hi) = hi {
            b.push(" and price < ").push_bind(*hi);
        }
        b.push(format!(") as p{i}"));
    }
    b.push(
        " from m) a cross join lateral (values ('total', '', '', '', a.total),
              ('in_stock', 'in_stock', '', '', a.in_stock),
              ('rating', '3', '3', '3', a.r3), ('rating', '4', '4', '4', a.r4),
              ('rating', '4.5', '4.5', '4.5', a.r45)",
    );
    for i in 0..PRICE_BANDS.len() {
        b.push(format!(", ('price', '{i}', '', '', a.p{i})"));
    }
    // As grouped counts, ratings have no rows when nothing matches.
    b.push(") as x(facet, value, label_en, label_sw, n) where x.facet <> 'rating' or a.total > 0");
    let rows: Vec<(String, String, String, String, i64)> =
        b.build_query_as().fetch_all(pool).await?;
    let mut facets = Facets::default();
    for (facet, value, en, sw, n) in rows {
        let item = FacetCount {
            value,
            label_en: en,
            label_sw: sw,
            count: n,
        };
        match facet.as_str() {
            "category" => facets.categories.push(item),
            "county" => facets.counties.push(item),
            "rating" => facets.ratings.push(item),
            "price" => facets.prices.push(item),
            "in_stock" => facets.in_stock = n,
            _ => facets.total = n,
        }
    }
    if facets.total > cap {
        facets.capped = true;
        facets.total = cap;
    }
    for list in [&mut facets.categories, &mut facets.counties] {
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    facets
        .prices
        .sort_by_key(|f| f.value.parse::<usize>().unwrap_or_default());
    facets.ratings.sort_by(|a, b| b.value.cmp(&a.value));
    Ok(facets)
}

//! The catalog search service: one place that turns a `SearchQuery` into SQL (weighted full
//! text, typo correction against `search_words`, filters, keyset pages, facet counts).
//! SQL is assembled from fixed fragments with `QueryBuilder`; every value is a bound parameter.
//! `search` is the one entry point, so another engine could take its place without touching
//! callers.

mod facets;
mod price;
mod relevance;
mod terms;

pub use facets::{SAMPLE_CAP, SAMPLE_RATE};
pub use terms::{COMPLETIONS, ResolvedTerm, resolve_terms, suggest, tsquery};
use terms::{in_categories, share_a_category};

use super::geo::{push_distance_km, push_within};
use crate::domain::search::{PAGE_SIZE, SearchQuery, Sort};
use crate::wire::catalog::{Correction, ListingCard, SearchResults};
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

/// Searches run on connections of their own, made from the main pool's settings, where every
/// statement is prepared once and runs a cached generic plan (`plan_cache_mode =
/// force_generic_plan`). Planning and parsing each search statement for its values had cost
/// 2.5–3 ms of a search's ~9 ms at 1M listings. A generic plan cannot see the values, so each
/// statement's text fixes its shape: the service picks a walk or an exact read from the
/// vocabulary's counts (`relevance`), a walk's bound is written into the text, and an exact
/// read sorts an expression no index serves. The query words are computed once per run in a
/// scalar subquery (`(select to_tsquery(…))`): as a function of a parameter, a generic plan
/// would compute them again for every row a walk tests. The pool also keeps a burst of
/// searches from taking the connections checkout needs.
pub fn pool(main: &PgPool) -> PgPool {
    let options = (*main.connect_options())
        .clone()
        .options([("plan_cache_mode", "force_generic_plan")]);
    // A search holds two connections at once (its page and its facets).
    let max = (main.options().get_max_connections() / 2).max(2);
    PgPoolOptions::new()
        .max_connections(max)
        .acquire_timeout(main.options().get_acquire_timeout())
        .connect_lazy_with(options)
}

/// Where a search switches between its ways of reading. Public so tests can force each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tuning {
    /// Relevance: up to this many estimated listings in a tier, the tier is read exact
    /// (`relevance`).
    pub exact_matches: i64,
    /// Relevance: a walk gives up after looking at this many listings.
    pub walk_rows: i64,
    /// Relevance with filters: whether the facet sample is asked if the filtered tier is
    /// still large enough to walk (tests turn it off to force walks on a small catalog).
    pub sample_probe: bool,
    /// Facets: up to about this many matches they are counted exactly, above it estimated from
    /// the sample (`facets`).
    pub exact_facets: i64,
    /// Radius: from this many listings inside, it is read row by row (`Radius`).
    pub dense_radius: i64,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            exact_matches: 4_000,
            walk_rows: 10_000,
            sample_probe: true,
            exact_facets: 1_000,
            dense_radius: 2_000,
        }
    }
}

/// How the radius condition may be answered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Radius {
    /// With the GiST index (`earth_box`): right when few listings lie inside.
    Indexed,
    /// Row by row (the distance test only, `push_within`), so the page is read in its sort's
    /// index order and stops after a page: right when many lie inside. Through the index the
    /// planner, which estimates any box at 0.1 % of the table, read all 196,219 listings within
    /// 50 km of Nairobi for one page (1.5 s at 1M listings). Words are walked within the
    /// half-degree cells the radius touches (`walk_cells`), in the same order.
    RowByRow,
}

/// The reach of `km` around latitude `lat` in degrees of latitude and of longitude, a little
/// wide: a degree of latitude is at least 110.5 km, and a degree of longitude is narrowest at
/// the edge furthest from the equator.
fn reach(lat: f64, km: f64) -> (f64, f64) {
    let dlat = km / 110.0;
    let far = (lat.abs() + dlat).min(89.0).to_radians();
    (dlat, km / (110.0 * far.cos()))
}

/// Cells per degree: a cell is half a degree (~55 km) each way. With whole degrees, 50 km
/// around Nairobi also walked the cell holding Nakuru, 140 km away: twice the listings.
const CELLS_PER_DEGREE: f64 = 2.0;

/// A cell's number, as `geo_cell` in the migrations numbers it.
fn cell_number(row: i32, col: i32) -> i32 {
    (row + 180) * 1000 + col + 360
}

/// A point's cell (row, column).
fn cell_of(lat: f64, lng: f64) -> (i32, i32) {
    (
        (lat * CELLS_PER_DEGREE).floor() as i32,
        (lng * CELLS_PER_DEGREE).floor() as i32,
    )
}

/// At most this many cells are walked one by one (a radius up to ~80 km near the equator;
/// planning a walk costs ~0.3 ms a cell); a wider radius walks the whole catalog's order.
const MAX_CELLS: usize = 16;

/// The cells (`geo_cell`) that every point within `km` of the point lies in, or None when
/// there are more than `MAX_CELLS` or the reach crosses a pole or the antimeridian.
fn cells_within(lat: f64, lng: f64, km: f64) -> Option<Vec<i32>> {
    let (dlat, dlng) = reach(lat, km);
    let (lat0, lat1) = (lat - dlat, lat + dlat);
    let (lng0, lng1) = (lng - dlng, lng + dlng);
    if lat0 < -90.0 || lat1 >= 90.0 || lng0 < -180.0 || lng1 >= 180.0 {
        return None;
    }
    let ((row0, col0), (row1, col1)) = (cell_of(lat0, lng0), cell_of(lat1, lng1));
    let cols = col0..=col1;
    if (row0..=row1).count() * cols.clone().count() > MAX_CELLS {
        return None;
    }
    Some(
        (row0..=row1)
            .flat_map(|row| cols.clone().map(move |col| cell_number(row, col)))
            .collect(),
    )
}

/// The cells a dense radius's words are read within (`cells_within`); None for any other
/// search.
fn walk_cells(q: &SearchQuery, radius: Radius) -> Option<Vec<i32>> {
    let geo = q.geo?;
    let km = geo.radius_km?;
    (radius == Radius::RowByRow)
        .then(|| cells_within(geo.lat, geo.lng, km))
        .flatten()
}

/// Whether `Tuning::dense_radius` listings lie within the radius, from the listings per 0.01°
/// cell (`geo_cells`, refreshed with the vocabulary): the cells whose centres lie inside. The
/// cell range is bound as integers and the distance tested with built-in functions (`push_within`):
/// with numeric bounds and earthdistance's functions every one of the table's 700 cells was
/// converted and measured (1.5 ms, before every radius search).
async fn radius_for(pool: &PgPool, q: &SearchQuery, tuning: Tuning) -> Result<Radius, sqlx::Error> {
    let Some(geo) = q.geo else {
        return Ok(Radius::Indexed);
    };
    let Some(km) = geo.radius_km else {
        return Ok(Radius::Indexed);
    };
    let (dlat, dlng) = reach(geo.lat, km);
    let cell = |deg: f64| (deg * 100.0).floor() as i32;
    let mut b = QueryBuilder::<Postgres>::new(
        "select coalesce(sum(l.listings), 0)::int8 from \
         (select listings, (lat_cell + 0.5::float8) / 100 as lat, (lng_cell + 0.5::float8) / 100 as lng \
          from geo_cells where lat_cell between ",
    );
    b.push_bind(cell(geo.lat - dlat))
        .push(" and ")
        .push_bind(cell(geo.lat + dlat))
        .push(" and lng_cell between ")
        .push_bind(cell(geo.lng - dlng))
        .push(" and ")
        .push_bind(cell(geo.lng + dlng))
        .push(") l where true");
    push_within(&mut b, geo.lat, geo.lng, km);
    // Prepared: the statement's text is the same for every point, and one plan (a range on the
    // cells' key) fits all.
    let inside: i64 = b.build_query_scalar().fetch_one(pool).await?;
    Ok(if inside >= tuning.dense_radius {
        Radius::RowByRow
    } else {
        Radius::Indexed
    })
}

/// Refreshes what the search plans by: the vocabulary with its word counts, and the listings
/// per map cell. Run after bulk changes and by the jobs every few minutes.
pub async fn refresh_statistics(pool: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("select refresh_search_words()")
        .execute(pool)
        .await?;
    sqlx::query("select refresh_geo_cells()")
        .execute(pool)
        .await?;
    Ok(())
}

/// Adds the WHERE conditions shared by the page, the facets and the counts.
fn push_filters(
    b: &mut QueryBuilder<'_, Postgres>,
    q: &SearchQuery,
    categories: &Option<Vec<Uuid>>,
    tsq: &Option<String>,
    radius: Radius,
) {
    b.push(" where l.status = 'approved'");
    push_conditions(b, q, categories, tsq, radius);
}

/// The conditions of `push_filters` after the status, each as ` and …`.
fn push_conditions(
    b: &mut QueryBuilder<'_, Postgres>,
    q: &SearchQuery,
    categories: &Option<Vec<Uuid>>,
    tsq: &Option<String>,
    radius: Radius,
) {
    if let Some(tsq) = tsq {
        b.push(" and l.search @@ ");
        push_words(b, tsq);
    }
    match categories.as_deref() {
        None => {}
        // A leaf category as a plain equality: its index (category, popularity) then serves
        // the popularity order, which `= any(…)` never does.
        Some([id]) => {
            b.push(" and l.category_id = ").push_bind(*id);
        }
        Some(ids) => {
            b.push(" and l.category_id = any(")
                .push_bind(ids.to_vec())
                .push(")");
        }
    }
    if let Some(slug) = &q.vendor {
        b.push(" and l.vendor_id = (select id from vendors where slug = ")
            .push_bind(slug.clone())
            .push(")");
    }
    if let Some(p) = q.min_price {
        b.push(" and l.price >= ").push_bind(p);
    }
    if let Some(p) = q.max_price {
        b.push(" and l.price <= ").push_bind(p);
    }
    if let Some(r) = q.min_rating {
        b.push(" and l.vendor_rating >= ").push_bind(r);
    }
    if q.in_stock {
        b.push(" and l.stock > 0");
    }
    if let Some(c) = &q.county {
        b.push(" and l.county = ").push_bind(c.clone());
    }
    if let Some(geo) = q.geo
        && let Some(r) = geo.radius_km
    {
        // earth_box uses the GiST index; the exact distance check trims its corners.
        if radius == Radius::Indexed {
            b.push(" and earth_box(ll_to_earth(")
                .push_bind(geo.lat)
                .push(", ")
                .push_bind(geo.lng);
            b.push("), ")
                .push_bind(r * 1000.0)
                .push(") @> ll_to_earth(l.lat, l.lng)");
        }
        push_within(b, geo.lat, geo.lng, r);
    }
}

/// The query words as a tsquery, computed once per run in a scalar subquery: under the search
/// pool's generic plans (`pool`) `to_tsquery` of a parameter would be computed again for every
/// row a walk tests.
fn push_words(b: &mut QueryBuilder<'_, Postgres>, words: &str) {
    b.push("(select to_tsquery('simple', ")
        .push_bind(words.to_owned())
        .push("))");
}

/// ` and <the listing's words, within its category, match>`, for query text from
/// `terms::in_categories`: read from the category-qualified index (`category_words` in the
/// migrations). Only for reads that start from that index (an exact read of `listings`): as a
/// filter on rows found another way it would rebuild the listing's words for each row.
fn push_category_words(b: &mut QueryBuilder<'_, Postgres>, text: &str) {
    b.push(" and category_words(l.search, l.category_id) @@ (select ")
        .push_bind(text.to_owned())
        .push("::tsquery)");
}

/// For each sort but relevance (`relevance`): the expression rows are ordered by (an indexed
/// column where possible), the same order as an exact numeric key for the page cursor, and
/// whether larger comes first.
fn sort_key(sort: Sort) -> (&'static str, &'static str, bool) {
    match sort {
        // Relevance without words: popularity (see `search`).
        Sort::Relevance | Sort::Popular => ("l.popularity", "l.popularity", true),
        Sort::PriceAsc => ("l.price", "l.price", false),
        Sort::PriceDesc => ("l.price", "l.price", true),
        Sort::Newest => ("l.created_at", "extract(epoch from l.created_at)", true),
        Sort::Rating => ("l.rating", "l.rating", true),
        // Needs the shopper's point: written by `page` itself.
        Sort::Distance => ("0", "0", false),
    }
}

/// The filter's category and its subcategories (categories are two levels deep), or None
/// without a category filter.
async fn category_ids(pool: &PgPool, slug: Option<&str>) -> Result<Option<Vec<Uuid>>, sqlx::Error> {
    let Some(slug) = slug else {
        return Ok(None);
    };
    let ids = sqlx::query_scalar(
        "select id from categories where slug = $1 or parent_id = (select id from categories where slug = $1)",
    )
    .bind(slug)
    .fetch_all(pool)
    .await?;
    Ok(Some(ids))
}

pub async fn search(pool: &PgPool, q: &SearchQuery) -> Result<SearchResults, sqlx::Error> {
    search_tuned(pool, q, Tuning::default()).await
}

/// `search` with the relevance shapes' thresholds given (tests force each shape).
pub async fn search_tuned(
    pool: &PgPool,
    q: &SearchQuery,
    tuning: Tuning,
) -> Result<SearchResults, sqlx::Error> {
    // The words, the category filter's ids and the radius's density are three lookups with
    // nothing in common: asked at once, a search waits for the slowest, not for all three.
    // The radius is judged once, for the page, the facets and any fallback page.
    let (terms, categories, radius) = tokio::try_join!(
        resolve_terms(pool, &q.terms),
        category_ids(pool, q.category.as_deref()),
        radius_for(pool, q, tuning),
    )?;
    let tsq = (!terms.is_empty()).then(|| tsquery(&terms, None, false));
    let by_category = match &categories {
        Some(ids) if !terms.is_empty() => in_categories(&terms, false, ids),
        _ => None,
    };
    // Without a text query "relevance" means popularity.
    let sort = if q.sort == Sort::Relevance && tsq.is_none() {
        Sort::Popular
    } else {
        q.sort
    };
    let (terms_ref, categories_ref) = (&terms, &categories);
    let page_for = move |radius: Radius, any: bool| async move {
        let by_price = matches!(sort, Sort::PriceAsc | Sort::PriceDesc);
        if sort == Sort::Relevance {
            relevance::page(pool, q, tuning, terms_ref, categories_ref, any, radius).await
        } else if by_price && !terms_ref.is_empty() {
            let desc = sort == Sort::PriceDesc;
            price::page(pool, q, desc, terms_ref, categories_ref, any, radius).await
        } else {
            let tsq = (!terms_ref.is_empty()).then(|| tsquery(terms_ref, None, any));
            page(pool, q, sort, categories_ref, &tsq, radius).await
        }
    };

    // Nearest-first reads the GiST index in order anyway.
    let page_radius = if sort == Sort::Distance {
        Radius::Indexed
    } else {
        radius
    };
    let matching = facets::Matching {
        q,
        categories: &categories,
        tsq: &tsq,
        by_category: &by_category,
        word: one_known_word(&terms),
        radius,
        tuning,
    };
    // The list of listings with some of the words, past its first page (`any_words`): the
    // listings with every word are not looked for again.
    let any_words = q.any_words && terms.len() > 1;
    // Words no category holds together match nothing: the index is not read for them.
    let every_word = !any_words
        && (terms.len() < 2 || share_a_category(pool, &terms, categories.as_deref()).await?);
    // The counts are read beside the page; on a first page, words no sampled listing has are
    // counted after it (`facets::after_page`).
    let ((mut hits, mut next), counts) = if every_word {
        tokio::try_join!(
            page_for(page_radius, false),
            facets::facets(pool, &matching, q.after.is_none())
        )?
    } else {
        ((Vec::new(), None), facets::Counts::Ready(facets::none()))
    };
    let corrections = terms
        .iter()
        .filter_map(|t| {
            t.corrected_from.as_ref().map(|from| Correction {
                from: from.clone(),
                to: t.word.clone(),
            })
        })
        .collect();

    // Nothing matched every word: offer the listings that match any of them, counted as such
    // (the count and the filters beside them then describe the listings shown, not "0"), in
    // pages like any other list.
    let mut matched_any = false;
    let mut any_facets = None;
    if any_words || (hits.is_empty() && terms.len() > 1 && q.after.is_none()) {
        let any = Some(tsquery(&terms, None, true));
        let any_by_category = categories
            .as_deref()
            .and_then(|ids| in_categories(&terms, true, ids));
        let matching_any = facets::Matching {
            tsq: &any,
            by_category: &any_by_category,
            word: None,
            ..matching
        };
        let ((any_hits, any_next), counts) = tokio::try_join!(
            page_for(page_radius, true),
            facets::facets(pool, &matching_any, false)
        )?;
        if any_words || !any_hits.is_empty() {
            hits = any_hits;
            next = any_next;
            matched_any = true;
            if let facets::Counts::Ready(f) = counts {
                any_facets = Some(f);
            }
        }
    }
    let facets = match (any_facets, counts) {
        (Some(f), _) | (None, facets::Counts::Ready(f)) => f,
        (None, facets::Counts::Pending(sample)) => {
            let ids: Vec<Uuid> = hits.iter().map(|h| h.id).collect();
            facets::after_page(pool, &matching, sample, &ids, next.is_none()).await?
        }
    };
    Ok(SearchResults {
        hits,
        facets,
        next,
        corrections,
        matched_any,
        sort,
        located: q.geo.is_some(),
    })
}

/// The query's one word when the vocabulary knows it (a lexeme of the listings' documents, as
/// the sample's words store them) and it is not being typed (no completions).
fn one_known_word(terms: &[ResolvedTerm]) -> Option<&str> {
    match terms {
        [t] if t.ndoc > 0 && t.completions.is_empty() => Some(&t.word),
        _ => None,
    }
}

type Page = (Vec<ListingCard>, Option<String>);

/// `select <card columns>, <distance from the shopper>, (<key>)::numeric::text as sort_key`,
/// the columns every page reads; `key` writes the sort key (it may bind values).
fn push_card_select(
    b: &mut QueryBuilder<'_, Postgres>,
    q: &SearchQuery,
    key: impl FnOnce(&mut QueryBuilder<'_, Postgres>),
) {
    b.push("select ")
        .push(super::products::CARD_COLUMNS)
        .push(",");
    match q.geo {
        Some(geo) => {
            b.push(" ");
            push_distance_km(b, geo.lat, geo.lng);
            b.push(" as distance_km,");
        }
        None => {
            b.push(" null::float8 as distance_km,");
        }
    }
    b.push(" (");
    key(b);
    b.push(")::numeric::text as sort_key");
}

/// A page read with one row more than it shows: that row says a next page exists, and the
/// cursor is the last shown row's key and id.
fn finish_page(mut rows: Vec<ListingCard>) -> Page {
    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|r| format!("{}_{}", r.sort_key, r.id))
    } else {
        None
    };
    (rows, next)
}

/// One page for every sort but relevance: a single ordered query, so PostgreSQL can walk the
/// matching index (price, newest, popularity, or the GiST index nearest-first for distance)
/// and stop after a page.
async fn page(
    pool: &PgPool,
    q: &SearchQuery,
    sort: Sort,
    categories: &Option<Vec<Uuid>>,
    tsq: &Option<String>,
    radius: Radius,
) -> Result<Page, sqlx::Error> {
    // The sort expressions, written out wherever needed (distance carries bound values).
    let (order_expr, key_expr, desc) = sort_key(sort);
    let push_sort = |b: &mut QueryBuilder<'_, Postgres>, expr: &str| match (sort, q.geo) {
        (Sort::Distance, Some(geo)) => {
            // cube's <-> is the straight-line distance between points on the earth model:
            // the same order as distance along the surface, and the GiST index serves it
            // nearest-first. (Its numeric key has 15 significant digits: two listings closer
            // than that in distance could swap at a page edge, i.e. never in practice.)
            b.push("(ll_to_earth(l.lat, l.lng) <-> ll_to_earth(")
                .push_bind(geo.lat)
                .push(", ")
                .push_bind(geo.lng)
                .push("))");
        }
        _ => {
            b.push(expr);
        }
    };
    let push_key = |b: &mut QueryBuilder<'_, Postgres>| push_sort(b, key_expr);
    let dir = if desc { " desc" } else { " asc" };
    // Ties break on id, except nearest-first, where a second key would stop the GiST index
    // from returning rows in order (ties there mean two listings at one exact point).
    let push_order = |b: &mut QueryBuilder<'_, Postgres>| {
        b.push(" order by ");
        push_sort(b, order_expr);
        b.push(dir);
        if sort != Sort::Distance {
            b.push(", l.id").push(dir);
        }
    };
    // The page is cut from the matches first and only its rows are joined to their shop and
    // cover photo: joined before the cut, 37,000 matches of a common word sorted by price were
    // each joined and looked up, for 25 shown.
    // Nearest first, the distance is computed once a listing, inside, and the page's key and
    // order read it (`ll_to_earth` twice more a listing cost ~16 µs each time).
    let nearness = sort == Sort::Distance && q.geo.is_some();
    let mut b = QueryBuilder::<Postgres>::new("");
    if nearness {
        push_card_select(&mut b, q, |b| {
            b.push("l.nearness");
        });
        b.push(" from (select l.*, ");
        push_key(&mut b);
        b.push(" as nearness from listings l");
    } else {
        push_card_select(&mut b, q, push_key);
        b.push(" from (select l.* from listings l");
    }
    push_filters(&mut b, q, categories, tsq, radius);
    if let Some(after) = &q.after {
        b.push(" and ((");
        push_key(&mut b);
        b.push(")::numeric, l.id) ")
            .push(if desc { "<" } else { ">" })
            .push(" (");
        b.push_bind(after.key)
            .push(", ")
            .push_bind(after.id)
            .push(")");
    }
    // Words sorted by price are read by `price`. "Newest" with words walks its index: age does
    // not follow the words the way price does (measured: collecting the matches and sorting
    // them made it 13 → 118 ms p95 at 1M listings).
    push_order(&mut b);
    b.push(format!(" limit {}", PAGE_SIZE + 1));
    b.push(") l join vendors v on v.id = l.vendor_id");
    if nearness {
        b.push(" order by l.nearness");
    } else {
        push_order(&mut b);
    }

    // On the search pool a generic plan, made once (`pool`): each sort's index order, or the
    // GiST index nearest first, fixed by the text.
    Ok(finish_page(b.build_query_as().fetch_all(pool).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geo_cell(lat: f64, lng: f64) -> i32 {
        let (row, col) = cell_of(lat, lng);
        cell_number(row, col)
    }

    #[test]
    fn a_radius_lies_in_the_cells_its_reach_touches() {
        // 50 km around Nairobi (-1.29, 36.82) reaches from about -1.75 to -0.84 and from
        // 36.37 to 37.28: three half-degree cells each way.
        let cells = cells_within(-1.2921, 36.8219, 50.0).expect("nine cells");
        assert_eq!(cells.len(), 9);
        assert_eq!(cells[0], geo_cell(-1.75, 36.37));
        assert_eq!(cells[8], geo_cell(-0.84, 37.28));
        assert!(cells.contains(&geo_cell(-1.2921, 36.8219)));
        // Nakuru (-0.30, 36.07), 140 km away, is not walked.
        assert!(!cells.contains(&geo_cell(-0.30, 36.07)));
        // Around a point on a cell corner every neighbour is touched.
        let cells = cells_within(0.0, 37.0, 5.0).expect("four cells");
        assert_eq!(cells.len(), 4);
        assert!(cells.contains(&geo_cell(-0.1, 36.9)) && cells.contains(&geo_cell(0.1, 37.1)));
        // Too wide, or across the antimeridian: the whole catalog's order is walked.
        assert_eq!(cells_within(-1.0, 36.0, 500.0), None);
        assert_eq!(cells_within(0.0, 179.9, 50.0), None);
        // Negative degrees round down, as SQL's floor does.
        assert_eq!(geo_cell(-0.1, -0.1), 179 * 1000 + 359);
    }
}

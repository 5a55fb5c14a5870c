//! Relevance order: listings whose titles hold every word first, then the other matches, each
//! by popularity, then id — exact over all matches (the page equals a plain `order by` over
//! every match, `tests/it/search.rs` and the benchmark check it). Two ways to read a page give
//! the same rows:
//! - **walk**: down the popularity index from the cursor, testing the title words and filters
//!   on each listing, stopping after a page of hits or `Tuning::walk_rows` listings. Right when
//!   many listings match: a word in 4 % of titles fills a page within ~650 listings, where
//!   collecting and sorting its 40,000 matches would read them all.
//! - **exact**: every match from the text index, sorted. Right when few match, and the
//!   fallback when a walk comes back short (the title tier ran out, or its hits were too
//!   sparse to find within the bound), so a page is never wrong, only slower.

use super::terms::{ResolvedTerm, estimated_matches, tsquery};
use super::{Page, Radius, finish_page, push_card_select, push_filters};
use crate::domain::search::{PAGE_SIZE, SearchQuery};
use rust_decimal::Decimal;
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

/// Added to the popularity of a listing whose title holds every word, so one number orders
/// both tiers and serves as the page cursor (popularity is `numeric(12, 4)`, below 10^8).
const TITLE_TIER: i64 = 1_000_000_000;

/// How relevance pages are read. Public so tests can force either shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tuning {
    /// Up to this many estimated matches (`terms::estimated_matches`), a page is read exact.
    pub exact_matches: i64,
    /// A walk gives up after looking at this many listings.
    pub walk_rows: i64,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            exact_matches: 4_000,
            walk_rows: 10_000,
        }
    }
}

/// Where the previous page ended, in relevance terms.
struct After {
    in_title: bool,
    popularity: Decimal,
    id: Uuid,
}

impl After {
    fn of(q: &SearchQuery) -> Option<After> {
        let cursor = q.after.as_ref()?;
        let key = cursor.key.parse::<Decimal>().unwrap_or_default();
        let in_title = key >= Decimal::from(TITLE_TIER);
        Some(After {
            in_title,
            popularity: if in_title {
                key - Decimal::from(TITLE_TIER)
            } else {
                key
            },
            id: cursor.id,
        })
    }
}

/// One page in relevance order for the words (all of them, or any when `any`).
#[allow(clippy::too_many_arguments)]
pub(super) async fn page(
    pool: &PgPool,
    q: &SearchQuery,
    tuning: Tuning,
    terms: &[ResolvedTerm],
    categories: &Option<Vec<Uuid>>,
    any: bool,
    radius: Radius,
) -> Result<Page, sqlx::Error> {
    let words = tsquery(terms, None, any);
    let title = tsquery(terms, Some('A'), any);
    let after = After::of(q);
    // A storefront, or a radius holding few listings (`Radius::Indexed`), is read whole: a
    // walk down the whole catalog's popularity would mostly pass listings outside it.
    let sparse_radius = radius == Radius::Indexed && q.geo.is_some_and(|g| g.radius_km.is_some());
    let walk = estimated_matches(terms, any) > tuning.exact_matches
        && q.vendor.is_none()
        && !sparse_radius
        && after.as_ref().is_none_or(|a| a.in_title);
    if walk {
        let found = walk_titles(pool, q, tuning, categories, &title, &after, radius).await?;
        // A full page (and one more row) of title hits is the true top: they precede every
        // other match. Anything less may be the end of the tier, or a bound reached early.
        if found.1.is_some() {
            return Ok(found);
        }
    }
    exact(pool, q, categories, &words, &title, &after, radius).await
}

/// The walk: title hits in popularity order, looking at no more than `walk_rows` listings.
/// The inner `limit` fences the index walk; the filters apply outside it, and the vendor join
/// comes after the page is cut so nothing forces a sort of the whole walk.
async fn walk_titles(
    pool: &PgPool,
    q: &SearchQuery,
    tuning: Tuning,
    categories: &Option<Vec<Uuid>>,
    title: &str,
    after: &Option<After>,
    radius: Radius,
) -> Result<Page, sqlx::Error> {
    let mut b = QueryBuilder::<Postgres>::new("");
    push_card_select(&mut b, q, |b| {
        b.push("l.popularity + ").push(TITLE_TIER.to_string());
    });
    b.push(" from (select l.* from (select * from listings l where l.status = 'approved'");
    if let Some(a) = after {
        b.push(" and (l.popularity, l.id) < (")
            .push_bind(a.popularity)
            .push(", ")
            .push_bind(a.id)
            .push(")");
    }
    b.push(" order by l.popularity desc, l.id desc limit ")
        .push_bind(tuning.walk_rows)
        .push(") l");
    push_filters(&mut b, q, categories, &Some(title.to_owned()), radius);
    b.push(" order by l.popularity desc, l.id desc limit ")
        .push_bind(PAGE_SIZE + 1);
    b.push(") l join vendors v on v.id = l.vendor_id order by l.popularity desc, l.id desc");
    finish_page(b.build_query_as().persistent(false).fetch_all(pool).await?)
}

/// Every match, sorted: title tier first, then popularity, then id.
async fn exact(
    pool: &PgPool,
    q: &SearchQuery,
    categories: &Option<Vec<Uuid>>,
    words: &str,
    title: &str,
    after: &Option<After>,
    radius: Radius,
) -> Result<Page, sqlx::Error> {
    let mut b = QueryBuilder::<Postgres>::new("");
    push_card_select(&mut b, q, |b| {
        b.push("r.key");
    });
    b.push(
        " from listings l join vendors v on v.id = l.vendor_id
          cross join lateral (select case when l.search @@ to_tsquery('simple', ",
    );
    b.push_bind(title.to_owned())
        .push(") then ")
        .push(TITLE_TIER.to_string())
        .push(" else 0 end + l.popularity as key) r");
    push_filters(&mut b, q, categories, &Some(words.to_owned()), radius);
    if let Some(a) = after {
        let key = if a.in_title {
            a.popularity + Decimal::from(TITLE_TIER)
        } else {
            a.popularity
        };
        b.push(" and (r.key, l.id) < (")
            .push_bind(key)
            .push(", ")
            .push_bind(a.id)
            .push(")");
    }
    b.push(" order by r.key desc, l.id desc limit ")
        .push_bind(PAGE_SIZE + 1);
    finish_page(b.build_query_as().persistent(false).fetch_all(pool).await?)
}

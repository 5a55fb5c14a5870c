//! Relevance order: listings whose titles hold every word first (the title tier), then the
//! other matches (the rest), each by popularity, then id — exact over all matches (a page equals
//! a plain `order by` over every match; `tests/it/search.rs` and the benchmark check it).
//!
//! Each tier is read one of two ways, and both give the same rows:
//! - **walk**: down the popularity index from the cursor, testing the tier's condition and the
//!   filters on each listing, stopping after the rows wanted or `Tuning::walk_rows` listings.
//!   Right when many listings are in the tier: a word in 4 % of titles fills a page within ~650
//!   listings, where collecting and sorting its 40,000 matches reads them all. Within a leaf
//!   category the walk follows that category's popularity index, and within a dense radius the
//!   popularity index of each cell the radius touches, merged (`super::walk_cells`).
//! - **exact**: the tier's listings from its text index (`title_search` for the title tier,
//!   `search` for the rest, or with a category filter the category-word index), sorted. Right
//!   when few are in the tier, and the fallback when a walk comes back short (the tier ran out,
//!   or its hits were too sparse to find within the bound), so a page is never wrong, only
//!   slower.
//!
//! The vocabulary's counts (`ResolvedTerm::ndoc`, `ntitle`) choose the way; being an upper
//! bound that may lag, they only ever cost time, never a wrong page.
//!
//! When both tiers are to be read exact, they are one read of every match, title tier first:
//! the words are looked up in the index once instead of once a tier.

use super::terms::{ResolvedTerm, estimated_matches, in_categories, tsquery};
use super::{
    Page, Radius, SAMPLE_RATE, Tuning, finish_page, push_card_select, push_category_words,
    push_filters, push_words, walk_cells,
};
use crate::domain::search::{PAGE_SIZE, SearchQuery};
use crate::wire::catalog::ListingCard;
use rust_decimal::Decimal;
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

/// Added to the popularity of a listing in the title tier, so one number orders both tiers and
/// serves as the page cursor (popularity is `numeric(12, 4)`, below 10^8).
const TITLE_TIER: i64 = 1_000_000_000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tier {
    /// Every word in the title.
    Title,
    /// Every word in the document, not all in the title.
    Rest,
    /// Both tiers, the title tier first (read exact only).
    Both,
}

/// How a tier is read (see the module's notes).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Way {
    Walk,
    Exact,
}

/// Where the previous page ended.
#[derive(Clone, Copy)]
struct After {
    tier: Tier,
    popularity: Decimal,
    id: Uuid,
}

impl After {
    fn of(q: &SearchQuery) -> Option<After> {
        let cursor = q.after.as_ref()?;
        let key = cursor.key;
        let title = Decimal::from(TITLE_TIER);
        Some(if key >= title {
            After {
                tier: Tier::Title,
                popularity: key - title,
                id: cursor.id,
            }
        } else {
            After {
                tier: Tier::Rest,
                popularity: key,
                id: cursor.id,
            }
        })
    }
}

/// What every read of a tier shares.
struct Reader<'a> {
    pool: &'a PgPool,
    q: &'a SearchQuery,
    tuning: Tuning,
    categories: &'a Option<Vec<Uuid>>,
    words: String,
    /// The words within the category filter's categories, for the category-qualified index
    /// (`terms::in_categories`); None without a category filter.
    by_category: Option<String>,
    radius: Radius,
    /// Whether a walk may pay off at all (see `page`).
    walkable: bool,
    /// Whether the vocabulary's estimate is only a loose upper bound: with several words that
    /// must all match, or with filters (see `dense_after_filters`). Not for a radius: a walk
    /// happens only in a dense one (`Radius::RowByRow`), and asking the sample there meant
    /// measuring the distance of every sampled match (185 ms within 50 km of Nairobi).
    loose_estimate: bool,
}

/// One page in relevance order for the words (all of them, or any when `any`).
pub(super) async fn page(
    pool: &PgPool,
    q: &SearchQuery,
    tuning: Tuning,
    terms: &[ResolvedTerm],
    categories: &Option<Vec<Uuid>>,
    any: bool,
    radius: Radius,
) -> Result<Page, sqlx::Error> {
    // A storefront, or a radius holding few listings (`Radius::Indexed`), is read whole: a
    // walk down the whole catalog's popularity would mostly pass listings outside it.
    let sparse_radius = radius == Radius::Indexed && q.geo.is_some_and(|g| g.radius_km.is_some());
    let reader = Reader {
        pool,
        q,
        tuning,
        categories,
        words: tsquery(terms, None, any),
        by_category: categories
            .as_deref()
            .and_then(|ids| in_categories(terms, any, ids)),
        radius,
        walkable: q.vendor.is_none() && !sparse_radius,
        loose_estimate: (terms.len() > 1 && !any)
            || categories.is_some()
            || q.min_price.is_some()
            || q.max_price.is_some()
            || q.min_rating.is_some()
            || q.in_stock
            || q.county.is_some(),
    };
    let after = After::of(q);
    let want = PAGE_SIZE as usize + 1;
    let mut rows = Vec::new();
    let mut rest_way = None;
    if after.is_none_or(|a| a.tier == Tier::Title) {
        let title_way = reader
            .way(Tier::Title, estimated_matches(terms, any, true))
            .await?;
        if title_way == Way::Exact {
            let way = reader
                .way(Tier::Rest, estimated_matches(terms, any, false))
                .await?;
            if way == Way::Exact {
                return Ok(finish_page(
                    reader.read(Tier::Both, after, want, Way::Exact).await?,
                ));
            }
            rest_way = Some(way);
        }
        rows = reader.tier(Tier::Title, title_way, after, want).await?;
    }
    if rows.len() < want {
        let after = after.filter(|a| a.tier == Tier::Rest);
        let way = match rest_way {
            Some(way) => way,
            None => {
                reader
                    .way(Tier::Rest, estimated_matches(terms, any, false))
                    .await?
            }
        };
        rows.extend(
            reader
                .tier(Tier::Rest, way, after, want - rows.len())
                .await?,
        );
    }
    Ok(finish_page(rows))
}

impl Reader<'_> {
    /// How to read `tier`, which the vocabulary estimates at `estimate` listings.
    async fn way(&self, tier: Tier, estimate: i64) -> Result<Way, sqlx::Error> {
        Ok(
            if self.walkable
                && estimate > self.tuning.exact_matches
                && self.dense_after_filters(tier).await?
            {
                Way::Walk
            } else {
                Way::Exact
            },
        )
    }

    /// Up to `want` listings of `tier` after `after`, in popularity order: walked when `way`
    /// says so, and exact when the walk comes back short.
    async fn tier(
        &self,
        tier: Tier,
        way: Way,
        after: Option<After>,
        want: usize,
    ) -> Result<Vec<ListingCard>, sqlx::Error> {
        if way == Way::Walk {
            let rows = self.read(tier, after, want, Way::Walk).await?;
            if rows.len() == want {
                return Ok(rows);
            }
        }
        self.read(tier, after, want, Way::Exact).await
    }

    /// Whether the tier holds more than `exact_matches` listings, judged from the facet sample
    /// (one listing in 16, `search_sample`) through its text indexes, looking at no
    /// more than `exact_matches / 16` sampled listings. Asked only when the vocabulary's
    /// estimate is a loose upper bound: it counts each word across the whole catalog, so
    /// "solar" looks common within Electronics, where it has no listing, and "samsung unga"
    /// looks like "unga" though no listing has both. The walk then passed its 10,000 listings
    /// for nothing before the exact read found none.
    async fn dense_after_filters(&self, tier: Tier) -> Result<bool, sqlx::Error> {
        if !self.loose_estimate || !self.tuning.sample_probe {
            return Ok(true);
        }
        let q = self.q;
        let enough = self.tuning.exact_matches / SAMPLE_RATE + 1;
        let mut b =
            QueryBuilder::<Postgres>::new("select count(*) from (select 1 from search_sample l");
        push_filters(&mut b, q, self.categories, &None, self.radius);
        // The sample has no category-word index: its rows are tested with the plain words, as
        // a walk's are.
        self.push_tier(&mut b, tier, Way::Walk);
        b.push(format!(" limit {enough}) s"));
        let sampled: i64 = b.build_query_scalar().fetch_one(self.pool).await?;
        Ok(sampled >= enough)
    }

    /// The tier's condition on `l`, for rows found `way`: an exact read with a category filter
    /// finds the document's words in the category-qualified index (`push_category_words`);
    /// any other read tests rows found another way, with the plain words.
    fn push_tier(&self, b: &mut QueryBuilder<'_, Postgres>, tier: Tier, way: Way) {
        let words = |b: &mut QueryBuilder<'_, Postgres>| push_words(b, &self.words);
        let document = |b: &mut QueryBuilder<'_, Postgres>| match (&self.by_category, way) {
            (Some(text), Way::Exact) => push_category_words(b, text),
            _ => {
                b.push(" and l.search @@ ");
                words(b);
            }
        };
        match tier {
            Tier::Title => {
                b.push(" and l.title_search @@ ");
                words(b);
            }
            Tier::Rest => {
                document(b);
                b.push(" and not l.title_search @@ ");
                words(b);
            }
            // The document holds the title's words too.
            Tier::Both => document(b),
        }
    }

    /// The listing's relevance key: popularity, raised by `TITLE_TIER` in the title tier, so
    /// one number orders both tiers and serves as the page cursor.
    fn push_key(&self, b: &mut QueryBuilder<'_, Postgres>, tier: Tier) {
        match tier {
            Tier::Title => {
                b.push("l.popularity + ").push(TITLE_TIER.to_string());
            }
            Tier::Rest => {
                b.push("l.popularity");
            }
            Tier::Both => {
                b.push("l.popularity + case when l.title_search @@ ");
                push_words(b, &self.words);
                b.push(format!(" then {TITLE_TIER} else 0 end"));
            }
        }
    }

    /// The keyset condition: listings after the cursor in the key's order.
    fn push_after(&self, b: &mut QueryBuilder<'_, Postgres>, tier: Tier, after: Option<After>) {
        let Some(a) = after else { return };
        match tier {
            Tier::Title | Tier::Rest => {
                b.push(" and (l.popularity, l.id) < (")
                    .push_bind(a.popularity)
                    .push(", ")
                    .push_bind(a.id)
                    .push(")");
            }
            Tier::Both => {
                let key = match a.tier {
                    Tier::Title => a.popularity + Decimal::from(TITLE_TIER),
                    _ => a.popularity,
                };
                b.push(" and (");
                self.push_key(b, tier);
                b.push(", l.id) < (")
                    .push_bind(key)
                    .push(", ")
                    .push_bind(a.id)
                    .push(")");
            }
        }
    }

    /// One statement: a walk, or an exact read of the tier.
    async fn read(
        &self,
        tier: Tier,
        after: Option<After>,
        want: usize,
        way: Way,
    ) -> Result<Vec<ListingCard>, sqlx::Error> {
        let mut b = QueryBuilder::<Postgres>::new("");
        push_card_select(&mut b, self.q, |b| self.push_key(b, tier));
        // The walk: the inner `limit` fences the index walk; the tier and the filters apply
        // outside it, and the vendor join comes after the rows are cut, so nothing forces a
        // sort of the whole walk. The exact read sorts `popularity + 0`, an expression the
        // popularity index cannot serve, so the planner never walks it without a bound.
        match way {
            Way::Walk => {
                // One walk down the popularity order, within a cell when given.
                let walk = |b: &mut QueryBuilder<'_, Postgres>, cell: Option<i32>| {
                    b.push("select * from listings l where l.status = 'approved'");
                    // Within a leaf category the walk follows that category's popularity
                    // index, so it passes only its listings ("samsung" in Phones: 939
                    // listings passed for a page walking the whole catalog's).
                    if let Some([id]) = self.categories.as_deref() {
                        b.push(" and l.category_id = ").push_bind(*id);
                    }
                    if let Some(cell) = cell {
                        b.push(" and geo_cell(l.lat, l.lng) = ").push_bind(cell);
                    }
                    self.push_after(b, tier, after);
                    b.push(format!(
                        " order by l.popularity desc, l.id desc limit {}",
                        self.tuning.walk_rows
                    ));
                };
                b.push(" from (select l.* from (");
                match walk_cells(self.q, self.radius) {
                    // Within a dense radius, one walk per cell it touches, merged in the same
                    // order (`geo_cell` in the migrations), so only listings near the place
                    // are passed.
                    Some(cells) => {
                        b.push("select * from (");
                        for (i, cell) in cells.into_iter().enumerate() {
                            b.push(if i == 0 { "(" } else { " union all (" });
                            walk(&mut b, Some(cell));
                            b.push(")");
                        }
                        b.push(format!(
                            ") l order by l.popularity desc, l.id desc limit {}",
                            self.tuning.walk_rows
                        ));
                    }
                    None => walk(&mut b, None),
                }
                b.push(") l");
                push_filters(&mut b, self.q, self.categories, &None, self.radius);
            }
            Way::Exact => {
                b.push(" from (select l.* from listings l");
                push_filters(&mut b, self.q, self.categories, &None, self.radius);
                self.push_after(&mut b, tier, after);
            }
        }
        self.push_tier(&mut b, tier, way);
        // Ordered by the key, then id; the outer order repeats it after the vendor join.
        let push_order = |b: &mut QueryBuilder<'_, Postgres>, inner: bool| {
            b.push(" order by ");
            match (tier, way) {
                (Tier::Both, _) => self.push_key(b, tier),
                (_, Way::Exact) if inner => {
                    b.push("l.popularity + 0");
                }
                _ => {
                    b.push("l.popularity");
                }
            }
            b.push(" desc, l.id desc");
        };
        push_order(&mut b, true);
        b.push(" limit ").push_bind(want as i64);
        b.push(") l join vendors v on v.id = l.vendor_id");
        push_order(&mut b, false);
        b.build_query_as().fetch_all(self.pool).await
    }
}

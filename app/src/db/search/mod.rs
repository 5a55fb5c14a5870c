//! The catalog search service: one place that turns a `SearchQuery` into SQL (weighted full
//! text, typo correction against `search_words`, filters, keyset pages, facet counts).
//! SQL is assembled from fixed fragments with `QueryBuilder`; every value is a bound parameter.

use crate::domain::search::{PAGE_SIZE, PRICE_BANDS, SearchQuery, Sort};
use crate::wire::catalog::{Correction, FacetCount, Facets, ListingCard, SearchResults};
use rust_decimal::Decimal;
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

/// At most this many matches are counted for facets; above it counts are shown as "N+".
pub const FACET_CAP: i64 = 1_000;
/// Relevance ranks at most this many candidates (title matches first, then by popularity),
/// so a very common word costs the same as a rare one.
pub const RANK_CANDIDATES: i64 = 600;
/// Matches read before picking the candidates (see `page`).
pub const RANK_SCAN: i64 = 3_000;
/// Trigram similarity below which a word is not taken as a typo of a known word.
const MIN_SIMILARITY: f32 = 0.3;

/// Known words a prefix stands for: the most common completions, as many as the suggestions
/// show.
pub const COMPLETIONS: i64 = 8;

/// How each typed word is matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedTerm {
    pub word: String,
    /// For a last word still being typed: the known words it completes to (it matches any of
    /// them). Exact words, so the text index looks up each one instead of collecting every
    /// word with that prefix.
    pub completions: Vec<String>,
    pub corrected_from: Option<String>,
}

/// The known words starting with `prefix`, most common first: a range on the vocabulary's
/// `text_pattern_ops` index (byte order, so `prefix || U+10FFFF` bounds every completion).
const COMPLETIONS_SQL: &str = "select word from search_words
     where word ~>=~ $1 and word ~<~ ($1 || chr(1114111))
     order by ndoc desc, word limit $2";

/// A typed word as the vocabulary sees it: (word, known, completions, nearest known word).
type WordRow = (String, bool, Option<Vec<String>>, Option<String>);

/// Checks each word against the vocabulary of approved listings: known words stay, the last
/// word may be a prefix (typing in progress) and stands for its completions, other unknown
/// words become their nearest known word. One statement; the trigram search runs only for
/// words that are neither known nor completable.
pub async fn resolve_terms(
    pool: &PgPool,
    terms: &[String],
) -> Result<Vec<ResolvedTerm>, sqlx::Error> {
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<WordRow> = sqlx::query_as(
        "select k.term, k.known, k.completions,
                case when not k.known and k.completions is null then
                    (select w.word from search_words w
                      where w.word % k.term and similarity(w.word, k.term) >= $2
                      order by similarity(w.word, k.term) desc, w.ndoc desc limit 1) end
         from (select t.term, t.ord,
                      exists (select 1 from search_words w where w.word = t.term) as known,
                      case when t.ord = cardinality($1::text[]) then
                          (select array_agg(c.word order by c.ndoc desc, c.word) from (
                              select word, ndoc from search_words
                               where word ~>=~ t.term and word ~<~ (t.term || chr(1114111))
                               order by ndoc desc, word limit $3) c) end as completions
                 from unnest($1::text[]) with ordinality as t(term, ord)) k
         order by k.ord",
    )
    .bind(terms)
    .bind(MIN_SIMILARITY)
    .bind(COMPLETIONS)
    .persistent(false)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(term, known, completions, nearest)| {
            let completions = completions.unwrap_or_default();
            match (known, nearest) {
                (true, _) => ResolvedTerm {
                    word: term,
                    completions: Vec::new(),
                    corrected_from: None,
                },
                (false, _) if !completions.is_empty() => ResolvedTerm {
                    word: term,
                    completions,
                    corrected_from: None,
                },
                (false, Some(near)) => ResolvedTerm {
                    word: near,
                    completions: Vec::new(),
                    corrected_from: Some(term),
                },
                (false, None) => ResolvedTerm {
                    word: term,
                    completions: Vec::new(),
                    corrected_from: None,
                },
            }
        })
        .collect())
}

/// `to_tsquery` text. Words are letters and digits only (see `domain::search::terms`), so
/// nothing a shopper types can inject tsquery operators. `weight` limits matches to a field.
fn tsquery(terms: &[ResolvedTerm], weight: Option<char>, any: bool) -> String {
    let op = if any { " | " } else { " & " };
    terms
        .iter()
        .map(|t| {
            let weighted = |word: &str| match weight {
                Some(w) => format!("{word}:{w}"),
                None => word.to_owned(),
            };
            match t.completions.as_slice() {
                [] => weighted(&t.word),
                words => format!(
                    "({})",
                    words
                        .iter()
                        .map(|w| weighted(w))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ),
            }
        })
        .collect::<Vec<_>>()
        .join(op)
}

/// How the radius condition may be answered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Radius {
    /// With the GiST index (`earth_box`): right when few listings lie inside.
    Indexed,
    /// Row by row (`earth_distance` only), so the page is read in its sort's index order and
    /// stops after a page: right when many lie inside. Through the index the planner, which
    /// estimates any box at 0.1 % of the table, read all 196,219 listings within 50 km of
    /// Nairobi for one page (1.5 s at 1M listings).
    RowByRow,
}

/// At least this many listings inside the radius make it "dense" (see `Radius`).
const DENSE_RADIUS: i64 = 2_000;

/// Whether `DENSE_RADIUS` listings lie within the radius: the distance of the one that many
/// places away, found nearest-first on the GiST index (it stops there: a few milliseconds).
async fn radius_for(pool: &PgPool, q: &SearchQuery) -> Result<Radius, sqlx::Error> {
    let Some(geo) = q.geo else {
        return Ok(Radius::Indexed);
    };
    let Some(km) = geo.radius_km else {
        return Ok(Radius::Indexed);
    };
    let nth: Option<f64> = sqlx::query_scalar(
        "select earth_distance(ll_to_earth(l.lat, l.lng), ll_to_earth($1, $2)) from listings l
         where l.status = 'approved'
         order by ll_to_earth(l.lat, l.lng) <-> ll_to_earth($1, $2) offset $3 limit 1",
    )
    .bind(geo.lat)
    .bind(geo.lng)
    .bind(DENSE_RADIUS - 1)
    .persistent(false)
    .fetch_optional(pool)
    .await?;
    Ok(match nth {
        Some(m) if m <= km * 1000.0 => Radius::RowByRow,
        _ => Radius::Indexed,
    })
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
    if let Some(tsq) = tsq {
        b.push(" and l.search @@ to_tsquery('simple', ")
            .push_bind(tsq.clone())
            .push(")");
    }
    if let Some(ids) = categories {
        b.push(" and l.category_id = any(")
            .push_bind(ids.clone())
            .push(")");
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
        b.push(" and earth_distance(ll_to_earth(")
            .push_bind(geo.lat)
            .push(", ")
            .push_bind(geo.lng);
        b.push("), ll_to_earth(l.lat, l.lng)) <= ")
            .push_bind(r * 1000.0);
    }
}

/// For each sort: the expression rows are ordered by (an indexed column where possible), the
/// same order as an exact numeric key for the page cursor, and whether larger comes first.
fn sort_key(sort: Sort) -> (&'static str, &'static str, bool) {
    match sort {
        Sort::Relevance => ("c.rank", "c.rank", true),
        Sort::PriceAsc => ("l.price", "l.price", false),
        Sort::PriceDesc => ("l.price", "l.price", true),
        Sort::Newest => ("l.created_at", "extract(epoch from l.created_at)", true),
        Sort::Popular => ("l.popularity", "l.popularity", true),
        // Needs the shopper's point: written by `page` itself.
        Sort::Distance => ("0", "0", false),
    }
}

pub async fn search(pool: &PgPool, q: &SearchQuery) -> Result<SearchResults, sqlx::Error> {
    let terms = resolve_terms(pool, &q.terms).await?;
    let categories = match &q.category {
        None => None,
        Some(slug) => Some(
            sqlx::query_scalar::<_, Uuid>(
                "select id from categories where slug = $1 or parent_id = (select id from categories where slug = $1)",
            )
            .bind(slug)
            .fetch_all(pool)
            .await?,
        ),
    };
    let tsq = (!terms.is_empty()).then(|| tsquery(&terms, None, false));
    // Without a text query "relevance" means popularity.
    let sort = if q.sort == Sort::Relevance && tsq.is_none() {
        Sort::Popular
    } else {
        q.sort
    };

    // The radius is judged once (beside the facets), for the page and any fallback page.
    let first_page = async {
        let radius = if sort == Sort::Distance {
            // Nearest-first reads the GiST index in order anyway.
            Radius::Indexed
        } else {
            radius_for(pool, q).await?
        };
        let page = page(pool, q, sort, &terms, &categories, &tsq, radius).await?;
        Ok::<_, sqlx::Error>((page, radius))
    };
    let (((mut hits, next), radius), facets) =
        tokio::try_join!(first_page, facets(pool, q, &categories, &tsq))?;
    let corrections = terms
        .iter()
        .filter_map(|t| {
            t.corrected_from.as_ref().map(|from| Correction {
                from: from.clone(),
                to: t.word.clone(),
            })
        })
        .collect();

    // Nothing matched every word: offer the listings that match any of them.
    let mut matched_any = false;
    if hits.is_empty() && terms.len() > 1 && q.after.is_none() {
        let any = Some(tsquery(&terms, None, true));
        hits = page(pool, q, sort, &terms, &categories, &any, radius)
            .await?
            .0;
        matched_any = !hits.is_empty();
    }
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

type Page = (Vec<ListingCard>, Option<String>);

/// One page of hits. Relevance ranks a capped candidate set (see `RANK_CANDIDATES`); every
/// other sort is a single ordered query, so PostgreSQL can walk the matching index (price,
/// newest, popularity, or the GiST index nearest-first for distance) and stop after a page.
async fn page(
    pool: &PgPool,
    q: &SearchQuery,
    sort: Sort,
    terms: &[ResolvedTerm],
    categories: &Option<Vec<Uuid>>,
    tsq: &Option<String>,
    radius: Radius,
) -> Result<Page, sqlx::Error> {
    let mut b = QueryBuilder::<Postgres>::new("");
    let ranked = match (sort, tsq) {
        (Sort::Relevance, Some(tsq)) => {
            // Candidates: one pass over at most RANK_SCAN matches (the bound that keeps a very
            // common word as cheap as a rare one), title matches first, then by popularity;
            // only those are ranked.
            let title = tsquery(terms, Some('A'), false);
            b.push("with c as (select x.id, round(ts_rank_cd(x.search, to_tsquery('simple', ");
            b.push_bind(tsq.clone())
                .push("))::numeric, 6) as rank from (");
            b.push("select m.id, m.search from (select l.id, l.popularity, l.search, l.search @@ to_tsquery('simple', ")
                .push_bind(title)
                .push(") as in_title from listings l");
            push_filters(&mut b, q, categories, &Some(tsq.clone()), radius);
            b.push(" limit ").push_bind(RANK_SCAN);
            b.push(") m order by m.in_title desc, m.popularity desc limit ")
                .push_bind(RANK_CANDIDATES)
                .push(") x) ");
            true
        }
        _ => false,
    };
    b.push("select ")
        .push(super::products::CARD_COLUMNS)
        .push(",");
    match q.geo {
        Some(geo) => {
            b.push(" (earth_distance(ll_to_earth(")
                .push_bind(geo.lat)
                .push(", ")
                .push_bind(geo.lng);
            b.push("), ll_to_earth(l.lat, l.lng)) / 1000.0)::float8 as distance_km,");
        }
        None => {
            b.push(" null::float8 as distance_km,");
        }
    }
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
    b.push(" (");
    push_key(&mut b);
    b.push(")::numeric::text as sort_key from listings l join vendors v on v.id = l.vendor_id");
    if ranked {
        b.push(" join c on c.id = l.id where true");
    } else {
        push_filters(&mut b, q, categories, tsq, radius);
    }
    if let Some(after) = &q.after {
        b.push(" and ((");
        push_key(&mut b);
        b.push(")::numeric, l.id) ")
            .push(if desc { "<" } else { ">" })
            .push(" (");
        b.push_bind(after.key.parse::<Decimal>().unwrap_or_default())
            .push(", ")
            .push_bind(after.id)
            .push(")");
    }
    let dir = if desc { " desc" } else { " asc" };
    b.push(" order by ");
    // Text sorted by price: the matches are collected from the text index and sorted, never
    // found by walking the price index and testing the text on each row. Price follows the kind
    // of product, so when the words and the order disagree (shoes, cheapest first) that walk
    // passes most of the catalog before its first hit (850 ms at 1M listings); sorting even
    // 40,000 matches is bounded (about 150 ms there). `+ 0` keeps the order and hides the
    // expression from the price index. Age does not follow the words, so "newest" still walks
    // its index (measured: collecting first made it 13 → 118 ms p95).
    let collect_then_sort = tsq.is_some() && matches!(sort, Sort::PriceAsc | Sort::PriceDesc);
    if collect_then_sort {
        b.push("(");
        push_sort(&mut b, order_expr);
        b.push(" + 0)");
    } else {
        push_sort(&mut b, order_expr);
    }
    b.push(dir);
    // Ties break on id, except nearest-first, where a second key would stop the GiST index
    // from returning rows in order (ties there mean two listings at one exact point).
    if sort != Sort::Distance {
        b.push(", l.id").push(dir);
    }
    b.push(" limit ").push_bind(PAGE_SIZE + 1);

    // Unnamed statements: planned for these values every time. A cached generic plan would
    // use default selectivities for the text match, price range and category list.
    let mut rows: Vec<ListingCard> = b.build_query_as().persistent(false).fetch_all(pool).await?;
    let next = if rows.len() as i64 > PAGE_SIZE {
        rows.truncate(PAGE_SIZE as usize);
        rows.last().map(|r| format!("{}_{}", r.sort_key, r.id))
    } else {
        None
    };
    Ok((rows, next))
}

async fn facets(
    pool: &PgPool,
    q: &SearchQuery,
    categories: &Option<Vec<Uuid>>,
    tsq: &Option<String>,
) -> Result<Facets, sqlx::Error> {
    let mut b = QueryBuilder::<Postgres>::new(
        "with m as (select l.category_id, l.price, l.vendor_rating, l.stock, l.county from listings l",
    );
    push_filters(&mut b, q, categories, tsq, Radius::Indexed);
    if let Some(geo) = q.geo {
        // Nearest first: the GiST index then stops after the cap instead of visiting every
        // box that overlaps the radius (about half the time on a dense city).
        b.push(" order by ll_to_earth(l.lat, l.lng) <-> ll_to_earth(")
            .push_bind(geo.lat)
            .push(", ")
            .push_bind(geo.lng)
            .push(")");
    }
    b.push(" limit ").push_bind(FACET_CAP + 1).push(")");
    b.push(
        " select 'category' as facet, coalesce(p.slug, c.slug) as value,
                 coalesce(p.name_en, c.name_en) as label_en, coalesce(p.name_sw, c.name_sw) as label_sw, count(*) as n
          from m join categories c on c.id = m.category_id left join categories p on p.id = c.parent_id
          group by 2, 3, 4
          union all
          select 'county', county, county, county, count(*) from m group by county
          union all
          select 'rating', r::text, r::text, r::text, count(*) filter (where m.vendor_rating >= r)
            from m, (values (3), (4), (4.5)) as t(r) group by r
          union all
          select 'in_stock', 'in_stock', '', '', count(*) filter (where stock > 0) from m
          union all
          select 'total', '', '', '', count(*) from m",
    );
    for (i, (lo, hi)) in PRICE_BANDS.iter().enumerate() {
        b.push(" union all select 'price', ")
            .push_bind(i.to_string())
            .push(", '', '', count(*) from m where price >= ")
            .push_bind(*lo);
        if let Some(hi) = hi {
            b.push(" and price < ").push_bind(*hi);
        }
    }
    let rows: Vec<(String, String, String, String, i64)> =
        b.build_query_as().persistent(false).fetch_all(pool).await?;
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
    facets.capped = facets.total > FACET_CAP;
    facets.total = facets.total.min(FACET_CAP);
    for list in [&mut facets.categories, &mut facets.counties] {
        list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
    }
    facets
        .prices
        .sort_by_key(|f| f.value.parse::<usize>().unwrap_or_default());
    facets.ratings.sort_by(|a, b| b.value.cmp(&a.value));
    Ok(facets)
}

/// Prefix suggestions for the header search box: known words starting with what was typed,
/// most common first.
pub async fn suggest(pool: &PgPool, prefix: &str) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(COMPLETIONS_SQL)
        .bind(prefix)
        .bind(COMPLETIONS)
        .fetch_all(pool)
        .await
}

pub async fn refresh_words(pool: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("select refresh_search_words()")
        .execute(pool)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(word: &str, completions: &[&str]) -> ResolvedTerm {
        ResolvedTerm {
            word: word.into(),
            completions: completions.iter().map(|c| (*c).to_owned()).collect(),
            corrected_from: None,
        }
    }

    #[test]
    fn tsquery_text() {
        assert_eq!(
            tsquery(&[t("unga", &[]), t("ngano", &[])], None, false),
            "unga & ngano"
        );
        assert_eq!(
            tsquery(&[t("sams", &["samsung", "samsonite"])], None, false),
            "(samsung | samsonite)"
        );
        assert_eq!(
            tsquery(
                &[t("samsung", &[]), t("tv", &["tv", "tvs"])],
                Some('A'),
                false
            ),
            "samsung:A & (tv:A | tvs:A)"
        );
        assert_eq!(tsquery(&[t("a", &[]), t("b", &[])], None, true), "a | b");
    }
}

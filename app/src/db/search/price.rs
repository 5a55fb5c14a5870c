//! Words sorted by price: read from the price-band index (`price_words` in the migrations),
//! band by band from the cheapest (or dearest), so a page sorts only the matches of the bands
//! it needs.
//!
//! Neither plain index serves this order. The cheapest matches of a word can lie anywhere among
//! its matches, so from the text index every match had to be visited and sorted (37,000 heap
//! pages for "shoes" at 1M listings); and price follows the kind of product, so walking the
//! price index passed every cheaper listing first (216,000 before the cheapest shoes). A band
//! with none of the words is one absent entry in the index.

use super::terms::{BAND, ResolvedTerm, banded};
use super::{Page, Radius, finish_page, push_card_select, push_filters};
use crate::domain::search::{PAGE_SIZE, SearchQuery};
use sqlx::{PgPool, Postgres, QueryBuilder};
use uuid::Uuid;

/// One page of the listings matching the words (all, or any when `any`), cheapest first, or
/// dearest first when `desc`, then by id.
pub(super) async fn page(
    pool: &PgPool,
    q: &SearchQuery,
    desc: bool,
    terms: &[ResolvedTerm],
    categories: &Option<Vec<Uuid>>,
    any: bool,
    radius: Radius,
) -> Result<Page, sqlx::Error> {
    let after = q.after.as_ref().map(|a| (a.key, a.id));
    let dir = if desc { " desc" } else { " asc" };
    let mut b = QueryBuilder::<Postgres>::new("");
    push_card_select(&mut b, q, |b| {
        b.push("l.price");
    });
    // The bands run from the page's first price (the cursor's, or the catalog's cheapest or
    // dearest approved listing, within the price filter) towards the other end; the lateral
    // read sorts one band's matches, and the outer limit stops the loop once a page is full.
    // The catalog's ends come from the price index.
    let ends = "(select price_band(min(price)) from listings where status = 'approved')";
    let top = "(select price_band(max(price)) from listings where status = 'approved')";
    let (start_end, last_end) = if desc { (top, ends) } else { (ends, top) };
    let start_filter = if desc { q.max_price } else { q.min_price };
    let last_filter = if desc { q.min_price } else { q.max_price };
    let (clamp_start, clamp_last) = if desc {
        ("least", "greatest")
    } else {
        ("greatest", "least")
    };
    b.push(" from (select l.* from generate_series(");
    match after {
        Some((price, _)) => {
            b.push("price_band(").push_bind(price).push(")");
        }
        None => {
            b.push(clamp_start).push("(").push(start_end);
            b.push(", price_band(").push_bind(start_filter).push("))");
        }
    }
    b.push(", ").push(clamp_last).push("(").push(last_end);
    b.push(", price_band(").push_bind(last_filter).push("))");
    b.push(if desc { ", -1)" } else { ", 1)" });
    b.push(" as band cross join lateral (select l.* from listings l");
    push_filters(&mut b, q, categories, &None, radius);
    b.push(" and price_words(l.search, l.price) @@ replace(")
        .push_bind(banded(terms, any))
        .push(", ")
        .push_bind(BAND.to_string())
        .push(", band::text)::tsquery");
    if let Some((price, id)) = after {
        b.push(" and (l.price, l.id) ")
            .push(if desc { "<" } else { ">" })
            .push(" (")
            .push_bind(price)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    // `+ 0`: sorted after the band is read, never by walking the price index.
    b.push(" order by l.price + 0")
        .push(dir)
        .push(", l.id")
        .push(dir);
    b.push(format!(") l limit {}", PAGE_SIZE + 1));
    b.push(") l join vendors v on v.id = l.vendor_id order by l.price")
        .push(dir)
        .push(", l.id")
        .push(dir);
    Ok(finish_page(b.build_query_as().fetch_all(pool).await?))
}

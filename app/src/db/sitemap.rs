//! What the sitemaps list: the pages worth indexing and every approved listing, as
//! (path, last modified) pairs.

use sqlx::PgExecutor;

/// A sitemap line: the path and its last-modified date (YYYY-MM-DD) when known.
pub type SitemapEntry = (String, Option<String>);

pub async fn approved_listings(db: impl PgExecutor<'_>) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("select count(*) from listings where status = 'approved'")
        .fetch_one(db)
        .await
}

/// The home page, each category's browse page and each verified shop.
pub async fn pages(db: impl PgExecutor<'_>) -> Result<Vec<SitemapEntry>, sqlx::Error> {
    sqlx::query_as(
        "select '/' as path, null::text
         union all select '/search?category=' || slug, null from categories
         union all select '/store/' || slug, to_char(updated_at, 'YYYY-MM-DD') from vendors where verification_status = 'verified'",
    )
    .fetch_all(db)
    .await
}

/// One file's share of the approved listings, in a stable order.
pub async fn listings(
    db: impl PgExecutor<'_>,
    offset: i64,
    limit: i64,
) -> Result<Vec<SitemapEntry>, sqlx::Error> {
    sqlx::query_as(
        "select '/p/' || slug, to_char(updated_at, 'YYYY-MM-DD') from listings
         where status = 'approved' order by id offset $1 limit $2",
    )
    .bind(offset)
    .bind(limit)
    .fetch_all(db)
    .await
}

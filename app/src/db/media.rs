//! The `media` table: what each stored file is.

use sqlx::PgExecutor;

pub struct NewMedia<'a> {
    pub key: &'a str,
    pub mime: &'a str,
    pub bytes: usize,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub public: bool,
}

/// Records a file once; a second upload of the same bytes only makes it new again, so the
/// garbage collection below leaves it alone while it is being attached.
pub async fn record(db: impl PgExecutor<'_>, m: NewMedia<'_>) -> Result<(), sqlx::Error> {
    let int = |v: Option<u32>| v.and_then(|v| i32::try_from(v).ok());
    sqlx::query(
        "insert into media (key, mime, bytes, width, height, public) values ($1, $2, $3, $4, $5, $6)
         on conflict (key) do update set created_at = now()",
    )
    .bind(m.key)
    .bind(m.mime)
    .bind(i32::try_from(m.bytes).unwrap_or(i32::MAX))
    .bind(int(m.width))
    .bind(int(m.height))
    .bind(m.public)
    .execute(db)
    .await?;
    Ok(())
}

/// Forgets up to `limit` files that nothing has used for `hours` — photos of refused uploads,
/// replaced logos, removed documents — and returns them (key, public) for their bytes to be
/// deleted. A file is in use while a listing photo, a shop logo, a KYC document, or a dispute's or
/// review's photo names it.
pub async fn forget_unused(
    db: impl PgExecutor<'_>,
    hours: i32,
    limit: i64,
) -> Result<Vec<(String, bool)>, sqlx::Error> {
    sqlx::query_as(
        "delete from media m where m.key in (
             select key from media u
             where u.created_at < now() - make_interval(hours => $1)
               and not exists (select 1 from listing_photos p where p.media_key = u.key)
               and not exists (select 1 from vendor_documents d where d.media_key = u.key)
               and not exists (select 1 from vendors v where v.logo_key = u.key)
               and not exists (select 1 from dispute_photos p where p.media_key = u.key)
               and not exists (select 1 from review_photos p where p.media_key = u.key)
             limit $2 for update skip locked)
         returning m.key, m.public",
    )
    .bind(hours)
    .bind(limit)
    .fetch_all(db)
    .await
}

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

/// Records a file once; a second upload of the same bytes changes nothing.
pub async fn record(db: impl PgExecutor<'_>, m: NewMedia<'_>) -> Result<(), sqlx::Error> {
    let int = |v: Option<u32>| v.and_then(|v| i32::try_from(v).ok());
    sqlx::query(
        "insert into media (key, mime, bytes, width, height, public) values ($1, $2, $3, $4, $5, $6)
         on conflict (key) do nothing",
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

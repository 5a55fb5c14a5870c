//! The category tree.

use crate::i18n::Locale;
use crate::server_fns::catalog::CategoryCard;
use sqlx::PgExecutor;

/// Top-level categories in display order, named in the reader's language.
pub async fn top_level(
    db: impl PgExecutor<'_>,
    locale: Locale,
) -> Result<Vec<CategoryCard>, sqlx::Error> {
    sqlx::query_as(
        "select slug, case when $1 = 'sw' then name_sw else name_en end as name,
                (select count(*) from categories c where c.parent_id = p.id) as subcategories
         from categories p
         where parent_id is null
         order by position, slug",
    )
    .bind(locale.code())
    .fetch_all(db)
    .await
}

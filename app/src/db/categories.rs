//! The category tree.

use crate::i18n::Locale;
use crate::wire::catalog::CategoryCard;
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

/// Every category, children under their parent, for pickers.
pub async fn choices(
    db: impl PgExecutor<'_>,
    locale: Locale,
) -> Result<Vec<crate::wire::catalog::CategoryChoice>, sqlx::Error> {
    sqlx::query_as(
        "select c.id,
                case when p.id is null then '' else (case when $1 = 'sw' then p.name_sw else p.name_en end) || ' › ' end
                || case when $1 = 'sw' then c.name_sw else c.name_en end as label
         from categories c left join categories p on p.id = c.parent_id
         order by coalesce(p.position, c.position), coalesce(p.slug, c.slug), p.id nulls first, c.position, c.slug",
    )
    .bind(locale.code())
    .fetch_all(db)
    .await
}

//! The category tree.

use crate::domain::category::{Names, Node};
use crate::domain::slug::Slug;
use crate::i18n::Locale;
use crate::wire::catalog::CategoryCard;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

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

/// The whole tree for the admin's editor: each top-level category in display order, its
/// subcategories right after it.
pub async fn admin_tree(
    db: impl PgExecutor<'_>,
) -> Result<Vec<crate::wire::admin::AdminCategory>, sqlx::Error> {
    sqlx::query_as(
        "select c.id, c.parent_id, c.slug, c.name_en, c.name_sw,
                (select count(*) from listings l where l.category_id = c.id) as listings,
                (select count(*) from categories k where k.parent_id = c.id) as subcategories
         from categories c left join categories p on p.id = c.parent_id
         order by coalesce(p.position, c.position), coalesce(p.slug, c.slug), p.id nulls first,
                  c.position, c.slug",
    )
    .fetch_all(db)
    .await
}

/// A category as an edit sees it.
#[derive(Clone, Debug)]
pub struct Locked {
    pub node: Node,
    pub names: Names,
    pub slug: String,
    /// The parent's slug, for the audit summary.
    pub parent_slug: Option<String>,
}

/// A category's place in the tree (`domain::category::Node`) with its names, locked for the
/// rest of the transaction so two admins' edits of one category queue up.
pub async fn lock(conn: &mut PgConnection, id: Uuid) -> Result<Option<Locked>, sqlx::Error> {
    type Row = (
        Uuid,
        Option<Uuid>,
        bool,
        String,
        String,
        String,
        Option<String>,
    );
    let row: Option<Row> = sqlx::query_as(
        "select c.id, c.parent_id, exists (select 1 from categories k where k.parent_id = c.id),
                c.name_en, c.name_sw, c.slug,
                (select p.slug from categories p where p.id = c.parent_id)
         from categories c where c.id = $1 for update of c",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    Ok(row.map(
        |(id, parent, has_children, en, sw, slug, parent_slug)| Locked {
            node: Node {
                id,
                parent,
                has_children,
            },
            names: Names { en, sw },
            slug,
            parent_slug,
        },
    ))
}

/// Adds a category at the end of its level. `None` when the slug is taken.
pub async fn create(
    conn: &mut PgConnection,
    parent: Option<Uuid>,
    slug: &Slug,
    names: &Names,
) -> Result<Option<Uuid>, sqlx::Error> {
    let id = Uuid::new_v4();
    let inserted = sqlx::query(
        "insert into categories (id, parent_id, slug, name_en, name_sw, position)
         values ($1, $2, $3, $4, $5,
                 (select coalesce(max(position), 0) + 1 from categories
                   where parent_id is not distinct from $2))
         on conflict (slug) do nothing",
    )
    .bind(id)
    .bind(parent)
    .bind(slug.as_str())
    .bind(&names.en)
    .bind(&names.sw)
    .execute(conn)
    .await?;
    Ok((inserted.rows_affected() == 1).then_some(id))
}

/// Renames a category; its listings are re-indexed for search by a trigger (migration ..12).
pub async fn rename(conn: &mut PgConnection, id: Uuid, names: &Names) -> Result<(), sqlx::Error> {
    sqlx::query("update categories set name_en = $2, name_sw = $3 where id = $1")
        .bind(id)
        .bind(&names.en)
        .bind(&names.sw)
        .execute(conn)
        .await?;
    Ok(())
}

/// Puts a category under `parent` (`None`: top level), at the end of that level. The caller
/// has checked the move with `domain::category::check_parent`.
pub async fn set_parent(
    conn: &mut PgConnection,
    id: Uuid,
    parent: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update categories set parent_id = $2,
                position = (select coalesce(max(position), 0) + 1 from categories
                             where parent_id is not distinct from $2 and id <> $1)
         where id = $1",
    )
    .bind(id)
    .bind(parent)
    .execute(conn)
    .await?;
    Ok(())
}

/// Swaps a category with its neighbour above (`up`) or below among its siblings. Positions are
/// renumbered first, so equal positions (the seed's) still give a definite order. False when
/// it is already first (or last).
pub async fn shift(conn: &mut PgConnection, id: Uuid, up: bool) -> Result<bool, sqlx::Error> {
    sqlx::query(
        "update categories c set position = n.rank
         from (select id, row_number() over (order by position, slug) as rank
               from categories
               where parent_id is not distinct from (select parent_id from categories where id = $1)) n
         where c.id = n.id and c.position <> n.rank",
    )
    .bind(id)
    .execute(&mut *conn)
    .await?;
    let swapped = sqlx::query(
        "with me as (select id, parent_id, position from categories where id = $1),
              other as (
                select c.id, c.position from categories c, me
                 where c.parent_id is not distinct from me.parent_id
                   and case when $2 then c.position < me.position else c.position > me.position end
                 order by case when $2 then -c.position else c.position end
                 limit 1)
         update categories c
            set position = case when c.id = me.id then other.position else me.position end
           from me, other
          where c.id in (me.id, other.id)",
    )
    .bind(id)
    .bind(up)
    .execute(conn)
    .await?;
    Ok(swapped.rows_affected() == 2)
}

/// Merges `from` into `into`: its listings (re-indexed for search by their trigger) and its
/// subcategories move there, its own commission rules go, and the category is deleted.
/// Returns how many listings moved. The caller has checked it with
/// `domain::category::check_merge` and locked both.
pub async fn merge(conn: &mut PgConnection, from: Uuid, into: Uuid) -> Result<u64, sqlx::Error> {
    let moved = sqlx::query("update listings set category_id = $2 where category_id = $1")
        .bind(from)
        .bind(into)
        .execute(&mut *conn)
        .await?
        .rows_affected();
    sqlx::query(
        "update categories set parent_id = $2,
                position = position + (select coalesce(max(position), 0) from categories where parent_id = $2)
         where parent_id = $1",
    )
    .bind(from)
    .bind(into)
    .execute(&mut *conn)
    .await?;
    sqlx::query("delete from categories where id = $1")
        .bind(from)
        .execute(conn)
        .await?;
    Ok(moved)
}

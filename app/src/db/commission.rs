//! Commission rules, and the rate a line gets from them (`commission_rate`).

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

pub async fn list(
    db: impl PgExecutor<'_>,
) -> Result<Vec<crate::wire::commission::RuleRow>, sqlx::Error> {
    sqlx::query_as(
        "select r.id, v.slug as shop, c.name_en as category, r.rate from commission_rules r
         left join vendors v on v.id = r.vendor_id left join categories c on c.id = r.category_id
         order by v.slug nulls last, c.name_en nulls last",
    )
    .fetch_all(db)
    .await
}

pub async fn shop_by_slug(
    db: impl PgExecutor<'_>,
    slug: &str,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar("select id from vendors where slug = $1")
        .bind(slug)
        .fetch_optional(db)
        .await
}

/// Sets the rate of the rule for this scope, creating it if needed.
pub async fn upsert(
    db: impl PgExecutor<'_>,
    vendor: Option<Uuid>,
    category: Option<Uuid>,
    rate: Decimal,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into commission_rules (id, vendor_id, category_id, rate) values ($1, $2, $3, $4)
         on conflict (coalesce(vendor_id, '00000000-0000-0000-0000-000000000000'::uuid),
                      coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid))
         do update set rate = excluded.rate",
    )
    .bind(Uuid::new_v4())
    .bind(vendor)
    .bind(category)
    .bind(rate)
    .execute(db)
    .await?;
    Ok(())
}

pub async fn remove(db: impl PgExecutor<'_>, id: Uuid) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("delete from commission_rules where id = $1")
        .bind(id)
        .execute(db)
        .await?
        .rows_affected()
        == 1)
}

/// The commission rate for a line: the most specific rule wins — shop and category, then the
/// shop, then the category (or one of its parents, nearest first) — else the shop's tier.
pub async fn commission_rate(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    category_id: Uuid,
) -> Result<Decimal, sqlx::Error> {
    sqlx::query_scalar(
        "with recursive up (id, depth) as (
             select $2::uuid, 0
             union all
             select c.parent_id, up.depth + 1 from categories c join up on c.id = up.id where c.parent_id is not null
         )
         select coalesce(
             (select r.rate from commission_rules r
                left join up on up.id = r.category_id
               where (r.vendor_id = $1 or r.vendor_id is null)
                 and (r.category_id is null or up.id is not null)
               order by (r.vendor_id is not null and r.category_id is not null) desc,
                        (r.vendor_id is not null) desc,
                        up.depth asc nulls last
               limit 1),
             (select t.commission_rate from vendors v join membership_tiers t on t.code = v.tier where v.id = $1))",
    )
    .bind(vendor_id)
    .bind(category_id)
    .fetch_one(&mut *tx)
    .await
}

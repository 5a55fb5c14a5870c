//! Commission rules (see `orders::commission_rate` for how a line's rate is chosen).

use rust_decimal::Decimal;
use sqlx::PgExecutor;
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

//! Shop coupons. Codes are stored upper-case and unique; a shop manages only its own.

use crate::domain::pricing::Discount;
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

pub struct Claimed {
    pub vendor_id: Uuid,
    pub code: String,
    pub discount: Discount,
    pub min_subtotal: Decimal,
}

#[derive(FromRow)]
struct Row {
    vendor_id: Uuid,
    code: String,
    percent_off: Option<Decimal>,
    amount_off: Option<Decimal>,
    min_subtotal: Decimal,
}

/// Takes one use of an active code with uses left (the checkout's transaction gives it back
/// if anything after this fails). None: no such usable code.
pub async fn claim(tx: &mut PgConnection, code: &str) -> Result<Option<Claimed>, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(
        "update coupons set uses = uses + 1
         where code = upper($1) and active and (max_uses is null or uses < max_uses)
         returning vendor_id, code, percent_off, amount_off, min_subtotal",
    )
    .bind(code.trim())
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.and_then(|r| {
        let discount = match (r.percent_off, r.amount_off) {
            (Some(p), _) => Discount::Percent(p),
            (None, Some(a)) => Discount::Amount(a),
            (None, None) => return None,
        };
        Some(Claimed {
            vendor_id: r.vendor_id,
            code: r.code,
            discount,
            min_subtotal: r.min_subtotal,
        })
    }))
}

/// A new coupon; false when the code is taken.
pub async fn create(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    c: &crate::wire::coupons::CouponInput,
) -> Result<bool, sqlx::Error> {
    let r = sqlx::query(
        "insert into coupons (id, vendor_id, code, percent_off, amount_off, min_subtotal, max_uses)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (code) do nothing",
    )
    .bind(Uuid::new_v4())
    .bind(vendor_id)
    .bind(&c.code)
    .bind(c.percent_off)
    .bind(c.amount_off)
    .bind(c.min_subtotal)
    .bind(c.max_uses)
    .execute(db)
    .await?;
    Ok(r.rows_affected() == 1)
}

pub async fn list(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<crate::wire::coupons::CouponRow>, sqlx::Error> {
    sqlx::query_as(
        "select id, code, percent_off, amount_off, min_subtotal, max_uses, uses, active
         from coupons where vendor_id = $1 order by created_at desc",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

/// Turns a shop's own coupon on or off; false for another shop's.
pub async fn set_active(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    id: Uuid,
    active: bool,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("update coupons set active = $3 where id = $2 and vendor_id = $1")
            .bind(vendor_id)
            .bind(id)
            .bind(active)
            .execute(db)
            .await?
            .rows_affected()
            == 1,
    )
}

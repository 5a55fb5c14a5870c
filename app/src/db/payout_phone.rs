//! One-time codes for changing a verified shop's payout phone, and the change itself.

use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

/// How long a code may be used, and how many wrong tries void it.
pub const CODE_MINUTES: i32 = 10;
pub const CODE_TRIES: i32 = 5;

/// Codes sent for the shop in the last hour.
pub async fn sent_last_hour(db: impl PgExecutor<'_>, vendor_id: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "select count(*) from payout_phone_codes
         where vendor_id = $1 and created_at > now() - interval '1 hour'",
    )
    .bind(vendor_id)
    .fetch_one(db)
    .await
}

pub async fn insert_code(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    new_phone: &str,
    code_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into payout_phone_codes (id, vendor_id, new_phone, code_hash) values ($1, $2, $3, $4)",
    )
    .bind(Uuid::new_v4())
    .bind(vendor_id)
    .bind(new_phone)
    .bind(code_hash)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

#[derive(Clone, Debug, FromRow)]
pub struct OpenCode {
    pub id: Uuid,
    pub new_phone: String,
    pub code_hash: String,
    pub attempts: i32,
}

/// The shop's newest code if it can still be used (a newer code replaces older ones).
pub async fn open_code(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Option<OpenCode>, sqlx::Error> {
    let newest: Option<OpenCode> = sqlx::query_as(
        "select id, new_phone, code_hash, attempts from payout_phone_codes
         where vendor_id = $1 and used_at is null
           and created_at > now() - make_interval(mins => $2)
         order by created_at desc limit 1",
    )
    .bind(vendor_id)
    .bind(CODE_MINUTES)
    .fetch_optional(db)
    .await?;
    Ok(newest.filter(|c| c.attempts < CODE_TRIES))
}

pub async fn count_wrong_try(db: impl PgExecutor<'_>, id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("update payout_phone_codes set attempts = attempts + 1 where id = $1")
        .bind(id)
        .execute(db)
        .await?;
    Ok(())
}

/// Uses the code: the shop's payout phone becomes its number and payouts wait 24 hours.
/// Returns the phone it replaced.
pub async fn change_phone(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    code: &OpenCode,
) -> Result<String, sqlx::Error> {
    sqlx::query("update payout_phone_codes set used_at = now() where id = $1")
        .bind(code.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query_scalar(
        "update vendors v set phone = $2, payouts_held_until = now() + interval '24 hours'
         from (select id, phone from vendors where id = $1) old
         where v.id = old.id returning old.phone",
    )
    .bind(vendor_id)
    .bind(&code.new_phone)
    .fetch_one(&mut *tx)
    .await
}

/// Until when the shop's payouts are held after a phone change, if they still are.
pub async fn held_until(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(
        "select to_char(payouts_held_until at time zone 'Africa/Nairobi', 'YYYY-MM-DD HH24:MI')
         from vendors where id = $1 and payouts_held_until > now()",
    )
    .bind(vendor_id)
    .fetch_optional(db)
    .await
}

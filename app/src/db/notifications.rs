//! The notifications outbox: rows are written in the transaction that caused them, so a
//! notification exists exactly when its event does; the mail job sends them.

use crate::i18n::Locale;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

/// Who a notification goes to, and in which language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub email: String,
    pub locale: Locale,
}

impl Recipient {
    fn from_row((email, locale): (String, String)) -> Self {
        Recipient {
            email,
            locale: Locale::parse(&locale).unwrap_or_default(),
        }
    }
}

pub async fn queue(
    tx: &mut PgConnection,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("insert into notifications (id, to_email, subject, body) values ($1, $2, $3, $4)")
        .bind(Uuid::new_v4())
        .bind(to)
        .bind(subject)
        .bind(body)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The shopper of an order.
pub async fn buyer(tx: &mut PgConnection, order_id: Uuid) -> Result<Recipient, sqlx::Error> {
    sqlx::query_as(
        "select u.email, u.locale from orders o join users u on u.id = o.user_id where o.id = $1",
    )
    .bind(order_id)
    .fetch_one(&mut *tx)
    .await
    .map(Recipient::from_row)
}

/// A shop's owners and order staff.
pub async fn shop_staff(
    tx: &mut PgConnection,
    vendor_id: Uuid,
) -> Result<Vec<Recipient>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "select u.email, u.locale from vendor_staff s join users u on u.id = s.user_id
         where s.vendor_id = $1 and s.role in ('owner', 'orders') order by u.email",
    )
    .bind(vendor_id)
    .fetch_all(&mut *tx)
    .await?;
    Ok(rows.into_iter().map(Recipient::from_row).collect())
}

/// (shop, shop name, order) of a part.
pub async fn part_facts(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<(Uuid, String, Uuid), sqlx::Error> {
    sqlx::query_as(
        "select v.id, v.business_name, vo.order_id from vendor_orders vo join vendors v on v.id = vo.vendor_id where vo.id = $1",
    )
    .bind(vendor_order_id)
    .fetch_one(&mut *tx)
    .await
}

/// The shops of an order: (shop, shop name).
pub async fn order_shops(
    tx: &mut PgConnection,
    order_id: Uuid,
) -> Result<Vec<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as(
        "select v.id, v.business_name from vendor_orders vo join vendors v on v.id = vo.vendor_id where vo.order_id = $1 order by v.business_name",
    )
    .bind(order_id)
    .fetch_all(&mut *tx)
    .await
}

#[derive(Clone, Debug, FromRow)]
pub struct Pending {
    pub id: Uuid,
    pub to_email: String,
    pub subject: String,
    pub body: String,
}

/// Unsent notifications, oldest first, skipping ones that failed many times.
pub async fn pending(db: impl PgExecutor<'_>) -> Result<Vec<Pending>, sqlx::Error> {
    sqlx::query_as(
        "select id, to_email, subject, body from notifications
         where sent_at is null and attempts < 10 order by created_at limit 100",
    )
    .fetch_all(db)
    .await
}

pub async fn mark(db: impl PgExecutor<'_>, id: Uuid, sent: bool) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update notifications set attempts = attempts + 1, sent_at = case when $2 then now() end where id = $1",
    )
    .bind(id)
    .bind(sent)
    .execute(db)
    .await?;
    Ok(())
}

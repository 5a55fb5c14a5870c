//! The notifications outbox: rows are written in the transaction that caused them, so a
//! notification exists exactly when its event does; each channel's sender (`mail`, `sms`)
//! delivers them.

use crate::i18n::Locale;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

/// Who a notification goes to, in which language, and by which channels they chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    pub user_id: Uuid,
    pub email: String,
    pub locale: Locale,
    pub phone: Option<String>,
    pub channels: Channels,
}

/// The channels a person has chosen (account page); email and the app by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Channels {
    pub email: bool,
    pub sms: bool,
    pub app: bool,
}

type RecipientRow = (Uuid, String, String, Option<String>, bool, bool, bool);

/// The columns of `users u` a recipient is read from.
const RECIPIENT: &str =
    "u.id, u.email, u.locale, u.phone, u.notify_email, u.notify_sms, u.notify_app";

impl Recipient {
    fn from_row((user_id, email, locale, phone, e, s, a): RecipientRow) -> Self {
        Recipient {
            user_id,
            email,
            locale: Locale::parse(&locale).unwrap_or_default(),
            phone,
            channels: Channels {
                email: e,
                sms: s,
                app: a,
            },
        }
    }
}

/// How a notification travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    Email,
    /// To a phone number, `2547…`.
    Sms,
    /// The person's list in the app (delivered when written).
    App,
}

impl Channel {
    fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
            Channel::App => "app",
        }
    }
}

/// Queues an email.
pub async fn queue(
    tx: &mut PgConnection,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    insert(tx, Channel::Email, to, subject, body).await?;
    Ok(())
}

/// Queues a text message; its id, to send it at once (`sms::send_pending`).
pub async fn queue_sms(
    tx: &mut PgConnection,
    phone: &str,
    body: &str,
) -> Result<Uuid, sqlx::Error> {
    insert(tx, Channel::Sms, phone, "", body).await
}

/// Puts a notification on the person's list in the app.
pub async fn queue_app(
    tx: &mut PgConnection,
    user: Uuid,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into notifications (id, channel, recipient, subject, body, user_id, sent_at, attempts)
         values ($1, 'app', $2::text, $3, $4, $2, now(), 1)",
    )
    .bind(Uuid::new_v4())
    .bind(user)
    .bind(subject)
    .bind(body)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

async fn insert(
    tx: &mut PgConnection,
    channel: Channel,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::new_v4();
    sqlx::query(
        "insert into notifications (id, channel, recipient, subject, body) values ($1, $2, $3, $4, $5)",
    )
    .bind(id)
    .bind(channel.as_str())
    .bind(to)
    .bind(subject)
    .bind(body)
    .execute(&mut *tx)
    .await?;
    Ok(id)
}

/// The shopper of an order.
pub async fn buyer(tx: &mut PgConnection, order_id: Uuid) -> Result<Recipient, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {RECIPIENT} from orders o join users u on u.id = o.user_id where o.id = $1"
    ))
    .bind(order_id)
    .fetch_one(&mut *tx)
    .await
    .map(Recipient::from_row)
}

/// An account holder, by id.
pub async fn user(tx: &mut PgConnection, user_id: Uuid) -> Result<Recipient, sqlx::Error> {
    sqlx::query_as(&format!("select {RECIPIENT} from users u where u.id = $1"))
        .bind(user_id)
        .fetch_one(&mut *tx)
        .await
        .map(Recipient::from_row)
}

/// A shop's owners and order staff.
pub async fn shop_staff(
    tx: &mut PgConnection,
    vendor_id: Uuid,
) -> Result<Vec<Recipient>, sqlx::Error> {
    staff_in_roles(tx, vendor_id, &["owner", "orders"]).await
}

/// A shop's owners and inventory staff.
pub async fn shop_inventory(
    tx: &mut PgConnection,
    vendor_id: Uuid,
) -> Result<Vec<Recipient>, sqlx::Error> {
    staff_in_roles(tx, vendor_id, &["owner", "inventory"]).await
}

/// A shop's owners and accounting staff.
pub async fn shop_accounts(
    tx: &mut PgConnection,
    vendor_id: Uuid,
) -> Result<Vec<Recipient>, sqlx::Error> {
    staff_in_roles(tx, vendor_id, &["owner", "accounting"]).await
}

/// A shop's owners.
pub async fn shop_owners(
    tx: &mut PgConnection,
    vendor_id: Uuid,
) -> Result<Vec<Recipient>, sqlx::Error> {
    staff_in_roles(tx, vendor_id, &["owner"]).await
}

async fn staff_in_roles(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    roles: &[&str],
) -> Result<Vec<Recipient>, sqlx::Error> {
    let rows: Vec<RecipientRow> = sqlx::query_as(&format!(
        "select {RECIPIENT} from vendor_staff s join users u on u.id = s.user_id
         where s.vendor_id = $1 and s.role = any($2) order by u.email"
    ))
    .bind(vendor_id)
    .bind(roles)
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
    pub recipient: String,
    pub subject: String,
    pub body: String,
}

/// Sends the unsent notifications of `channel` (only `only` when given) with `send`, oldest
/// first, each under a row lock taken with SKIP LOCKED, so two senders — the request that
/// queued a one-time code and the jobs, or two server instances — never send one twice. A
/// failure is counted and waits before its next try, twice as long each time (1, 2, 4 …
/// minutes, at most 6 hours); after ten tries it is a dead letter (`dead_letters`). Returns
/// how many were sent.
pub async fn deliver<F, Fut>(
    pool: &sqlx::PgPool,
    channel: Channel,
    only: Option<Uuid>,
    mut send: F,
) -> Result<usize, sqlx::Error>
where
    F: FnMut(Pending) -> Fut,
    Fut: std::future::Future<Output = Result<(), String>>,
{
    let mut sent = 0;
    // Tried in this run: a failure waits for the next run instead of being retried at once.
    let mut tried = Vec::new();
    loop {
        let mut tx = pool.begin().await?;
        let Some(n) = claim_next(&mut tx, channel, only, &tried).await? else {
            break;
        };
        let id = n.id;
        tried.push(id);
        let ok = send(n).await;
        if let Err(e) = &ok {
            tracing::warn!(notification = %id, ?channel, error = %e, "notification not sent");
        }
        mark(&mut *tx, id, ok.as_ref().err().map(String::as_str)).await?;
        tx.commit().await?;
        sent += usize::from(ok.is_ok());
    }
    Ok(sent)
}

/// The oldest unsent notification of `channel` (or `only` that one) that no other sender holds
/// and that is not in `skip`, locked until `tx` ends.
async fn claim_next(
    tx: &mut PgConnection,
    channel: Channel,
    only: Option<Uuid>,
    skip: &[Uuid],
) -> Result<Option<Pending>, sqlx::Error> {
    sqlx::query_as(
        "select id, recipient, subject, body from notifications
         where channel = $1 and sent_at is null and attempts < 10
           and ($2::uuid is null or id = $2) and not (id = any($3))
           -- A failed one waits out its backoff, unless a request sends that one now.
           and (id = $2 or next_attempt_at is null or next_attempt_at <= now())
         order by created_at limit 1 for update skip locked",
    )
    .bind(channel.as_str())
    .bind(only)
    .bind(skip)
    .fetch_optional(&mut *tx)
    .await
}

/// Records a try: sent (`error` None), or failed, with the next try backed off.
async fn mark(db: impl PgExecutor<'_>, id: Uuid, error: Option<&str>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update notifications set attempts = attempts + 1,
                sent_at = case when $2::text is null then now() end,
                last_error = $2,
                next_attempt_at = case when $2::text is not null
                    then now() + least(make_interval(mins => power(2, attempts)::int), interval '6 hours') end
         where id = $1",
    )
    .bind(id)
    .bind(error)
    .execute(db)
    .await?;
    Ok(())
}

/// The newest dead letters (failed ten times), for the admins.
pub async fn dead_letters(
    db: impl PgExecutor<'_>,
) -> Result<Vec<crate::wire::notifications::DeadLetter>, sqlx::Error> {
    sqlx::query_as(
        "select id, channel, recipient, subject, last_error,
                to_char(created_at, 'YYYY-MM-DD HH24:MI') as created
         from notifications where sent_at is null and attempts >= 10
         order by created_at desc limit 200",
    )
    .fetch_all(db)
    .await
}

/// Gives a dead letter ten more tries, starting now; false if it is not one.
pub async fn retry(db: impl PgExecutor<'_>, id: Uuid) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update notifications set attempts = 0, next_attempt_at = null
         where id = $1 and sent_at is null and attempts >= 10",
    )
    .bind(id)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// How many of the person's notifications in the app are unread.
pub async fn unread(db: impl PgExecutor<'_>, user: Uuid) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "select count(*) from notifications where channel = 'app' and user_id = $1 and read_at is null",
    )
    .bind(user)
    .fetch_one(db)
    .await
}

/// The person's notifications in the app, newest first.
pub async fn in_app(
    db: impl PgExecutor<'_>,
    user: Uuid,
) -> Result<Vec<crate::wire::auth::AppNotification>, sqlx::Error> {
    sqlx::query_as(
        "select id, subject, body, read_at is null as unread,
                to_char(created_at at time zone 'Africa/Nairobi', 'YYYY-MM-DD HH24:MI') as at
         from notifications where channel = 'app' and user_id = $1
         order by created_at desc limit 100",
    )
    .bind(user)
    .fetch_all(db)
    .await
}

/// Marks all the person's notifications in the app read.
pub async fn mark_read(db: impl PgExecutor<'_>, user: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update notifications set read_at = now() where channel = 'app' and user_id = $1 and read_at is null",
    )
    .bind(user)
    .execute(db)
    .await?;
    Ok(())
}

/// The person's choice of channels.
pub async fn set_channels(
    db: impl PgExecutor<'_>,
    user: Uuid,
    c: Channels,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update users set notify_email = $2, notify_sms = $3, notify_app = $4 where id = $1",
    )
    .bind(user)
    .bind(c.email)
    .bind(c.sms)
    .bind(c.app)
    .execute(db)
    .await?;
    Ok(())
}

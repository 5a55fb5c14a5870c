//! The admin's view of accounts: finding people, suspending and reinstating them, and who is
//! an admin. Suspending or reinstating moves the session epoch, so every session the person
//! had ends at once and none comes back with reinstatement.

use crate::wire::admin::Person;
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

const PERSON: &str = "select u.id, u.email, u.name, u.role, u.status,
        to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD') as joined,
        coalesce(array(select v.business_name from vendor_staff s
                         join vendors v on v.id = s.vendor_id
                        where s.user_id = u.id order by v.business_name), '{}') as shops,
        (select count(*) from orders o where o.user_id = u.id) as orders
    from users u";

/// People whose email or name holds `words` (everyone when empty), newest first.
pub async fn find(
    db: impl PgExecutor<'_>,
    words: &str,
    limit: i64,
) -> Result<Vec<Person>, sqlx::Error> {
    sqlx::query_as(&format!(
        "{PERSON} where u.email ilike $1 or u.name ilike $1
         order by u.created_at desc, u.id desc limit $2"
    ))
    .bind(super::contains_pattern(words))
    .bind(limit)
    .fetch_all(db)
    .await
}

/// One person, with whether they log in with two steps and confirmed their address.
pub async fn one(db: impl PgExecutor<'_>, id: Uuid) -> Result<Option<Person>, sqlx::Error> {
    sqlx::query_as(&format!("{PERSON} where u.id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

/// (two-step login on, email confirmed) of a person.
pub async fn safeguards(db: impl PgExecutor<'_>, id: Uuid) -> Result<(bool, bool), sqlx::Error> {
    sqlx::query_as(
        "select totp_enabled_at is not null, email_verified_at is not null from users where id = $1",
    )
    .bind(id)
    .fetch_one(db)
    .await
}

/// The shops a person works in, with their role there and the shop's status.
pub async fn shops(
    db: impl PgExecutor<'_>,
    id: Uuid,
) -> Result<Vec<crate::wire::admin::PersonShop>, sqlx::Error> {
    sqlx::query_as(
        "select v.id, v.business_name as name, v.slug, s.role, v.verification_status as status
         from vendor_staff s join vendors v on v.id = s.vendor_id
         where s.user_id = $1 order by v.business_name",
    )
    .bind(id)
    .fetch_all(db)
    .await
}

/// The verified shops a person owns.
pub async fn verified_shops_owned(
    conn: &mut PgConnection,
    id: Uuid,
) -> Result<Vec<Uuid>, sqlx::Error> {
    sqlx::query_scalar(
        "select s.vendor_id from vendor_staff s join vendors v on v.id = s.vendor_id
         where s.user_id = $1 and s.role = 'owner' and v.verification_status = 'verified'",
    )
    .bind(id)
    .fetch_all(conn)
    .await
}

/// A person's email, role and status, locked for the rest of the transaction.
pub async fn lock(
    conn: &mut PgConnection,
    id: Uuid,
) -> Result<Option<(String, String, String)>, sqlx::Error> {
    sqlx::query_as("select email, role, status from users where id = $1 for update")
        .bind(id)
        .fetch_optional(conn)
        .await
}

/// Active admins other than `id`. Every admin row is locked, so two admins removing each
/// other at the same moment queue up and the second sees the first's change.
pub async fn other_active_admins(conn: &mut PgConnection, id: Uuid) -> Result<i64, sqlx::Error> {
    let ids: Vec<Uuid> = sqlx::query_scalar(
        "select id from users where role = 'admin' and status = 'active' order by id for update",
    )
    .fetch_all(conn)
    .await?;
    Ok(ids.iter().filter(|a| **a != id).count() as i64)
}

/// Suspends (`active` false) or reinstates a person and ends their sessions.
pub async fn set_active(
    conn: &mut PgConnection,
    id: Uuid,
    active: bool,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update users set status = case when $2 then 'active' else 'suspended' end,
                session_epoch = session_epoch + 1
         where id = $1",
    )
    .bind(id)
    .bind(active)
    .execute(conn)
    .await?;
    Ok(())
}

/// Makes a person an admin, or takes the role back: they are then shop staff again if they
/// work in a shop, else a customer.
pub async fn set_admin(conn: &mut PgConnection, id: Uuid, admin: bool) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update users set role = case
                    when $2 then 'admin'
                    when exists (select 1 from vendor_staff s where s.user_id = users.id) then 'vendor_staff'
                    else 'customer' end
         where id = $1",
    )
    .bind(id)
    .bind(admin)
    .execute(conn)
    .await?;
    Ok(())
}

//! The `users` table.

use crate::domain::{Email, PersonName, Phone, Role};
use crate::i18n::Locale;
use sqlx::{FromRow, PgExecutor};
use uuid::Uuid;

#[derive(Clone, FromRow)]
pub struct UserRow {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub phone: Option<String>,
    pub password_hash: String,
    pub role: String,
    pub status: String,
    /// Moves on when the password changes; sessions of an older epoch are over.
    pub session_epoch: i32,
    /// Logs in with a second step (a TOTP code or a recovery code).
    pub two_factor: bool,
    /// The address was confirmed through a mailed link.
    pub email_verified: bool,
}

impl UserRow {
    pub fn role(&self) -> Role {
        // The CHECK constraint keeps `role` to known values; an unknown one gets least power.
        Role::parse(&self.role).unwrap_or(Role::Customer)
    }

    pub fn is_active(&self) -> bool {
        self.status == "active"
    }
}

impl std::fmt::Debug for UserRow {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRow")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("role", &self.role)
            .field("status", &self.status)
            .field("password_hash", &"<redacted>")
            .finish()
    }
}

pub struct NewUser<'a> {
    pub email: &'a Email,
    pub name: &'a PersonName,
    pub phone: Option<&'a Phone>,
    pub password_hash: &'a str,
    pub role: Role,
    /// The language notifications are written in.
    pub locale: Locale,
}

pub const EMAIL_UNIQUE: &str = "users_email_key";

const COLUMNS: &str = "id, email, name, phone, password_hash, role, status, session_epoch,
     totp_enabled_at is not null as two_factor, email_verified_at is not null as email_verified";

#[tracing::instrument(skip_all, fields(email = %user.email))]
pub async fn insert(db: impl PgExecutor<'_>, user: NewUser<'_>) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::new_v4();
    sqlx::query(
        "insert into users (id, email, name, phone, password_hash, role, locale) values ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(user.email.as_str())
    .bind(user.name.as_str())
    .bind(user.phone.map(Phone::as_str))
    .bind(user.password_hash)
    .bind(user.role.as_str())
    .bind(user.locale.code())
    .execute(db)
    .await?;
    Ok(id)
}

pub async fn find_by_email(
    db: impl PgExecutor<'_>,
    email: &Email,
) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("select {COLUMNS} from users where email = $1"))
        .bind(email.as_str())
        .fetch_optional(db)
        .await
}

pub async fn find_by_id(db: impl PgExecutor<'_>, id: Uuid) -> Result<Option<UserRow>, sqlx::Error> {
    sqlx::query_as(&format!("select {COLUMNS} from users where id = $1"))
        .bind(id)
        .fetch_optional(db)
        .await
}

pub async fn update_profile(
    db: impl PgExecutor<'_>,
    id: Uuid,
    name: &PersonName,
    phone: Option<&Phone>,
) -> Result<(), sqlx::Error> {
    sqlx::query("update users set name = $2, phone = $3 where id = $1")
        .bind(id)
        .bind(name.as_str())
        .bind(phone.map(Phone::as_str))
        .execute(db)
        .await?;
    Ok(())
}

/// Sets a new password and ends every session of the account: the new session epoch.
pub async fn set_password_hash(
    db: impl PgExecutor<'_>,
    id: Uuid,
    hash: &str,
) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar(
        "update users set password_hash = $2, session_epoch = session_epoch + 1 where id = $1
         returning session_epoch",
    )
    .bind(id)
    .bind(hash)
    .fetch_one(db)
    .await
}

/// Ends every session of the account (they carry the old epoch); returns the new epoch.
pub async fn bump_epoch(db: impl PgExecutor<'_>, id: Uuid) -> Result<i32, sqlx::Error> {
    sqlx::query_scalar(
        "update users set session_epoch = session_epoch + 1 where id = $1 returning session_epoch",
    )
    .bind(id)
    .fetch_one(db)
    .await
}

/// Makes an existing account an admin with a new password (the `create-admin` command).
pub async fn promote_to_admin(
    db: impl PgExecutor<'_>,
    email: &Email,
    hash: &str,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update users set role = 'admin', status = 'active', password_hash = $2 where email = $1",
    )
    .bind(email.as_str())
    .bind(hash)
    .execute(db)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The language the user reads Sokoni in (their notifications follow it).
pub async fn set_locale(
    db: impl PgExecutor<'_>,
    id: Uuid,
    locale: Locale,
) -> Result<(), sqlx::Error> {
    sqlx::query("update users set locale = $2 where id = $1")
        .bind(id)
        .bind(locale.code())
        .execute(db)
        .await?;
    Ok(())
}

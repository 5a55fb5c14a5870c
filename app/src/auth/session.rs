//! The typed view of a tower-sessions session: which keys Sokoni keeps and how login and
//! logout change them.

use crate::db::user_sessions;
use crate::db::users::{self, UserRow};
use crate::error::AppError;
use sqlx::PgPool;
use tower_sessions::Session;
use uuid::Uuid;

const USER_ID: &str = "user_id";
/// The account's session epoch at login (absent in sessions made before epochs: 0).
const EPOCH: &str = "epoch";
/// This login's row in `user_sessions` (absent in sessions made before that table).
const DEVICE: &str = "device";
/// A visitor's cart before they log in.
const GUEST_CART: &str = "guest_cart";
/// A login whose password was right, waiting for its second step (a TOTP or recovery code).
const SECOND_STEP: &str = "second_step";
/// Recovery codes just made, shown once on the two-step page.
const FRESH_CODES: &str = "fresh_recovery_codes";
/// How long a right password waits for its second step.
const SECOND_STEP_SECONDS: i64 = 300;

#[derive(serde::Serialize, serde::Deserialize)]
struct PendingLogin {
    user: Uuid,
    epoch: i32,
    since: i64,
}

fn unix_now() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// The session's user, if the session is still good: the account is active and its password
/// has not changed since this session logged in. The one check every entry point uses.
pub async fn user(session: &Session, pool: &PgPool) -> Result<Option<UserRow>, AppError> {
    let Some(id) = session.get::<Uuid>(USER_ID).await? else {
        return Ok(None);
    };
    let epoch = session.get::<i32>(EPOCH).await?.unwrap_or(0);
    // Logged out from another device ("log out other sessions" deletes the row).
    if let Some(device) = session.get::<Uuid>(DEVICE).await?
        && !user_sessions::still_open(pool, device).await?
    {
        return Ok(None);
    }
    Ok(users::find_by_id(pool, id)
        .await?
        .filter(|u| u.is_active() && u.session_epoch == epoch))
}

/// This session's row in `user_sessions`, if it has one.
pub async fn device(session: &Session) -> Result<Option<Uuid>, AppError> {
    Ok(session.get::<Uuid>(DEVICE).await?)
}

/// Where a login comes from, for the account's list of sessions.
pub struct Origin {
    pub ip: String,
    pub user_agent: String,
}

/// Gives the session a new id before storing the user, so an id planted before login
/// (session fixation) is worthless afterwards, and records it among the user's sessions.
pub async fn log_in(
    session: &Session,
    pool: &PgPool,
    user: Uuid,
    epoch: i32,
    origin: &Origin,
) -> Result<(), AppError> {
    session.cycle_id().await?;
    session.remove_value(SECOND_STEP).await?;
    if let Some(old) = session.get::<Uuid>(DEVICE).await? {
        user_sessions::closed(pool, old).await?;
    }
    let device = Uuid::new_v4();
    user_sessions::opened(pool, device, user, epoch, &origin.ip, &origin.user_agent).await?;
    session.insert(USER_ID, user).await?;
    session.insert(EPOCH, epoch).await?;
    session.insert(DEVICE, device).await?;
    Ok(())
}

/// Ends every other session of the account (a new epoch, their rows gone) and goes on with
/// this one under a fresh id: after "log out other sessions" and turning two-step login on.
pub async fn keep_only_this(
    session: &Session,
    pool: &PgPool,
    user: Uuid,
    origin: &Origin,
) -> Result<(), AppError> {
    let epoch = users::bump_epoch(pool, user).await?;
    log_in(session, pool, user, epoch, origin).await?;
    if let Some(here) = device(session).await? {
        user_sessions::close_others(pool, user, here).await?;
    }
    Ok(())
}

/// Deletes the session row and clears the cookie.
pub async fn log_out(session: &Session, pool: &PgPool) -> Result<(), AppError> {
    if let Some(device) = session.get::<Uuid>(DEVICE).await? {
        user_sessions::closed(pool, device).await?;
    }
    session.flush().await?;
    Ok(())
}

/// The password was right and the account has two-step login: remember who is half way in
/// (under a new session id) until the code comes.
pub async fn await_second_step(session: &Session, user: Uuid, epoch: i32) -> Result<(), AppError> {
    session.cycle_id().await?;
    let pending = PendingLogin {
        user,
        epoch,
        since: unix_now(),
    };
    session.insert(SECOND_STEP, pending).await?;
    Ok(())
}

/// The user (and epoch) waiting for a second step, if the password came in the last five
/// minutes.
pub async fn second_step(session: &Session) -> Result<Option<(Uuid, i32)>, AppError> {
    Ok(session
        .get::<PendingLogin>(SECOND_STEP)
        .await?
        .filter(|p| unix_now() - p.since <= SECOND_STEP_SECONDS)
        .map(|p| (p.user, p.epoch)))
}

pub async fn set_fresh_codes(session: &Session, codes: Vec<String>) -> Result<(), AppError> {
    session.insert(FRESH_CODES, codes).await?;
    Ok(())
}

/// The recovery codes just made, once: they are not kept anywhere after this.
pub async fn take_fresh_codes(session: &Session) -> Result<Vec<String>, AppError> {
    Ok(session
        .remove::<Vec<String>>(FRESH_CODES)
        .await?
        .unwrap_or_default())
}

pub async fn guest_cart(session: &Session) -> Result<Option<Uuid>, AppError> {
    Ok(session.get::<Uuid>(GUEST_CART).await?)
}

pub async fn set_guest_cart(session: &Session, cart: Uuid) -> Result<(), AppError> {
    session.insert(GUEST_CART, cart).await?;
    Ok(())
}

/// Forgets the guest cart (after it was merged into an account's).
pub async fn take_guest_cart(session: &Session) -> Result<Option<Uuid>, AppError> {
    Ok(session.remove::<Uuid>(GUEST_CART).await?)
}

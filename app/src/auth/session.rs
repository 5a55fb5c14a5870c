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

/// Deletes the session row and clears the cookie.
pub async fn log_out(session: &Session, pool: &PgPool) -> Result<(), AppError> {
    if let Some(device) = session.get::<Uuid>(DEVICE).await? {
        user_sessions::closed(pool, device).await?;
    }
    session.flush().await?;
    Ok(())
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

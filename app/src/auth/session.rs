//! The typed view of a tower-sessions session: which keys Sokoni keeps and how login and
//! logout change them.

use crate::db::users::{self, UserRow};
use crate::error::AppError;
use sqlx::PgPool;
use tower_sessions::Session;
use uuid::Uuid;

const USER_ID: &str = "user_id";
/// The account's session epoch at login (absent in sessions made before epochs: 0).
const EPOCH: &str = "epoch";
/// A visitor's cart before they log in.
const GUEST_CART: &str = "guest_cart";

/// The session's user, if the session is still good: the account is active and its password
/// has not changed since this session logged in. The one check every entry point uses.
pub async fn user(session: &Session, pool: &PgPool) -> Result<Option<UserRow>, AppError> {
    let Some(id) = session.get::<Uuid>(USER_ID).await? else {
        return Ok(None);
    };
    let epoch = session.get::<i32>(EPOCH).await?.unwrap_or(0);
    Ok(users::find_by_id(pool, id)
        .await?
        .filter(|u| u.is_active() && u.session_epoch == epoch))
}

/// Gives the session a new id before storing the user, so an id planted before login
/// (session fixation) is worthless afterwards.
pub async fn log_in(session: &Session, user: Uuid, epoch: i32) -> Result<(), AppError> {
    session.cycle_id().await?;
    session.insert(USER_ID, user).await?;
    session.insert(EPOCH, epoch).await?;
    Ok(())
}

/// Deletes the session row and clears the cookie.
pub async fn log_out(session: &Session) -> Result<(), AppError> {
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

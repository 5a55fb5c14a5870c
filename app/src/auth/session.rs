//! The typed view of a tower-sessions session: which keys Sokoni keeps and how login and
//! logout change them.

use crate::error::AppError;
use tower_sessions::Session;
use uuid::Uuid;

const USER_ID: &str = "user_id";
/// A visitor's cart before they log in.
const GUEST_CART: &str = "guest_cart";

pub async fn user_id(session: &Session) -> Result<Option<Uuid>, AppError> {
    Ok(session.get::<Uuid>(USER_ID).await?)
}

/// Gives the session a new id before storing the user, so an id planted before login
/// (session fixation) is worthless afterwards.
pub async fn log_in(session: &Session, user: Uuid) -> Result<(), AppError> {
    session.cycle_id().await?;
    session.insert(USER_ID, user).await?;
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

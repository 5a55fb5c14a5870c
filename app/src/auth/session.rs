//! The typed view of a tower-sessions session: which keys Sokoni keeps and how login and
//! logout change them.

use crate::error::AppError;
use tower_sessions::Session;
use uuid::Uuid;

const USER_ID: &str = "user_id";

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

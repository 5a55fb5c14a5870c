//! Server-side authentication: password hashing, the typed session, and who is asking.

pub mod context;
pub mod password;
pub mod reset;
pub mod session;
pub mod token;
pub mod two_factor;
pub mod verify_email;

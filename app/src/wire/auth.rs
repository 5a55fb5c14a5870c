//! Types the auth server functions send and receive, compiled for both the server and the
//! browser. The data layer fills them; pages render them.

use crate::domain::Role;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What the browser may know about the logged-in user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserView {
    pub id: Uuid,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
    pub role: Role,
}

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
    /// Logs in with two steps.
    pub two_factor: bool,
    pub email_verified: bool,
    /// Unread notifications in the app (the header's count).
    pub unread: i64,
}

/// One notification in the person's list in the app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct AppNotification {
    pub id: Uuid,
    pub subject: String,
    pub body: String,
    pub unread: bool,
    pub at: String,
}

/// The notifications page: the list, and the channels the person chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationsView {
    pub items: Vec<AppNotification>,
    pub email: bool,
    pub sms: bool,
    pub app: bool,
    /// Text messages need a phone on the account.
    pub has_phone: bool,
}

/// One of the sessions the user is logged in with ("your sessions" on the account page).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct SessionView {
    pub device_id: Uuid,
    pub ip: String,
    pub user_agent: String,
    /// `YYYY-MM-DD HH:MM` UTC.
    pub since: String,
    pub last_seen: String,
}

/// The user's sessions, and which of them is this one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sessions {
    pub sessions: Vec<SessionView>,
    pub this_device: Option<Uuid>,
}

/// The two-step login page: whether it is on, whether this account must have it, an
/// enrolment in progress, and recovery codes just made (shown once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TwoFactorView {
    pub on: bool,
    pub required: bool,
    pub enrolment: Option<EnrolmentView>,
    pub fresh_codes: Vec<String>,
    pub codes_left: i64,
}

/// The secret of an enrolment in progress, as text and as a QR code (SVG made on the server).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrolmentView {
    pub secret: String,
    pub qr_svg: String,
}

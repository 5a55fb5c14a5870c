//! A person's notifications in the app and their choice of channels; for admins, the outbox's
//! dead letters (notifications that failed ten times) and sending one again.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::auth::{AppNotification, NotificationsView};
pub use crate::wire::notifications::DeadLetter;

/// The person's notifications, newest first; reading them marks them read.
#[server(endpoint = "my_notifications")]
pub async fn my_notifications() -> Result<NotificationsView, AppError> {
    use crate::auth::context;
    use crate::db::notifications as outbox;
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let items = outbox::in_app(pool, user.id).await?;
        outbox::mark_read(pool, user.id).await?;
        let me = outbox::user(&mut *pool.acquire().await?, user.id).await?;
        Ok(NotificationsView {
            items,
            email: me.channels.email,
            sms: me.channels.sms,
            app: me.channels.app,
            has_phone: me.phone.is_some_and(|p| !p.is_empty()),
        })
    })
    .await
}

/// The channels the person wants notifications by (ticked boxes arrive as "on"). Text
/// messages need a phone on the account.
#[server(endpoint = "save_channels")]
pub async fn save_channels(
    #[server(default)] email: Option<String>,
    #[server(default)] sms: Option<String>,
    #[server(default)] app: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::notifications::{self as outbox, Channels};
    context::respond(async move {
        let user = context::require_user().await?;
        let on = |v: &Option<String>| v.as_deref().is_some_and(|v| v == "on" || v == "true");
        let channels = Channels {
            email: on(&email),
            sms: on(&sms),
            app: on(&app),
        };
        if channels.sms && user.phone.as_deref().is_none_or(str::is_empty) {
            return Err(AppError::invalid(
                "sms",
                crate::domain::Invalid::PhoneMissing,
            ));
        }
        outbox::set_channels(&context::state()?.pool, user.id, channels).await?;
        leptos_axum::redirect("/account/notifications");
        Ok(())
    })
    .await
}

/// Notifications that failed ten times, newest first.
#[server(endpoint = "dead_letters")]
pub async fn dead_letters() -> Result<Vec<DeadLetter>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        crate::server_fns::moderation::actor().await?;
        Ok(crate::db::notifications::dead_letters(&context::state()?.pool).await?)
    })
    .await
}

/// Gives a dead letter ten more tries, starting with the next send.
#[server(endpoint = "retry_notification")]
pub async fn retry_notification(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        crate::server_fns::moderation::actor().await?;
        if !crate::db::notifications::retry(&context::state()?.pool, id).await? {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect("/admin/outbox");
        Ok(())
    })
    .await
}

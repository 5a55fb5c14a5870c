//! The admin's people page: find accounts, suspend or reinstate them (their sessions end at
//! once), and make or unmake admins (never the last active one). Every change is audited in
//! its own transaction.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::admin::Person;

#[cfg(feature = "ssr")]
use super::admin::{Tx, audited_edit};

/// People listed per search.
pub const PEOPLE_PAGE: i64 = 50;

#[cfg(feature = "ssr")]
const BACK: &str = "/admin/people";

#[server(endpoint = "find_people")]
pub async fn find_people(#[server(default)] q: String) -> Result<Vec<Person>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let words = crate::domain::text::bounded(&q, 0, 200, false)
            .map_err(|why| AppError::invalid("q", why))?;
        let pool = &context::state()?.pool;
        Ok(crate::db::people::find(pool, &words, PEOPLE_PAGE).await?)
    })
    .await
}

/// One person's page: their account, shops, latest orders and sessions.
#[server(endpoint = "person_detail")]
pub async fn person_detail(id: Uuid) -> Result<crate::wire::admin::PersonDetail, AppError> {
    use crate::auth::context;
    use crate::db::people;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let state = context::state()?;
        let pool = &state.pool;
        let person = people::one(pool, id).await?.ok_or(AppError::NotFound)?;
        let (two_factor, email_verified) = people::safeguards(pool, id).await?;
        let accept_hours = crate::db::platform::get(pool, &state.settings)
            .await?
            .accept_hours;
        let mut shops = people::shops(pool, id).await?;
        for shop in &mut shops {
            shop.reliability =
                crate::db::reliability::for_shop(pool, shop.id, accept_hours).await?;
        }
        Ok(crate::wire::admin::PersonDetail {
            person,
            two_factor,
            email_verified,
            shops,
            orders: crate::db::admin_orders::of_shopper(pool, id).await?,
            sessions: crate::db::user_sessions::list(pool, id).await?,
        })
    })
    .await
}

/// `suspend` with a reason, or `reinstate`.
#[server(endpoint = "set_person_status")]
pub async fn set_person_status(
    user_id: Uuid,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::domain::Invalid;
    use crate::domain::audit::Action;
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let (active, action) = match decision.as_str() {
                "suspend" => (false, Action::UserSuspended),
                "reinstate" => (true, Action::UserReinstated),
                _ => return Err(AppError::invalid("decision", Invalid::NotFound)),
            };
            let reason = if active {
                String::new()
            } else {
                crate::domain::text::bounded(&reason, 3, 500, false)
                    .map_err(|why| AppError::invalid("reason", why))?
            };
            let (others, (email, role, _)) = lock(tx, user_id).await?;
            if !active && role == "admin" && others == 0 {
                return Err(AppError::invalid("user_id", Invalid::LastAdmin));
            }
            crate::db::people::set_active(tx, user_id, active).await?;
            // A suspended owner's shop stops selling too, and its open orders are flagged.
            // (Reinstating the person leaves the shop to be reinstated on the shops page.)
            if !active {
                crate::moderation::suspend_owned_shops(tx, actor, user_id, &reason).await?;
            }
            let summary = if active {
                email
            } else {
                format!("{email}: {reason}")
            };
            crate::db::audit::record(tx, actor, action, user_id, &summary).await?;
            Ok(())
        })
    })
    .await
}

/// Makes a person an admin (`admin` true) or takes the role back.
#[server(endpoint = "set_person_admin")]
pub async fn set_person_admin(user_id: Uuid, admin: bool) -> Result<(), AppError> {
    use crate::domain::Invalid;
    use crate::domain::audit::Action;
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let (others, (email, role, _)) = lock(tx, user_id).await?;
            if (role == "admin") == admin {
                return Ok(());
            }
            if !admin && others == 0 {
                return Err(AppError::invalid("user_id", Invalid::LastAdmin));
            }
            crate::db::people::set_admin(tx, user_id, admin).await?;
            let action = if admin {
                Action::UserMadeAdmin
            } else {
                Action::UserAdminRemoved
            };
            crate::db::audit::record(tx, actor, action, user_id, &email).await?;
            Ok(())
        })
    })
    .await
}

/// Mails the person a password reset link (they may have lost access to their account).
#[server(endpoint = "send_password_reset")]
pub async fn send_password_reset(user_id: Uuid) -> Result<(), AppError> {
    use crate::domain::audit::Action;
    let public_url = crate::auth::context::state()?
        .settings
        .http
        .public_url
        .clone();
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let (_, (email, _, _)) = lock(tx, user_id).await?;
            crate::auth::reset::send_link(tx, user_id, &public_url).await?;
            crate::db::audit::record(tx, actor, Action::PasswordResetSent, user_id, &email).await?;
            Ok(())
        })
    })
    .await
}

/// The active admins other than `id`, and the person `id` (email, role, status), all locked:
/// the admins first, in id order, then the person, so concurrent changes queue up instead of
/// deadlocking, and two admins cannot remove each other at once.
#[cfg(feature = "ssr")]
async fn lock(tx: &mut Tx, id: Uuid) -> Result<(i64, (String, String, String)), AppError> {
    let others = crate::db::people::other_active_admins(tx, id).await?;
    let person = crate::db::people::lock(tx, id)
        .await?
        .ok_or(AppError::invalid(
            "user_id",
            crate::domain::Invalid::NotFound,
        ))?;
    Ok((others, person))
}

//! The logged-in user's own profile and password.

use crate::error::AppError;
use leptos::prelude::*;

#[server(endpoint = "update_profile")]
pub async fn update_profile(
    name: String,
    #[server(default)] phone: String,
    #[server(default)] role: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::users;
    use crate::domain::PersonName;

    context::respond(async move {
        let user = context::require_user().await?;
        if role.is_some() {
            return Err(AppError::Forbidden);
        }
        let name = PersonName::parse(&name).map_err(|w| AppError::invalid("name", w))?;
        let phone = super::auth::optional_phone(&phone)?;
        users::update_profile(&context::state()?.pool, user.id, &name, phone.as_ref()).await?;
        leptos_axum::redirect("/account?saved=profile");
        Ok(())
    })
    .await
}

#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
) -> Result<(), AppError> {
    use crate::auth::{context, password as pw, session};
    use crate::db::users;
    use crate::domain::{Invalid, Password};

    context::respond(async move {
        let user = context::require_user().await?;
        let new =
            Password::parse(new_password).map_err(|w| AppError::invalid("new_password", w))?;
        if !pw::verify(current_password, Some(user.password_hash.clone())).await? {
            return Err(AppError::invalid(
                "current_password",
                Invalid::WrongCurrentPassword,
            ));
        }
        let hash = pw::hash(new.expose().to_owned()).await?;
        // Every other session of the account ends (a thief logged in elsewhere is out); this
        // one goes on under a fresh id, as after any privilege change.
        let epoch = users::set_password_hash(&context::state()?.pool, user.id, &hash).await?;
        session::log_in(
            &context::session().await?,
            &context::state()?.pool,
            user.id,
            epoch,
            &context::origin(),
        )
        .await?;
        leptos_axum::redirect("/account?saved=password");
        Ok(())
    })
    .await
}

/// The sessions the user is logged in with, and which one is this.
#[server(endpoint = "my_sessions")]
pub async fn my_sessions() -> Result<crate::wire::auth::Sessions, AppError> {
    use crate::auth::{context, session};
    context::respond(async move {
        let user = context::require_user().await?;
        Ok(crate::wire::auth::Sessions {
            sessions: crate::db::user_sessions::list(&context::state()?.pool, user.id).await?,
            this_device: session::device(&context::session().await?).await?,
        })
    })
    .await
}

/// Logs every other session of the account out at once; this one goes on under a new id.
#[server(endpoint = "log_out_other_sessions")]
pub async fn log_out_other_sessions() -> Result<(), AppError> {
    use crate::auth::{context, session};
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let session = context::session().await?;
        session::keep_only_this(&session, pool, user.id, &context::origin()).await?;
        leptos_axum::redirect("/account?saved=sessions");
        Ok(())
    })
    .await
}

/// Mails the account a new link to confirm its address (three an hour).
#[server(endpoint = "resend_verification")]
pub async fn resend_verification() -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        if !user.email_verified {
            let state = context::state()?;
            crate::auth::verify_email::resend(
                &state.pool,
                user.id,
                &state.settings.http.public_url,
            )
            .await?;
        }
        context::redirect_form_post("/account?saved=verification");
        Ok(())
    })
    .await
}

/// Confirms an address through its mailed link (a button on the link's page, so that mail
/// scanners fetching the link confirm nothing).
#[server(endpoint = "verify_email")]
pub async fn verify_email(token: String) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        crate::auth::verify_email::verify(&context::state()?.pool, &token).await?;
        leptos_axum::redirect("/verify-email?done=1");
        Ok(())
    })
    .await
}

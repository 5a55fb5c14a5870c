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
        session::log_in(&context::session().await?, user.id, epoch).await?;
        leptos_axum::redirect("/account?saved=password");
        Ok(())
    })
    .await
}

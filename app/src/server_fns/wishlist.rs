//! Saved items: the heart on a product page, the list under the account. The person comes
//! from the session.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// Saves (`save` = "true") or unsaves a listing, back to the page it was done from.
#[server(endpoint = "set_saved")]
pub async fn set_saved(
    listing_id: Uuid,
    save: bool,
    #[server(default)] back_to: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::wishlist;
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        if save {
            wishlist::add(pool, user.id, listing_id).await?;
        } else {
            wishlist::remove(pool, user.id, listing_id).await?;
        }
        leptos_axum::redirect(crate::server_fns::auth::safe_next(&back_to));
        Ok(())
    })
    .await
}

/// The ids of the listings the person saved (None when logged out): the result cards' hearts.
#[server(endpoint = "my_saved_ids")]
pub async fn my_saved_ids() -> Result<Option<Vec<Uuid>>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        match context::current_user().await? {
            Some(user) => Ok(Some(
                crate::db::wishlist::ids(&context::state()?.pool, user.id).await?,
            )),
            None => Ok(None),
        }
    })
    .await
}

/// The person's saved listings still for sale.
#[server(endpoint = "my_wishlist")]
pub async fn my_wishlist() -> Result<Vec<crate::wire::catalog::ListingCard>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        Ok(crate::db::wishlist::cards(&context::state()?.pool, user.id).await?)
    })
    .await
}

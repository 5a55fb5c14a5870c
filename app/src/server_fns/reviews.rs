//! Acting on reviews: the shop's reply and its list of its reviews, a shopper's "helpful" vote
//! and report, an admin's decision on a reported review. Who may act comes from the session.
//! Writing one takes photos, so it is a plain multipart form (`POST /account/reviews`).

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::reviews::*;

/// Where a form on a public page goes back to: a local path, else the home page.
#[cfg(feature = "ssr")]
fn back(to: &str) -> String {
    crate::server_fns::auth::safe_next(to).to_owned()
}

/// The shop's reviews, hidden ones too (with the admins' reasons), newest first.
#[server(endpoint = "my_shop_reviews")]
pub async fn my_shop_reviews() -> Result<Reviews, AppError> {
    use crate::auth::context;
    use crate::db::reviews::{self, Scope};
    use crate::domain::review::ReviewSort;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Orders).await?;
        let pool = &context::state()?.pool;
        let scope = Scope::Shop(member.vendor_id);
        Ok(Reviews {
            distribution: reviews::distribution(pool, scope).await?,
            sort: ReviewSort::Newest,
            reviews: reviews::list(pool, scope, ReviewSort::Newest, true, 100).await?,
        })
    })
    .await
}

/// The shop answers a review of one of its listings, once, in public.
#[server(endpoint = "reply_to_review")]
pub async fn reply_to_review(id: Uuid, reply: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::text::bounded;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Orders).await?;
        let reply = bounded(&reply, 2, 1000, true).map_err(|w| AppError::invalid("reply", w))?;
        if !crate::db::reviews::reply(&context::state()?.pool, member.vendor_id, id, &reply).await?
        {
            return Err(AppError::invalid("reply", Invalid::AlreadyReplied));
        }
        leptos_axum::redirect("/seller/reviews");
        Ok(())
    })
    .await
}

/// A logged-in shopper finds a review helpful (once; not their own).
#[server(endpoint = "vote_review")]
pub async fn vote_review(id: Uuid, #[server(default)] back_to: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let (author, shown) = crate::db::reviews::author_of(pool, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !shown {
            return Err(AppError::NotFound);
        }
        if author == user.id {
            return Err(AppError::invalid("review", Invalid::OwnReview));
        }
        let mut tx = pool.begin().await?;
        crate::db::reviews::vote(&mut tx, id, user.id).await?;
        tx.commit().await?;
        leptos_axum::redirect(&back(&back_to));
        Ok(())
    })
    .await
}

/// Anyone logged in reports a review (with a reason); it waits in the admins' inbox.
#[server(endpoint = "report_review")]
pub async fn report_review(
    id: Uuid,
    reason: String,
    #[server(default)] back_to: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::text::bounded;
    context::respond(async move {
        let user = context::require_user().await?;
        let reason = bounded(&reason, 3, 300, false).map_err(|w| AppError::invalid("reason", w))?;
        let pool = &context::state()?.pool;
        let (_, shown) = crate::db::reviews::author_of(pool, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if !shown {
            return Err(AppError::NotFound);
        }
        crate::db::reviews::report(pool, id, user.id, &reason).await?;
        leptos_axum::redirect(&back(&back_to));
        Ok(())
    })
    .await
}

/// An admin hides a reported review (`hide`, with the reason) or keeps it (`keep`).
#[server(endpoint = "moderate_review")]
pub async fn moderate_review(
    id: Uuid,
    decision: String,
    #[server(default)] reason: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::text::bounded;
    context::respond(async move {
        let actor = crate::server_fns::moderation::actor().await?;
        let hide_because = match decision.as_str() {
            "hide" => {
                Some(bounded(&reason, 3, 300, false).map_err(|w| AppError::invalid("reason", w))?)
            }
            "keep" => None,
            _ => return Err(AppError::invalid("decision", Invalid::NotFound)),
        };
        crate::reviews::moderate(&context::state()?.pool, &actor, id, hide_because.as_deref())
            .await?;
        leptos_axum::redirect(&crate::server_fns::moderation::back_to(
            &back,
            "/admin/inbox?kind=review",
        ));
        Ok(())
    })
    .await
}

//! The admin's listing moderation queue.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::moderation::*;

#[server(endpoint = "pending_listings")]
pub async fn pending_listings() -> Result<Vec<PendingListing>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        Ok(crate::db::moderation::pending(&context::state()?.pool).await?)
    })
    .await
}

/// `approve`, or `reject` with a reason the seller will read.
#[server(endpoint = "review_listing")]
pub async fn review_listing(
    listing_id: Uuid,
    decision: String,
    #[server(default)] reason: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::text::bounded;
    context::respond(async move {
        let admin = context::require_area(crate::domain::role::Area::Admin).await?;
        let (approve, reason) = match decision.as_str() {
            "approve" => (true, None),
            "reject" => (
                false,
                Some(bounded(&reason, 3, 500, true).map_err(|w| AppError::invalid("reason", w))?),
            ),
            _ => return Err(AppError::invalid("decision", Invalid::NotFound)),
        };
        let mut tx = context::state()?.pool.begin().await?;
        if !crate::db::moderation::decide(&mut tx, listing_id, approve, reason.as_deref(), admin.id)
            .await?
        {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        tracing::info!(listing = %listing_id, %decision, admin = %admin.id, "listing reviewed");
        leptos_axum::redirect("/admin/listings");
        Ok(())
    })
    .await
}

/// Puts an approved listing on (or takes it off) the home page's featured shelf.
#[server(endpoint = "set_featured")]
pub async fn set_featured(listing_id: Uuid, featured: bool) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let pool = &context::state()?.pool;
        let slug: Option<String> = sqlx::query_scalar(
            "update listings set featured = $2 where id = $1 and status = 'approved' returning slug",
        )
        .bind(listing_id)
        .bind(featured)
        .fetch_optional(pool)
        .await?;
        let slug = slug.ok_or(AppError::NotFound)?;
        leptos_axum::redirect(&format!("/p/{slug}"));
        Ok(())
    })
    .await
}

//! The moderation inbox (shop applications, listings, flagged callbacks: claims, decisions,
//! bulk approval) and the listing queue.

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

/// Where a decision returns: the console page it was made on (the inbox, or a queue).
#[cfg(feature = "ssr")]
pub(crate) fn back_to(back: &str, default: &'static str) -> String {
    let back = crate::server_fns::auth::safe_next(back);
    if back.starts_with("/admin") {
        back.to_owned()
    } else {
        default.to_owned()
    }
}

/// The admin as the audit log names them, for decisions made outside `audited_edit`.
#[cfg(feature = "ssr")]
pub(crate) async fn actor() -> Result<crate::db::audit::Actor, AppError> {
    use crate::auth::context;
    let admin = context::require_area(crate::domain::role::Area::Admin).await?;
    Ok(context::actor(&admin))
}

/// `approve`, or `reject` with a reason the seller will read.
#[server(endpoint = "review_listing")]
pub async fn review_listing(
    listing_id: Uuid,
    decision: String,
    #[server(default)] reason: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::text::bounded;
    context::respond(async move {
        let actor = actor().await?;
        let refused = match decision.as_str() {
            "approve" => None,
            "reject" => {
                Some(bounded(&reason, 3, 500, true).map_err(|w| AppError::invalid("reason", w))?)
            }
            _ => return Err(AppError::invalid("decision", Invalid::NotFound)),
        };
        let mut tx = context::state()?.pool.begin().await?;
        crate::moderation::decide_listing(&mut tx, &actor, listing_id, refused.as_deref()).await?;
        tx.commit().await?;
        tracing::info!(listing = %listing_id, %decision, admin = %actor.id, "listing reviewed");
        leptos_axum::redirect(&back_to(&back, "/admin/listings"));
        Ok(())
    })
    .await
}

/// The inbox: counts per kind, and the oldest items of `kind` (`shop`, `listing`,
/// `callback`, `dispute`, `review`; empty: all).
#[server(endpoint = "inbox")]
pub async fn inbox(#[server(default)] kind: String) -> Result<InboxView, AppError> {
    use crate::auth::context;
    use crate::domain::moderation::{InboxKind, ReviewedVersion, age, changes};
    context::respond(async move {
        let admin = context::require_area(crate::domain::role::Area::Admin).await?;
        let kind = match kind.trim() {
            "" => None,
            k => Some(
                InboxKind::parse(k)
                    .ok_or_else(|| AppError::invalid("kind", crate::domain::Invalid::NotFound))?,
            ),
        };
        let pool = &context::state()?.pool;
        let rows = crate::db::inbox::list(pool, kind, admin.id, 100).await?;
        let parse = |json: &Option<String>| -> Option<ReviewedVersion> {
            json.as_deref().and_then(|j| serde_json::from_str(j).ok())
        };
        let disputes: Vec<Uuid> = rows
            .iter()
            .filter(|r| r.kind == InboxKind::Dispute)
            .map(|r| r.id)
            .collect();
        let mut disputes = crate::db::disputes::by_ids(pool, &disputes).await?;
        let reviews: Vec<Uuid> = rows
            .iter()
            .filter(|r| r.kind == InboxKind::Review)
            .map(|r| r.id)
            .collect();
        let mut reviews = crate::db::reviews::by_ids(pool, &reviews).await?;
        let items = rows
            .into_iter()
            .map(|r| {
                let dispute = disputes
                    .iter()
                    .position(|d| d.id == r.id)
                    .map(|i| disputes.swap_remove(i));
                let review = reviews
                    .iter()
                    .position(|v| v.id == r.id)
                    .map(|i| reviews.swap_remove(i));
                let (approved, current) = (parse(&r.approved), parse(&r.current));
                InboxItem {
                    kind: r.kind,
                    id: r.id,
                    title: r.title,
                    party: r.party,
                    waiting_since: r.waiting_since,
                    age: age(r.age_minutes),
                    claimed_by: r.claimed_by,
                    claimed_by_me: r.claimed_by_me,
                    is_edit: approved.is_some(),
                    changes: match (approved, current) {
                        (Some(a), Some(c)) => changes(&a, &c),
                        _ => Vec::new(),
                    },
                    dispute,
                    review,
                }
            })
            .collect();
        Ok(InboxView {
            counts: crate::db::inbox::counts(pool).await?,
            items,
        })
    })
    .await
}

/// How many items of each kind wait (the console navigation's badges).
#[server(endpoint = "inbox_counts")]
pub async fn inbox_counts() -> Result<Vec<(crate::domain::moderation::InboxKind, i64)>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        Ok(crate::db::inbox::counts(&context::state()?.pool).await?)
    })
    .await
}

/// Takes an item to work on it: other admins cannot decide it for 30 minutes.
#[server(endpoint = "claim_item")]
pub async fn claim_item(
    kind: String,
    item_id: Uuid,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::moderation::InboxKind;
    context::respond(async move {
        let actor = actor().await?;
        let kind =
            InboxKind::parse(&kind).ok_or_else(|| AppError::invalid("kind", Invalid::NotFound))?;
        let mut tx = context::state()?.pool.begin().await?;
        if crate::db::inbox::claim(&mut tx, kind, item_id, actor.id)
            .await?
            .is_some()
        {
            return Err(AppError::invalid("decision", Invalid::ClaimedByOther));
        }
        tx.commit().await?;
        leptos_axum::redirect(&back_to(&back, "/admin/inbox"));
        Ok(())
    })
    .await
}

/// Approves the ticked listings at once (those another admin has claimed are left).
#[server(endpoint = "approve_listings")]
pub async fn approve_listings(
    #[server(default)] ids: Vec<Uuid>,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let actor = actor().await?;
        if ids.is_empty() {
            return Err(AppError::invalid("ids", crate::domain::Invalid::Required));
        }
        let mut tx = context::state()?.pool.begin().await?;
        let approved = crate::moderation::approve_listings(&mut tx, &actor, &ids).await?;
        tx.commit().await?;
        tracing::info!(approved, asked = ids.len(), admin = %actor.id, "listings approved in bulk");
        leptos_axum::redirect(&back_to(&back, "/admin/inbox?kind=listing"));
        Ok(())
    })
    .await
}

/// Records what an admin found about a flagged M-Pesa callback (a note is required).
#[server(endpoint = "resolve_callback")]
pub async fn resolve_callback(
    id: Uuid,
    note: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::text::bounded;
    context::respond(async move {
        let actor = actor().await?;
        let note = bounded(&note, 3, 500, true).map_err(|w| AppError::invalid("note", w))?;
        let mut tx = context::state()?.pool.begin().await?;
        crate::moderation::resolve_callback(&mut tx, &actor, id, &note).await?;
        tx.commit().await?;
        leptos_axum::redirect(&back_to(&back, "/admin/inbox?kind=callback"));
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

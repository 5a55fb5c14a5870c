//! Reviews, each step in one transaction: the buyer writes one per delivered item (never the
//! shop's own staff), the shop replies once, others vote or report, an admin hides a reported
//! review with a reason or keeps it; the ratings follow in the same transaction.

use crate::db::audit::{self, Actor};
use crate::db::reviews::{self, NewReview};
use crate::domain::Invalid;
use crate::domain::audit::Action;
use crate::domain::moderation::InboxKind;
use crate::error::AppError;
use sqlx::PgPool;
use uuid::Uuid;

pub use crate::domain::review::MAX_PHOTOS;

/// What the buyer writes.
pub struct Written<'a> {
    pub stars: i16,
    pub body: &'a str,
    /// Content keys of photos already stored.
    pub photos: &'a [String],
}

/// The buyer reviews an item they bought, once its part was delivered; their order's id.
pub async fn write(
    pool: &PgPool,
    buyer: &Actor,
    item: Uuid,
    review: Written<'_>,
) -> Result<Uuid, AppError> {
    let facts = reviews::item_for_buyer(pool, buyer.id, item)
        .await?
        .ok_or(AppError::NotFound)?;
    if facts.staff_of_shop {
        return Err(AppError::invalid("stars", Invalid::OwnShop));
    }
    if !crate::domain::review::reviewable(facts.part_status, facts.delivered) {
        return Err(AppError::invalid("stars", Invalid::NotReviewable));
    }
    let mut tx = pool.begin().await?;
    audit::act_as(&mut tx, Some(buyer)).await?;
    let id = Uuid::new_v4();
    let new = NewReview {
        id,
        item,
        listing: facts.listing_id,
        vendor: facts.vendor_id,
        author: buyer.id,
        stars: review.stars,
        body: review.body,
    };
    if !reviews::insert(&mut tx, &new).await? {
        return Err(AppError::invalid("stars", Invalid::AlreadyReviewed));
    }
    for (position, key) in review.photos.iter().take(MAX_PHOTOS).enumerate() {
        reviews::add_photo(&mut tx, id, position as i16, key).await?;
    }
    reviews::recompute(&mut tx, facts.listing_id, facts.vendor_id).await?;
    tx.commit().await?;
    tracing::info!(review = %id, stars = review.stars, "review written");
    Ok(facts.order_id)
}

/// An admin's decision on a reported review: hide it (with the reason the shop reads), or
/// keep it (the reports so far are dealt with).
pub async fn moderate(
    pool: &PgPool,
    admin: &Actor,
    review: Uuid,
    hide_because: Option<&str>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    audit::act_as(&mut tx, Some(admin)).await?;
    crate::moderation::unclaimed_or_mine(&mut tx, InboxKind::Review, review, admin).await?;
    match hide_because {
        Some(reason) => {
            let (listing, vendor) = reviews::hide(&mut tx, review, admin.id, reason)
                .await?
                .ok_or(AppError::NotFound)?;
            reviews::recompute(&mut tx, listing, vendor).await?;
            audit::record(&mut tx, admin, Action::ReviewHidden, review, reason).await?;
        }
        None => {
            if !reviews::clear_reports(&mut tx, review).await? {
                return Err(AppError::NotFound);
            }
            audit::record(&mut tx, admin, Action::ReviewKept, review, "").await?;
        }
    }
    crate::db::inbox::release(&mut tx, InboxKind::Review, review).await?;
    tx.commit().await?;
    Ok(())
}

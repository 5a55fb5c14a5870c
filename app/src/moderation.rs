//! Admin decisions on what waits in the moderation inbox: shop applications, listings, flagged
//! M-Pesa callbacks. Each decision, in the caller's transaction: refused while another admin's
//! claim holds the item, applied, audited, the party told through the outbox, the claim let go.

use crate::db::audit::{self, Actor};
use crate::db::{inbox, moderation, notifications as outbox, vendors};
use crate::domain::Invalid;
use crate::domain::audit::Action;
use crate::domain::moderation::InboxKind;
use crate::domain::vendor::VerificationStatus;
use crate::error::AppError;
use crate::i18n::mail::Mail;
use sqlx::PgConnection;
use uuid::Uuid;

/// Refuses while another admin's claim on the item holds.
pub(crate) async fn unclaimed_or_mine(
    tx: &mut PgConnection,
    kind: InboxKind,
    item: Uuid,
    actor: &Actor,
) -> Result<(), AppError> {
    match inbox::held_by_other(tx, kind, item, actor.id).await? {
        Some(_) => Err(AppError::invalid("decision", Invalid::ClaimedByOther)),
        None => Ok(()),
    }
}

/// Tells a shop's owners, each in their language.
async fn tell_owners(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    mail: &Mail<'_>,
) -> Result<(), AppError> {
    for owner in outbox::shop_owners(tx, vendor_id).await? {
        crate::notifications::send(tx, &owner, *mail).await?;
    }
    Ok(())
}

/// A decision on a shop: from `from` to `to`, with the reason a refusal needs.
pub async fn decide_shop(
    tx: &mut PgConnection,
    actor: &Actor,
    vendor_id: Uuid,
    (from, to): (VerificationStatus, VerificationStatus),
    reason: Option<&str>,
) -> Result<(), AppError> {
    use VerificationStatus::*;
    unclaimed_or_mine(tx, InboxKind::Shop, vendor_id, actor).await?;
    if !vendors::review(tx, vendor_id, from, to, reason, actor.id).await? {
        return Err(AppError::NotFound);
    }
    let shop = vendors::shop(&mut *tx, vendor_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let action = match (from, to) {
        (Pending, Verified) => Action::ShopVerified,
        (Pending, Rejected) => Action::ShopRejected,
        (_, Suspended) => Action::ShopSuspended,
        _ => Action::ShopReinstated,
    };
    let summary = match reason {
        Some(reason) => format!("{}: {reason}", shop.business_name),
        None => shop.business_name.clone(),
    };
    audit::record(tx, actor, action, vendor_id, &summary).await?;
    if from == Pending {
        let mail = Mail::ShopReviewed {
            shop: &shop.business_name,
            refused: reason,
        };
        tell_owners(tx, vendor_id, &mail).await?;
    }
    inbox::release(tx, InboxKind::Shop, vendor_id).await?;
    Ok(())
}

/// Suspends the verified shops a suspended person owns: their listings leave the catalogue
/// (as for any suspended shop), and every open part of their orders gets a note on its
/// timeline, where the shopper and the admins see it. How many parts were flagged.
pub async fn suspend_owned_shops(
    tx: &mut PgConnection,
    actor: &Actor,
    owner: Uuid,
    reason: &str,
) -> Result<u64, AppError> {
    use VerificationStatus::{Suspended, Verified};
    let mut flagged = 0;
    for shop in crate::db::people::verified_shops_owned(tx, owner).await? {
        let why = format!("owner suspended: {reason}");
        decide_shop(tx, actor, shop, (Verified, Suspended), Some(&why)).await?;
        flagged += crate::db::orders::flag_open_parts(
            tx,
            shop,
            "The platform suspended this shop; an admin will follow up on this order.",
        )
        .await?;
    }
    Ok(flagged)
}

/// Approves a pending listing, or refuses it with a reason.
pub async fn decide_listing(
    tx: &mut PgConnection,
    actor: &Actor,
    listing_id: Uuid,
    refused: Option<&str>,
) -> Result<(), AppError> {
    unclaimed_or_mine(tx, InboxKind::Listing, listing_id, actor).await?;
    if !moderation::decide(tx, listing_id, refused.is_none(), refused, actor.id).await? {
        return Err(AppError::NotFound);
    }
    let (title, vendor_id) = moderation::listing_facts(&mut *tx, listing_id)
        .await?
        .ok_or(AppError::NotFound)?;
    let (action, summary) = match refused {
        None => (Action::ListingApproved, title.clone()),
        Some(reason) => (Action::ListingRejected, format!("{title}: {reason}")),
    };
    audit::record(tx, actor, action, listing_id, &summary).await?;
    let mail = Mail::ListingReviewed {
        title: &title,
        refused,
    };
    tell_owners(tx, vendor_id, &mail).await?;
    inbox::release(tx, InboxKind::Listing, listing_id).await?;
    Ok(())
}

/// Approves each listing that is still pending and not claimed by another admin; the number
/// approved. Each is audited and announced as if approved alone.
pub async fn approve_listings(
    tx: &mut PgConnection,
    actor: &Actor,
    ids: &[Uuid],
) -> Result<usize, AppError> {
    let mut approved = 0;
    for &id in ids {
        match decide_listing(tx, actor, id, None).await {
            Ok(()) => approved += 1,
            // Claimed by another admin (refused before anything is written), or decided
            // meanwhile: left as it is.
            Err(AppError::NotFound) => {}
            Err(AppError::Invalid {
                why: Invalid::ClaimedByOther,
                ..
            }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(approved)
}

/// Records what an admin found about a flagged callback, which leaves the inbox.
pub async fn resolve_callback(
    tx: &mut PgConnection,
    actor: &Actor,
    id: Uuid,
    note: &str,
) -> Result<(), AppError> {
    unclaimed_or_mine(tx, InboxKind::Callback, id, actor).await?;
    if !inbox::resolve_callback(tx, id, actor.id, note).await? {
        return Err(AppError::NotFound);
    }
    audit::record(tx, actor, Action::CallbackResolved, id, note).await?;
    inbox::release(tx, InboxKind::Callback, id).await?;
    Ok(())
}

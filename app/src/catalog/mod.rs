//! Catalog rules that need the database: creating and editing listings for a shop. Shared by
//! the dashboard's server functions and the CSV import, so both enforce the same limits.

pub mod csv;

use crate::db::listings;
use crate::db::vendors::Membership;
use crate::db::{Constraint, RefusedAs};
use crate::domain::Invalid;
use crate::domain::listing::{ListingDraft, ListingInput, VariantDraft, VariantInput};
use crate::domain::slug::Slug;
use crate::error::AppError;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

/// A listing's public address: its title as a slug plus eight characters of its id, so two
/// listings with one title never collide and no retry loop is needed.
pub fn listing_slug(title: &str, id: Uuid) -> String {
    let id = id.simple().to_string();
    Slug::from_title(title)
        .with_suffix(&id[..8])
        .as_str()
        .to_owned()
}

fn require_publisher(member: &Membership) -> Result<(), AppError> {
    if member.status().may_publish() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

async fn check_category(tx: &mut PgConnection, id: Uuid) -> Result<(), AppError> {
    let exists: bool = sqlx::query_scalar("select exists (select 1 from categories where id = $1)")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    if exists {
        Ok(())
    } else {
        Err(AppError::invalid("category_id", Invalid::NotFound))
    }
}

/// A refused write naming a SKU another variant of the shop uses.
pub const SKU_TAKEN: (Constraint, &str, Invalid) = (
    Constraint::Named(listings::SKU_UNIQUE),
    "sku",
    Invalid::SkuTaken,
);

/// Inserts a validated listing and its first variant inside `tx`, within the tier's limit.
pub async fn insert_listing(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    draft: &ListingDraft,
    variant: &VariantDraft,
) -> Result<Uuid, AppError> {
    check_category(tx, draft.category_id).await?;
    let (room, limit) = listings::room_left(tx, vendor_id).await?;
    if room <= 0 {
        return Err(AppError::invalid(
            "title",
            Invalid::LimitReached { max: limit },
        ));
    }
    let id = Uuid::new_v4();
    listings::insert(tx, vendor_id, id, &listing_slug(&draft.title, id), draft).await?;
    listings::save_variant(&mut *tx, vendor_id, id, None, variant)
        .await
        .refused_as(&[SKU_TAKEN])?;
    Ok(id)
}

pub async fn create_listing(
    pool: &PgPool,
    member: &Membership,
    input: &ListingInput,
    variant: &VariantInput,
) -> Result<Uuid, AppError> {
    require_publisher(member)?;
    let draft = input.validate()?;
    let variant = variant.validate(draft.price.currency)?;
    let mut tx = pool.begin().await?;
    let id = insert_listing(&mut tx, member.vendor_id, &draft, &variant).await?;
    tx.commit().await?;
    Ok(id)
}

/// Saves a listing's fields inside `tx`; a material change sends it back to moderation.
pub async fn apply_update(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    id: Uuid,
    draft: &ListingDraft,
) -> Result<(), AppError> {
    let stored = listings::get(&mut *tx, vendor_id, id)
        .await?
        .ok_or(AppError::NotFound)?;
    check_category(tx, draft.category_id).await?;
    let status = stored
        .status()
        .after_edit(stored.draft().is_material_change(draft));
    if !listings::update(tx, vendor_id, id, draft, status).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

pub async fn update_listing(
    pool: &PgPool,
    member: &Membership,
    id: Uuid,
    input: &ListingInput,
) -> Result<(), AppError> {
    require_publisher(member)?;
    let draft = input.validate()?;
    let mut tx = pool.begin().await?;
    apply_update(&mut tx, member.vendor_id, id, &draft).await?;
    tx.commit().await?;
    Ok(())
}

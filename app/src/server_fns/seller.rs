//! The seller dashboard's catalog work: listings, variants, photos and stock. Each function
//! finds the shop through the session (`require_shop`), and every query filters by that shop.

// Form server functions take one argument per form field (that is what a plain HTML form
// posts), so the long forms have long argument lists.
#![allow(
    clippy::too_many_arguments,
    reason = "a form server function takes one argument per form field"
)]

#[cfg(feature = "ssr")]
use crate::domain::listing::ListingInput;
use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use rust_decimal::Decimal;
use uuid::Uuid;

pub use crate::wire::seller::*;

#[server(endpoint = "seller_dashboard")]
pub async fn seller_dashboard() -> Result<Dashboard, AppError> {
    use crate::auth::context;
    use crate::db::listings;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Catalog).await?;
        let pool = &context::state()?.pool;
        Ok(Dashboard {
            tier: crate::db::vendors::tier_of(pool, member.vendor_id).await?,
            listings: listings::for_vendor(pool, member.vendor_id).await?,
            low_stock: listings::low_stock(pool, member.vendor_id).await?,
        })
    })
    .await
}

#[server(endpoint = "listing_for_edit")]
pub async fn listing_for_edit(id: Uuid) -> Result<ListingEdit, AppError> {
    use crate::auth::context;
    use crate::db::listings;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Catalog).await?;
        let pool = &context::state()?.pool;
        // Another shop's id reads exactly like a missing one.
        let l = listings::get(pool, member.vendor_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let text = |d: Option<Decimal>| d.map(|d| d.to_string()).unwrap_or_default();
        Ok(ListingEdit {
            id: l.id,
            slug: l.slug.clone(),
            status: l.status.clone(),
            rejection_reason: l.rejection_reason.clone(),
            input: ListingInput {
                title: l.title.clone(),
                description: l.description.clone(),
                category_id: l.category_id.to_string(),
                tags: l.tags.join(", "),
                price: l.price.to_string(),
                compare_at_price: text(l.compare_at_price),
                currency: l.currency.clone(),
                weight_grams: l.weight_grams.map(|w| w.to_string()).unwrap_or_default(),
                length_cm: text(l.length_cm),
                width_cm: text(l.width_cm),
                height_cm: text(l.height_cm),
                county: l.county.clone(),
                town: l.town.clone(),
                low_stock_threshold: l.low_stock_threshold.to_string(),
            },
            variants: listings::variants(pool, l.id).await?,
            photos: listings::photos(pool, l.id).await?,
        })
    })
    .await
}

/// Creates a listing (with its first variant) when `id` is empty, or saves the listing `id`.
/// New listings and material edits wait for moderation.
#[server(endpoint = "save_listing")]
pub async fn save_listing(
    #[server(default)] id: String,
    title: String,
    #[server(default)] description: String,
    category_id: String,
    #[server(default)] tags: String,
    price: String,
    #[server(default)] compare_at_price: String,
    #[server(default)] currency: String,
    #[server(default)] weight_grams: String,
    #[server(default)] length_cm: String,
    #[server(default)] width_cm: String,
    #[server(default)] height_cm: String,
    county: String,
    town: String,
    #[server(default)] low_stock_threshold: String,
    #[server(default)] sku: String,
    #[server(default)] options: String,
    #[server(default)] stock: String,
) -> Result<(), AppError> {
    use crate::domain::listing::VariantInput;
    let input = ListingInput {
        title,
        description,
        category_id,
        tags,
        price,
        compare_at_price,
        currency,
        weight_grams,
        length_cm,
        width_cm,
        height_cm,
        county,
        town,
        low_stock_threshold,
    };
    let variant = VariantInput {
        sku,
        options,
        price: String::new(),
        stock,
    };
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Catalog).await?;
        let pool = &context::state()?.pool;
        let id = if id.trim().is_empty() {
            crate::catalog::create_listing(pool, &member, &input, &variant).await?
        } else {
            let id = Uuid::parse_str(id.trim()).map_err(|_| AppError::NotFound)?;
            crate::catalog::update_listing(pool, &member, id, &input).await?;
            // A lower price (or stock back) reaches those who saved it now, not at the next
            // jobs round; a failure here is the jobs' to retry.
            if let Err(e) = crate::wishlist::alert(pool, Some(id)).await {
                tracing::warn!(listing = %id, error = %e, "saved-item alerts failed");
            }
            id
        };
        leptos_axum::redirect(&format!("/seller/listings/{id}?saved=1"));
        Ok(())
    })
    .await
}

/// `archive`, `restore` or `duplicate` a listing of the session's shop.
#[server(endpoint = "listing_action")]
pub async fn listing_action(id: Uuid, action: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::listings;
    use crate::domain::Invalid;
    use crate::domain::listing::ListingStatus;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Catalog).await?;
        let pool = &context::state()?.pool;
        let target = match action.as_str() {
            "archive" => {
                let from = ["draft", "pending", "approved", "rejected", "suspended"];
                if !listings::set_status(pool, member.vendor_id, id, &from, ListingStatus::Archived)
                    .await?
                {
                    return Err(AppError::NotFound);
                }
                format!("/seller/listings/{id}")
            }
            "restore" | "duplicate" => {
                if !member.status().may_publish() {
                    return Err(AppError::Forbidden);
                }
                let mut tx = pool.begin().await?;
                let (room, limit) = listings::room_left(&mut tx, member.vendor_id).await?;
                if room <= 0 {
                    return Err(AppError::invalid(
                        "action",
                        Invalid::LimitReached { max: limit },
                    ));
                }
                let target = if action == "restore" {
                    if !listings::set_status(
                        &mut *tx,
                        member.vendor_id,
                        id,
                        &["archived"],
                        ListingStatus::Pending,
                    )
                    .await?
                    {
                        return Err(AppError::NotFound);
                    }
                    id
                } else {
                    let new_id = Uuid::new_v4();
                    let stored = listings::get(&mut *tx, member.vendor_id, id)
                        .await?
                        .ok_or(AppError::NotFound)?;
                    let slug = crate::catalog::listing_slug(&stored.title, new_id);
                    if !listings::duplicate(&mut tx, member.vendor_id, id, new_id, &slug).await? {
                        return Err(AppError::NotFound);
                    }
                    new_id
                };
                tx.commit().await?;
                format!("/seller/listings/{target}")
            }
            _ => return Err(AppError::invalid("action", Invalid::NotFound)),
        };
        leptos_axum::redirect(&target);
        Ok(())
    })
    .await
}

/// Adds a variant (empty `variant_id`) or saves one, on a listing of the session's shop.
#[server(endpoint = "save_variant")]
pub async fn save_variant(
    listing_id: Uuid,
    #[server(default)] variant_id: String,
    sku: String,
    #[server(default)] options: String,
    #[server(default)] price: String,
    #[server(default)] stock: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::{RefusedAs, listings};
    use crate::domain::listing::{MAX_VARIANTS, VariantInput};
    use crate::domain::vendor::ShopTask;
    use crate::domain::{Currency, Invalid};
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Catalog).await?;
        let pool = &context::state()?.pool;
        let listing = listings::get(pool, member.vendor_id, listing_id)
            .await?
            .ok_or(AppError::NotFound)?;
        let currency = Currency::parse(&listing.currency).unwrap_or_default();
        let draft = VariantInput {
            sku,
            options,
            price,
            stock,
        }
        .validate(currency)?;
        let variant_id = match variant_id.trim() {
            "" => {
                if listings::variants(pool, listing_id).await?.len() >= MAX_VARIANTS {
                    return Err(AppError::invalid(
                        "sku",
                        Invalid::TooMany { max: MAX_VARIANTS },
                    ));
                }
                None
            }
            v => Some(Uuid::parse_str(v).map_err(|_| AppError::NotFound)?),
        };
        let saved = listings::save_variant(pool, member.vendor_id, listing_id, variant_id, &draft)
            .await
            .refused_as(&[crate::catalog::SKU_TAKEN])?;
        if !saved {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect(&format!("/seller/listings/{listing_id}"));
        Ok(())
    })
    .await
}

#[server(endpoint = "delete_variant")]
pub async fn delete_variant(listing_id: Uuid, variant_id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Catalog).await?;
        let pool = &context::state()?.pool;
        if !crate::db::listings::delete_variant(pool, member.vendor_id, listing_id, variant_id)
            .await?
        {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect(&format!("/seller/listings/{listing_id}"));
        Ok(())
    })
    .await
}

#[server(endpoint = "remove_photo")]
pub async fn remove_photo(listing_id: Uuid, key: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Catalog).await?;
        let pool = &context::state()?.pool;
        if !crate::db::listings::remove_photo(pool, member.vendor_id, listing_id, &key).await? {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect(&format!("/seller/listings/{listing_id}"));
        Ok(())
    })
    .await
}

/// The report of the session's last CSV import (shown once, then forgotten).
#[server(endpoint = "last_import_report")]
pub async fn last_import_report() -> Result<Option<crate::domain::csv_row::ImportReport>, AppError>
{
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        context::require_shop(ShopTask::Catalog).await?;
        let session = context::session().await?;
        Ok(session
            .remove(crate::catalog::csv::REPORT_SESSION_KEY)
            .await?)
    })
    .await
}

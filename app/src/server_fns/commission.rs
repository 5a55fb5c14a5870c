//! Commission rules, edited by admins: a rate for a shop, a category (and its subcategories),
//! or a shop within a category. The most specific rule wins over the shop's tier rate, and the
//! rate is frozen on each order item at purchase.

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use rust_decimal::Decimal;
use uuid::Uuid;

pub use crate::wire::commission::*;

#[server(endpoint = "commission_rules")]
pub async fn commission_rules() -> Result<Vec<RuleRow>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        Ok(crate::db::commission::list(&context::state()?.pool).await?)
    })
    .await
}

/// Adds (or replaces) the rule for a shop (by its address) and/or a category.
#[server(endpoint = "add_commission_rule")]
pub async fn add_commission_rule(
    #[server(default)] shop: String,
    #[server(default)] category_id: String,
    commission_percent: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::{Constraint, RefusedAs};
    use crate::domain::Invalid;
    use crate::domain::text::number;
    context::respond(async move {
        let admin = context::require_area(crate::domain::role::Area::Admin).await?;
        let pool = &context::state()?.pool;
        let percent: Decimal = number(&commission_percent, Decimal::ZERO..=Decimal::from(99))
            .map_err(|w| AppError::invalid("commission_percent", w))?;
        let vendor = match shop.trim() {
            "" => None,
            slug => Some(
                crate::db::commission::shop_by_slug(pool, slug)
                    .await?
                    .ok_or_else(|| AppError::invalid("shop", Invalid::NotFound))?,
            ),
        };
        let category = match category_id.trim() {
            "" => None,
            id => Some(
                Uuid::parse_str(id)
                    .map_err(|_| AppError::invalid("category_id", Invalid::NotFound))?,
            ),
        };
        if vendor.is_none() && category.is_none() {
            return Err(AppError::invalid("shop", Invalid::Required));
        }
        let rate = (percent / Decimal::from(100)).round_dp(4);
        crate::db::commission::upsert(pool, vendor, category, rate)
            .await
            .refused_as(&[(Constraint::Any, "category_id", Invalid::NotFound)])?;
        tracing::info!(admin = %admin.id, ?vendor, ?category, %rate, "commission rule set");
        leptos_axum::redirect("/admin/shops");
        Ok(())
    })
    .await
}

#[server(endpoint = "remove_commission_rule")]
pub async fn remove_commission_rule(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let admin = context::require_area(crate::domain::role::Area::Admin).await?;
        if !crate::db::commission::remove(&context::state()?.pool, id).await? {
            return Err(AppError::NotFound);
        }
        tracing::info!(admin = %admin.id, rule = %id, "commission rule removed");
        leptos_axum::redirect("/admin/shops");
        Ok(())
    })
    .await
}

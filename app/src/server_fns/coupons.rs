//! A shop's promotions and terms, managed by its owner: coupons (that shop's lines only),
//! delivery options (pickup, a flat fee, per-county fees) and whether it takes cash on
//! delivery.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::coupons::*;

#[server(endpoint = "shop_terms")]
pub async fn shop_terms() -> Result<TermsView, AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Manage).await?;
        let pool = &context::state()?.pool;
        let terms =
            crate::db::vendors::delivery_terms(&mut *pool.acquire().await?, &[member.vendor_id])
                .await?
                .pop()
                .map(|o| o.terms)
                .unwrap_or_default();
        Ok(TermsView {
            coupons: crate::db::coupons::list(pool, member.vendor_id).await?,
            terms,
        })
    })
    .await
}

#[server(endpoint = "create_coupon")]
pub async fn create_coupon(
    code: String,
    kind: String,
    value: String,
    #[server(default)] min_subtotal: String,
    #[server(default)] max_uses: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::pricing::{CouponDraft, Discount};
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Manage).await?;
        let d = CouponDraft::parse(&code, &kind, &value, &min_subtotal, &max_uses)
            .map_err(|(field, why)| AppError::invalid(field, why))?;
        let (percent_off, amount_off) = match d.discount {
            Discount::Percent(p) => (Some(p), None),
            Discount::Amount(a) => (None, Some(a)),
        };
        let input = CouponInput {
            code: d.code,
            percent_off,
            amount_off,
            min_subtotal: d.min_subtotal,
            max_uses: d.max_uses,
        };
        let mut tx = context::state()?.pool.begin().await?;
        if !crate::db::coupons::create(&mut *tx, member.vendor_id, &input).await? {
            return Err(AppError::invalid("code", Invalid::CouponCodeTaken));
        }
        let off = match (input.percent_off, input.amount_off) {
            (Some(p), _) => format!("{p}%"),
            (_, Some(a)) => a.to_string(),
            _ => String::new(),
        };
        let summary = format!("{} {off} off, from {}", input.code, input.min_subtotal);
        let actor = context::actor(&user);
        let action = crate::domain::audit::Action::CouponCreated;
        crate::db::audit::record(&mut tx, &actor, action, member.vendor_id, &summary).await?;
        tx.commit().await?;
        leptos_axum::redirect("/seller/promotions");
        Ok(())
    })
    .await
}

#[server(endpoint = "toggle_coupon")]
pub async fn toggle_coupon(id: Uuid, active: bool) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Manage).await?;
        let mut tx = context::state()?.pool.begin().await?;
        if !crate::db::coupons::set_active(&mut *tx, member.vendor_id, id, active).await? {
            return Err(AppError::NotFound);
        }
        let summary = if active { "on" } else { "off" };
        let actor = context::actor(&user);
        let action = crate::domain::audit::Action::CouponSwitched;
        crate::db::audit::record(&mut tx, &actor, action, id, summary).await?;
        tx.commit().await?;
        leptos_axum::redirect("/seller/promotions");
        Ok(())
    })
    .await
}

#[server(endpoint = "save_delivery")]
pub async fn save_delivery(
    #[server(default)] offers_pickup: Option<String>,
    #[server(default)] accepts_cod: Option<String>,
    #[server(default)] delivery_fee: String,
    #[server(default)] zones: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Currency;
    use crate::domain::money::Money;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Manage).await?;
        let fee = if delivery_fee.trim().is_empty() {
            None
        } else {
            Some(
                Money::parse(&delivery_fee, Currency::KES)
                    .map_err(|w| AppError::invalid("delivery_fee", w))?
                    .amount,
            )
        };
        let zones = crate::domain::pricing::parse_zones(&zones)
            .map_err(|w| AppError::invalid("zones", w))?;
        let terms = crate::domain::pricing::DeliveryTerms {
            pickup: offers_pickup.is_some(),
            cash_on_delivery: accepts_cod.is_some(),
            flat_fee: fee,
            zones,
        };
        let mut tx = context::state()?.pool.begin().await?;
        crate::db::vendors::save_delivery_terms(&mut tx, member.vendor_id, &terms).await?;
        let summary = format!(
            "pickup {}, cash on delivery {}, fee {}, {} zones",
            terms.pickup,
            terms.cash_on_delivery,
            terms
                .flat_fee
                .map(|f| f.to_string())
                .unwrap_or_else(|| "none".into()),
            terms.zones.len()
        );
        let actor = context::actor(&user);
        let action = crate::domain::audit::Action::DeliveryTermsSaved;
        crate::db::audit::record(&mut tx, &actor, action, member.vendor_id, &summary).await?;
        tx.commit().await?;
        leptos_axum::redirect("/seller/promotions");
        Ok(())
    })
    .await
}

//! A shop's side of orders: its parts, its money, the fulfilment steps and single-item
//! refunds. The shop comes from the session's membership, never from the request.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::orders::*;

#[server(endpoint = "shop_orders")]
pub async fn shop_orders() -> Result<Vec<ShopOrderRow>, AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Orders).await?;
        let pool = &context::state()?.pool;
        let mut rows = crate::db::orders::for_shop(pool, member.vendor_id).await?;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        for d in crate::db::disputes::for_parts(pool, &ids).await? {
            if let Some(row) = rows.iter_mut().find(|r| r.id == d.vendor_order_id) {
                row.dispute = Some(d);
            }
        }
        Ok(rows)
    })
    .await
}

/// The shop's reliability record (last 90 days) and grade, for those who handle its orders.
#[server(endpoint = "shop_reliability")]
pub async fn shop_reliability() -> Result<crate::domain::reliability::Reliability, AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Orders).await?;
        let state = context::state()?;
        let accept_hours = crate::db::platform::get(&state.pool, &state.settings)
            .await?
            .accept_hours;
        Ok(crate::db::reliability::for_shop(&state.pool, member.vendor_id, accept_hours).await?)
    })
    .await
}

#[server(endpoint = "shop_money")]
pub async fn shop_money() -> Result<MoneyView, AppError> {
    use crate::auth::context;
    use crate::db::ledger;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Finances).await?;
        let state = context::state()?;
        let (pool, shop, currency) = (&state.pool, member.vendor_id, "KES");
        let b = ledger::shop_balances(pool, shop, currency).await?;
        Ok(MoneyView {
            currency: currency.into(),
            pending: b.pending,
            available: b.available,
            owed: b.owed,
            statement: ledger::statement(
                pool,
                shop,
                crate::db::platform::get(pool, &state.settings)
                    .await?
                    .holding_days,
            )
            .await?,
            payouts: crate::db::payouts::recent(pool, Some(shop)).await?,
            holds: crate::db::payouts::holds(pool, shop).await?,
        })
    })
    .await
}

/// The shop acts on its part of an order: `accept`, `reject` (with a reason), `ship` (with a
/// carrier/tracking note), `deliver`, and on a return `refund` or `decline_return` (with a
/// reason).
#[server(endpoint = "fulfil")]
pub async fn fulfil(
    id: Uuid,
    action: String,
    #[server(default)] note: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::order::VendorOrderEvent;
    use crate::domain::text::bounded;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Orders).await?;
        let pool = &context::state()?.pool;
        let state = crate::db::orders::state_for_shop(pool, member.vendor_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (event, needs_note) = match action.as_str() {
            "accept" => (VendorOrderEvent::Accept, false),
            "reject" => (VendorOrderEvent::Reject, true),
            "ship" => (VendorOrderEvent::Ship, false),
            "deliver" => (VendorOrderEvent::Deliver, false),
            // A return the shopper asked for is accepted: the money goes back.
            "refund" => (VendorOrderEvent::Refund, false),
            // Or declined, with the reason the shopper reads (they may dispute it).
            "decline_return" => (VendorOrderEvent::DeclineReturn, true),
            _ => return Err(AppError::invalid("action", Invalid::NotFound)),
        };
        let note = bounded(&note, usize::from(needs_note) * 3, 300, false)
            .map_err(|w| AppError::invalid("note", w))?;
        crate::fulfilment::step(
            pool,
            Some(&context::actor(&user)),
            id,
            state.status,
            event,
            (!note.is_empty()).then_some(note.as_str()),
        )
        .await?;
        leptos_axum::redirect("/seller/orders");
        Ok(())
    })
    .await
}

/// The shop refunds one item of its part (before or after delivery).
#[server(endpoint = "refund_item")]
pub async fn refund_item(id: Uuid, item_id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Orders).await?;
        let pool = &context::state()?.pool;
        // Another shop's part reads exactly like a missing one; whether the part still allows
        // an item refund is checked inside the refund's transaction.
        crate::db::orders::state_for_shop(pool, member.vendor_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        crate::fulfilment::refund_item(pool, Some(&context::actor(&user)), id, item_id, None)
            .await?;
        leptos_axum::redirect("/seller/orders");
        Ok(())
    })
    .await
}

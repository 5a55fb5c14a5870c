//! Checkout and the shopper's orders. The user and the cart come from the session; an order
//! is read only through a query that carries the session user's id.

use crate::error::AppError;
use leptos::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderSummary {
    pub id: Uuid,
    pub status: String,
    pub payment_method: String,
    pub currency: String,
    pub subtotal: Decimal,
    pub total: Decimal,
    pub vat_included: Decimal,
    pub county: String,
    pub town: String,
    pub street: String,
    pub phone: String,
    pub placed: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderItemView {
    pub title: String,
    pub sku: String,
    pub options: String,
    pub quantity: i32,
    pub unit_price: Decimal,
    pub line_total: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct OrderEvent {
    pub status: String,
    pub note: Option<String>,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VendorOrderView {
    pub id: Uuid,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub status: String,
    pub subtotal: Decimal,
    pub items: Vec<OrderItemView>,
    pub events: Vec<OrderEvent>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OrderPage {
    pub order: OrderSummary,
    pub parts: Vec<VendorOrderView>,
}

/// What the checkout page needs: the cart as it is now, the VAT inside it, a fresh key for
/// this checkout, and the shopper's phone to prefill.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckoutData {
    pub cart: crate::server_fns::cart::CartView,
    pub vat_included: Decimal,
    pub vat_percent: String,
    pub key: Uuid,
    pub phone: String,
}

#[server(endpoint = "checkout_form")]
pub async fn checkout_form() -> Result<CheckoutData, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        let state = context::state()?;
        let cart = match crate::server_fns::cart::current_cart(false).await? {
            Some(id) => {
                crate::server_fns::cart::view_of(crate::db::carts::lines(&state.pool, id).await?)
            }
            None => Default::default(),
        };
        let rate = state.settings.checkout.vat_rate;
        let total = cart.totals.first().map(|t| t.1).unwrap_or_default();
        Ok(CheckoutData {
            vat_included: crate::domain::order::vat_included(total, rate),
            vat_percent: (rate * Decimal::from(100)).normalize().to_string(),
            cart,
            key: Uuid::new_v4(),
            phone: user.phone.unwrap_or_default(),
        })
    })
    .await
}

/// Places the order (cash on delivery; M-Pesa comes with the Daraja adapter) and opens it.
#[server(endpoint = "place_order")]
pub async fn place_order(
    checkout_key: Uuid,
    county: String,
    town: String,
    street: String,
    phone: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::text::bounded;
    context::respond(async move {
        let user = context::require_user().await?;
        let address = crate::checkout::Address {
            county: bounded(&county, 2, 40, false).map_err(|w| AppError::invalid("county", w))?,
            town: bounded(&town, 2, 60, false).map_err(|w| AppError::invalid("town", w))?,
            street: bounded(&street, 2, 200, false).map_err(|w| AppError::invalid("street", w))?,
            phone: crate::domain::Phone::parse(&phone)
                .map_err(|w| AppError::invalid("phone", w))?,
        };
        let cart = crate::server_fns::cart::current_cart(true)
            .await?
            .ok_or(AppError::Internal)?;
        let state = context::state()?;
        let id = crate::checkout::place_cod_order(
            &state.pool,
            user.id,
            cart,
            checkout_key,
            &address,
            state.settings.checkout.vat_rate,
        )
        .await?;
        leptos_axum::redirect(&format!("/account/orders/{id}"));
        Ok(())
    })
    .await
}

#[server(endpoint = "my_orders")]
pub async fn my_orders() -> Result<Vec<OrderSummary>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        Ok(crate::db::orders::list(&context::state()?.pool, user.id).await?)
    })
    .await
}

#[server(endpoint = "order_details")]
pub async fn order_details(id: Uuid) -> Result<OrderPage, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let order = crate::db::orders::summary(pool, user.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut conn = pool.acquire().await?;
        let parts = crate::db::orders::parts(&mut conn, order.id).await?;
        Ok(OrderPage { order, parts })
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ShopOrderRow {
    pub id: Uuid,
    pub status: String,
    pub subtotal: Decimal,
    pub vendor_net: Decimal,
    pub currency: String,
    pub payment_method: String,
    pub buyer: String,
    pub phone: String,
    pub street: String,
    pub town: String,
    pub county: String,
    pub placed: String,
    pub items: Option<String>,
}

#[server(endpoint = "shop_orders")]
pub async fn shop_orders() -> Result<Vec<ShopOrderRow>, AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Orders).await?;
        Ok(crate::db::orders::for_shop(&context::state()?.pool, member.vendor_id).await?)
    })
    .await
}

/// Runs `event` on a vendor order through the state machine, then a status-guarded update.
#[cfg(feature = "ssr")]
async fn apply_event(
    id: Uuid,
    state: crate::db::orders::VendorOrderState,
    event: crate::domain::order::VendorOrderEvent,
    note: Option<String>,
) -> Result<(), AppError> {
    use crate::domain::Invalid;
    use crate::domain::order::{VendorOrderEvent, VendorOrderStatus};
    let from = VendorOrderStatus::parse(&state.status).ok_or(AppError::Internal)?;
    let to = from
        .transition(event)
        .map_err(|_| AppError::invalid("action", Invalid::NotFound))?;
    let mut tx = crate::auth::context::state()?.pool.begin().await?;
    if !crate::db::orders::move_status(&mut tx, id, from.as_str(), to.as_str(), note.as_deref())
        .await?
    {
        // Someone else changed it first; nothing is written.
        return Err(AppError::invalid("action", Invalid::NotFound));
    }
    if matches!(event, VendorOrderEvent::Reject | VendorOrderEvent::Cancel) {
        crate::db::orders::release_stock(&mut tx, id).await?;
    }
    if event == VendorOrderEvent::Deliver {
        settle_cash_on_delivery(&mut tx, id).await?;
    }
    tx.commit().await?;
    tracing::info!(vendor_order = %id, ?event, "vendor order moved");
    Ok(())
}

/// A cash-on-delivery part handed over and paid in cash: the shop kept the whole price, so the
/// ledger records the commission it now owes the platform.
#[cfg(feature = "ssr")]
async fn settle_cash_on_delivery(
    tx: &mut sqlx::PgConnection,
    vendor_order_id: Uuid,
) -> Result<(), AppError> {
    let row: Option<(Uuid, Decimal, String)> = sqlx::query_as(
        "select vo.vendor_id, vo.commission, o.currency from vendor_orders vo join orders o on o.id = vo.order_id
         where vo.id = $1 and o.payment_method = 'cod'",
    )
    .bind(vendor_order_id)
    .fetch_optional(&mut *tx)
    .await?;
    if let Some((vendor_id, commission, currency)) = row {
        let posting = crate::domain::ledger::cod_settlement(commission, &currency);
        crate::db::ledger::post(
            tx,
            "cod_settlement",
            vendor_order_id,
            "commission on a cash-on-delivery sale",
            vendor_id,
            &posting,
        )
        .await?;
    }
    Ok(())
}

/// What the shop owes the platform and is owed by it, from the ledger.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ShopBalance {
    pub kind: String,
    pub currency: String,
    pub amount: Decimal,
}

#[server(endpoint = "shop_balances")]
pub async fn shop_balances() -> Result<Vec<ShopBalance>, AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Finances).await?;
        let rows =
            crate::db::ledger::vendor_balances(&context::state()?.pool, member.vendor_id).await?;
        Ok(rows
            .into_iter()
            .map(|(kind, currency, amount)| ShopBalance {
                kind,
                currency,
                amount,
            })
            .collect())
    })
    .await
}

/// The shop acts on its part of an order: `accept`, `reject` (with a reason), `ship` (with a
/// carrier/tracking note) or `deliver`.
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
        let (_, member) = context::require_shop(ShopTask::Orders).await?;
        let pool = &context::state()?.pool;
        let state = crate::db::orders::state_for_shop(pool, member.vendor_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let (event, needs_note) = match action.as_str() {
            "accept" => (VendorOrderEvent::Accept, false),
            "reject" => (VendorOrderEvent::Reject, true),
            "ship" => (VendorOrderEvent::Ship, false),
            "deliver" => (VendorOrderEvent::Deliver, false),
            _ => return Err(AppError::invalid("action", Invalid::NotFound)),
        };
        let note = bounded(&note, usize::from(needs_note) * 3, 300, false)
            .map_err(|w| AppError::invalid("note", w))?;
        apply_event(id, state, event, (!note.is_empty()).then_some(note)).await?;
        leptos_axum::redirect("/seller/orders");
        Ok(())
    })
    .await
}

/// The shopper cancels a shop's part before the shop accepted it.
#[server(endpoint = "cancel_part")]
pub async fn cancel_part(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::order::VendorOrderEvent;
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let state = crate::db::orders::state_for_buyer(pool, user.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let order = state.order_id;
        apply_event(id, state, VendorOrderEvent::Cancel, None).await?;
        leptos_axum::redirect(&format!("/account/orders/{order}"));
        Ok(())
    })
    .await
}

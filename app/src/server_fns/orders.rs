//! Checkout and the shopper's orders. The user and the cart come from the session; an order
//! is read only through a query that carries the session user's id.

// `place_order` takes one argument per checkout form field (as the no-JS form posts them);
// the macro generates a client function for it too, so the allowance is module-wide.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::wire::orders::*;

#[server(endpoint = "checkout_form")]
pub async fn checkout_form() -> Result<CheckoutData, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        let state = context::state()?;
        let cart = match crate::server_fns::cart::current_cart(false).await? {
            Some(id) => crate::wire::cart::CartView::from_lines(
                crate::db::carts::lines(&state.pool, id).await?,
            ),
            None => Default::default(),
        };
        let rate = state.settings.checkout.vat_rate;
        let total = cart.totals.first().map(|t| t.1).unwrap_or_default();
        let shops: Vec<Uuid> = cart.groups.iter().map(|g| g.vendor_id).collect();
        Ok(CheckoutData {
            vat_included: crate::domain::order::vat_included(total, rate),
            vat_percent: (rate * Decimal::from(100)).normalize().to_string(),
            offers: crate::db::vendors::delivery_offers(&state.pool, &shops).await?,
            addresses: crate::db::orders::addresses(&state.pool, user.id).await?,
            cart,
            key: Uuid::new_v4(),
            phone: user.phone.unwrap_or_default(),
        })
    })
    .await
}

/// Places the order and opens it. With M-Pesa the PIN prompt goes to `phone` at once; the
/// order page then follows the payment.
#[server(endpoint = "place_order")]
pub async fn place_order(
    checkout_key: Uuid,
    county: String,
    town: String,
    street: String,
    phone: String,
    payment: String,
    /// `delivery[shop-<shop id>]` = `pickup` or `delivery`, per shop. (The prefix keeps the
    /// query-string decoder from reading an id that starts with a digit as a list index.)
    #[server(default)]
    delivery: std::collections::HashMap<String, String>,
    #[server(default)] coupon: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        let address = crate::domain::address::Address::parse(&county, &town, &street, &phone)
            .map_err(|(field, why)| AppError::invalid(field, why))?;
        let state = context::state()?;
        let method = match payment.as_str() {
            "mpesa" => crate::checkout::PaymentMethod::Mpesa {
                reservation_minutes: state.settings.checkout.reservation_minutes,
            },
            "cod" => crate::checkout::PaymentMethod::CashOnDelivery,
            _ => {
                return Err(AppError::invalid(
                    "payment",
                    crate::domain::Invalid::Required,
                ));
            }
        };
        let cart = crate::server_fns::cart::current_cart(true)
            .await?
            .ok_or(AppError::Internal)?;
        let choices = crate::checkout::Choices {
            pickup: delivery
                .iter()
                .filter_map(|(shop, how)| {
                    let id = Uuid::parse_str(shop.strip_prefix("shop-")?).ok()?;
                    Some((id, how == "pickup"))
                })
                .collect(),
            coupon: Some(coupon.trim().to_owned()).filter(|c| !c.is_empty()),
        };
        let placed = crate::checkout::place_order(
            &state.pool,
            &crate::checkout::Checkout {
                user_id: user.id,
                cart_id: cart,
                key: checkout_key,
                address: &address,
                vat_rate: state.settings.checkout.vat_rate,
                method,
                choices: &choices,
            },
        )
        .await?;
        let id = placed.order_id;
        // Only the request that created the order sends the prompt: a double click or a retry
        // of the same checkout does not push twice. A failed push is retried from the order page.
        if placed.created && payment == "mpesa" {
            let pushed = crate::payments::collect::start(
                &state.pool,
                &state.mpesa,
                user.id,
                id,
                &address.phone,
            )
            .await;
            if let Err(e) = pushed {
                tracing::warn!(order = %id, error = ?e, "first STK push not sent");
            }
        }
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
        let payment = payment_state(&mut conn, &order).await?;
        Ok(OrderPage {
            order,
            parts,
            payment,
        })
    })
    .await
}

#[cfg(feature = "ssr")]
async fn payment_state(
    conn: &mut sqlx::PgConnection,
    order: &OrderSummary,
) -> Result<Option<PaymentState>, AppError> {
    if order.payment_method != "mpesa" {
        return Ok(None);
    }
    let latest = crate::db::payments::latest(&mut *conn, order.id).await?;
    let minutes_left = crate::db::orders::reservation_minutes_left(&mut *conn, order.id).await?;
    Ok(Some(PaymentState {
        status: latest.as_ref().map_or("none".into(), |p| p.status.clone()),
        result: latest.as_ref().and_then(|p| p.result_desc.clone()),
        phone: latest.map_or(order.phone.clone(), |p| format!("+{}", p.phone)),
        payable: order.status == "pending_payment" && minutes_left.is_some(),
        reserved_minutes_left: minutes_left.unwrap_or(0),
    }))
}

/// Sends a (new) M-Pesa prompt for the user's unpaid order: after a cancelled or failed
/// attempt, or to another phone.
#[server(endpoint = "pay_order")]
pub async fn pay_order(id: Uuid, phone: String) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        let phone =
            crate::domain::Phone::parse(&phone).map_err(|w| AppError::invalid("phone", w))?;
        let state = context::state()?;
        crate::payments::collect::start(&state.pool, &state.mpesa, user.id, id, &phone).await?;
        leptos_axum::redirect(&format!("/account/orders/{id}"));
        Ok(())
    })
    .await
}

/// "I've paid — check again": asks M-Pesa about the pending attempt of the user's order.
#[server(endpoint = "check_payment")]
pub async fn check_payment(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        let state = context::state()?;
        let order = crate::db::orders::summary(&state.pool, user.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        if let Some(p) = crate::db::payments::latest(&state.pool, order.id).await?
            && p.status == "pending"
            && let Some(request) = p.checkout_request_id
        {
            crate::payments::collect::reconcile(&state.pool, &state.mpesa, &request).await?;
        }
        leptos_axum::redirect(&format!("/account/orders/{id}"));
        Ok(())
    })
    .await
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
            statement: ledger::statement(pool, shop, state.settings.payouts.holding_days).await?,
            payouts: crate::db::payouts::recent(pool, Some(shop)).await?,
        })
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
            // A return the shopper asked for is accepted: the money goes back.
            "refund" => (VendorOrderEvent::Refund, false),
            _ => return Err(AppError::invalid("action", Invalid::NotFound)),
        };
        let note = bounded(&note, usize::from(needs_note) * 3, 300, false)
            .map_err(|w| AppError::invalid("note", w))?;
        crate::fulfilment::step(
            pool,
            id,
            &state.status,
            event,
            (!note.is_empty()).then_some(note.as_str()),
        )
        .await?;
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
        crate::fulfilment::step(pool, id, &state.status, VendorOrderEvent::Cancel, None).await?;
        leptos_axum::redirect(&format!("/account/orders/{order}"));
        Ok(())
    })
    .await
}

/// The shopper asks to return a delivered part, within the return window, with a reason.
#[server(endpoint = "request_return")]
pub async fn request_return(id: Uuid, reason: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::order::VendorOrderEvent;
    use crate::domain::text::bounded;
    context::respond(async move {
        let user = context::require_user().await?;
        let reason = bounded(&reason, 3, 300, false).map_err(|w| AppError::invalid("reason", w))?;
        let state = context::state()?;
        let part = crate::db::orders::state_for_buyer(&state.pool, user.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut conn = state.pool.acquire().await?;
        if !crate::db::orders::returnable(&mut conn, id, state.settings.checkout.return_days)
            .await?
        {
            return Err(AppError::invalid("reason", Invalid::ReturnWindowClosed));
        }
        drop(conn);
        crate::fulfilment::step(
            &state.pool,
            id,
            &part.status,
            VendorOrderEvent::RequestReturn,
            Some(&reason),
        )
        .await?;
        leptos_axum::redirect(&format!("/account/orders/{}", part.order_id));
        Ok(())
    })
    .await
}

/// The shop refunds one item of its part (before or after delivery).
#[server(endpoint = "refund_item")]
pub async fn refund_item(id: Uuid, item_id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Orders).await?;
        let pool = &context::state()?.pool;
        let part = crate::db::orders::state_for_shop(pool, member.vendor_id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let status = crate::domain::order::VendorOrderStatus::parse(&part.status)
            .ok_or(AppError::Internal)?;
        if !status.allows_item_refund() {
            return Err(AppError::invalid("item", Invalid::AlreadyRefunded));
        }
        crate::fulfilment::refund_item(pool, id, item_id).await?;
        leptos_axum::redirect("/seller/orders");
        Ok(())
    })
    .await
}

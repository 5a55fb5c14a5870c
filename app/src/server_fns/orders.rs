//! The shopper's orders: the list, one order with its parts and payment, paying again or
//! checking a payment, cancelling a part, asking for a return. An order is read only through
//! a query that carries the session user's id.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::orders::*;

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
        let state = context::state()?;
        let pool = &state.pool;
        let order = my_order(pool, id).await?;
        let ship_days = crate::db::platform::get(pool, &state.settings)
            .await?
            .ship_days;
        let mut conn = pool.acquire().await?;
        let parts = crate::db::orders::parts(&mut conn, order.id, ship_days).await?;
        let payment = payment_state(&mut conn, &order).await?;
        Ok(OrderPage {
            order,
            parts,
            payment,
        })
    })
    .await
}

/// The session user's order `id`; another shopper's order reads exactly like a missing one.
#[cfg(feature = "ssr")]
async fn my_order(pool: &sqlx::PgPool, id: Uuid) -> Result<OrderSummary, AppError> {
    let user = crate::auth::context::require_user().await?;
    crate::db::orders::summary(pool, user.id, id)
        .await?
        .ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
async fn payment_state(
    conn: &mut sqlx::PgConnection,
    order: &OrderSummary,
) -> Result<Option<PaymentState>, AppError> {
    if order.payment_method != crate::domain::order::PaymentMethod::Mpesa {
        return Ok(None);
    }
    let latest = crate::db::payments::latest(&mut *conn, order.id).await?;
    let minutes_left = crate::db::orders::reservation_minutes_left(&mut *conn, order.id).await?;
    Ok(Some(PaymentState {
        status: latest.as_ref().map(|p| p.status),
        result: latest.as_ref().and_then(|p| p.result_desc.clone()),
        phone: latest.map_or(order.phone.clone(), |p| format!("+{}", p.phone)),
        payable: order.status == crate::domain::order::OrderStatus::PendingPayment
            && minutes_left.is_some(),
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

/// How the latest M-Pesa attempt of the user's order stands (the order page follows it).
#[server(endpoint = "payment_status", output = crate::wire::IslandCodec)]
pub async fn payment_status(
    id: Uuid,
) -> Result<Option<crate::domain::payment::PaymentStatus>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let pool = &context::state()?.pool;
        let order = my_order(pool, id).await?;
        Ok(crate::db::payments::latest(pool, order.id)
            .await?
            .map(|p| p.status))
    })
    .await
}

/// "I've paid — check again": asks M-Pesa about the pending attempt of the user's order.
#[server(endpoint = "check_payment")]
pub async fn check_payment(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    context::respond(async move {
        let state = context::state()?;
        let order = my_order(&state.pool, id).await?;
        if let Some(p) = crate::db::payments::latest(&state.pool, order.id).await?
            && p.status == crate::domain::payment::PaymentStatus::Pending
            && let Some(request) = p.checkout_request_id
        {
            crate::payments::collect::check_again(&state.pool, &state.mpesa, p.id, &request)
                .await?;
        }
        leptos_axum::redirect(&format!("/account/orders/{id}"));
        Ok(())
    })
    .await
}

/// The shopper cancels a shop's part before the shop accepted it, or after the shop let the
/// shipping deadline pass without shipping it; either way the part is refunded.
#[server(endpoint = "cancel_part")]
pub async fn cancel_part(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::order::{VendorOrderEvent, VendorOrderStatus};
    context::respond(async move {
        let user = context::require_user().await?;
        let app = context::state()?;
        let pool = &app.pool;
        let state = crate::db::orders::state_for_buyer(pool, user.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        let order = state.order_id;
        let event = if state.status.shopper_may_cancel() {
            VendorOrderEvent::Cancel
        } else if state.status == VendorOrderStatus::Accepted
            && crate::db::orders::ship_overdue(
                &mut *pool.acquire().await?,
                id,
                crate::db::platform::get(pool, &app.settings)
                    .await?
                    .ship_days,
            )
            .await?
        {
            VendorOrderEvent::CancelUnshipped
        } else {
            return Err(AppError::invalid(
                "action",
                crate::domain::Invalid::NotFound,
            ));
        };
        let by = context::actor(&user);
        crate::fulfilment::step(pool, Some(&by), id, state.status, event, None).await?;
        leptos_axum::redirect(&format!("/account/orders/{order}"));
        Ok(())
    })
    .await
}

/// The shopper confirms they received a shipped or delivered part: it is complete and its
/// money goes to the shop with the next payout run (returns and disputes end with it).
#[server(endpoint = "confirm_receipt")]
pub async fn confirm_receipt(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::order::VendorOrderEvent;
    context::respond(async move {
        let user = context::require_user().await?;
        let pool = &context::state()?.pool;
        let part = crate::db::orders::state_for_buyer(pool, user.id, id)
            .await?
            .ok_or(AppError::NotFound)?;
        crate::fulfilment::step(
            pool,
            Some(&context::actor(&user)),
            id,
            part.status,
            VendorOrderEvent::ConfirmReceipt,
            None,
        )
        .await?;
        leptos_axum::redirect(&format!("/account/orders/{}", part.order_id));
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
        let return_days = crate::db::platform::get(&state.pool, &state.settings)
            .await?
            .return_days;
        if !crate::db::orders::returnable(&mut conn, id, return_days).await? {
            return Err(AppError::invalid("reason", Invalid::ReturnWindowClosed));
        }
        // A disputed part is settled by its dispute, not by a return as well.
        if crate::db::disputes::exists_for_part(&mut *conn, id).await? {
            return Err(AppError::invalid("reason", Invalid::AlreadyDisputed));
        }
        drop(conn);
        crate::fulfilment::step(
            &state.pool,
            Some(&context::actor(&user)),
            id,
            part.status,
            VendorOrderEvent::RequestReturn,
            Some(&reason),
        )
        .await?;
        leptos_axum::redirect(&format!("/account/orders/{}", part.order_id));
        Ok(())
    })
    .await
}

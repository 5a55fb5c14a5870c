//! Checkout: the form's data and placing the order. The user and the cart come from the
//! session; the checkout service (`crate::checkout`) places the order in one transaction and
//! sends the M-Pesa prompt.

// `place_order` takes one argument per checkout form field (as the no-JS form posts them);
// the macro generates a client function for it too, so the allowance is module-wide.
#![allow(
    clippy::too_many_arguments,
    reason = "a form server function takes one argument per form field"
)]

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use rust_decimal::Decimal;
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
        let rules = crate::db::platform::get(&state.pool, &state.settings).await?;
        let rate = rules.vat_rate;
        let total = cart.totals.first().map(|t| t.1).unwrap_or_default();
        let shops: Vec<Uuid> = cart.groups.iter().map(|g| g.vendor_id).collect();
        Ok(CheckoutData {
            paused: rules.orders_paused.then_some(rules.pause_message),
            vat_included: crate::domain::order::vat_included(total, rate),
            vat_percent: (rate * Decimal::from(100)).normalize().to_string(),
            offers: crate::db::vendors::delivery_terms(&mut *state.pool.acquire().await?, &shops)
                .await?,
            addresses: crate::db::addresses::addresses(&state.pool, user.id).await?,
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
        let rules = crate::db::platform::get(&state.pool, &state.settings).await?;
        if rules.orders_paused {
            return Err(AppError::invalid(
                "cart",
                crate::domain::Invalid::OrdersPaused,
            ));
        }
        use crate::domain::order::PaymentMethod;
        let payment = match PaymentMethod::parse(&payment) {
            Some(PaymentMethod::Mpesa) => crate::checkout::Payment::Mpesa {
                reservation_minutes: rules.reservation_minutes,
            },
            Some(PaymentMethod::CashOnDelivery) => crate::checkout::Payment::CashOnDelivery,
            None => {
                return Err(AppError::invalid(
                    "payment",
                    crate::domain::Invalid::Required,
                ));
            }
        };
        let cart = crate::server_fns::cart::current_cart(true)
            .await?
            .ok_or_else(|| AppError::internal("no cart could be made for the checkout"))?;
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
        let placed = crate::checkout::place_and_prompt(
            &state.pool,
            &state.mpesa,
            &crate::checkout::Checkout {
                user_id: user.id,
                cart_id: cart,
                key: checkout_key,
                address: &address,
                vat_rate: rules.vat_rate,
                payment,
                choices: &choices,
            },
        )
        .await?;
        let id = placed.order_id;
        leptos_axum::redirect(&format!("/account/orders/{id}"));
        Ok(())
    })
    .await
}

//! Keeps an order page current while its M-Pesa prompt waits for the shopper's PIN: asks
//! every 3 s how the payment stands and reloads the page once it has moved. Without
//! JavaScript the page refreshes itself instead (a `<noscript>` refresh on the page).

use super::seed::{Seed, seed};
use crate::domain::payment::PaymentStatus;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The order and how its latest M-Pesa attempt stood when the page was rendered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentShown {
    pub order: Uuid,
    pub status: Option<PaymentStatus>,
}

impl Seed for PaymentShown {
    const ID: &'static str = "follow-payment-seed";
}

#[island]
pub fn FollowPayment() -> impl IntoView {
    let PaymentShown { order, status } = seed();
    #[cfg(feature = "hydrate")]
    if status == Some(PaymentStatus::Pending) {
        let handle = set_interval_with_handle(
            move || {
                leptos::task::spawn_local(async move {
                    if let Ok(now) = crate::server_fns::orders::payment_status(order).await
                        && now != status
                    {
                        let _ = window().location().reload();
                    }
                });
            },
            std::time::Duration::from_secs(3),
        )
        .ok();
        on_cleanup(move || {
            if let Some(h) = handle {
                h.clear();
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (order, status);
}

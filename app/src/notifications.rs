//! What shoppers and shops are told, written to the outbox in the same transaction as the
//! event: order placed, paid, accepted, shipped, delivered, refunded, disputes, and (to the
//! shop) new orders, cancelled by the shopper or sent back. Each recipient reads it in their
//! own language (`i18n::mail`) by the channels they chose (email, SMS, the app's list); the
//! senders (`mail`, `sms`) deliver them.

use crate::db::notifications::{self as outbox, Recipient};
use crate::domain::order::VendorOrderEvent;
use crate::i18n::mail::Mail;
use sqlx::PgConnection;
use uuid::Uuid;

/// Tells `to` by each channel they chose, in their language: email, a text message (the
/// subject, to a phone on the account), and the list in the app.
pub async fn send(
    tx: &mut PgConnection,
    to: &Recipient,
    mail: Mail<'_>,
) -> Result<(), sqlx::Error> {
    let message = to.locale.mail(&mail);
    if to.channels.email {
        outbox::queue(tx, &to.email, &message.subject, &message.body).await?;
    }
    if to.channels.sms
        && let Some(phone) = to.phone.as_deref().filter(|p| !p.is_empty())
    {
        let text = format!("Sokoni: {}", message.subject);
        outbox::queue_sms(tx, phone.trim_start_matches('+'), &text).await?;
    }
    if to.channels.app {
        outbox::queue_app(tx, to.user_id, &message.subject, &message.body).await?;
    }
    Ok(())
}

/// A new order: the shopper gets a receipt; for cash on delivery each shop hears of its part
/// at once (for M-Pesa, once the payment arrives).
pub async fn order_placed(
    tx: &mut PgConnection,
    order_id: Uuid,
    mpesa: bool,
) -> Result<(), sqlx::Error> {
    let buyer = outbox::buyer(tx, order_id).await?;
    send(
        tx,
        &buyer,
        Mail::OrderPlaced {
            order: order_id,
            mpesa,
        },
    )
    .await?;
    if !mpesa {
        tell_shops(
            tx,
            order_id,
            Mail::NewOrder {
                order: order_id,
                paid: false,
            },
        )
        .await?;
    }
    Ok(())
}

/// The M-Pesa payment arrived.
pub async fn order_paid(tx: &mut PgConnection, order_id: Uuid) -> Result<(), sqlx::Error> {
    let buyer = outbox::buyer(tx, order_id).await?;
    send(tx, &buyer, Mail::OrderPaid { order: order_id }).await?;
    tell_shops(
        tx,
        order_id,
        Mail::NewOrder {
            order: order_id,
            paid: true,
        },
    )
    .await
}

async fn tell_shops(
    tx: &mut PgConnection,
    order_id: Uuid,
    mail: Mail<'_>,
) -> Result<(), sqlx::Error> {
    for (shop, _) in outbox::order_shops(tx, order_id).await? {
        for to in outbox::shop_staff(tx, shop).await? {
            send(tx, &to, mail).await?;
        }
    }
    Ok(())
}

/// A part moved: the shopper hears of the shop's steps, the shop of the shopper's.
pub async fn part_moved(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    event: VendorOrderEvent,
) -> Result<(), sqlx::Error> {
    let (shop, shop_name, order) = outbox::part_facts(tx, vendor_order_id).await?;
    let shop_name = shop_name.as_str();
    let to_buyer = match event {
        VendorOrderEvent::Accept => Some(Mail::PartAccepted {
            order,
            shop: shop_name,
        }),
        VendorOrderEvent::Ship => Some(Mail::PartShipped {
            order,
            shop: shop_name,
        }),
        VendorOrderEvent::Deliver => Some(Mail::PartDelivered {
            order,
            shop: shop_name,
        }),
        VendorOrderEvent::Reject => Some(Mail::PartRejected {
            order,
            shop: shop_name,
        }),
        VendorOrderEvent::Refund => Some(Mail::ReturnAccepted {
            order,
            shop: shop_name,
        }),
        VendorOrderEvent::DeclineReturn => Some(Mail::ReturnDeclined {
            order,
            shop: shop_name,
        }),
        _ => None,
    };
    if let Some(mail) = to_buyer {
        let buyer = outbox::buyer(tx, order).await?;
        send(tx, &buyer, mail).await?;
    }
    let to_shop = match event {
        VendorOrderEvent::Cancel | VendorOrderEvent::CancelUnshipped => {
            Some(Mail::PartCancelled { order })
        }
        VendorOrderEvent::RequestReturn => Some(Mail::ReturnRequested { order }),
        VendorOrderEvent::ConfirmReceipt => Some(Mail::ReceiptConfirmed { order }),
        _ => None,
    };
    if let Some(mail) = to_shop {
        for to in outbox::shop_staff(tx, shop).await? {
            send(tx, &to, mail).await?;
        }
    }
    Ok(())
}

/// A dispute about a part moved: the other side hears of it (both, when it goes to the
/// admins or is settled).
pub async fn dispute_moved(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
    status: crate::domain::dispute::DisputeStatus,
    outcome: Option<crate::domain::dispute::DisputeOutcome>,
) -> Result<(), sqlx::Error> {
    use crate::domain::dispute::DisputeStatus as S;
    let (shop, shop_name, order) = outbox::part_facts(tx, vendor_order_id).await?;
    let (mail, to_buyer, to_shop) = match (status, outcome) {
        (S::AwaitingShop, _) => (Mail::DisputeOpened { order }, false, true),
        (S::Answered, _) => (
            Mail::DisputeAnswered {
                order,
                shop: &shop_name,
            },
            true,
            false,
        ),
        (S::Escalated, _) => (Mail::DisputeEscalated { order }, true, true),
        (S::Resolved, Some(outcome)) => (Mail::DisputeResolved { order, outcome }, true, true),
        (S::Resolved, None) => return Ok(()),
    };
    if to_buyer {
        let buyer = outbox::buyer(tx, order).await?;
        send(tx, &buyer, mail).await?;
    }
    if to_shop {
        for to in outbox::shop_staff(tx, shop).await? {
            send(tx, &to, mail).await?;
        }
    }
    Ok(())
}

/// A listing ran low: its shop's owners and inventory staff hear of it.
pub async fn low_stock(
    tx: &mut PgConnection,
    low: &crate::db::orders::LowStock,
) -> Result<(), sqlx::Error> {
    for to in outbox::shop_inventory(tx, low.vendor_id).await? {
        let mail = Mail::LowStock {
            title: &low.title,
            left: low.stock,
        };
        send(tx, &to, mail).await?;
    }
    Ok(())
}

/// A payout to the shop left our paybill, or failed (its money is back in the balance).
pub async fn payout_result(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    amount: &str,
    failed: Option<&str>,
) -> Result<(), sqlx::Error> {
    for to in outbox::shop_accounts(tx, vendor_id).await? {
        let mail = match failed {
            None => Mail::PayoutSent { amount },
            Some(reason) => Mail::PayoutFailed { amount, reason },
        };
        send(tx, &to, mail).await?;
    }
    Ok(())
}

/// An item of a part was refunded by the shop.
pub async fn item_refunded(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<(), sqlx::Error> {
    let (_, shop_name, order) = outbox::part_facts(tx, vendor_order_id).await?;
    let buyer = outbox::buyer(tx, order).await?;
    send(
        tx,
        &buyer,
        Mail::ItemRefunded {
            order,
            shop: &shop_name,
        },
    )
    .await
}

//! What shoppers and shops are told, written to the outbox in the same transaction as the
//! event: order placed, paid, accepted, shipped, delivered, refunded, and (to the shop)
//! cancelled by the shopper or sent back. The mail job (`mail`) delivers them.

use crate::db::notifications as outbox;
use crate::domain::order::VendorOrderEvent;
use sqlx::PgConnection;
use uuid::Uuid;

fn short(id: Uuid) -> String {
    id.simple().to_string()[..8].to_uppercase()
}

/// A new order: the shopper gets a receipt, each shop its part.
pub async fn order_placed(
    tx: &mut PgConnection,
    order_id: Uuid,
    mpesa: bool,
) -> Result<(), sqlx::Error> {
    let buyer = outbox::buyer_email(tx, order_id).await?;
    let n = short(order_id);
    let next = if mpesa {
        "Enter your M-Pesa PIN on your phone to pay; the shops start once the payment arrives."
    } else {
        "You pay each shop in cash on delivery."
    };
    outbox::queue(
        tx,
        &buyer,
        &format!("Sokoni order {n} placed"),
        &format!(
            "Asante! Your order {n} is placed. {next}\nFollow it at /account/orders/{order_id}"
        ),
    )
    .await?;
    if !mpesa {
        tell_shops(
            tx,
            order_id,
            &format!("New order {n}"),
            "A new order is waiting for you to accept it at /seller/orders.",
        )
        .await?;
    }
    Ok(())
}

/// The M-Pesa payment arrived.
pub async fn order_paid(tx: &mut PgConnection, order_id: Uuid) -> Result<(), sqlx::Error> {
    let buyer = outbox::buyer_email(tx, order_id).await?;
    let n = short(order_id);
    outbox::queue(tx, &buyer, &format!("Sokoni order {n} paid"), &format!("We received your M-Pesa payment for order {n}. Each shop will now accept and send its part.")).await?;
    tell_shops(
        tx,
        order_id,
        &format!("New paid order {n}"),
        "A paid order is waiting for you to accept it at /seller/orders.",
    )
    .await
}

async fn tell_shops(
    tx: &mut PgConnection,
    order_id: Uuid,
    subject: &str,
    body: &str,
) -> Result<(), sqlx::Error> {
    for (shop, _) in outbox::order_shops(tx, order_id).await? {
        for to in outbox::shop_emails(tx, shop).await? {
            outbox::queue(tx, &to, subject, body).await?;
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
    let (shop, shop_name, order_id) = outbox::part_facts(tx, vendor_order_id).await?;
    let n = short(order_id);
    let to_buyer = match event {
        VendorOrderEvent::Accept => {
            Some(format!("{shop_name} accepted its part of your order {n}."))
        }
        VendorOrderEvent::Ship => Some(format!("{shop_name} sent its part of your order {n}.")),
        VendorOrderEvent::Deliver => Some(format!(
            "{shop_name} marked its part of your order {n} delivered."
        )),
        VendorOrderEvent::Reject => Some(format!(
            "{shop_name} could not fulfil its part of your order {n}; anything you paid for it is refunded."
        )),
        VendorOrderEvent::Refund => Some(format!(
            "{shop_name} accepted your return for order {n}; anything you paid for it is refunded."
        )),
        _ => None,
    };
    if let Some(body) = to_buyer {
        let buyer = outbox::buyer_email(tx, order_id).await?;
        outbox::queue(
            tx,
            &buyer,
            &format!("Sokoni order {n}: update from {shop_name}"),
            &body,
        )
        .await?;
    }
    let to_shop = match event {
        VendorOrderEvent::Cancel => Some(format!("The shopper cancelled their part of order {n}.")),
        VendorOrderEvent::RequestReturn => Some(format!(
            "The shopper asked to return their part of order {n}. See /seller/orders."
        )),
        _ => None,
    };
    if let Some(body) = to_shop {
        for to in outbox::shop_emails(tx, shop).await? {
            outbox::queue(tx, &to, &format!("Order {n}"), &body).await?;
        }
    }
    Ok(())
}

/// An item of a part was refunded by the shop.
pub async fn item_refunded(
    tx: &mut PgConnection,
    vendor_order_id: Uuid,
) -> Result<(), sqlx::Error> {
    let (_, shop_name, order_id) = outbox::part_facts(tx, vendor_order_id).await?;
    let n = short(order_id);
    let buyer = outbox::buyer_email(tx, order_id).await?;
    outbox::queue(
        tx,
        &buyer,
        &format!("Sokoni order {n}: refund from {shop_name}"),
        &format!("{shop_name} refunded an item of your order {n}; anything you paid for it comes back to you."),
    )
    .await
}

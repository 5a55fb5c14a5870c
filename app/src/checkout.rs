//! Placing an order (cash on delivery or M-Pesa), in one transaction: claim the checkout key, re-check every cart line,
//! take stock with conditional updates, split by shop with commission frozen per item, empty
//! the cart. Anything wrong rolls all of it back.

use crate::db::{carts, orders};
use crate::domain::order::{VendorOrderEvent, VendorOrderStatus, commission, vat_included};
use crate::domain::{Invalid, Phone};
use crate::error::AppError;
use crate::server_fns::cart::{CartLineRow, view_of};
use rust_decimal::Decimal;
use sqlx::PgPool;
use std::collections::BTreeMap;
use uuid::Uuid;

pub struct Address {
    pub county: String,
    pub town: String,
    pub street: String,
    pub phone: Phone,
}

/// What was bought, in a stable order: a retry of the same checkout has the same fingerprint.
fn fingerprint(lines: &[CartLineRow]) -> String {
    let mut parts: Vec<String> = lines
        .iter()
        .map(|l| format!("{}x{}@{}", l.variant_id, l.quantity, l.price_now))
        .collect();
    parts.sort();
    parts.join(",")
}

/// How the shopper pays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaymentMethod {
    /// Confirmed at once; settled when the shop marks the part delivered.
    CashOnDelivery,
    /// Stock reserved for `reservation_minutes` while the STK push is answered.
    Mpesa { reservation_minutes: i64 },
}

impl PaymentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::CashOnDelivery => "cod",
            Self::Mpesa { .. } => "mpesa",
        }
    }
}

/// The order a checkout produced, and whether this call created it (a retry finds it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    pub order_id: Uuid,
    pub created: bool,
}

/// Places an order for the user's cart. The same `key` again returns the same order (and a
/// different cart under a used key is refused).
pub async fn place_order(
    pool: &PgPool,
    user_id: Uuid,
    cart_id: Uuid,
    key: Uuid,
    address: &Address,
    vat_rate: Decimal,
    method: PaymentMethod,
) -> Result<Placed, AppError> {
    let mut tx = pool.begin().await?;
    let lines: Vec<CartLineRow> = carts::lines(&mut *tx, cart_id)
        .await?
        .into_iter()
        .filter(|l| !l.saved)
        .collect();
    let print = fingerprint(&lines);
    let currency = lines
        .first()
        .map(|l| l.currency.clone())
        .unwrap_or_else(|| "KES".into());
    let addr = [
        address.county.as_str(),
        address.town.as_str(),
        address.street.as_str(),
        address.phone.as_str(),
    ];
    let Some(order_id) = orders::claim(
        &mut tx,
        user_id,
        key,
        &print,
        &currency,
        method.as_str(),
        addr,
    )
    .await?
    else {
        // The key was used: the same checkout again (its cart is now empty), or a misuse.
        drop(tx);
        let (existing, used_print) = orders::by_key(pool, user_id, key)
            .await?
            .ok_or(AppError::Internal)?;
        return if lines.is_empty() || used_print == print {
            Ok(Placed {
                order_id: existing,
                created: false,
            })
        } else {
            Err(AppError::invalid("checkout_key", Invalid::KeyReused))
        };
    };
    if lines.is_empty() {
        return Err(AppError::invalid("cart", Invalid::Required));
    }
    // Nothing is bought that the cart page would flag: the shopper sees the change first.
    let view = view_of(lines.clone());
    let flagged = view
        .groups
        .iter()
        .flat_map(|g| &g.lines)
        .any(|l| l.issue.is_some());
    if flagged {
        return Err(AppError::invalid("cart", Invalid::CartChanged));
    }
    if lines.iter().any(|l| l.currency != currency) {
        return Err(AppError::invalid("cart", Invalid::MixedCurrencies));
    }
    // Stock in a fixed order, so two checkouts sharing variants cannot deadlock.
    let mut by_variant: Vec<&CartLineRow> = lines.iter().collect();
    by_variant.sort_by_key(|l| l.variant_id);
    for line in by_variant {
        if !orders::take_stock(&mut tx, line.variant_id, line.quantity).await? {
            return Err(AppError::invalid("cart", Invalid::CartChanged));
        }
    }
    let mut by_vendor: BTreeMap<Uuid, Vec<&CartLineRow>> = BTreeMap::new();
    for line in &lines {
        by_vendor.entry(line.vendor_id).or_default().push(line);
    }
    // Cash on delivery is confirmed at once: the shop is asked to accept straight away.
    // M-Pesa parts wait for the payment.
    let status = match method {
        PaymentMethod::CashOnDelivery => VendorOrderStatus::PendingPayment
            .transition(VendorOrderEvent::Confirmed)
            .map_err(|_| AppError::Internal)?,
        PaymentMethod::Mpesa { .. } => VendorOrderStatus::PendingPayment,
    };
    let mut total = Decimal::ZERO;
    for (vendor_id, items) in by_vendor {
        let rate = orders::commission_rate(&mut tx, vendor_id).await?;
        let vendor_order_id = Uuid::new_v4();
        let mut subtotal = Decimal::ZERO;
        let mut fees = Decimal::ZERO;
        let mut net = Decimal::ZERO;
        let mut rows = Vec::new();
        for l in items {
            let line_total = l.price_now * Decimal::from(l.quantity);
            let (fee, vendor_net) = commission(line_total, rate);
            subtotal += line_total;
            fees += fee;
            net += vendor_net;
            rows.push((l, line_total, fee, vendor_net));
        }
        orders::insert_vendor_order(
            &mut tx,
            &orders::NewVendorOrder {
                id: vendor_order_id,
                order_id,
                vendor_id,
                status: status.as_str(),
                subtotal,
                commission: fees,
                vendor_net: net,
            },
        )
        .await?;
        for (l, line_total, fee, vendor_net) in rows {
            let options = crate::server_fns::seller::options_label(&l.options);
            orders::insert_item(
                &mut tx,
                &orders::NewItem {
                    vendor_order_id,
                    variant_id: l.variant_id,
                    title: &l.title,
                    sku: &l.sku,
                    options: &options,
                    quantity: l.quantity,
                    unit_price: l.price_now,
                    line_total,
                    commission_rate: rate,
                    commission: fee,
                    vendor_net,
                },
            )
            .await?;
        }
        total += subtotal;
    }
    orders::set_totals(&mut tx, order_id, total, vat_included(total, vat_rate)).await?;
    if let PaymentMethod::Mpesa {
        reservation_minutes,
    } = method
    {
        orders::reserve(&mut tx, order_id, reservation_minutes).await?;
    }
    orders::clear_bought(&mut tx, cart_id).await?;
    tx.commit().await?;
    tracing::info!(order = %order_id, user = %user_id, %total, method = method.as_str(), "order placed");
    Ok(Placed {
        order_id,
        created: true,
    })
}

//! Placing an order (cash on delivery or M-Pesa), in one transaction: claim the checkout key, re-check every cart line,
//! take stock with conditional updates, split by shop with commission frozen per item, empty
//! the cart. Anything wrong rolls all of it back.

use crate::db::{addresses, carts, commission, coupons, orders, vendors};
use crate::domain::address::Address;
use crate::domain::order::{PaymentMethod, VendorOrderEvent, VendorOrderStatus, vat_included};
use crate::domain::pricing::{LineIn, price_part};
use crate::domain::{Currency, Invalid};
use crate::error::AppError;
use crate::wire::cart::{CartLineRow, CartView};
use rust_decimal::Decimal;
use sqlx::PgPool;
use std::collections::BTreeMap;
use uuid::Uuid;

/// The shopper's choices at checkout: pickup or delivery per shop (a shop left out gets its
/// delivery when it offers one, else pickup), and at most one shop coupon code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Choices {
    /// Per shop: `true` to pick up, `false` for the shop's delivery.
    pub pickup: BTreeMap<Uuid, bool>,
    pub coupon: Option<String>,
}

/// What was bought and how, in a stable order: a retry of the same checkout has the same
/// fingerprint.
fn fingerprint(lines: &[CartLineRow], choices: &Choices) -> String {
    let mut parts: Vec<String> = lines
        .iter()
        .map(|l| format!("{}x{}@{}", l.variant_id, l.quantity, l.price_now))
        .collect();
    parts.sort();
    parts.extend(
        choices
            .pickup
            .iter()
            .map(|(v, p)| format!("pickup:{v}={p}")),
    );
    parts.extend(choices.coupon.iter().map(|c| format!("coupon:{c}")));
    parts.join(",")
}

/// How the shopper pays, with what that method needs at checkout.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Payment {
    /// Confirmed at once; settled when the shop marks the part delivered.
    CashOnDelivery,
    /// Stock reserved for `reservation_minutes` while the STK push is answered.
    Mpesa { reservation_minutes: i64 },
}

impl Payment {
    pub fn method(self) -> PaymentMethod {
        match self {
            Self::CashOnDelivery => PaymentMethod::CashOnDelivery,
            Self::Mpesa { .. } => PaymentMethod::Mpesa,
        }
    }
}

/// The order a checkout produced, and whether this call created it (a retry finds it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    pub order_id: Uuid,
    pub created: bool,
}

/// Everything a checkout needs besides the database.
pub struct Checkout<'a> {
    pub user_id: Uuid,
    pub cart_id: Uuid,
    /// The browser's key for this checkout.
    pub key: Uuid,
    pub address: &'a Address,
    pub vat_rate: Decimal,
    pub payment: Payment,
    pub choices: &'a Choices,
}

/// Places an order for the user's cart. The same `key` again returns the same order (and a
/// different cart under a used key is refused).
pub async fn place_order(pool: &PgPool, checkout: &Checkout<'_>) -> Result<Placed, AppError> {
    let &Checkout {
        user_id,
        cart_id,
        key,
        address,
        vat_rate,
        payment,
        choices,
    } = checkout;
    let mut tx = pool.begin().await?;
    let lines: Vec<CartLineRow> = carts::lines(&mut *tx, cart_id)
        .await?
        .into_iter()
        .filter(|l| !l.saved)
        .collect();
    let print = fingerprint(&lines, choices);
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
        payment.method(),
        addr,
    )
    .await?
    else {
        // The key was used: the same checkout again (its cart is now empty), or a misuse.
        drop(tx);
        let (existing, used_print) =
            orders::by_key(pool, user_id, key).await?.ok_or_else(|| {
                AppError::internal(format!("checkout key {key} claimed but not found"))
            })?;
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
    let view = CartView::from_lines(lines.clone());
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
    // Listings priced before only KES was sold in stay in carts; they cannot be paid for.
    if !Currency::parse(&currency).is_ok_and(Currency::sellable) {
        return Err(AppError::invalid("cart", Invalid::CurrencyNotSold));
    }
    // Stock in a fixed order, so two checkouts sharing variants cannot deadlock.
    let mut by_variant: Vec<&CartLineRow> = lines.iter().collect();
    by_variant.sort_by_key(|l| l.variant_id);
    for line in by_variant {
        if !orders::take_stock(&mut tx, line.variant_id, line.quantity).await? {
            return Err(AppError::invalid("cart", Invalid::CartChanged));
        }
    }
    // Listings this order took to (or below) their shop's low-stock line hear of it once.
    let (variants, quantities): (Vec<Uuid>, Vec<i32>) =
        lines.iter().map(|l| (l.variant_id, l.quantity)).unzip();
    for low in orders::crossed_low_stock(&mut tx, &variants, &quantities).await? {
        crate::notifications::low_stock(&mut tx, &low).await?;
    }
    let mut by_vendor: BTreeMap<Uuid, Vec<&CartLineRow>> = BTreeMap::new();
    for line in &lines {
        by_vendor.entry(line.vendor_id).or_default().push(line);
    }
    // Cash on delivery is confirmed at once: the shop is asked to accept straight away.
    // M-Pesa parts wait for the payment.
    let status = match payment {
        Payment::CashOnDelivery => VendorOrderStatus::PendingPayment
            .transition(VendorOrderEvent::Confirmed)
            .map_err(AppError::internal)?,
        Payment::Mpesa { .. } => VendorOrderStatus::PendingPayment,
    };
    let shops: Vec<Uuid> = by_vendor.keys().copied().collect();
    let terms = vendors::delivery_terms(&mut tx, &shops).await?;
    if payment == Payment::CashOnDelivery && !terms.iter().all(|o| o.terms.cash_on_delivery) {
        return Err(AppError::invalid("payment", Invalid::CodNotAccepted));
    }
    // The coupon belongs to one shop and prices only that shop's part.
    let coupon = match &choices.coupon {
        None => None,
        Some(code) => {
            let c = coupons::claim(&mut tx, code)
                .await?
                .ok_or_else(|| AppError::invalid("coupon", Invalid::CouponInvalid))?;
            if !by_vendor.contains_key(&c.vendor_id) {
                return Err(AppError::invalid("coupon", Invalid::CouponNotInCart));
            }
            Some(c)
        }
    };
    let mut totals = orders::Totals {
        subtotal: Decimal::ZERO,
        discount: Decimal::ZERO,
        delivery: Decimal::ZERO,
        total: Decimal::ZERO,
        vat: Decimal::ZERO,
    };
    for (vendor_id, items) in by_vendor {
        // As chosen, or with no choice the shop's delivery where it delivers, else pickup.
        let delivery = terms
            .iter()
            .find(|o| o.vendor_id == vendor_id)
            .and_then(|o| {
                o.terms
                    .delivery(&address.county, choices.pickup.get(&vendor_id).copied())
            })
            .ok_or_else(|| AppError::invalid("delivery", Invalid::DeliveryUnavailable))?;
        let mut inputs = Vec::new();
        for l in &items {
            inputs.push(LineIn {
                line_total: l.price_now * Decimal::from(l.quantity),
                commission_rate: commission::commission_rate(&mut tx, vendor_id, l.category_id)
                    .await?,
            });
        }
        let shop_coupon = coupon.as_ref().filter(|c| c.vendor_id == vendor_id);
        let discount = shop_coupon.map(|c| c.discount);
        if let Some(c) = shop_coupon {
            let subtotal: Decimal = inputs.iter().map(|i| i.line_total).sum();
            if subtotal < c.min_subtotal {
                return Err(AppError::invalid("coupon", Invalid::CouponMinimum));
            }
        }
        let part = price_part(&inputs, discount, delivery);
        let vendor_order_id = Uuid::new_v4();
        orders::insert_vendor_order(
            &mut tx,
            &orders::NewVendorOrder {
                id: vendor_order_id,
                order_id,
                vendor_id,
                status: status.as_str(),
                part: &part,
                delivery_method: delivery.method(),
                coupon: shop_coupon.map(|c| c.code.as_str()),
            },
        )
        .await?;
        for ((l, input), priced) in items.iter().zip(&inputs).zip(&part.lines) {
            let options = crate::domain::listing::options_label(&l.options);
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
                    commission_rate: input.commission_rate,
                    priced: *priced,
                },
            )
            .await?;
        }
        totals.subtotal += part.subtotal;
        totals.discount += part.discount;
        totals.delivery += part.delivery_fee;
        totals.total += part.total;
    }
    totals.vat = vat_included(totals.total, vat_rate);
    let total = totals.total;
    orders::set_totals(&mut tx, order_id, &totals).await?;
    addresses::save_address(&mut tx, user_id, address).await?;
    if let Payment::Mpesa {
        reservation_minutes,
    } = payment
    {
        orders::reserve(&mut tx, order_id, reservation_minutes).await?;
    }
    orders::clear_bought(&mut tx, cart_id).await?;
    crate::notifications::order_placed(&mut tx, order_id, matches!(payment, Payment::Mpesa { .. }))
        .await?;
    tx.commit().await?;
    tracing::info!(order = %order_id, user = %user_id, %total, method = payment.method().as_str(), "order placed");
    Ok(Placed {
        order_id,
        created: true,
    })
}

/// Places the order and, when this call created it and the shopper pays by M-Pesa, sends the
/// PIN prompt to the checkout phone. Only the creating call prompts: a double click or a retry
/// of the same checkout finds the order and sends nothing. A prompt that cannot be sent is
/// logged; the order page offers to send it again.
pub async fn place_and_prompt(
    pool: &PgPool,
    mpesa: &crate::mpesa::Daraja,
    checkout: &Checkout<'_>,
) -> Result<Placed, AppError> {
    if checkout.payment.method() == PaymentMethod::Mpesa {
        crate::payments::collect::may_prompt(pool, &checkout.address.phone).await?;
    }
    let placed = place_order(pool, checkout).await?;
    if placed.created && checkout.payment.method() == PaymentMethod::Mpesa {
        let pushed = crate::payments::collect::start(
            pool,
            mpesa,
            checkout.user_id,
            placed.order_id,
            &checkout.address.phone,
        )
        .await;
        if let Err(e) = pushed {
            tracing::warn!(order = %placed.order_id, error = ?e, "first STK push not sent");
        }
    }
    Ok(placed)
}

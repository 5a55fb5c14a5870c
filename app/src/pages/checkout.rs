//! `/checkout` (delivery address, payment, summary with VAT) and the shopper's orders:
//! `/account/orders` and `/account/orders/<id>` with each shop's part and its timeline.

use crate::components::form::{Field, FormError, SubmitButton, action_error};
use crate::components::labels::{money, vendor_status_key};
use crate::components::loaded::loaded;
use crate::components::session::use_session;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::orders::{
    CancelPart, CheckPayment, CheckoutData, OrderPage, PayOrder, PaymentState, PlaceOrder,
    RequestReturn, SavedAddress, checkout_form, my_orders, order_details,
};
use crate::wire::cart::DeliveryOffer;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use rust_decimal::Decimal;
use uuid::Uuid;

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let i18n = use_i18n();
    let place = ServerAction::<PlaceOrder>::new();
    use_session().cart_changed_after(place.into());
    let data = Resource::new_blocking(|| (), |_| checkout_form());
    view! {
        <Title text=i18n.tr(Key::Checkout) />
        <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::Checkout)}</h1>
        {loaded(data, move |d| view! { <CheckoutBody d place /> })}
    }
}

#[component]
fn CheckoutBody(d: CheckoutData, place: ServerAction<PlaceOrder>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(place.into());
    if d.cart.groups.is_empty() {
        return view! { <p class="text-stone-600">{i18n.tr(Key::CartEmpty)}</p> }.into_any();
    }
    let (currency, total) = d.cart.totals.first().cloned().unwrap_or_default();
    let saved = d
        .addresses
        .first()
        .cloned()
        .unwrap_or_else(|| SavedAddress {
            id: Uuid::nil(),
            county: String::new(),
            town: String::new(),
            street: String::new(),
            phone: String::new(),
        });
    let phone = if saved.phone.is_empty() {
        d.phone.clone()
    } else {
        saved.phone.clone()
    };
    // Cash on delivery only when every shop in the basket takes it.
    let cod = d.offers.iter().all(|o| o.cod);
    let choices = d
        .cart
        .groups
        .iter()
        .map(|g| {
            let offer = d.offers.iter().find(|o| o.vendor_id == g.vendor_id).cloned();
            view! { <DeliveryChoice shop=g.vendor_id name=g.vendor_name.clone() offer currency=currency.clone() /> }
        })
        .collect_view();
    view! {
        <div class="grid gap-6 md:grid-cols-[1fr_20rem]">
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <ActionForm action=place attr:class="flex flex-col gap-4" attr:novalidate=true>
                    <FormError error />
                    <crate::components::form::FieldErrorLine error />
                    <input type="hidden" name="checkout_key" value=d.key.to_string() />
                    <h2 class="font-semibold">{i18n.tr(Key::DeliveryAddress)}</h2>
                    // The last address used is filled in; the shopper can change any of it.
                    <div class="grid grid-cols-2 gap-3">
                        <Field name="county" label=Key::County value=saved.county.clone() required=true error />
                        <Field name="town" label=Key::Town value=saved.town.clone() required=true error />
                    </div>
                    <Field name="street" label=Key::Street value=saved.street.clone() required=true error />
                    <Field name="phone" label=Key::Phone kind="tel" value=phone required=true error />
                    <fieldset class="flex flex-col gap-3" data-testid="delivery-choices">
                        <legend class="mb-1 font-semibold">{i18n.tr(Key::DeliveryHeading)}</legend>
                        {choices}
                    </fieldset>
                    <Field name="coupon" label=Key::CouponCode error />
                    <fieldset class="flex flex-col gap-2">
                        <legend class="mb-1 font-semibold">{i18n.tr(Key::PaymentMethod)}</legend>
                        <label class="flex items-center gap-2"><input type="radio" name="payment" value="mpesa" checked /> {i18n.tr(Key::PayWithMpesa)}</label>
                        {if cod { view! { <label class="flex items-center gap-2"><input type="radio" name="payment" value="cod" /> {i18n.tr(Key::CashOnDelivery)}</label> }.into_any() } else { view! { <p class="text-sm text-stone-500">{i18n.tr(Key::CodNotEverywhere)}</p> }.into_any() }}
                    </fieldset>
                    <SubmitButton label=Key::PlaceOrder pending=place.pending() />
                </ActionForm>
            </section>
            <aside class="rounded-2xl bg-white p-4 shadow-sm" data-testid="checkout-summary">
                <h2 class="mb-2 font-semibold">{i18n.tr(Key::OrderSummary)}</h2>
                {d.cart.groups.into_iter().map(|g| view! {
                    <div class="mb-2">
                        <p class="text-sm font-semibold">{g.vendor_name}</p>
                        <ul class="text-sm">
                            {g.lines.into_iter().map(|l| view! {
                                <li class="flex justify-between gap-2"><span>{l.row.quantity} " × " {l.row.title.clone()}</span><span>{money(l.total, &l.row.currency)}</span></li>
                            }).collect_view()}
                        </ul>
                    </div>
                }).collect_view()}
                <p class="mt-2 flex justify-between border-t border-stone-200 pt-2 font-bold"><span>{i18n.tr(Key::CartTotal)}</span><span data-testid="checkout-total">{money(total, &currency)}</span></p>
                <p class="text-xs text-stone-500">{i18n.tr(Key::VatIncluded)} " (" {d.vat_percent} "%): " {money(d.vat_included, &currency)}</p>
            </aside>
        </div>
    }
    .into_any()
}

/// Pickup or delivery for one shop's part, with the shop's fees. Delivery is preselected when
/// the shop offers it.
#[component]
fn DeliveryChoice(
    shop: Uuid,
    name: String,
    offer: Option<DeliveryOffer>,
    currency: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let field = format!("delivery[shop-{shop}]");
    let (pickup, fee, zones) = offer.map_or((true, None, String::new()), |o| {
        (o.pickup, o.flat_fee, o.zones)
    });
    let delivers = fee.is_some() || !zones.is_empty();
    view! {
        <div class="rounded-xl border border-stone-200 p-3 text-sm" data-testid="delivery-choice">
            <p class="font-semibold">{name}</p>
            {delivers.then(|| view! {
                <label class="flex items-center gap-2">
                    <input type="radio" name=field.clone() value="delivery" checked=true />
                    {i18n.tr(Key::DeliveredByShop)} {fee.map(|f| format!(" — {}", money(f, &currency)))}
                    {(!zones.is_empty()).then(|| view! { <span class="text-stone-500">" (" {zones.clone()} ")"</span> })}
                </label>
            })}
            {pickup.then(|| view! {
                <label class="flex items-center gap-2">
                    <input type="radio" name=field.clone() value="pickup" checked=!delivers />
                    {i18n.tr(Key::PickupAtShop)}
                </label>
            })}
            {(!delivers && !pickup).then(|| view! { <p class="text-red-800">{i18n.tr(Key::NoDeliveryOffered)}</p> })}
        </div>
    }
}

#[component]
pub fn OrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let orders = Resource::new_blocking(|| (), |_| my_orders());
    view! {
        <Title text=i18n.tr(Key::MyOrders) />
        <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::MyOrders)}</h1>
        {loaded(orders, move |list| view! {
            {list.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NoOrdersYet)}</p> })}
            <ul class="flex flex-col gap-2">
                {list.into_iter().map(|o| view! {
                    <li class="rounded-2xl bg-white p-3 shadow-sm">
                        <a class="font-semibold hover:underline" href=format!("/account/orders/{}", o.id)>{o.placed.clone()}</a>
                        " · " {money(o.total, &o.currency)}
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

#[component]
pub fn OrderRoute() -> impl IntoView {
    let params = use_params_map();
    // Bumped every few seconds while a payment is pending, so the page follows it; a new
    // prompt or a check refetches at once.
    let tick = RwSignal::new(0u32);
    let pay = ServerAction::<PayOrder>::new();
    let check = ServerAction::<CheckPayment>::new();
    let page = Resource::new_blocking(
        move || {
            (
                params
                    .read()
                    .get("id")
                    .and_then(|s| Uuid::parse_str(&s).ok()),
                tick.get(),
                pay.version().get() + check.version().get(),
            )
        },
        |(id, _, _)| async move {
            match id {
                Some(id) => order_details(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    #[cfg(feature = "hydrate")]
    {
        let handle = set_interval_with_handle(
            move || {
                let waiting = page
                    .get_untracked()
                    .and_then(Result::ok)
                    .and_then(|p| p.payment)
                    .is_some_and(|p| p.status == "pending");
                if waiting {
                    tick.update(|t| *t += 1);
                }
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
    loaded(page, move |page| view! { <Order page pay check /> })
}

/// Asking to return a delivered part (the server checks the return window).
#[component]
fn ReturnForm(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let ask = ServerAction::<RequestReturn>::new();
    let error = action_error(ask.into());
    view! {
        <details class="mt-2 text-sm">
            <summary class="cursor-pointer text-emerald-800 underline">{i18n.tr(Key::ReturnThis)}</summary>
            <ActionForm action=ask attr:class="mt-2 flex flex-wrap items-end gap-2" attr:novalidate=true>
                <FormError error />
                <input type="hidden" name="id" value=id.to_string() />
                <Field name="reason" label=Key::ReturnReason required=true error />
                <SubmitButton label=Key::ReturnThis pending=ask.pending() />
            </ActionForm>
        </details>
    }
}

/// Cancelling one shop's part, possible until the shop accepts it.
#[component]
fn CancelButton(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let cancel = ServerAction::<CancelPart>::new();
    view! {
        <ActionForm action=cancel attr:class="mt-2">
            <input type="hidden" name="id" value=id.to_string() />
            <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::CancelPart)}</button>
        </ActionForm>
    }
}

#[component]
fn Order(
    page: OrderPage,
    pay: ServerAction<PayOrder>,
    check: ServerAction<CheckPayment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let o = page.order;
    view! {
        <Title text=i18n.tr(Key::YourOrder) />
        <h1 class="text-2xl font-bold">{i18n.tr(Key::YourOrder)}</h1>
        <p class="mb-4 text-sm text-stone-600" data-testid="order-placed">
            {i18n.tr(Key::OrderPlacedOn)} " " {o.placed.clone()} " · "
            {if o.payment_method == "mpesa" { "M-Pesa" } else { i18n.t(Key::CashOnDelivery) }} " · "
            {o.street.clone()} ", " {o.town.clone()} ", " {o.county.clone()}
        </p>
        {page.payment.map(|p| view! { <PaymentPanel order=o.id p total=money(o.total.ceil(), &o.currency) cancelled=o.status == "cancelled" pay check /> })}
        <div class="flex flex-col gap-4" data-testid="order-parts">
            {page.parts.into_iter().map(|part| view! {
                <section class="rounded-2xl bg-white p-4 shadow-sm" data-testid="order-part">
                    <div class="flex items-center justify-between gap-2">
                        <h2 class="font-semibold"><a class="hover:underline" href=format!("/store/{}", part.vendor_slug)>{part.vendor_name.clone()}</a></h2>
                        <span class="rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900" data-testid="part-status">{i18n.tr(vendor_status_key(&part.status))}</span>
                    </div>
                    <ul class="mt-2 text-sm">
                        {part.items.iter().map(|it| view! {
                            <li class="flex justify-between gap-2">
                                <span class:line-through=it.refunded>{it.quantity} " × " {it.title.clone()} " " <span class="text-stone-500">{it.options.clone()}</span></span>
                                {it.refunded.then(|| view! { <span class="text-xs text-stone-500">{i18n.tr(Key::ItemRefunded)}</span> })}
                                <span>{money(it.line_total, &o.currency)}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                    <p class="mt-1 text-sm text-stone-600" data-testid="part-money">
                        {if part.delivery_method == "pickup" { i18n.tr(Key::PickupAtShop) } else { i18n.tr(Key::DeliveredByShop) }}
                        {(part.delivery_fee > Decimal::ZERO).then(|| format!(" {}", money(part.delivery_fee, &o.currency)))}
                        {(part.discount > Decimal::ZERO).then(|| format!(" · {} {} −{}", i18n.t(Key::DiscountLabel), part.coupon_code.clone().unwrap_or_default(), money(part.discount, &o.currency)))}
                        " · " <strong>{money(part.total, &o.currency)}</strong>
                    </p>
                    {(part.status == "awaiting_acceptance").then(|| view! { <CancelButton id=part.id /> })}
                    {(part.status == "delivered").then(|| view! { <ReturnForm id=part.id /> })}
                    <ol class="mt-3 border-l-2 border-emerald-200 pl-3 text-xs text-stone-600" aria-label=i18n.tr(Key::Timeline)>
                        {part.events.iter().map(|e| view! { <li>{e.at.clone()} " — " {i18n.tr(vendor_status_key(&e.status))}</li> }).collect_view()}
                    </ol>
                </section>
            }).collect_view()}
        </div>
        <p class="mt-4 text-right text-sm text-stone-600">
            {i18n.tr(Key::ItemsSubtotal)} " " {money(o.subtotal, &o.currency)}
            {(o.discount_total > Decimal::ZERO).then(|| format!(" · {} −{}", i18n.t(Key::DiscountLabel), money(o.discount_total, &o.currency)))}
            {(o.delivery_total > Decimal::ZERO).then(|| format!(" · {} {}", i18n.t(Key::DeliveryHeading), money(o.delivery_total, &o.currency)))}
        </p>
        <p class="text-right text-lg">{i18n.tr(Key::CartTotal)} ": " <strong data-testid="order-total">{money(o.total, &o.currency)}</strong></p>
        <p class="text-right text-xs text-stone-500">{i18n.tr(Key::VatIncluded)} ": " {money(o.vat_included, &o.currency)}</p>
    }
}

/// Where an M-Pesa payment stands. Without JavaScript the page refreshes itself while the
/// prompt is out; with it, the order route polls. "Check again" runs an STK query; after a
/// failed attempt the shopper sends a new prompt (to the same or another phone).
#[component]
fn PaymentPanel(
    order: Uuid,
    p: PaymentState,
    total: String,
    cancelled: bool,
    pay: ServerAction<PayOrder>,
    check: ServerAction<CheckPayment>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(pay.into());
    let check_error = action_error(check.into());
    let pending = p.status == "pending";
    let (tone, text) = match p.status.as_str() {
        "paid" => (
            "bg-emerald-50 text-emerald-900",
            i18n.tr(Key::PaymentReceived),
        ),
        "pending" => ("bg-amber-50 text-amber-900", i18n.tr(Key::CheckYourPhone)),
        _ if cancelled => (
            "bg-stone-100 text-stone-700",
            i18n.tr(Key::OrderNotPaidInTime),
        ),
        "failed" => ("bg-red-50 text-red-900", i18n.tr(Key::PaymentNotCompleted)),
        _ => ("bg-amber-50 text-amber-900", i18n.tr(Key::SendPrompt)),
    };
    view! {
        {pending.then(|| view! { <noscript><meta http-equiv="refresh" content="5" /></noscript> })}
        <section class=format!("mb-4 rounded-2xl p-4 {tone}") data-testid="payment-panel" data-status=p.status.clone() aria-live="polite">
            <p class="font-semibold" data-testid="payment-message">
                {text} {pending.then(|| format!(" {total} (+{})", p.phone.trim_start_matches('+')))}
            </p>
            {(p.status == "failed" && !cancelled).then(|| p.result.clone().map(|r| view! { <p class="text-sm">{r}</p> }))}
            {p.payable.then(|| view! { <p class="text-sm">{i18n.tr(Key::ItemsHeldFor)} " " {p.reserved_minutes_left}</p> })}
            {pending.then(|| view! {
                <ActionForm action=check attr:class="mt-2">
                    <FormError error=check_error />
                    <input type="hidden" name="id" value=order.to_string() />
                    <button type="submit" class="rounded-lg border border-current px-3 py-1 text-sm font-semibold">{i18n.tr(Key::CheckAgain)}</button>
                </ActionForm>
            })}
            {(p.payable && !pending).then(|| view! {
                <ActionForm action=pay attr:class="mt-2 flex flex-wrap items-end gap-2" attr:novalidate=true>
                    <FormError error />
                    <input type="hidden" name="id" value=order.to_string() />
                    <Field name="phone" label=Key::MpesaPhone kind="tel" value=p.phone.clone() required=true error />
                    <SubmitButton label=Key::SendPrompt pending=pay.pending() />
                </ActionForm>
            })}
        </section>
    }
}

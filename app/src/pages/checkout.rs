//! `/checkout`: the delivery address, pickup or delivery per shop, a coupon, the payment
//! method, and the summary with the VAT inside the total.

use crate::components::form::{Field, FormError, SubmitButton, action_error};
use crate::components::labels::money;
use crate::components::loaded::loaded;
use crate::domain::pricing::{DeliveryTerms, format_zones};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::checkout::{CheckoutData, PlaceOrder, SavedAddress, checkout_form};
use crate::wire::cart::DeliveryOffer;
use leptos::prelude::*;
use leptos_meta::Title;
use uuid::Uuid;

#[component]
pub fn CheckoutPage() -> impl IntoView {
    let i18n = use_i18n();
    let place = ServerAction::<PlaceOrder>::new();
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
    // Safe mode: say why checkout is closed instead of showing a form that would be refused.
    if let Some(message) = d.paused {
        return view! {
            <section class="rounded-2xl border border-amber-300 bg-amber-50 p-4" role="status" data-testid="orders-paused">
                <p class="font-semibold">{i18n.tr(Key::OrdersPausedTitle)}</p>
                <p class="mt-1">{message}</p>
                <a class="mt-2 inline-block text-emerald-800 underline" href="/cart">{i18n.tr(Key::BackToCart)}</a>
            </section>
        }
        .into_any();
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
    let cod = d.offers.iter().all(|o| o.terms.cash_on_delivery);
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
    // A shop the page knows nothing about is offered as pickup; checkout checks again.
    let terms = offer.map_or_else(
        || DeliveryTerms {
            pickup: true,
            ..DeliveryTerms::default()
        },
        |o| o.terms,
    );
    let delivers = terms.delivers();
    let (pickup, fee) = (terms.pickup, terms.flat_fee);
    let zones = format_zones(&terms.zones, ", ");
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

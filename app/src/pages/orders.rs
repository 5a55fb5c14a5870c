//! The shopper's orders: `/account/orders` and `/account/orders/<id>` with each shop's part,
//! its timeline, the M-Pesa payment and the cancel and return actions.

use crate::components::dispute::{DisputeCard, reason_key};
use crate::components::form::{Field, FormError, SubmitButton, action_error};
use crate::components::labels::{money, payment_method_text, vendor_status_key};
use crate::components::loaded::loaded;
use crate::domain::dispute::{DisputeReason, DisputeStatus};
use crate::domain::order::{OrderStatus, VendorOrderStatus};
use crate::domain::payment::PaymentStatus;
use crate::i18n::{Key, use_i18n};
use crate::islands::follow_payment::{FollowPayment, PaymentShown};
use crate::islands::seed::Seeded;
use crate::server_fns::disputes::{DisputeView, ReplyToAnswer};
use crate::server_fns::orders::{
    CancelPart, CheckPayment, OrderPage, PayOrder, PaymentState, RequestReturn, my_orders,
    order_details,
};
use leptos::prelude::*;
use leptos_meta::Title;
use rust_decimal::Decimal;
use uuid::Uuid;

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
    let id = crate::components::route::id_param();
    let pay = ServerAction::<PayOrder>::new();
    let check = ServerAction::<CheckPayment>::new();
    let reply = ServerAction::<ReplyToAnswer>::new();
    let page = Resource::new_blocking(
        move || {
            (
                id(),
                pay.version().get() + check.version().get() + reply.version().get(),
            )
        },
        |(id, _)| async move {
            match id {
                Some(id) => order_details(id).await,
                None => Err(crate::error::AppError::NotFound),
            }
        },
    );
    loaded(page, move |page| view! { <Order page pay check reply /> })
}

/// Opening a dispute: a plain multipart form (photos ride along), posted to the dispute
/// handler, which comes back here with the outcome.
#[component]
fn DisputeForm(order: Uuid, part: Uuid, reasons: Vec<DisputeReason>) -> impl IntoView {
    let i18n = use_i18n();
    let input = "rounded border border-stone-300 px-2 py-1";
    view! {
        <details class="mt-2 text-sm" data-testid="dispute-form">
            <summary class="cursor-pointer text-red-800 underline">{i18n.tr(Key::ProblemWithPart)}</summary>
            <form method="post" action="/account/disputes" enctype="multipart/form-data" class="mt-2 flex max-w-lg flex-col gap-2">
                <input type="hidden" name="order" value=order.to_string() />
                <input type="hidden" name="part" value=part.to_string() />
                <label class="flex flex-col gap-1">{i18n.tr(Key::DisputeReasonLabel)}
                    <select name="reason" required class=input>
                        {reasons.into_iter().map(|r| view! { <option value=r.as_str()>{i18n.tr(reason_key(r))}</option> }).collect_view()}
                    </select>
                </label>
                <label class="flex flex-col gap-1">{i18n.tr(Key::DisputeBody)}
                    <textarea name="body" required minlength="10" maxlength="2000" rows="3" class=input></textarea>
                </label>
                <label class="flex flex-col gap-1">{i18n.tr(Key::PhotosUpToThree)}
                    <input type="file" name="file" accept="image/jpeg,image/png,image/webp" multiple />
                </label>
                <p class="text-xs text-stone-600">{i18n.tr(Key::DisputeHeldNote)}</p>
                <button type="submit" class="self-start rounded-lg bg-red-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::OpenDispute)}</button>
            </form>
        </details>
    }
}

/// Reviewing a delivered item: a plain multipart form (photos ride along), posted to the
/// review handler, which comes back here with the outcome.
#[component]
fn ReviewForm(order: Uuid, item: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let input = "rounded border border-stone-300 px-2 py-1";
    view! {
        <details class="basis-full text-sm" data-testid="review-form">
            <summary class="cursor-pointer text-emerald-800 underline">{i18n.tr(Key::ReviewThisItem)}</summary>
            <form method="post" action="/account/reviews" enctype="multipart/form-data" class="mt-2 flex max-w-lg flex-col gap-2">
                <input type="hidden" name="order" value=order.to_string() />
                <input type="hidden" name="item" value=item.to_string() />
                <fieldset class="flex gap-3">
                    <legend class="text-xs">{i18n.tr(Key::YourStars)}</legend>
                    {[5, 4, 3, 2, 1].into_iter().map(|n| view! {
                        <label class="flex items-center gap-1">
                            <input type="radio" name="stars" value=n.to_string() required=true />
                            {n} "★"
                        </label>
                    }).collect_view()}
                </fieldset>
                <label class="flex flex-col gap-1">{i18n.tr(Key::ReviewBody)}
                    <textarea name="body" required minlength="2" maxlength="2000" rows="3" class=input></textarea>
                </label>
                <label class="flex flex-col gap-1">{i18n.tr(Key::PhotosUpToThree)}
                    <input type="file" name="file" accept="image/jpeg,image/png,image/webp" multiple />
                </label>
                <button type="submit" class="self-start rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::PostReview)}</button>
            </form>
        </details>
    }
}

/// The shopper's view of their dispute; once the shop answered, accept it or ask Sokoni.
#[component]
fn ShopperDispute(d: DisputeView, reply: ServerAction<ReplyToAnswer>) -> impl IntoView {
    let i18n = use_i18n();
    let id = d.id.to_string();
    let answered = d.status == DisputeStatus::Answered;
    let error = action_error(reply.into());
    view! {
        <DisputeCard d>
            {answered.then(|| {
                let button = move |value: &'static str, label: Key| {
                    let id = id.clone();
                    view! {
                        <ActionForm action=reply>
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="reply" value=value />
                            <button type="submit" class="rounded-lg border border-current px-3 py-1 font-semibold">{i18n.tr(label)}</button>
                        </ActionForm>
                    }
                };
                view! {
                    <FormError error />
                    <div class="mt-2 flex flex-wrap gap-2">
                        {button("accept", Key::AcceptAnswer)}
                        {button("escalate", Key::EscalateDispute)}
                    </div>
                }
            })}
        </DisputeCard>
    }
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

/// "I received it": completes the part and lets its money go to the shop now.
#[component]
fn ReceivedButton(id: Uuid) -> impl IntoView {
    let i18n = use_i18n();
    let confirm = ServerAction::<crate::server_fns::orders::ConfirmReceipt>::new();
    view! {
        <ActionForm action=confirm attr:class="mt-2">
            <input type="hidden" name="id" value=id.to_string() />
            <button type="submit" class="rounded-lg border border-emerald-700 px-3 py-1 text-sm font-semibold text-emerald-800">{i18n.tr(Key::ConfirmReceipt)}</button>
            <p class="text-xs text-stone-600">{i18n.tr(Key::ConfirmReceiptNote)}</p>
        </ActionForm>
    }
}

/// Cancelling one shop's part, possible until the shop accepts it.
#[component]
fn CancelButton(id: Uuid, label: Key) -> impl IntoView {
    let i18n = use_i18n();
    let cancel = ServerAction::<CancelPart>::new();
    view! {
        <ActionForm action=cancel attr:class="mt-2">
            <input type="hidden" name="id" value=id.to_string() />
            <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(label)}</button>
        </ActionForm>
    }
}

#[component]
fn Order(
    page: OrderPage,
    pay: ServerAction<PayOrder>,
    check: ServerAction<CheckPayment>,
    reply: ServerAction<ReplyToAnswer>,
) -> impl IntoView {
    let i18n = use_i18n();
    let o = page.order;
    view! {
        <Title text=i18n.tr(Key::YourOrder) />
        <h1 class="text-2xl font-bold">{i18n.tr(Key::YourOrder)}</h1>
        <p class="mb-4 text-sm text-stone-600" data-testid="order-placed">
            {i18n.tr(Key::OrderPlacedOn)} " " {o.placed.clone()} " · "
            {payment_method_text(o.payment_method, i18n.locale.get())} " · "
            {o.street.clone()} ", " {o.town.clone()} ", " {o.county.clone()}
        </p>
        <crate::components::form::UploadNotice />
        {page.payment.map(|p| view! { <PaymentPanel order=o.id p total=money(o.total.ceil(), &o.currency) cancelled=o.status == OrderStatus::Cancelled pay check /> })}
        <div class="flex flex-col gap-4" data-testid="order-parts">
            {page.parts.into_iter().map(|part| view! {
                <section class="rounded-2xl bg-white p-4 shadow-sm" data-testid="order-part">
                    <div class="flex items-center justify-between gap-2">
                        <h2 class="font-semibold"><a class="hover:underline" href=format!("/store/{}", part.vendor_slug)>{part.vendor_name.clone()}</a></h2>
                        <span class="rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900" data-testid="part-status">{i18n.tr(vendor_status_key(part.status))}</span>
                    </div>
                    <ul class="mt-2 text-sm">
                        {part.items.iter().map(|it| view! {
                            <li class="flex flex-wrap justify-between gap-2" data-testid="order-item">
                                <span class:line-through=it.refunded>{it.quantity} " × " {it.title.clone()} " " <span class="text-stone-500">{it.options.clone()}</span></span>
                                {it.refunded.then(|| view! { <span class="text-xs text-stone-500">{i18n.tr(Key::ItemRefunded)}</span> })}
                                <span>{money(it.line_total, &o.currency)}</span>
                                {it.my_stars.map(|n| view! {
                                    <span class="basis-full text-xs text-stone-600" data-testid="my-review">{i18n.tr(Key::YouRated)} " " {crate::components::reviews::stars(n)}</span>
                                })}
                                {it.reviewable.then(|| view! { <ReviewForm order=o.id item=it.id /> })}
                            </li>
                        }).collect_view()}
                    </ul>
                    <p class="mt-1 text-sm text-stone-600" data-testid="part-money">
                        {if part.delivery_method == "pickup" { i18n.tr(Key::PickupAtShop) } else { i18n.tr(Key::DeliveredByShop) }}
                        {(part.delivery_fee > Decimal::ZERO).then(|| format!(" {}", money(part.delivery_fee, &o.currency)))}
                        {(part.discount > Decimal::ZERO).then(|| format!(" · {} {} −{}", i18n.t(Key::DiscountLabel), part.coupon_code.clone().unwrap_or_default(), money(part.discount, &o.currency)))}
                        " · " <strong>{money(part.total, &o.currency)}</strong>
                    </p>
                    {part.ship_by.clone().map(|by| view! {
                        <p class="mt-1 text-sm text-stone-600" data-testid="ship-by">{i18n.tr(Key::ShipBy)} " " {by}</p>
                    })}
                    {part.status.shopper_may_cancel().then(|| view! { <CancelButton id=part.id label=Key::CancelPart /> })}
                    {part.ship_overdue.then(|| view! { <CancelButton id=part.id label=Key::CancelUnshipped /> })}
                    {(part.status == VendorOrderStatus::Delivered && part.dispute.is_none()).then(|| view! { <ReturnForm id=part.id /> })}
                    {(matches!(part.status, VendorOrderStatus::Shipped | VendorOrderStatus::Delivered) && part.dispute.is_none()).then(|| view! { <ReceivedButton id=part.id /> })}
                    {(!part.disputable.is_empty()).then(|| view! { <DisputeForm order=o.id part=part.id reasons=part.disputable.clone() /> })}
                    {part.dispute.clone().map(|d| view! { <ShopperDispute d reply /> })}
                    <ol class="mt-3 border-l-2 border-emerald-200 pl-3 text-xs text-stone-600" aria-label=i18n.tr(Key::Timeline)>
                        {part.events.iter().map(|e| view! {
                            <li>
                                {e.at.clone()} " — " {i18n.tr(vendor_status_key(e.status))}
                                {e.note.clone().filter(|n| !n.is_empty()).map(|n| format!(" ({n})"))}
                            </li>
                        }).collect_view()}
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

/// Where an M-Pesa payment stands. While the prompt is out the page follows the payment: an
/// island asks about it and reloads once it moved (without JavaScript, a refresh every 5 s). "Check again" runs an STK query; after a
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
    let pending = p.status == Some(PaymentStatus::Pending);
    let failed = p.status == Some(PaymentStatus::Failed);
    let (tone, text) = match p.status {
        Some(PaymentStatus::Paid) => (
            "bg-emerald-50 text-emerald-900",
            i18n.tr(Key::PaymentReceived),
        ),
        Some(PaymentStatus::Pending) => {
            ("bg-amber-50 text-amber-900", i18n.tr(Key::CheckYourPhone))
        }
        _ if cancelled => (
            "bg-stone-100 text-stone-700",
            i18n.tr(Key::OrderNotPaidInTime),
        ),
        Some(PaymentStatus::Failed) => {
            ("bg-red-50 text-red-900", i18n.tr(Key::PaymentNotCompleted))
        }
        None => ("bg-amber-50 text-amber-900", i18n.tr(Key::SendPrompt)),
    };
    // The panel's state for tests and styling: the attempt's status, or "none" before one.
    let status_attr = p.status.map_or("none", PaymentStatus::as_str);
    view! {
        {pending.then(|| view! { <noscript><meta http-equiv="refresh" content="5" /></noscript> })}
        <Seeded data=PaymentShown { order, status: p.status }><FollowPayment /></Seeded>
        <section class=format!("mb-4 rounded-2xl p-4 {tone}") data-testid="payment-panel" data-status=status_attr aria-live="polite">
            <p class="font-semibold" data-testid="payment-message">
                {text} {pending.then(|| format!(" {total} (+{})", p.phone.trim_start_matches('+')))}
            </p>
            {(failed && !cancelled).then(|| p.result.clone().map(|r| view! { <p class="text-sm">{r}</p> }))}
            {p.payable.then(|| view! { <p class="text-sm">{i18n.tr(Key::ItemsHeldFor)} " " {p.reserved_minutes_left}</p> })}
            {pending.then(|| view! {
                <ActionForm action=check attr:class="mt-2">
                    <FormError error=check_error />
                    <crate::components::form::FieldErrorLine error=check_error />
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

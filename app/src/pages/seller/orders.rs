//! `/seller/orders`: the shop's parts of orders, and the next step for each (accept or reject
//! with a reason, ship with a carrier note, mark delivered, accept or decline a return), and a
//! shopper's dispute to answer or settle with a full refund.

use crate::components::dispute::DisputeCard;
use crate::components::form::{FormError, action_error};
use crate::components::labels::{payment_method_text, vendor_status_key};
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::domain::dispute::DisputeStatus;
use crate::domain::order::VendorOrderStatus;
use crate::domain::{Currency, Money};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::disputes::{AnswerDispute, DisputeView, RefundDispute};
use crate::server_fns::shop_orders::{
    Fulfil, RefundItem, ShopOrderRow, shop_orders, shop_reliability,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ShopOrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let fulfil = ServerAction::<Fulfil>::new();
    let refund = ServerAction::<RefundItem>::new();
    let disputes = DisputeActions {
        answer: ServerAction::new(),
        refund: ServerAction::new(),
    };
    let orders = Resource::new_blocking(
        move || {
            (
                fulfil.version().get(),
                refund.version().get(),
                disputes.answer.version().get() + disputes.refund.version().get(),
            )
        },
        |_| shop_orders(),
    );
    let record = Resource::new_blocking(move || fulfil.version().get(), |_| shop_reliability());
    let error = action_error(fulfil.into());
    let refund_error = action_error(refund.into());
    let answer_error = action_error(disputes.answer.into());
    let settle_error = action_error(disputes.refund.into());
    view! {
        <Title text=i18n.tr(Key::ShopOrders) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::ShopOrders)}</h1>
        <SellerNav />
        <FormError error />
        <crate::components::form::FieldErrorLine error />
        <crate::components::form::FieldErrorLine error=refund_error />
        <FormError error=answer_error />
        <crate::components::form::FieldErrorLine error=answer_error />
        <FormError error=settle_error />
        {loaded(record, |record| view! { <crate::components::reliability::ReliabilityCard record /> })}
        {loaded(orders, move |list| view! {
            {list.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NoOrdersYet)}</p> })}
            <ul class="flex flex-col gap-3" data-testid="shop-orders">
                {list.into_iter().map(|o| view! { <ShopOrder o fulfil refund disputes /> }).collect_view()}
            </ul>
        })}
    }
}

#[derive(Clone, Copy)]
struct DisputeActions {
    answer: ServerAction<AnswerDispute>,
    refund: ServerAction<RefundDispute>,
}

/// A shopper's dispute about this part: answer it before the deadline, or refund in full.
#[component]
fn ShopDispute(d: DisputeView, actions: DisputeActions) -> impl IntoView {
    let i18n = use_i18n();
    let id = d.id.to_string();
    let awaiting = d.status == DisputeStatus::AwaitingShop;
    let open = d.status != DisputeStatus::Resolved;
    let answer_id = id.clone();
    view! {
        <DisputeCard d>
            {awaiting.then(|| view! {
                <ActionForm action=actions.answer attr:class="mt-2 flex flex-col gap-1">
                    <input type="hidden" name="id" value=answer_id />
                    <label class="flex flex-col text-xs">{i18n.tr(Key::YourAnswer)}
                        <textarea name="answer" required minlength="3" maxlength="2000" rows="2" class="rounded border border-stone-300 px-2 py-1 text-sm"></textarea>
                    </label>
                    <button type="submit" class="self-start rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::AnswerDispute)}</button>
                </ActionForm>
            })}
            {open.then(|| view! {
                <ActionForm action=actions.refund attr:class="mt-2">
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::RefundInFull)}</button>
                </ActionForm>
            })}
        </DisputeCard>
    }
}

#[component]
fn RefundItemButton(
    part: uuid::Uuid,
    item: uuid::Uuid,
    refund: ServerAction<RefundItem>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ActionForm action=refund>
            <input type="hidden" name="id" value=part.to_string() />
            <input type="hidden" name="item_id" value=item.to_string() />
            <button type="submit" class="text-xs text-red-700 underline">{i18n.tr(Key::RefundItem)}</button>
        </ActionForm>
    }
}

#[component]
fn ShopOrder(
    o: ShopOrderRow,
    fulfil: ServerAction<Fulfil>,
    refund: ServerAction<RefundItem>,
    disputes: DisputeActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let currency = Currency::parse(&o.currency).unwrap_or_default();
    let id = o.id.to_string();
    // (action, label, asks for a note, note label)
    let steps: Vec<(&'static str, Key, Option<Key>)> = match o.status {
        VendorOrderStatus::AwaitingAcceptance => vec![
            ("accept", Key::Accept, None),
            ("reject", Key::Reject, Some(Key::ReasonLabel)),
        ],
        VendorOrderStatus::Accepted => vec![("ship", Key::Ship, Some(Key::CarrierNote))],
        VendorOrderStatus::Shipped => vec![("deliver", Key::MarkDelivered, None)],
        VendorOrderStatus::ReturnRequested => vec![
            ("refund", Key::AcceptReturn, None),
            ("decline_return", Key::DeclineReturn, Some(Key::ReasonLabel)),
        ],
        _ => Vec::new(),
    };
    view! {
        <li class="rounded-2xl bg-white p-4 shadow-sm" data-testid="shop-order">
            <div class="flex flex-wrap items-center justify-between gap-2">
                <p class="font-semibold">{o.placed.clone()} " · " {o.buyer.clone()} " · " {o.phone.clone()}</p>
                <span class="rounded-full bg-amber-100 px-3 py-1 text-sm font-semibold text-amber-900" data-testid="shop-order-status">
                    {i18n.tr(vendor_status_key(o.status))}
                </span>
            </div>
            <ul class="text-sm" data-testid="shop-order-items">
                {o.item_ids.iter().zip(&o.item_labels).zip(&o.item_refunded).map(|((item, label), refunded)| {
                    let can_refund = !refunded && o.status.allows_item_refund();
                    view! {
                        <li class="flex flex-wrap items-center gap-2">
                            <span class:line-through=*refunded>{label.clone()}</span>
                            {refunded.then(|| view! { <span class="text-xs text-stone-500">{i18n.tr(Key::ItemRefunded)}</span> })}
                            {can_refund.then(|| view! { <RefundItemButton part=o.id item=*item refund /> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p class="text-sm text-stone-600">{if o.delivery_method == "pickup" { i18n.tr(Key::PickupAtShop) } else { i18n.tr(Key::DeliveredByShop) }}</p>
            {o.last_note.clone().map(|n| view! { <p class="text-sm italic text-stone-700">"“" {n} "”"</p> })}
            <p class="text-sm text-stone-600">{o.street.clone()} ", " {o.town.clone()} ", " {o.county.clone()}</p>
            <p class="text-sm">
                {Money::new(o.subtotal, currency).format()} " · " {i18n.tr(Key::YouReceive)} " " {Money::new(o.vendor_net, currency).format()}
                " · " {payment_method_text(o.payment_method, i18n.locale.get())}
            </p>
            <div class="mt-2 flex flex-wrap items-end gap-3">
                {steps.into_iter().map(|(action, label, note)| {
                    let id = id.clone();
                    view! {
                        <ActionForm action=fulfil attr:class="flex items-end gap-2">
                            <input type="hidden" name="id" value=id />
                            <input type="hidden" name="action" value=action />
                            {note.map(|k| view! {
                                <label class="flex flex-col text-xs">{i18n.tr(k)}
                                    <input name="note" class="rounded border border-stone-300 px-2 py-1 text-sm" />
                                </label>
                            })}
                            <button type="submit" class="rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(label)}</button>
                        </ActionForm>
                    }
                }).collect_view()}
            </div>
            {o.dispute.clone().map(|d| view! { <ShopDispute d actions=disputes /> })}
        </li>
    }
}

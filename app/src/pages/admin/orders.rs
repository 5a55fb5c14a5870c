//! The admin's order desk: `/admin/orders` finds any order (number, shopper email, shop,
//! M-Pesa receipt; the newest without a search) and `/admin/orders/:id` shows its parts, payment
//! attempts, M-Pesa callbacks and ledger transactions, with an item refund that goes through
//! the shop's own ledger flow. Plain forms: no WASM.

use crate::components::form::{FieldErrorLine, FormError, QueryForm, action_error};
use crate::components::labels::money;
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::admin_orders::{AdminRefundItem, admin_order, find_orders};
use crate::wire::admin_orders::{AdminOrderView, AdminPart};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

const TH: &str = "p-2";
const TD: &str = "p-2 align-top";

#[component]
pub fn AdminOrdersPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let hits = Resource::new_blocking(q, find_orders);
    view! {
        <Title text=i18n.tr(Key::OrderDesk) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::OrderDesk)}</h1>
        <AdminNav />
        <QueryForm action="/admin/orders" label=Key::OrderSearch value=Signal::derive(q) />
        {loaded(hits, move |hits| view! {
            {hits.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NoOrdersFound)}</p> })}
            <div class="overflow-x-auto">
                <table class="w-full text-left text-sm" data-testid="orders-found">
                    <thead class="text-stone-500">
                        <tr>
                            <th class=TH>{i18n.tr(Key::OrderNumberLabel)}</th>
                            <th class=TH>{i18n.tr(Key::PlacedLabel)}</th>
                            <th class=TH>{i18n.tr(Key::ShopperLabel)}</th>
                            <th class=TH>{i18n.tr(Key::ShopsLabel)}</th>
                            <th class=TH>{i18n.tr(Key::TotalLabel)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {hits.into_iter().map(|o| view! {
                            <tr class="border-t border-stone-200">
                                <td class=TD><a class="font-mono text-emerald-800 underline" href=format!("/admin/orders/{}", o.id)>{o.number}</a></td>
                                <td class=TD>{o.placed}</td>
                                <td class=TD>{o.shopper}</td>
                                <td class=TD>{o.shops}</td>
                                <td class=TD>{money(o.total, &o.currency)} " · " {o.payment_method} " · " {o.status}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
    }
}

#[component]
pub fn AdminOrderPage() -> impl IntoView {
    let i18n = use_i18n();
    let refund = ServerAction::<AdminRefundItem>::new();
    let error = action_error(refund.into());
    let id_param = crate::components::route::id_param();
    let id = move || id_param().unwrap_or_default();
    let order = Resource::new_blocking(
        move || (id(), refund.version().get()),
        |(id, _)| admin_order(id),
    );
    let refunded = move || use_query_map().read().get("refunded").is_some();
    view! {
        <Title text=i18n.tr(Key::OrderDesk) />
        <AdminNav />
        {move || refunded().then(|| view! { <p class="mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status">{i18n.tr(Key::ItemWasRefunded)}</p> })}
        <FormError error />
        <FieldErrorLine error />
        {loaded(order, move |o| view! { <OrderDetail o refund /> })}
    }
}

#[component]
fn OrderDetail(o: AdminOrderView, refund: ServerAction<AdminRefundItem>) -> impl IntoView {
    let i18n = use_i18n();
    let order_id = o.order.id;
    let none = move || view! { <p class="text-sm text-stone-600">{i18n.tr(Key::NothingYet)}</p> };
    view! {
        <h1 class="mb-1 text-2xl font-bold">{i18n.tr(Key::OrderNumberLabel)} " " <span class="font-mono" data-testid="order-number">{o.order.number.clone()}</span></h1>
        <p class="mb-4 text-sm text-stone-700">
            {o.order.placed.clone()} " · " {o.order.shopper.clone()} " · " {money(o.order.total, &o.order.currency)}
            " · " {o.order.payment_method.clone()} " · " <span data-testid="order-status">{o.order.status.clone()}</span>
            <br />{i18n.tr(Key::DeliverTo)} ": " {o.address.clone()} " · " {o.phone.clone()}
        </p>
        <section class="mb-4">
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::PartsLabel)}</h2>
            <ul class="flex flex-col gap-3">
                {o.parts.into_iter().map(|p| view! { <Part p order_id refund /> }).collect_view()}
            </ul>
        </section>
        <section class="mb-4 rounded-2xl bg-white p-4 shadow-sm">
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::PaymentAttempts)}</h2>
            {o.payments.is_empty().then(none)}
            <ul class="text-sm" data-testid="payments">
                {o.payments.into_iter().map(|p| view! {
                    <li>{p.created} " · " {p.status} " · " {p.amount.to_string()} " · " {p.phone}
                        {p.receipt.map(|r| view! { " · " <span class="font-mono">{r}</span> })}
                        {p.result_desc.map(|d| view! { " · " <span class="text-stone-600">{d}</span> })}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class="mb-4 rounded-2xl bg-white p-4 shadow-sm">
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::CallbacksLabel)}</h2>
            {o.callbacks.is_empty().then(none)}
            <ul class="text-sm" data-testid="callbacks">
                {o.callbacks.into_iter().map(|c| view! {
                    <li>{c.received} " · " {c.kind} " · " {c.outcome} {c.flag.map(|f| format!(" · {f}"))}</li>
                }).collect_view()}
            </ul>
        </section>
        <section class="mb-4 rounded-2xl bg-white p-4 shadow-sm">
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::LedgerLabel)}</h2>
            {o.ledger.is_empty().then(none)}
            <ul class="text-sm" data-testid="ledger">
                {o.ledger.into_iter().map(|t| view! {
                    <li>{t.at} " · " <code>{t.kind}</code> " · " {money(t.amount, &t.currency)} {(!t.memo.is_empty()).then(|| format!(" · {}", t.memo))}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Part(p: AdminPart, order_id: Uuid, refund: ServerAction<AdminRefundItem>) -> impl IntoView {
    let i18n = use_i18n();
    let currency = "KES";
    let part_id = p.id;
    let refundable = p.refundable;
    view! {
        <li class="rounded-2xl bg-white p-4 shadow-sm" data-testid="order-part">
            <h3 class="font-semibold">{p.shop} " · " <span data-testid="part-status">{p.status}</span></h3>
            <p class="mb-2 text-sm text-stone-600">
                {money(p.subtotal, currency)} " · " {i18n.tr(Key::CommissionNet)} " " {money(p.commission, currency)} " / " {money(p.vendor_net, currency)}
                " · " {i18n.tr(Key::RefundedLabel)} " " {money(p.refunded_total, currency)}
            </p>
            <ul class="flex flex-col gap-2 text-sm">
                {p.items.into_iter().map(|item| {
                    let can_refund = refundable && !item.refunded;
                    view! {
                        <li data-testid="order-item" class="flex flex-wrap items-end justify-between gap-2 border-t border-stone-100 pt-2">
                            <span>
                                {item.title} {(!item.options.is_empty()).then(|| format!(" ({})", item.options))}
                                " × " {item.quantity} " · " {money(item.line_total, currency)}
                                {item.refunded.then(|| view! { " · " <strong data-testid="item-refunded">{i18n.tr(Key::RefundedLabel)}</strong> })}
                            </span>
                            {can_refund.then(|| view! {
                                <ActionForm action=refund attr:class="flex items-end gap-2">
                                    <input type="hidden" name="order_id" value=order_id.to_string() />
                                    <input type="hidden" name="part_id" value=part_id.to_string() />
                                    <input type="hidden" name="item_id" value=item.id.to_string() />
                                    <label class="flex flex-col text-xs">{i18n.tr(Key::ReasonLabel)}
                                        <input name="reason" required minlength="3" class="rounded border border-stone-300 px-2 py-1 text-sm" />
                                    </label>
                                    <button type="submit" class="rounded-lg border border-red-700 px-3 py-1 font-semibold text-red-800">{i18n.tr(Key::RefundItem)}</button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

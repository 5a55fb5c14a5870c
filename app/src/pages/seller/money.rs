//! `/seller/money`: the shop's balances (pending, available, owed for cash sales), a statement
//! line per part, and its payouts — all read from the ledger. Owners and accounting staff.

use crate::components::labels::{payment_method_text, vendor_status_key};
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::domain::{Currency, Money};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::shop_orders::shop_money;
use crate::wire::orders::PayoutHolds;
use leptos::prelude::*;
use leptos_meta::Title;
use rust_decimal::Decimal;

#[component]
pub fn ShopMoneyPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new_blocking(|| (), |_| shop_money());
    view! {
        <Title text=i18n.tr(Key::ShopMoney) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::ShopMoney)}</h1>
        <SellerNav />
        {loaded(data, move |m| {
            let currency = Currency::parse(&m.currency).unwrap_or_default();
            let fmt = move |d: Decimal| Money::new(d, currency).format();
            let holds = m.holds.clone();
            view! {
                <PayoutHoldNotices holds />
                <section class="mb-4 grid gap-3 sm:grid-cols-3" data-testid="shop-balances">
                    <p class="rounded-2xl bg-white p-4 shadow-sm">{i18n.tr(Key::PendingBalance)} <strong class="block text-xl" data-testid="balance-pending">{fmt(m.pending)}</strong></p>
                    <p class="rounded-2xl bg-white p-4 shadow-sm">{i18n.tr(Key::AvailableBalance)} <strong class="block text-xl" data-testid="balance-available">{fmt(m.available)}</strong></p>
                    <p class="rounded-2xl bg-white p-4 shadow-sm">{i18n.tr(Key::OwedToPlatform)} <strong class="block text-xl" data-testid="balance-owed">{fmt(m.owed)}</strong></p>
                </section>
                // Refunds that land after a payout (a return, a dispute) come out of the
                // available balance and can take it below zero; released sales net it off.
                {(m.available < Decimal::ZERO).then(|| view! {
                    <p class="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status" data-testid="negative-balance">{i18n.tr(Key::NegativeBalance)}</p>
                })}
                <h2 class="mb-2 font-semibold">{i18n.tr(Key::Statement)}</h2>
                <div class="mb-6 overflow-x-auto rounded-2xl bg-white shadow-sm">
                    <table class="w-full text-sm" data-testid="statement">
                        <thead class="text-left text-stone-500"><tr>
                            <th class="p-2">{i18n.tr(Key::OrderPlacedOn)}</th><th class="p-2">{i18n.tr(Key::StatusHeading)}</th>
                            <th class="p-2 text-right">{i18n.tr(Key::Gross)}</th><th class="p-2 text-right">{i18n.tr(Key::DiscountLabel)}</th>
                            <th class="p-2 text-right">{i18n.tr(Key::DeliveryHeading)}</th><th class="p-2 text-right">{i18n.tr(Key::Commission)}</th>
                            <th class="p-2 text-right">{i18n.tr(Key::Net)}</th><th class="p-2">{i18n.tr(Key::AvailableOn)}</th>
                        </tr></thead>
                        <tbody>
                            {m.statement.into_iter().map(|l| view! {
                                <tr class="border-t border-stone-100">
                                    <td class="p-2">{l.placed} " · " {payment_method_text(l.payment_method, i18n.locale.get())}</td>
                                    <td class="p-2">{i18n.tr(vendor_status_key(l.status))}</td>
                                    <td class="p-2 text-right">{fmt(l.gross)}</td>
                                    <td class="p-2 text-right">{fmt(l.discount)}</td>
                                    <td class="p-2 text-right">{fmt(l.delivery_fee)}</td>
                                    <td class="p-2 text-right">{fmt(l.commission)}</td>
                                    <td class="p-2 text-right font-semibold">{fmt(l.net)}</td>
                                    <td class="p-2">{l.available_on.unwrap_or_default()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                <h2 class="mb-2 font-semibold">{i18n.tr(Key::Payouts)}</h2>
                <ul class="flex flex-col gap-1 text-sm" data-testid="payouts">
                    {m.payouts.into_iter().map(|p| view! {
                        <li class="rounded-xl bg-white p-2 shadow-sm">{p.created} " · " {fmt(p.amount)} " → +" {p.phone} " · " <strong>{p.status.as_str()}</strong></li>
                    }).collect_view()}
                </ul>
            }
        })}
    }
}

/// Why payouts are not being sent, each with what to do about it.
#[component]
fn PayoutHoldNotices(holds: PayoutHolds) -> impl IntoView {
    let i18n = use_i18n();
    let notice = "mb-3 rounded-xl bg-amber-50 p-3 text-sm text-amber-900";
    view! {
        <div data-testid="payout-holds">
            {holds.phone_changed_until.map(|until| view! {
                <p class=notice>{i18n.tr(Key::PayoutsHeldUntil)} " " {until}</p>
            })}
            {holds.owner_email_unconfirmed.then(|| view! {
                <p class=notice>{i18n.tr(Key::PayoutsHeldOwnerEmail)}</p>
            })}
            {holds.owner_two_step_off.then(|| view! {
                <p class=notice>
                    {i18n.tr(Key::PayoutsHeldOwnerTwoStep)} " "
                    <a class="link" href="/account/two-factor">{i18n.tr(Key::TurnOnTwoStep)}</a>
                </p>
            })}
        </div>
    }
}

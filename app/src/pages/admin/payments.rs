//! `/admin/payments`: M-Pesa callbacks that were kept but moved nothing (unknown request,
//! wrong amount or phone, unreadable, paid after expiry), recent payouts and refunds, and
//! "run payouts now".

use crate::components::form::{FormError, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::domain::{Currency, Money};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::payments::{RunPayouts, payments_overview};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminPaymentsPage() -> impl IntoView {
    let i18n = use_i18n();
    let run = ServerAction::<RunPayouts>::new();
    let error = action_error(run.into());
    let data = Resource::new_blocking(move || run.version().get(), |_| payments_overview());
    view! {
        <Title text=i18n.tr(Key::AdminPayments) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::AdminPayments)}</h1>
        <AdminNav />
        <ActionForm action=run attr:class="mb-4">
            <FormError error />
            <button type="submit" class="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white">{i18n.tr(Key::RunPayoutsNow)}</button>
        </ActionForm>
        {loaded(data, move |d| view! {
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::FlaggedCallbacks)}</h2>
            {d.flagged.is_empty().then(|| view! { <p class="mb-4 text-stone-600">{i18n.tr(Key::NothingFlagged)}</p> })}
            <ul class="mb-6 flex flex-col gap-2" data-testid="flagged-callbacks">
                {d.flagged.into_iter().map(|f| view! {
                    <li class="rounded-2xl bg-white p-3 text-sm shadow-sm">
                        <p class="font-semibold">{f.received} " · " {f.kind} " · " {f.request_id.unwrap_or_default()}</p>
                        <p class="text-red-800">{f.flag.unwrap_or_default()}</p>
                        <details><summary class="cursor-pointer text-stone-500">"JSON"</summary><pre class="overflow-x-auto whitespace-pre-wrap break-all text-xs">{f.raw}</pre></details>
                    </li>
                }).collect_view()}
            </ul>
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::Payouts)}</h2>
            <ul class="flex flex-col gap-1 text-sm" data-testid="admin-payouts">
                {d.payouts.into_iter().map(|p| {
                    let amount = Money::new(p.amount, Currency::parse(&p.currency).unwrap_or_default()).format();
                    view! {
                        <li class="rounded-xl bg-white p-2 shadow-sm">
                            {p.created} " · " {p.purpose.as_str()} " · " {p.shop.unwrap_or_default()} " · " {amount} " → +" {p.phone} " · " <strong>{p.status.as_str()}</strong>
                            {p.result_desc.map(|r| view! { <span class="text-stone-500">" (" {r} ")"</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}

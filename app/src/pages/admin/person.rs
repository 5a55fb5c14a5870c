//! `/admin/people/:id`: one person as the console sees them: role and status, whether they log
//! in with two steps and confirmed their address, the shops they work in, their latest orders
//! (each opening on the order desk) and where they are logged in.

use crate::components::labels::money;
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::people::person_detail;
use crate::wire::admin::PersonDetail;
use leptos::prelude::*;
use leptos_meta::Title;

const CARD: &str = "mb-4 rounded-2xl bg-white p-4 shadow-sm";

#[component]
pub fn AdminPersonPage() -> impl IntoView {
    let i18n = use_i18n();
    let id_param = crate::components::route::id_param();
    let id = move || id_param().unwrap_or_default();
    let detail = Resource::new_blocking(id, person_detail);
    view! {
        <Title text=i18n.tr(Key::PersonPage) />
        <AdminNav />
        {loaded(detail, |d| view! { <Person d /> })}
    }
}

#[component]
fn Person(d: PersonDetail) -> impl IntoView {
    let i18n = use_i18n();
    let p = d.person;
    let none = move || view! { <p class="text-sm text-stone-600">{i18n.tr(Key::NothingYet)}</p> };
    let manage = format!(
        "/admin/people?q={}",
        form_urlencoded::byte_serialize(p.email.as_bytes()).collect::<String>()
    );
    view! {
        <h1 class="mb-1 text-2xl font-bold">{p.name}</h1>
        <p class="mb-1 text-stone-700" data-testid="person-summary">
            {p.email} " · " {p.role} " · " <span data-testid="person-status">{p.status}</span>
            " · " {i18n.tr(Key::Joined)} " " {p.joined}
        </p>
        <p class="mb-2 text-sm text-stone-600" data-testid="person-safeguards">
            {i18n.tr(if d.two_factor { Key::TwoStepOnShort } else { Key::TwoStepOffShort })} " · "
            {i18n.tr(if d.email_verified { Key::EmailConfirmedShort } else { Key::EmailUnconfirmedShort })}
        </p>
        <p class="mb-4 text-sm"><a class="text-emerald-800 underline" href=manage>{i18n.tr(Key::ManageOnPeopleList)}</a></p>
        <section class=CARD>
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::ShopsLabel)}</h2>
            {d.shops.is_empty().then(none)}
            <ul class="text-sm" data-testid="person-shops">
                {d.shops.into_iter().map(|s| view! {
                    <li>
                        <a class="text-emerald-800 underline" href=format!("/store/{}", s.slug)>{s.name}</a> " · " {s.role} " · " {s.status}
                        <crate::components::reliability::ReliabilityCard record=s.reliability />
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class=CARD>
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::LatestOrders)} " (" {p.orders} ")"</h2>
            {d.orders.is_empty().then(none)}
            <ul class="text-sm" data-testid="person-orders">
                {d.orders.into_iter().map(|o| view! {
                    <li>
                        <a class="font-mono text-emerald-800 underline" href=format!("/admin/orders/{}", o.id)>{o.number}</a>
                        " · " {o.placed} " · " {o.shops} " · " {money(o.total, &o.currency)} " · " {o.status}
                    </li>
                }).collect_view()}
            </ul>
        </section>
        <section class=CARD>
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::SessionsOpen)}</h2>
            {d.sessions.is_empty().then(none)}
            <ul class="text-sm" data-testid="person-sessions">
                {d.sessions.into_iter().map(|s| view! {
                    <li>{s.user_agent.chars().take(80).collect::<String>()} " · " {s.ip} " · " {i18n.tr(Key::LastSeen)} " " {s.last_seen} " UTC"</li>
                }).collect_view()}
            </ul>
        </section>
    }
}

//! The admin console's front page: what the platform holds right now.

use crate::i18n::{Key, use_i18n};
use crate::server_fns::admin::admin_overview;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminPage() -> impl IntoView {
    let i18n = use_i18n();
    let counts = Resource::new_blocking(|| (), |_| admin_overview());
    let card = move |label: Key, value: i64| {
        view! {
            <div class="rounded-2xl bg-white p-4 shadow-sm">
                <p class="text-sm text-stone-500">{i18n.tr(label)}</p>
                <p class="text-3xl font-bold">{value}</p>
            </div>
        }
    };
    view! {
        <Title text=i18n.tr(Key::AdminConsole) />
        <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::AdminOverview)}</h1>
        <crate::components::nav::AdminNav />
        <Suspense fallback=|| ()>
            <ErrorBoundary fallback=move |_| view! { <p role="alert">{i18n.tr(Key::ForbiddenTitle)}</p> }>
                {move || {
                    counts
                        .get()
                        .map(|r| {
                            r.map(|c| {
                                let fresh = c.categories == 0 || c.verified_vendors == 0;
                                view! {
                                    {fresh.then(|| view! { <Checklist categories=c.categories verified_shops=c.verified_vendors /> })}
                                    <div class="grid grid-cols-2 gap-4 md:grid-cols-3">
                                        {card(Key::Users, c.users)}
                                        {card(Key::Vendors, c.vendors)}
                                        {card(Key::Categories, c.categories)}
                                    </div>
                                }
                            })
                        })
                }}
            </ErrorBoundary>
        </Suspense>
    }
}

/// What a fresh install needs before shops can sell: shown until it has categories and a
/// verified shop. Tiers are a link only: their defaults are usable as they are.
#[component]
fn Checklist(categories: i64, verified_shops: i64) -> impl IntoView {
    let i18n = use_i18n();
    let item = move |done: Option<bool>, key: Key, href: &'static str| {
        let mark = match done {
            Some(true) => "✓",
            Some(false) => "○",
            None => "·",
        };
        view! {
            <li class="flex gap-2">
                <span aria-hidden="true" class="w-4 text-emerald-700">{mark}</span>
                <a href=href class="text-emerald-800 underline" class:line-through=done == Some(true)>{i18n.tr(key)}</a>
            </li>
        }
    };
    view! {
        <section class="mb-6 rounded-2xl border border-amber-300 bg-amber-50 p-4" data-testid="first-run">
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::FirstRunChecklist)}</h2>
            <ol class="flex flex-col gap-1">
                {item(Some(categories > 0), Key::ChecklistCategories, "/admin/categories")}
                {item(None, Key::ChecklistTiers, "/admin/shops#tiers")}
                {item(None, Key::ChecklistSettings, "/admin/settings")}
                {item(Some(verified_shops > 0), Key::ChecklistShops, "/admin/shops")}
            </ol>
        </section>
    }
}

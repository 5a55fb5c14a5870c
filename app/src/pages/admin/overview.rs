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
                                view! {
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

//! The navigation bars of the seller dashboard and the admin console, shown on each of their
//! pages.

use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;

/// The dashboard's own navigation, shown on each of its pages.
#[component]
pub fn SellerNav() -> impl IntoView {
    let i18n = use_i18n();
    let link = "rounded-lg px-3 py-1 hover:bg-emerald-50";
    view! {
        <nav class="mb-4 flex flex-wrap gap-2 text-sm font-medium text-emerald-900" aria-label=i18n.tr(Key::SellerDashboard)>
            <a class=link href="/seller">{i18n.tr(Key::MyListings)}</a>
            <a class=link href="/seller/listings/new">{i18n.tr(Key::NewListing)}</a>
            <a class=link href="/seller/orders">{i18n.tr(Key::ShopOrders)}</a>
            <a class=link href="/seller/money">{i18n.tr(Key::ShopMoney)}</a>
            <a class=link href="/seller/reviews">{i18n.tr(Key::SellerReviews)}</a>
            <a class=link href="/seller/promotions">{i18n.tr(Key::Promotions)}</a>
            <a class=link href="/seller/import">{i18n.tr(Key::ImportExport)}</a>
            <a class=link href="/seller/staff">{i18n.tr(Key::Staff)}</a>
            <a class=link href="/sell">{i18n.tr(Key::ShopDetails)}</a>
            <a class=link href="/account/notifications">{i18n.tr(Key::Notifications)} <UnreadCount /></a>
        </nav>
    }
}

/// The logged-in person's unread notifications, " (3)", or nothing.
#[component]
pub fn UnreadCount() -> impl IntoView {
    let session = crate::components::session::use_session();
    view! {
        <Transition fallback=|| ()>
            {move || session.user.get().and_then(|u| u.ok().flatten()).filter(|u| u.unread > 0).map(|u| view! {
                <span class="ml-1 rounded-full bg-amber-400 px-2 text-xs font-bold text-stone-900" data-testid="unread-count">{u.unread}</span>
            })}
        </Transition>
    }
}

/// The admin console's own navigation, with how many items wait in the inbox of each kind.
#[component]
pub fn AdminNav() -> impl IntoView {
    use crate::domain::moderation::InboxKind;
    let i18n = use_i18n();
    let link = "rounded-lg px-3 py-1 hover:bg-emerald-50";
    let counts = Resource::new(|| (), |_| crate::server_fns::moderation::inbox_counts());
    let waiting = move |kind: Option<InboxKind>| {
        counts.get().and_then(|c| c.ok()).map(|c| {
            let n: i64 = c
                .iter()
                .filter(|(k, _)| kind.is_none_or(|want| *k == want))
                .map(|(_, n)| n)
                .sum();
            (n > 0).then(|| {
                view! { <span class="ml-1 rounded-full bg-amber-200 px-2 text-xs text-amber-900">{n}</span> }
            })
        })
    };
    view! {
        <nav class="mb-4 flex flex-wrap gap-2 text-sm font-medium text-emerald-900" aria-label=i18n.tr(Key::AdminConsole)>
            <a class=link href="/admin">{i18n.tr(Key::AdminOverview)}</a>
            <a class=link href="/admin/inbox" data-testid="nav-inbox">
                {i18n.tr(Key::Inbox)}
                <Suspense fallback=|| ()>{move || waiting(None)}</Suspense>
            </a>
            <a class=link href="/admin/orders">{i18n.tr(Key::OrderDesk)}</a>
            <a class=link href="/admin/analytics">{i18n.tr(Key::Analytics)}</a>
            <a class=link href="/admin/categories">{i18n.tr(Key::Categories)}</a>
            <a class=link href="/admin/people">{i18n.tr(Key::People)}</a>
            <a class=link href="/admin/shops">
                {i18n.tr(Key::ShopApplications)}
                <Suspense fallback=|| ()>{move || waiting(Some(InboxKind::Shop))}</Suspense>
            </a>
            <a class=link href="/admin/listings">
                {i18n.tr(Key::ListingQueue)}
                <Suspense fallback=|| ()>{move || waiting(Some(InboxKind::Listing))}</Suspense>
            </a>
            <a class=link href="/admin/payments">{i18n.tr(Key::AdminPayments)}</a>
            <a class=link href="/admin/settings">{i18n.tr(Key::PlatformSettings)}</a>
            <a class=link href="/admin/audit">{i18n.tr(Key::AuditLog)}</a>
            <a class=link href="/admin/outbox">{i18n.tr(Key::DeadLetters)}</a>
        </nav>
    }
}

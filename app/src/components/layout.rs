//! Header and footer around every page.

use crate::components::language_switch::LanguageSwitch;
use crate::components::session::use_session;
use crate::domain::role::Area;
use crate::i18n::{Key, use_i18n};
use crate::islands::cart_count::{CartBadge, CartCount};
use crate::islands::search_box::{SearchBox, SearchBoxText};
use crate::islands::seed::Seeded;
use crate::server_fns::auth::UserView;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let cart_units = use_session().cart_units;
    view! {
        <a href="#main" class="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
            {i18n.tr(Key::SkipToContent)}
        </a>
        <header class="bg-emerald-800 text-white">
            <div class="max-w-6xl mx-auto px-4 py-3 flex flex-wrap items-center gap-3">
                <A href="/" attr:class="text-2xl font-extrabold tracking-tight">
                    "Sokoni"
                </A>
                <Seeded data=SearchBoxText { q: q(), label: i18n.t(Key::Search).to_owned(), placeholder: i18n.t(Key::SearchPlaceholder).to_owned() }>
                    <SearchBox />
                </Seeded>
                <nav class="ml-auto flex items-center gap-3" aria-label=i18n.tr(Key::MyAccount)>
                    <A href="/cart" attr:class="hover:underline">
                        {i18n.tr(Key::Cart)}
                        <Suspense fallback=|| ()>
                            {move || {
                                cart_units
                                    .get()
                                    .map(|units| view! { <Seeded data=CartBadge { units: units.unwrap_or(0) }><CartCount /></Seeded> })
                            }}
                        </Suspense>
                    </A>
                    <AccountMenu />
                </nav>
            </div>
        </header>
    }
}

#[component]
fn AccountMenu() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Transition fallback=|| ()>
            {move || {
                session
                    .user
                    .get()
                    .map(|user| match user.ok().flatten() {
                        Some(user) => view! { <UserMenu user /> }.into_any(),
                        None => {
                            view! {
                                <A href="/login" attr:class="hover:underline">{i18n.tr(Key::LogIn)}</A>
                                <A href="/register" attr:class="rounded-lg bg-white/10 px-3 py-1 hover:bg-white/20">
                                    {i18n.tr(Key::Register)}
                                </A>
                            }
                                .into_any()
                        }
                    })
            }}
        </Transition>
    }
}

/// A `<details>` menu: opens and closes without JavaScript.
#[component]
fn UserMenu(user: UserView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let link = "block px-4 py-2 hover:bg-stone-100";
    view! {
        <details class="relative">
            <summary class="cursor-pointer list-none rounded-lg bg-white/10 px-3 py-1" data-testid="account-menu">
                {user.name.clone()}
                {(user.unread > 0).then(|| view! {
                    <span class="ml-1 rounded-full bg-amber-400 px-2 text-xs font-bold text-stone-900" aria-label=i18n.tr(Key::Notifications)>{user.unread}</span>
                })}
            </summary>
            <div class="absolute right-0 z-10 mt-2 w-56 rounded-lg bg-white py-2 text-stone-900 shadow-lg">
                <A href="/account" attr:class=link>{i18n.tr(Key::MyAccount)}</A>
                <A href="/account/orders" attr:class=link>{i18n.tr(Key::MyOrders)}</A>
                <A href="/account/wishlist" attr:class=link>{i18n.tr(Key::Wishlist)}</A>
                <A href="/account/notifications" attr:class=link>{i18n.tr(Key::Notifications)} <crate::components::nav::UnreadCount /></A>
                {(user.role == crate::domain::Role::VendorStaff).then(|| view! { <A href="/seller" attr:class=link>{i18n.tr(Key::SellerDashboard)}</A> })}
                {user.role.may_enter(Area::Admin).then(|| view! { <A href="/admin" attr:class=link>{i18n.tr(Key::AdminConsole)}</A> })}
                <ActionForm action=session.logout>
                    <button type="submit" class="w-full text-left px-4 py-2 hover:bg-stone-100">{i18n.tr(Key::LogOut)}</button>
                </ActionForm>
            </div>
        </details>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <footer class="border-t border-stone-200 bg-white">
            <div class="max-w-6xl mx-auto px-4 py-6 flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
                <div class="text-sm text-stone-600">
                    <p class="font-semibold text-stone-800">"Sokoni"</p>
                    <p>{i18n.tr(Key::FooterAbout)}</p>
                    <a href="/sell" class="text-emerald-800 underline">{i18n.tr(Key::FooterSell)}</a>
                </div>
                <LanguageSwitch />
            </div>
        </footer>
    }
}

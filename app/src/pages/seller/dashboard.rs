//! `/seller`: the seller dashboard's catalog overview: every listing with its moderation
//! status and the reason of a rejection, and the variants running low on stock.

use crate::components::labels::status_key;
use crate::components::loaded::loaded;
use crate::components::media::Thumb;
use crate::components::nav::SellerNav;
use crate::domain::listing::options_label;
use crate::domain::{Currency, Money};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::seller::{Dashboard, seller_dashboard};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SellerPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Resource::new_blocking(|| (), |_| seller_dashboard());
    view! {
        <Title text=i18n.tr(Key::SellerDashboard) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::SellerDashboard)}</h1>
        <SellerNav />
        {loaded(data, |d| view! { <Overview d /> })}
    }
}

#[component]
fn Overview(d: Dashboard) -> impl IntoView {
    let i18n = use_i18n();
    let empty = d.listings.is_empty();
    let percent = (d.tier.commission_rate * rust_decimal::Decimal::from(100)).normalize();
    let used = d.listings.len();
    view! {
        <p class="mb-4 text-sm text-stone-700" data-testid="shop-tier">
            {i18n.tr(Key::MembershipTier)} ": " <strong>{d.tier.name.clone()}</strong>
            " · " {used} " / " {d.tier.listing_limit} " " {i18n.tr(Key::ListingsFound)}
            " · " {i18n.tr(Key::Commission)} " " {percent.to_string()} "%"
        </p>
        {(!d.low_stock.is_empty()).then(|| view! {
            <section class="mb-6 rounded-2xl border border-amber-200 bg-amber-50 p-4" data-testid="low-stock">
                <h2 class="mb-2 font-semibold text-amber-900">{i18n.tr(Key::LowStock)}</h2>
                <ul class="text-sm">
                    {d.low_stock.into_iter().map(|r| view! {
                        <li>
                            <a class="underline" href=format!("/seller/listings/{}", r.listing_id)>{r.title}</a>
                            " · " {r.sku} " " {options_label(&r.options)} " · " <strong>{r.stock}</strong>
                            " / " {r.low_stock_threshold}
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        })}
        {empty.then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NoListingsYet)}</p> })}
        <ul class="flex flex-col gap-2" data-testid="seller-listings">
            {d.listings.into_iter().map(|l| {
                let price = Money::new(l.price, Currency::parse(&l.currency).unwrap_or_default()).format();
                view! {
                    <li class="flex items-center gap-3 rounded-2xl bg-white p-3 shadow-sm">
                        <div class="w-14 shrink-0"><Thumb key=l.cover.clone() alt=l.title.clone() /></div>
                        <div class="min-w-0 flex-1">
                            <a class="font-semibold hover:underline" href=format!("/seller/listings/{}", l.id)>{l.title.clone()}</a>
                            <p class="text-sm text-stone-600">
                                {price} " · " {i18n.tr(Key::Stock)} " " {l.stock} " · " {l.variants} " " {i18n.tr(Key::Variants)}
                            </p>
                            {l.rejection_reason.clone().filter(|_| l.status == "rejected").map(|r| view! {
                                <p class="text-sm text-red-800">{i18n.tr(Key::ReasonLabel)} ": " {r}</p>
                            })}
                        </div>
                        <span class="rounded-full bg-stone-100 px-2 py-1 text-xs font-semibold" data-testid="listing-status">
                            {i18n.tr(status_key(&l.status))}
                        </span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

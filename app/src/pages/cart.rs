//! `/cart`: one cart across shops, grouped by shop with subtotals, re-checked on every view
//! (a changed price, missing stock or a withdrawn listing is shown on its line).

use crate::components::form::{FormError, action_error};
use crate::components::labels::money;
use crate::components::loaded::loaded;
use crate::components::media::Thumb;
use crate::domain::cart::LineIssue;
use crate::domain::listing::options_label;
use crate::domain::pricing::format_zones;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::cart::{CartLine, ChangeCartLine, cart};
use crate::wire::cart::DeliveryOffer;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

#[component]
pub fn CartPage() -> impl IntoView {
    let i18n = use_i18n();
    let change = ServerAction::<ChangeCartLine>::new();
    let view = Resource::new_blocking(move || change.version().get(), |_| cart());
    let error = action_error(change.into());
    view! {
        <Title text=i18n.tr(Key::CartTitle) />
        <h1 class="text-2xl font-bold">{i18n.tr(Key::CartTitle)}</h1>
        <FormError error />
        {loaded(view, move |c| {
            let empty = c.groups.is_empty();
            view! {
                {empty.then(|| view! {
                    <p class="mt-4 text-stone-600">{i18n.tr(Key::CartEmpty)}</p>
                    <A href="/" attr:class="mt-4 inline-block text-emerald-800 underline">{i18n.tr(Key::ContinueShopping)}</A>
                })}
                <div class="mt-4 flex flex-col gap-6" data-testid="cart-groups">
                    {c.groups.into_iter().map(|g| {
                        let currency = g.lines.first().map(|l| l.row.currency.clone()).unwrap_or_default();
                        view! {
                        <section class="rounded-2xl bg-white p-4 shadow-sm" data-testid="cart-vendor">
                            <h2 class="mb-2 font-semibold">
                                <a class="hover:underline" href=format!("/store/{}", g.vendor_slug)>{g.vendor_name.clone()}</a>
                            </h2>
                            <ul class="flex flex-col gap-3">
                                {g.lines.into_iter().map(|line| view! { <Line line change /> }).collect_view()}
                            </ul>
                            {g.delivery.clone().map(|DeliveryOffer { terms: d, .. }| view! {
                                <p class="mt-3 text-sm text-stone-600" data-testid="vendor-delivery">
                                    {d.flat_fee.map(|f| format!("{} {} · ", i18n.t(Key::DeliveredByShop), money(f, &currency)))}
                                    {(!d.zones.is_empty()).then(|| format!("({}) · ", format_zones(&d.zones, ", ")))}
                                    {d.pickup.then(|| i18n.t(Key::PickupAtShop))}
                                </p>
                            })}
                            <p class="mt-3 text-right text-sm">
                                {i18n.tr(Key::ShopSubtotal)} ": "
                                <strong data-testid="vendor-subtotal">{money(g.subtotal, &currency)}</strong>
                            </p>
                        </section>
                    }}).collect_view()}
                </div>
                {(!empty).then(|| view! {
                    <p class="mt-4 text-right text-lg" data-testid="cart-total">
                        {i18n.tr(Key::CartTotal)} ": "
                        <strong>{c.totals.iter().map(|(cur, t)| money(*t, cur)).collect::<Vec<_>>().join(" + ")}</strong>
                    </p>
                    <p class="mt-2 text-right">
                        <a href="/checkout" class="inline-block rounded-lg bg-emerald-700 px-5 py-2 font-semibold text-white">{i18n.tr(Key::GoToCheckout)}</a>
                    </p>
                })}
                {(!c.saved.is_empty()).then(|| view! {
                    <section class="mt-8">
                        <h2 class="mb-2 text-lg font-semibold">{i18n.tr(Key::SavedForLater)}</h2>
                        <ul class="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm" data-testid="saved-for-later">
                            {c.saved.into_iter().map(|line| view! { <Line line change /> }).collect_view()}
                        </ul>
                    </section>
                })}
            }
        })}
    }
}

#[component]
fn Line(line: CartLine, change: ServerAction<ChangeCartLine>) -> impl IntoView {
    let i18n = use_i18n();
    let r = line.row.clone();
    let id = r.variant_id;
    let issue = line.issue.clone().map(|issue| match issue {
        LineIssue::Withdrawn => i18n.t(Key::LineWithdrawn).to_owned(),
        LineIssue::OutOfStock => i18n.t(Key::OutOfStock).to_owned(),
        LineIssue::NotEnoughStock { available } => format!("{} {available}", i18n.t(Key::OnlyLeft)),
        LineIssue::PriceChanged { was, now } => {
            format!(
                "{} {} → {}",
                i18n.t(Key::PriceChanged),
                money(was, &r.currency),
                money(now, &r.currency)
            )
        }
    });
    let options = options_label(&r.options);
    let button = "text-sm text-emerald-800 underline";
    let (save_action, save_label) = if r.saved {
        ("restore", Key::MoveToCart)
    } else {
        ("save", Key::SaveForLater)
    };
    view! {
        <li class="flex gap-3" data-testid="cart-line">
            <a href=format!("/p/{}", r.slug) class="w-16 shrink-0"><Thumb key=r.cover.clone() alt=r.title.clone() /></a>
            <div class="min-w-0 flex-1">
                <a href=format!("/p/{}", r.slug) class="font-semibold hover:underline">{r.title.clone()}</a>
                <p class="text-sm text-stone-600">{options} " · " {money(r.price_now, &r.currency)}</p>
                {issue.map(|text| view! { <p class="text-sm font-semibold text-amber-800" role="status" data-testid="line-issue">{text}</p> })}
                <div class="mt-1 flex flex-wrap items-center gap-3">
                    {(!r.saved).then(|| view! {
                        <ActionForm action=change attr:class="flex items-center gap-1">
                            <input type="hidden" name="variant_id" value=id.to_string() />
                            <input type="hidden" name="action" value="update" />
                            <input name="quantity" type="number" min="1" max="99" value=r.quantity.to_string()
                                aria-label=i18n.tr(Key::Quantity) class="w-16 rounded border border-stone-300 px-2 py-1" />
                            <button type="submit" class=button>{i18n.tr(Key::Update)}</button>
                        </ActionForm>
                    })}
                    <ActionForm action=change>
                        <input type="hidden" name="variant_id" value=id.to_string() />
                        <input type="hidden" name="action" value=save_action />
                        <button type="submit" class=button>{i18n.tr(save_label)}</button>
                    </ActionForm>
                    <ActionForm action=change>
                        <input type="hidden" name="variant_id" value=id.to_string() />
                        <input type="hidden" name="action" value="remove" />
                        <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::Remove)}</button>
                    </ActionForm>
                </div>
            </div>
            <p class="font-semibold">{(!r.saved).then(|| money(line.total, &r.currency))}</p>
        </li>
    }
}

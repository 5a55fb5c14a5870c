//! The admin's review queues: shop applications (`/admin/shops`, with KYC documents and the
//! membership tiers) and listings (`/admin/listings`).

use crate::components::decision::decision;
use crate::components::form::{Field, FormError, Select, SubmitButton, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::domain::media::{PhotoSize, photo_url};
use crate::domain::{Currency, Money};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::catalog::category_choices;
use crate::server_fns::commission::{AddCommissionRule, RemoveCommissionRule, commission_rules};
use crate::server_fns::moderation::{ReviewListing, pending_listings};
use crate::server_fns::vendor::{
    ReviewShop, SetShopTier, UpdateTier, membership_tiers, shop_applications,
};
use leptos::prelude::*;
use leptos_meta::Title;
use rust_decimal::Decimal;

#[component]
pub fn AdminShopsPage() -> impl IntoView {
    let i18n = use_i18n();
    let review = ServerAction::<ReviewShop>::new();
    let tier = ServerAction::<UpdateTier>::new();
    let shop_tier = ServerAction::<SetShopTier>::new();
    let queue = Resource::new_blocking(
        move || (review.version().get(), shop_tier.version().get()),
        |_| shop_applications(),
    );
    let tiers = Resource::new_blocking(move || tier.version().get(), |_| membership_tiers());
    let review_error = action_error(review.into());
    let shop_tier_error = action_error(shop_tier.into());
    let tier_error = action_error(tier.into());
    view! {
        <Title text=i18n.tr(Key::ShopApplications) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::ShopApplications)}</h1>
        <AdminNav />
        <FormError error=review_error />
        <crate::components::form::FieldErrorLine error=review_error />
        <FormError error=shop_tier_error />
        <crate::components::form::FieldErrorLine error=shop_tier_error />
        {loaded(queue, move |apps| view! {
            {apps.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::QueueEmpty)}</p> })}
            <ul class="flex flex-col gap-4" data-testid="shop-queue">
                {apps.into_iter().map(|(a, docs)| {
                    let status = a.verification_status.clone();
                    view! {
                        <li class="rounded-2xl bg-white p-4 shadow-sm">
                            <h2 class="font-semibold">
                                {a.business_name.clone()} " · /store/" {a.slug.clone()} " · "
                                <span data-testid="shop-status">{i18n.tr(crate::components::labels::status_key(&status))}</span>
                            </h2>
                            <p class="text-sm text-stone-600">
                                {a.applicant_email.clone().unwrap_or_default()} " · " {a.phone.clone()} " · " {a.town.clone()} ", " {a.county.clone()}
                                " · " {a.business_type.clone()} " · " {a.applied_at.chars().take(16).collect::<String>()}
                            </p>
                            <p class="my-2 whitespace-pre-line text-sm">{a.description.clone()}</p>
                            <ul class="mb-3 text-sm">
                                {docs.is_empty().then(|| view! { <li class="text-amber-800">{i18n.tr(Key::NoDocumentsYet)}</li> })}
                                {docs.into_iter().map(|d| view! {
                                    <li><a class="text-emerald-800 underline" target="_blank" href=format!("/admin/documents/{}", d.id)>{d.kind} ": " {d.file_name}</a></li>
                                }).collect_view()}
                            </ul>
                            {match a.verification_status.as_str() {
                                "pending" => decision!(i18n, review, "vendor_id", a.id, "/admin/shops", Some(("verify", Key::Verify)), Some(("reject", Key::Reject))).into_any(),
                                "verified" => decision!(i18n, review, "vendor_id", a.id, "/admin/shops", None, Some(("suspend", Key::Suspend))).into_any(),
                                "suspended" => decision!(i18n, review, "vendor_id", a.id, "/admin/shops", Some(("reinstate", Key::Reinstate)), None).into_any(),
                                _ => ().into_any(),
                            }}
                            {(a.verification_status == "verified").then(|| {
                                // The tiers' resource is read inside the queue's suspense, which
                                // waits for both.
                                let options = tiers.get().and_then(Result::ok).unwrap_or_default();
                                let current = a.tier.clone();
                                view! {
                                    <ActionForm action=shop_tier attr:class="mt-3 flex items-end gap-2">
                                        <input type="hidden" name="vendor_id" value=a.id.to_string() />
                                        <label class="flex flex-col text-xs">{i18n.tr(Key::MembershipTier)}
                                            <select name="tier" class="rounded border border-stone-300 px-2 py-1 text-sm">
                                                {options.into_iter().map(|t| {
                                                    let selected = t.code == current;
                                                    view! { <option value=t.code selected=selected>{t.name}</option> }
                                                }).collect_view()}
                                            </select>
                                        </label>
                                        <button type="submit" class="rounded-lg border border-emerald-700 px-3 py-1 text-sm font-semibold text-emerald-800">{i18n.tr(Key::SetTier)}</button>
                                    </ActionForm>
                                }
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <h2 id="tiers" class="mt-8 mb-2 text-xl font-bold">{i18n.tr(Key::MembershipTiers)}</h2>
        <FormError error=tier_error />
        <crate::components::form::FieldErrorLine error=tier_error />
        {loaded(tiers, move |tiers| view! {
            <ul class="flex flex-col gap-2" data-testid="tiers">
                {tiers.into_iter().map(|t| {
                    let percent = (t.commission_rate * Decimal::from(100)).normalize().to_string();
                    view! {
                        <li class="rounded-2xl bg-white p-3 shadow-sm">
                            <ActionForm action=tier attr:class="flex flex-wrap items-end gap-3">
                                <input type="hidden" name="code" value=t.code.clone() />
                                <span class="w-28 font-semibold">{t.name.clone()}</span>
                                <label class="flex flex-col text-xs">{i18n.tr(Key::ListingLimit)}
                                    <input name="listing_limit" value=t.listing_limit.to_string() class="w-24 rounded border border-stone-300 px-2 py-1 text-sm" />
                                </label>
                                <label class="flex flex-col text-xs">{i18n.tr(Key::CommissionPercent)}
                                    <input name="commission_percent" value=percent class="w-20 rounded border border-stone-300 px-2 py-1 text-sm" />
                                </label>
                                <button type="submit" class="rounded-lg border border-emerald-700 px-3 py-1 text-sm font-semibold text-emerald-800">{i18n.tr(Key::Save)}</button>
                            </ActionForm>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <CommissionRules />
    }
}

/// Commission rules: list, add (shop and/or category), remove.
#[component]
fn CommissionRules() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddCommissionRule>::new();
    let remove = ServerAction::<RemoveCommissionRule>::new();
    let error = action_error(add.into());
    let rules = Resource::new_blocking(
        move || (add.version().get(), remove.version().get()),
        |_| commission_rules(),
    );
    let categories = Resource::new_blocking(|| (), |_| category_choices());
    view! {
        <h2 class="mt-8 mb-2 text-xl font-bold">{i18n.tr(Key::CommissionRules)}</h2>
        {loaded(rules, move |rules| view! {
            <ul class="mb-3 flex flex-col gap-1 text-sm" data-testid="commission-rules">
                {rules.into_iter().map(|r| view! {
                    <li class="flex items-center justify-between gap-2 rounded-xl bg-white p-2 shadow-sm">
                        <span>
                            {r.shop.clone().unwrap_or_else(|| i18n.t(Key::EveryShop).into())} " · "
                            {r.category.clone().unwrap_or_else(|| i18n.t(Key::EveryCategory).into())} " · "
                            <strong>{(r.rate * Decimal::from(100)).normalize().to_string()} "%"</strong>
                        </span>
                        <ActionForm action=remove>
                            <input type="hidden" name="id" value=r.id.to_string() />
                            <button type="submit" class="text-sm underline">{i18n.tr(Key::Remove)}</button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {loaded(categories, move |cats| {
            let mut options = vec![(String::new(), String::new())];
            options.extend(cats.into_iter().map(|c| (c.id.to_string(), c.label)));
            view! {
                <ActionForm action=add attr:class="grid gap-3 rounded-2xl bg-white p-3 shadow-sm sm:grid-cols-4" attr:novalidate=true>
                    <FormError error />
                    <Field name="shop" label=Key::ShopSlugOptional error />
                    <Select name="category_id" label=Key::CategoryOptional options error />
                    <Field name="commission_percent" label=Key::CommissionPercent required=true error />
                    <SubmitButton label=Key::AddRule pending=add.pending() />
                </ActionForm>
            }
        })}
    }
}

#[component]
pub fn AdminListingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let review = ServerAction::<ReviewListing>::new();
    let queue = Resource::new_blocking(move || review.version().get(), |_| pending_listings());
    let error = action_error(review.into());
    view! {
        <Title text=i18n.tr(Key::ListingQueue) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::ListingQueue)}</h1>
        <AdminNav />
        <FormError error />
        <crate::components::form::FieldErrorLine error />
        {loaded(queue, move |items| view! {
            {items.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::QueueEmpty)}</p> })}
            <ul class="flex flex-col gap-4" data-testid="listing-queue">
                {items.into_iter().map(|l| {
                    let price = Money::new(l.price, Currency::parse(&l.currency).unwrap_or_default()).format();
                    view! {
                        <li class="rounded-2xl bg-white p-4 shadow-sm">
                            <h2 class="font-semibold">{l.title.clone()}</h2>
                            <p class="text-sm text-stone-600">
                                {l.vendor_name.clone()} " · " {l.category.clone()} " · " {price} " · " {l.variants} " " {i18n.tr(Key::Variants)}
                                " · " {l.tags.join(", ")}
                            </p>
                            <div class="my-2 flex gap-2">
                                {l.photos.iter().map(|k| view! { <img src=photo_url(k, PhotoSize::Thumb) alt="" class="h-20 w-20 rounded object-cover" /> }).collect_view()}
                            </div>
                            <p class="mb-3 whitespace-pre-line text-sm">{l.description.clone()}</p>
                            {decision!(i18n, review, "listing_id", l.id, "/admin/listings", Some(("approve", Key::Approve)), Some(("reject", Key::Reject)))}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}

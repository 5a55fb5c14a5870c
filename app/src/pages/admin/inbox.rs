//! `/admin/inbox`: everything waiting on an admin in one list, oldest first with its age:
//! shop applications, listings (an edit shows what changed since approval), flagged M-Pesa
//! callbacks and escalated disputes (refund in full, in part, or refuse, with reasons). Claim an item to work on it; decide it here (a refusal takes a reason); approve
//! ticked listings at once. Plain forms: no WASM.

use crate::components::decision::decision;
use crate::components::form::{FieldErrorLine, FormError, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::domain::moderation::{FieldChange, InboxKind};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::disputes::DecideDispute;
use crate::server_fns::moderation::{
    ApproveListings, ClaimItem, InboxItem, ResolveCallback, ReviewListing, inbox,
};
use crate::server_fns::reviews::ModerateReview;
use crate::server_fns::vendor::ReviewShop;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const GO: &str = "rounded-lg bg-emerald-700 px-3 py-1 text-sm font-semibold text-white";
const REASON: &str = "rounded border border-stone-300 px-2 py-1 text-sm";

fn kind_key(kind: InboxKind) -> Key {
    match kind {
        InboxKind::Shop => Key::InboxShops,
        InboxKind::Listing => Key::InboxListings,
        InboxKind::Callback => Key::InboxCallbacks,
        InboxKind::Dispute => Key::InboxDisputes,
        InboxKind::Review => Key::InboxReviews,
    }
}

/// The actions one page's forms use, made once for the page.
#[derive(Clone, Copy)]
struct Actions {
    claim: ServerAction<ClaimItem>,
    listing: ServerAction<ReviewListing>,
    shop: ServerAction<ReviewShop>,
    callback: ServerAction<ResolveCallback>,
    bulk: ServerAction<ApproveListings>,
    dispute: ServerAction<DecideDispute>,
    review: ServerAction<ModerateReview>,
}

#[component]
pub fn AdminInboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let actions = Actions {
        claim: ServerAction::new(),
        listing: ServerAction::new(),
        shop: ServerAction::new(),
        callback: ServerAction::new(),
        bulk: ServerAction::new(),
        dispute: ServerAction::new(),
        review: ServerAction::new(),
    };
    let query = use_query_map();
    let kind = move || query.read().get("kind").unwrap_or_default();
    let data = Resource::new_blocking(
        move || {
            (
                kind(),
                actions.claim.version().get(),
                actions.listing.version().get(),
                actions.shop.version().get(),
                actions.callback.version().get(),
                actions.bulk.version().get(),
                actions.dispute.version().get(),
                actions.review.version().get(),
            )
        },
        |(kind, ..)| inbox(kind),
    );
    let errors = [
        action_error(actions.claim.into()),
        action_error(actions.listing.into()),
        action_error(actions.shop.into()),
        action_error(actions.callback.into()),
        action_error(actions.bulk.into()),
        action_error(actions.dispute.into()),
        action_error(actions.review.into()),
    ];
    view! {
        <Title text=i18n.tr(Key::ModerationInbox) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::ModerationInbox)}</h1>
        <AdminNav />
        {errors.into_iter().map(|error| view! { <FormError error /> <FieldErrorLine error /> }).collect_view()}
        {loaded(data, move |d| {
            let here = match kind().as_str() {
                "" => "/admin/inbox".to_owned(),
                k => format!("/admin/inbox?kind={k}"),
            };
            let total: i64 = d.counts.iter().map(|(_, n)| n).sum();
            let count = |k: InboxKind| d.counts.iter().find(|(c, _)| *c == k).map_or(0, |(_, n)| *n);
            let tab = "rounded-full border px-3 py-1 text-sm";
            let listings_shown = d.items.iter().any(|i| i.kind == InboxKind::Listing);
            let bulk_back = here.clone();
            view! {
                <nav class="mb-4 flex flex-wrap gap-2" aria-label=i18n.tr(Key::ModerationInbox) data-testid="inbox-filters">
                    <a class=tab href="/admin/inbox">{i18n.tr(Key::InboxAll)} " (" {total} ")"</a>
                    {InboxKind::ALL.iter().map(|&k| view! {
                        <a class=tab href=format!("/admin/inbox?kind={k}") data-testid=format!("inbox-count-{k}")>
                            {i18n.tr(kind_key(k))} " (" {count(k)} ")"
                        </a>
                    }).collect_view()}
                </nav>
                {d.items.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::QueueEmpty)}</p> })}
                {listings_shown.then(|| view! {
                    <ActionForm action=actions.bulk attr:id="bulk-approve" attr:class="mb-3">
                        <input type="hidden" name="back" value=bulk_back />
                        <button type="submit" class=GO>{i18n.tr(Key::ApproveSelected)}</button>
                    </ActionForm>
                })}
                <ul class="flex flex-col gap-3" data-testid="inbox">
                    {d.items.into_iter().enumerate().map(|(n, item)| view! { <Item n item actions back=here.clone() /> }).collect_view()}
                </ul>
            }
        })}
    }
}

#[component]
fn Item(n: usize, item: InboxItem, actions: Actions, back: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = item.id.to_string();
    let (claim_id, claim_back) = (id.clone(), back.clone());
    let claim = match (&item.claimed_by, item.claimed_by_me) {
        (_, true) => view! { <span class="text-sm font-semibold text-emerald-800" data-testid="claimed">{i18n.tr(Key::YouAreOnIt)}</span> }.into_any(),
        (Some(who), false) => view! {
            <span class="text-sm text-amber-800" data-testid="claimed">{i18n.tr(Key::ClaimedBy)} " " {who.clone()}</span>
        }.into_any(),
        (None, false) => view! {
            <ActionForm action=actions.claim>
                <input type="hidden" name="kind" value=item.kind.as_str() />
                <input type="hidden" name="item_id" value=claim_id />
                <input type="hidden" name="back" value=claim_back />
                <button type="submit" class="rounded-lg border border-stone-400 px-3 py-1 text-sm">{i18n.tr(Key::ClaimItem)}</button>
            </ActionForm>
        }.into_any(),
    };
    let decide = match item.kind {
        InboxKind::Listing => view! { <ListingDecision n id=id.clone() item=item.clone() actions back=back.clone() /> }.into_any(),
        InboxKind::Shop => view! { <ShopDecision id=id.clone() actions back=back.clone() /> }.into_any(),
        InboxKind::Callback => view! { <CallbackDecision id=id.clone() actions back=back.clone() /> }.into_any(),
        InboxKind::Dispute => view! { <DisputeDecision id=id.clone() item=item.clone() actions back=back.clone() /> }.into_any(),
        InboxKind::Review => view! { <ReviewDecision id=id.clone() item=item.clone() actions back=back.clone() /> }.into_any(),
    };
    view! {
        <li class="rounded-2xl bg-white p-4 shadow-sm" data-testid="inbox-item" data-kind=item.kind.as_str()>
            <div class="mb-2 flex flex-wrap items-baseline justify-between gap-2">
                <h2 class="font-semibold">
                    <span class="mr-2 rounded bg-stone-100 px-2 py-0.5 text-xs uppercase text-stone-700">{i18n.tr(kind_key(item.kind))}</span>
                    {item.title.clone()}
                </h2>
                <p class="text-sm text-stone-600">
                    {item.party.clone()} " · " {i18n.tr(Key::WaitingFor)} " "
                    <strong data-testid="age">{item.age.clone()}</strong> " (" {item.waiting_since.clone()} " UTC)"
                </p>
            </div>
            <div class="mb-2">{claim}</div>
            {decide}
        </li>
    }
}

#[component]
fn Diff(changes: Vec<FieldChange>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="mb-3 w-full text-left text-sm" data-testid="edit-diff">
            <thead>
                <tr>
                    <th scope="col" class="pr-2">{i18n.tr(Key::ChangedField)}</th>
                    <th scope="col" class="pr-2">{i18n.tr(Key::ApprovedBefore)}</th>
                    <th scope="col">{i18n.tr(Key::AskedNow)}</th>
                </tr>
            </thead>
            <tbody>
                {changes.into_iter().map(|c| view! {
                    <tr class="align-top">
                        <th scope="row" class="pr-2 font-medium">{c.field}</th>
                        <td class="whitespace-pre-wrap pr-2"><del class="bg-red-50 text-red-900">{c.before}</del></td>
                        <td class="whitespace-pre-wrap"><ins class="bg-emerald-50 text-emerald-900 no-underline">{c.after}</ins></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ListingDecision(
    n: usize,
    id: String,
    item: InboxItem,
    actions: Actions,
    back: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let what = if item.is_edit {
        Key::EditOfApproved
    } else {
        Key::NewSubmission
    };
    view! {
        <p class="mb-2 text-sm">
            <span data-testid="listing-kind">{i18n.tr(what)}</span> " · "
            <a href="/admin/listings" class="text-emerald-800 underline">{i18n.tr(Key::ListingQueue)}</a>
        </p>
        {(!item.changes.is_empty()).then(|| view! { <Diff changes=item.changes.clone() /> })}
        <div class="flex flex-wrap items-end gap-3">
            <label class="flex items-center gap-1 text-sm">
                // Ticked boxes go with the bulk form above (the `form` attribute), indexed so
                // the list arrives as `ids`.
                <input type="checkbox" name=format!("ids[{n}]") value=id.clone() form="bulk-approve" />
                {i18n.tr(Key::SelectForBulk)}
            </label>
            {decision!(i18n, actions.listing, "listing_id", id, back, Some(("approve", Key::Approve)), Some(("reject", Key::Reject)))}
        </div>
    }
}

#[component]
fn ShopDecision(id: String, actions: Actions, back: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="mb-2 text-sm">
            <a href="/admin/shops" class="text-emerald-800 underline">{i18n.tr(Key::DocumentsAndDetails)}</a>
        </p>
        {decision!(i18n, actions.shop, "vendor_id", id, back, Some(("verify", Key::Verify)), Some(("reject", Key::Reject)))}
    }
}

#[component]
fn CallbackDecision(id: String, actions: Actions, back: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="mb-2 text-sm">
            <a href="/admin/payments" class="text-emerald-800 underline">{i18n.tr(Key::AdminPayments)}</a>
        </p>
        <ActionForm action=actions.callback attr:class="flex flex-wrap items-end gap-2">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="back" value=back />
            <label class="flex flex-col text-xs">{i18n.tr(Key::ResolutionNote)}<input name="note" required minlength="3" class=REASON /></label>
            <button type="submit" class=GO>{i18n.tr(Key::MarkResolved)}</button>
        </ActionForm>
    }
}

/// An escalated dispute: both sides' words and the photos, then the decision. A partial refund
/// takes an amount below what is still paid for the part.
#[component]
fn DisputeDecision(id: String, item: InboxItem, actions: Actions, back: String) -> impl IntoView {
    let i18n = use_i18n();
    let owed = item
        .dispute
        .as_ref()
        .map(|d| crate::components::labels::money(d.owed, &d.currency))
        .unwrap_or_default();
    let choice = move |value: &'static str, label: Key, extra: String| {
        view! {
            <label class="flex items-center gap-1 text-sm">
                <input type="radio" name="decision" value=value required=true />
                {i18n.tr(label)} {extra}
            </label>
        }
    };
    view! {
        {item.dispute.clone().map(|d| view! { <crate::components::dispute::DisputeCard d /> })}
        <ActionForm action=actions.dispute attr:class="mt-3 flex flex-wrap items-end gap-3" attr:data-testid="dispute-decision">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="back" value=back />
            <fieldset class="flex flex-col gap-1">
                <legend class="text-xs">{i18n.tr(Key::DecisionLabel)}</legend>
                {choice("full", Key::DecideFull, format!(" ({owed})"))}
                {choice("partial", Key::DecidePartial, String::new())}
                {choice("refuse", Key::DecideRefuse, String::new())}
            </fieldset>
            <label class="flex flex-col text-xs">{i18n.tr(Key::RefundAmount)}<input name="amount" inputmode="decimal" class=REASON /></label>
            <label class="flex flex-col text-xs">{i18n.tr(Key::DecisionNote)}<input name="note" required minlength="3" class=REASON /></label>
            <button type="submit" class=GO>{i18n.tr(Key::Decide)}</button>
        </ActionForm>
    }
}

/// A reported review with the reports' reasons: hide it (the reason is shown to the shop) or
/// keep it.
#[component]
fn ReviewDecision(id: String, item: InboxItem, actions: Actions, back: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        {item.review.clone().map(|r| {
            let reports = r.reports.clone();
            view! {
                <ul class="mb-2"><crate::components::reviews::ReviewItem r show_listing=true /></ul>
                <p class="text-sm font-semibold">{i18n.tr(Key::ReportsLabel)}</p>
                <ul class="mb-2 list-disc pl-5 text-sm" data-testid="review-reports">
                    {reports.into_iter().map(|why| view! { <li>{why}</li> }).collect_view()}
                </ul>
            }
        })}
        <ActionForm action=actions.review attr:class="flex flex-wrap items-end gap-3" attr:data-testid="review-decision">
            <input type="hidden" name="id" value=id />
            <input type="hidden" name="back" value=back />
            <label class="flex items-center gap-1 text-sm"><input type="radio" name="decision" value="hide" required=true />{i18n.tr(Key::HideReview)}</label>
            <label class="flex items-center gap-1 text-sm"><input type="radio" name="decision" value="keep" />{i18n.tr(Key::KeepReview)}</label>
            <label class="flex flex-col text-xs">{i18n.tr(Key::HideReason)}<input name="reason" class=REASON /></label>
            <button type="submit" class=GO>{i18n.tr(Key::Decide)}</button>
        </ActionForm>
    }
}

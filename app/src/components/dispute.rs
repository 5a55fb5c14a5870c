//! A dispute as all three sides read it: the claim with its photos, the shop's answer, where it
//! stands and how it ended. The forms that move it belong to each side's page.

use crate::components::labels::money;
use crate::domain::dispute::{DisputeOutcome, DisputeReason, DisputeStatus};
use crate::domain::media::{PhotoSize, photo_url};
use crate::i18n::{Key, use_i18n};
use crate::wire::disputes::DisputeView;
use leptos::prelude::*;

pub fn reason_key(reason: DisputeReason) -> Key {
    match reason {
        DisputeReason::NotReceived => Key::DisputeNotReceived,
        DisputeReason::NotAsDescribed => Key::DisputeNotAsDescribed,
        DisputeReason::Damaged => Key::DisputeDamaged,
        DisputeReason::ReturnRefused => Key::DisputeReturnRefused,
    }
}

fn status_key(status: DisputeStatus) -> Key {
    match status {
        DisputeStatus::AwaitingShop => Key::DisputeAwaitingShop,
        DisputeStatus::Answered => Key::DisputeAnswered,
        DisputeStatus::Escalated => Key::DisputeEscalated,
        DisputeStatus::Resolved => Key::DisputeResolved,
    }
}

fn outcome_key(outcome: DisputeOutcome) -> Key {
    match outcome {
        DisputeOutcome::ShopRefunded => Key::OutcomeShopRefunded,
        DisputeOutcome::AnswerAccepted => Key::OutcomeAnswerAccepted,
        DisputeOutcome::FullRefund => Key::OutcomeFullRefund,
        DisputeOutcome::PartialRefund => Key::OutcomePartialRefund,
        DisputeOutcome::Refused => Key::OutcomeRefused,
    }
}

#[component]
pub fn DisputeCard(d: DisputeView, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let i18n = use_i18n();
    let waiting = d.status == DisputeStatus::AwaitingShop;
    view! {
        <section class="mt-3 rounded-xl border border-amber-300 bg-amber-50 p-3 text-sm" data-testid="dispute" data-status=d.status.as_str()>
            <h3 class="font-semibold">
                {i18n.tr(Key::DisputeTitle)} ": " {i18n.tr(reason_key(d.reason))} " · "
                <span data-testid="dispute-status">{i18n.tr(status_key(d.status))}</span>
            </h3>
            <p class="text-xs text-stone-600">{d.opened.clone()} " · " {d.buyer.clone()} " → " {d.shop.clone()}</p>
            {waiting.then(|| view! { <p class="text-xs text-stone-700">{i18n.tr(Key::AnswerDue)} " " {d.answer_due.clone()}</p> })}
            <p class="mt-1 whitespace-pre-wrap">{d.body.clone()}</p>
            {(!d.photos.is_empty()).then(|| view! {
                <ul class="mt-2 flex gap-2">
                    {d.photos.iter().map(|key| view! {
                        <li>
                            <a href=photo_url(key, PhotoSize::Large)>
                                <img src=photo_url(key, PhotoSize::Thumb) alt=i18n.tr(Key::PhotosUpToThree) width="96" height="96" class="h-24 w-24 rounded-lg object-cover" loading="lazy" />
                            </a>
                        </li>
                    }).collect_view()}
                </ul>
            })}
            {d.shop_answer.clone().map(|a| view! {
                <p class="mt-2"><strong>{i18n.tr(Key::ShopAnswer)} ": "</strong><span class="whitespace-pre-wrap" data-testid="shop-answer">{a}</span></p>
            })}
            {d.outcome.map(|o| view! {
                <p class="mt-2 font-semibold" data-testid="dispute-outcome">
                    {i18n.tr(outcome_key(o))}
                    {d.refund_amount.map(|a| format!(" {}", money(a, &d.currency)))}
                </p>
            })}
            {d.decision_note.clone().map(|n| view! { <p class="whitespace-pre-wrap"><strong>{i18n.tr(Key::DecisionReasons)} ": "</strong>{n}</p> })}
            {children.map(|c| c())}
        </section>
    }
}

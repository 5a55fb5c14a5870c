//! A shop's reliability record with its grade and the rule behind the grade, for the shop's
//! orders page and the admin's page about its people.

use crate::domain::reliability::{Grade, Reliability};
use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;

#[component]
pub fn ReliabilityCard(record: Reliability) -> impl IntoView {
    let i18n = use_i18n();
    let grade = match record.grade() {
        Grade::New => i18n.t(Key::GradeNew).to_owned(),
        g => g.as_str().to_owned(),
    };
    let hours = |h: Option<f64>| h.map(|h| format!("{h:.1}")).unwrap_or_else(|| "—".into());
    let share = |n: i64, percent: f64| format!("{n} ({percent:.0}%)");
    let rows = [
        (
            Key::ReliabilityAccepted,
            share(record.accepted, record.acceptance_percent()),
        ),
        (
            Key::ReliabilityRejected,
            share(record.rejected, record.rejection_percent()),
        ),
        (
            Key::ReliabilityMissed,
            share(record.missed_deadline, record.missed_percent()),
        ),
        (
            Key::ReliabilityShopperCancelled,
            record.cancelled_by_shopper.to_string(),
        ),
        (
            Key::ReliabilityAcceptTime,
            hours(record.median_accept_hours),
        ),
        (Key::ReliabilityShipTime, hours(record.median_ship_hours)),
        (Key::ReliabilityDisputed, record.disputed.to_string()),
        (
            Key::ReliabilityDisputesLost,
            share(record.disputes_lost, record.disputes_lost_percent()),
        ),
    ];
    view! {
        <section class="mb-4 rounded-2xl bg-white p-4 shadow-sm" data-testid="reliability">
            <h2 class="font-semibold">{i18n.tr(Key::ReliabilityHeading)}</h2>
            <p class="my-1">{i18n.tr(Key::ReliabilityGrade)} ": " <strong class="text-xl" data-testid="reliability-grade">{grade}</strong></p>
            <dl class="grid grid-cols-2 gap-x-4 text-sm">
                {rows.into_iter().map(|(k, v)| view! { <dt class="text-stone-600">{i18n.tr(k)}</dt><dd>{v}</dd> }).collect_view()}
            </dl>
            <p class="mt-2 text-xs text-stone-500">{i18n.tr(Key::ReliabilityRule)}</p>
        </section>
    }
}

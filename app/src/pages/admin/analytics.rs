//! `/admin/analytics`: the platform's figures for a period (the last 7, 30 or 90 days, or two
//! dates) against the period before: sales, commission and take rate, orders and average
//! order, shoppers and shops, the M-Pesa success rate and why prompts failed, why parts were
//! dropped, how fast shops accept, ship and deliver (p50/p90), the top categories and shops,
//! and sales per day as an SVG chart with its data table. The same report downloads as CSV.
//! Server-rendered, no WASM.

use crate::components::labels::money;
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::domain::analytics::{PRESET_DAYS, bar_heights, change_percent};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::analytics::platform_analytics;
use crate::wire::analytics::{AnalyticsView, Ranked};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use rust_decimal::Decimal;

const CARD: &str = "rounded-2xl bg-white p-4 shadow-sm";
const CHART_WIDTH: u32 = 720;
const CHART_HEIGHT: u32 = 160;

#[component]
pub fn AdminAnalyticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |name: &str| query.read().get(name).unwrap_or_default();
    let ask = move || (param("days"), param("from"), param("to"));
    let report = Resource::new_blocking(ask, |(days, from, to)| platform_analytics(days, from, to));
    let csv = move || {
        let (days, from, to) = ask();
        format!("/admin/analytics.csv?days={days}&from={from}&to={to}")
    };
    view! {
        <Title text=i18n.tr(Key::PlatformAnalytics) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::PlatformAnalytics)}</h1>
        <AdminNav />
        <nav class="mb-3 flex flex-wrap items-end gap-2 text-sm" aria-label=i18n.tr(Key::PlatformAnalytics)>
            {PRESET_DAYS.iter().map(|&n| view! {
                <a class="rounded-full border px-3 py-1" href=format!("/admin/analytics?days={n}")>
                    {move || i18n.t(Key::LastDays).replace("{n}", &n.to_string())}
                </a>
            }).collect_view()}
            <form method="get" action="/admin/analytics" class="flex flex-wrap items-end gap-2">
                <label class="flex flex-col">{i18n.tr(Key::FromDate)}<input type="date" name="from" value=move || param("from") class="rounded border border-stone-300 px-2 py-1" /></label>
                <label class="flex flex-col">{i18n.tr(Key::ToDate)}<input type="date" name="to" value=move || param("to") class="rounded border border-stone-300 px-2 py-1" /></label>
                <button type="submit" class="rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::ShowPeriod)}</button>
            </form>
            <a class="text-emerald-800 underline" href=csv>{i18n.tr(Key::DownloadCsv)}</a>
        </nav>
        {loaded(report, |r| view! { <Report r /> })}
    }
}

/// A figure, what it was in the period before, and the change.
#[component]
fn Figure(label: Key, now: String, before: String, change: Option<Decimal>) -> impl IntoView {
    let i18n = use_i18n();
    let change = change.map(|c| {
        let (sign, class) = if c.is_sign_negative() {
            ("", "text-red-800")
        } else {
            ("+", "text-emerald-800")
        };
        view! { <span class=class>{format!("{sign}{c}%")}</span> }
    });
    view! {
        <div class=CARD data-testid="figure">
            <p class="text-sm text-stone-600">{i18n.tr(label)}</p>
            <p class="text-xl font-bold" data-testid="figure-value">{now}</p>
            <p class="text-xs text-stone-600">{i18n.tr(Key::Previously)} " " {before} " " {change}</p>
        </div>
    }
}

#[component]
fn RankedList(title: Key, rows: Vec<Ranked>, testid: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class=CARD>
            <h2 class="mb-2 font-semibold">{i18n.tr(title)}</h2>
            {rows.is_empty().then(|| view! { <p class="text-sm text-stone-600">{i18n.tr(Key::NothingYet)}</p> })}
            <ol class="list-decimal pl-5 text-sm" data-testid=testid>
                {rows.into_iter().map(|r| view! {
                    <li>{r.name} " · " {money(r.amount, "KES")} " · " {r.count}</li>
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn Report(r: AnalyticsView) -> impl IntoView {
    let i18n = use_i18n();
    let (n, b) = (r.now.clone(), r.before.clone());
    let kes = |d: Decimal| money(d, "KES");
    let count = |c: i64| Decimal::from(c);
    let success = if r.mpesa_attempts == 0 {
        "—".to_owned()
    } else {
        format!(
            "{}%",
            (Decimal::from(r.mpesa_paid * 100) / Decimal::from(r.mpesa_attempts)).round_dp(1)
        )
    };
    let figures = vec![
        (
            Key::Gmv,
            kes(n.gmv),
            kes(b.gmv),
            change_percent(n.gmv, b.gmv),
        ),
        (
            Key::CommissionRevenue,
            kes(n.commission),
            kes(b.commission),
            change_percent(n.commission, b.commission),
        ),
        (
            Key::TakeRate,
            format!("{}%", n.take_rate()),
            format!("{}%", b.take_rate()),
            None,
        ),
        (
            Key::OrdersFigure,
            n.orders.to_string(),
            b.orders.to_string(),
            change_percent(count(n.orders), count(b.orders)),
        ),
        (
            Key::AverageOrder,
            kes(n.average_order()),
            kes(b.average_order()),
            change_percent(n.average_order(), b.average_order()),
        ),
        (
            Key::ActiveShoppers,
            n.active_shoppers.to_string(),
            b.active_shoppers.to_string(),
            change_percent(count(n.active_shoppers), count(b.active_shoppers)),
        ),
        (
            Key::NewShoppers,
            n.new_shoppers.to_string(),
            b.new_shoppers.to_string(),
            change_percent(count(n.new_shoppers), count(b.new_shoppers)),
        ),
        (
            Key::ActiveShops,
            n.active_shops.to_string(),
            b.active_shops.to_string(),
            change_percent(count(n.active_shops), count(b.active_shops)),
        ),
        (
            Key::NewShops,
            n.new_shops.to_string(),
            b.new_shops.to_string(),
            change_percent(count(n.new_shops), count(b.new_shops)),
        ),
    ];
    view! {
        <p class="mb-3 text-sm text-stone-700" data-testid="period">
            {r.from.clone()} " – " {r.to.clone()} " (UTC) · " {i18n.tr(Key::ComparedWith)} " " {r.previous_from.clone()} " – " {r.previous_to.clone()}
        </p>
        <div class="mb-4 grid grid-cols-2 gap-3 md:grid-cols-3">
            {figures.into_iter().map(|(label, now, before, change)| view! { <Figure label now before change /> }).collect_view()}
        </div>
        <DailyChart r=r.clone() />
        <div class="mb-4 grid gap-3 md:grid-cols-2">
            <section class=CARD>
                <h2 class="mb-1 font-semibold">{i18n.tr(Key::MpesaSuccess)}</h2>
                <p class="text-xl font-bold" data-testid="mpesa-success">{success}</p>
                <p class="text-xs text-stone-600">{r.mpesa_paid} " / " {r.mpesa_attempts}</p>
            </section>
            <section class=CARD>
                <h2 class="mb-2 font-semibold">{i18n.tr(Key::StepTimes)}</h2>
                <table class="w-full text-left text-sm" data-testid="step-times">
                    <thead><tr><th scope="col">{i18n.tr(Key::StepLabel)}</th><th scope="col">"p50"</th><th scope="col">"p90"</th><th scope="col">{i18n.tr(Key::PartsLabel2)}</th></tr></thead>
                    <tbody>
                        {r.step_times.into_iter().map(|t| view! {
                            <tr><th scope="row" class="font-normal">{t.step}</th><td>{format!("{:.1} h", t.p50_hours)}</td><td>{format!("{:.1} h", t.p90_hours)}</td><td>{t.parts}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </section>
            <RankedList title=Key::MpesaFailures rows=r.mpesa_failures testid="mpesa-failures" />
            <RankedList title=Key::DropCauses rows=r.drop_causes testid="drop-causes" />
            <RankedList title=Key::TopCategories rows=r.top_categories testid="top-categories" />
            <RankedList title=Key::TopShops rows=r.top_shops testid="top-shops" />
        </div>
    }
}

/// Sales per day as bars drawn on the server, with the numbers as a table for screen readers
/// and for reading exact values.
#[component]
fn DailyChart(r: AnalyticsView) -> impl IntoView {
    let i18n = use_i18n();
    let values: Vec<Decimal> = r.daily.iter().map(|d| d.gmv).collect();
    let heights = bar_heights(&values, CHART_HEIGHT);
    let slot = CHART_WIDTH / (r.daily.len().max(1) as u32);
    let bar = slot.saturating_sub(2).max(1);
    let title = move || format!("{} {} – {}", i18n.t(Key::DailyGmv), r.from, r.to);
    view! {
        <section class="mb-4 rounded-2xl bg-white p-4 shadow-sm">
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::DailyGmv)}</h2>
            <svg viewBox=format!("0 0 {CHART_WIDTH} {CHART_HEIGHT}") class="h-40 w-full" role="img" aria-labelledby="daily-gmv-title" data-testid="daily-chart">
                <title id="daily-gmv-title">{title}</title>
                {r.daily.iter().zip(heights).enumerate().map(|(i, (d, h))| view! {
                    <rect x=(i as u32 * slot).to_string() y=(CHART_HEIGHT - h).to_string() width=bar.to_string() height=h.to_string() class="fill-emerald-600">
                        <title>{format!("{}: {}", d.day, money(d.gmv, "KES"))}</title>
                    </rect>
                }).collect_view()}
            </svg>
            <details class="mt-2 text-sm">
                <summary>{i18n.tr(Key::DataTable)}</summary>
                <table class="w-full text-left" data-testid="daily-table">
                    <thead><tr><th scope="col">{i18n.tr(Key::DayLabel)}</th><th scope="col">{i18n.tr(Key::Gmv)}</th><th scope="col">{i18n.tr(Key::OrdersFigure)}</th></tr></thead>
                    <tbody>
                        {r.daily.iter().map(|d| view! {
                            <tr><th scope="row" class="font-normal">{d.day.clone()}</th><td>{money(d.gmv, "KES")}</td><td>{d.orders}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </details>
        </section>
    }
}

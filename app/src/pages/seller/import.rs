//! `/seller/import`: CSV import with a per-row error report, and the CSV export link.

use crate::components::form::UploadNotice;
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::seller::last_import_report;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let report = Resource::new_blocking(|| (), |_| last_import_report());
    view! {
        <Title text=i18n.tr(Key::ImportExport) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::ImportExport)}</h1>
        <SellerNav />
        <div class="flex max-w-3xl flex-col gap-6">
            <UploadNotice />
            {loaded(report, move |report| report.map(|r| {
                let locale = i18n.locale.get_untracked();
                view! {
                    <section class="rounded-2xl bg-white p-6 shadow-sm" data-testid="import-report">
                        <h2 class="mb-2 text-lg font-semibold">{i18n.tr(Key::ImportReport)}</h2>
                        <p data-testid="import-summary">
                            {r.created} " " {i18n.tr(Key::ImportCreated)} ", " {r.updated} " " {i18n.tr(Key::ImportUpdated)}
                        </p>
                        {(!r.errors.is_empty() && !r.applied).then(|| view! {
                            <p class="mt-2 rounded-lg bg-red-50 p-3 text-red-900" role="alert">{i18n.tr(Key::ImportNothingApplied)}</p>
                        })}
                        {(!r.errors.is_empty()).then(|| view! {
                            <table class="mt-3 w-full text-left text-sm" data-testid="import-errors">
                                <thead><tr><th>{i18n.tr(Key::Row)}</th><th>{i18n.tr(Key::Column)}</th><th></th></tr></thead>
                                <tbody>
                                    {r.errors.into_iter().map(|e| view! {
                                        <tr class="border-t border-stone-200">
                                            <td class="py-1">{e.row}</td>
                                            <td class="py-1 font-mono">{e.column}</td>
                                            <td class="py-1">{locale.invalid(e.why)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        })}
                        {(r.more_errors > 0).then(|| view! {
                            <p class="mt-2 text-sm" data-testid="import-more-errors">
                                {format!("+{} ", r.more_errors)} {i18n.tr(Key::ImportMoreErrors)}
                            </p>
                        })}
                    </section>
                }
            }))}
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <h2 class="mb-2 text-lg font-semibold">{i18n.tr(Key::CsvImport)}</h2>
                <p class="mb-3 text-sm text-stone-600">{i18n.tr(Key::CsvImportHint)}</p>
                <form method="post" action="/seller/import" enctype="multipart/form-data" class="flex flex-col gap-3">
                    <input type="file" name="file" required accept=".csv,text/csv" aria-label=i18n.tr(Key::CsvImport) />
                    <label class="flex items-center gap-2 text-sm">
                        <input type="checkbox" name="valid_rows_only" />
                        {i18n.tr(Key::ImportValidRows)}
                    </label>
                    <button type="submit" class="self-start rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white">{i18n.tr(Key::Import)}</button>
                </form>
            </section>
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <a href="/seller/listings.csv" rel="external" download="listings.csv" class="text-emerald-800 underline">{i18n.tr(Key::CsvExport)}</a>
            </section>
        </div>
    }
}

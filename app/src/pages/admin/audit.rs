//! `/admin/audit`: the audit log, newest first, searchable by words (a plain GET form), with
//! older pages by cursor and the same rows as a CSV download.

use crate::components::form::QueryForm;
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::admin::audit_log;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AdminAuditPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let before = move || {
        query
            .read()
            .get("before")
            .and_then(|b| b.parse::<i64>().ok())
    };
    let page = Resource::new_blocking(move || (q(), before()), |(q, before)| audit_log(q, before));
    let encoded = move || form_urlencoded::byte_serialize(q().as_bytes()).collect::<String>();
    view! {
        <Title text=i18n.tr(Key::AuditLog) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::AuditLog)}</h1>
        <AdminNav />
        <QueryForm action="/admin/audit" label=Key::AuditSearch value=Signal::derive(q)>
            <a class="text-sm text-emerald-800 underline" href=move || format!("/admin/audit.csv?q={}", encoded())>{i18n.tr(Key::DownloadCsv)}</a>
        </QueryForm>
        {loaded(page, move |p| view! {
            {p.entries.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NothingAudited)}</p> })}
            <div class="overflow-x-auto">
                <table class="w-full text-left text-sm" data-testid="audit-log">
                    <thead class="text-stone-500">
                        <tr>
                            <th class="p-2">{i18n.tr(Key::AuditWhen)}</th>
                            <th class="p-2">{i18n.tr(Key::AuditWho)}</th>
                            <th class="p-2">{i18n.tr(Key::AuditAction)}</th>
                            <th class="p-2">{i18n.tr(Key::AuditWhat)}</th>
                            <th class="p-2">"IP"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {p.entries.into_iter().map(|e| view! {
                            <tr class="border-t border-stone-200 align-top">
                                <td class="p-2 whitespace-nowrap">{e.at}</td>
                                <td class="p-2">{e.actor_email.unwrap_or_default()} <span class="text-stone-500">" (" {e.actor_role} ")"</span></td>
                                <td class="p-2"><code>{e.action}</code></td>
                                <td class="p-2">{e.summary} <span class="block text-xs text-stone-500">{e.object_kind} " " {e.object_id}</span></td>
                                <td class="p-2 text-stone-500">{e.ip}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {p.next.map(|cursor| view! {
                <a class="mt-4 inline-block rounded-lg border border-emerald-700 px-4 py-2 text-emerald-800"
                    href=format!("/admin/audit?q={}&before={cursor}", encoded())>{i18n.tr(Key::OlderEntries)}</a>
            })}
        })}
    }
}

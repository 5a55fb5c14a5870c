//! `/admin/people`: find accounts by email or name (a plain GET form), see their role, shops,
//! orders and status, suspend (with a reason) or reinstate them, and make or unmake admins.

use crate::components::form::{FieldErrorLine, FormError, QueryForm, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::people::{
    Person, SendPasswordReset, SetPersonAdmin, SetPersonStatus, find_people,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const BUTTON: &str =
    "rounded-lg border border-emerald-700 px-3 py-1 text-sm font-semibold text-emerald-800";
const DANGER: &str =
    "rounded-lg border border-red-700 px-3 py-1 text-sm font-semibold text-red-800";

#[component]
pub fn AdminPeoplePage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let status = ServerAction::<SetPersonStatus>::new();
    let admin = ServerAction::<SetPersonAdmin>::new();
    let reset = ServerAction::<SendPasswordReset>::new();
    let reset_error = action_error(reset.into());
    let people = Resource::new_blocking(
        move || (q(), status.version().get(), admin.version().get()),
        |(q, _, _)| find_people(q),
    );
    let status_error = action_error(status.into());
    let admin_error = action_error(admin.into());
    let error = Signal::derive(move || {
        status_error
            .get()
            .or(admin_error.get())
            .or(reset_error.get())
    });
    view! {
        <Title text=i18n.tr(Key::People) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::People)}</h1>
        <AdminNav />
        <QueryForm action="/admin/people" label=Key::EmailOrName value=Signal::derive(q) />
        <FormError error />
        <FieldErrorLine error />
        {loaded(people, move |people| view! {
            {people.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NobodyFound)}</p> })}
            <ul class="flex flex-col gap-2" data-testid="people">
                {people.into_iter().map(|p| view! { <PersonRow p status admin reset /> }).collect_view()}
            </ul>
        })}
    }
}

#[component]
fn PersonRow(
    p: Person,
    status: ServerAction<SetPersonStatus>,
    admin: ServerAction<SetPersonAdmin>,
    reset: ServerAction<SendPasswordReset>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = p.id;
    let suspended = p.status == "suspended";
    let is_admin = p.role == "admin";
    let shops = p.shops.join(", ");
    view! {
        <li class="rounded-2xl bg-white p-3 shadow-sm" data-testid="person">
            <p class="font-semibold">
                <a class="text-emerald-800 underline" href=format!("/admin/people/{id}")>{p.name}</a>
                " · " <span data-testid="person-email">{p.email}</span>
            </p>
            <p class="text-sm text-stone-600">
                {p.role} " · " <span data-testid="person-status">{p.status}</span> " · " {i18n.tr(Key::Joined)} " " {p.joined}
                " · " {p.orders} " " {i18n.tr(Key::OrdersCount)}
                {(!shops.is_empty()).then(|| view! { " · " {shops} })}
            </p>
            <div class="mt-2 flex flex-wrap items-end gap-3">
                {if suspended {
                    view! {
                        <ActionForm action=status>
                            <input type="hidden" name="user_id" value=id.to_string() />
                            <input type="hidden" name="decision" value="reinstate" />
                            <button type="submit" class=BUTTON>{i18n.tr(Key::Reinstate)}</button>
                        </ActionForm>
                    }
                    .into_any()
                } else {
                    view! {
                        <ActionForm action=status attr:class="flex items-end gap-2">
                            <input type="hidden" name="user_id" value=id.to_string() />
                            <input type="hidden" name="decision" value="suspend" />
                            <label class="flex flex-col text-xs">{i18n.tr(Key::ReasonLabel)}
                                <input name="reason" required minlength="3" class="rounded border border-stone-300 px-2 py-1 text-sm" />
                            </label>
                            <button type="submit" class=DANGER>{i18n.tr(Key::Suspend)}</button>
                        </ActionForm>
                    }
                    .into_any()
                }}
                <ActionForm action=reset>
                    <input type="hidden" name="user_id" value=id.to_string() />
                    <button type="submit" class=BUTTON>{i18n.tr(Key::SendPasswordResetLink)}</button>
                </ActionForm>
                <ActionForm action=admin>
                    <input type="hidden" name="user_id" value=id.to_string() />
                    <input type="hidden" name="admin" value=(!is_admin).to_string() />
                    <button type="submit" class=if is_admin { DANGER } else { BUTTON }>
                        {i18n.tr(if is_admin { Key::RemoveAdmin } else { Key::MakeAdmin })}
                    </button>
                </ActionForm>
            </div>
        </li>
    }
}

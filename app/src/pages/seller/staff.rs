//! `/seller/staff`: the owner invites people by email with a role (they join when they
//! accept), withdraws invitations, and removes members.

use crate::components::form::{Field, FormError, Select, SubmitButton, action_error};
use crate::components::labels::role_key;
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::domain::vendor::StaffRole;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::vendor::{
    InviteStaff, RemoveStaff, WithdrawInvitation, sent_invitations, shop_staff,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<InviteStaff>::new();
    let remove = ServerAction::<RemoveStaff>::new();
    let withdraw = ServerAction::<WithdrawInvitation>::new();
    let staff = Resource::new_blocking(
        move || (add.version().get(), remove.version().get()),
        |_| shop_staff(),
    );
    let invited = Resource::new_blocking(
        move || (add.version().get(), withdraw.version().get()),
        |_| sent_invitations(),
    );
    let just_invited = move || {
        leptos_router::hooks::use_query_map()
            .read()
            .get("invited")
            .is_some()
    };
    let error = action_error(add.into());
    let roles = StaffRole::ALL
        .into_iter()
        .filter(|r| *r != StaffRole::Owner)
        .map(|r| {
            (
                r.as_str().to_owned(),
                i18n.t(role_key(r.as_str())).to_owned(),
            )
        })
        .collect::<Vec<_>>();
    view! {
        <Title text=i18n.tr(Key::Staff) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::Staff)}</h1>
        <SellerNav />
        <div class="grid gap-6 md:grid-cols-2">
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                {loaded(staff, move |members| view! {
                    <ul class="flex flex-col gap-2" data-testid="staff">
                        {members.into_iter().map(|m| {
                            let owner = m.role == "owner";
                            view! {
                                <li class="flex items-center gap-2">
                                    <span class="flex-1">{m.name} " · " <span class="text-stone-500">{m.email}</span></span>
                                    <span class="rounded-full bg-stone-100 px-2 text-xs">{i18n.tr(role_key(&m.role))}</span>
                                    {(!owner).then(|| view! {
                                        <ActionForm action=remove>
                                            <input type="hidden" name="user_id" value=m.user_id.to_string() />
                                            <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::Remove)}</button>
                                        </ActionForm>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                })}
                {loaded(invited, move |sent| (!sent.is_empty()).then(|| view! {
                    <h2 class="mt-6 mb-2 font-semibold">{i18n.tr(Key::InvitedNotYetAccepted)}</h2>
                    <ul class="flex flex-col gap-2" data-testid="invitations">
                        {sent.into_iter().map(|inv| view! {
                            <li class="flex items-center gap-2">
                                <span class="flex-1 text-stone-600">{inv.email}</span>
                                <span class="rounded-full bg-stone-100 px-2 text-xs">{i18n.tr(role_key(&inv.role))}</span>
                                <ActionForm action=withdraw>
                                    <input type="hidden" name="id" value=inv.id.to_string() />
                                    <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::Withdraw)}</button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }))}
                <p class="mt-4 text-xs text-stone-500">{i18n.tr(Key::StaffRolesHint)}</p>
            </section>
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <h2 class="mb-3 font-semibold">{i18n.tr(Key::AddStaff)}</h2>
                {move || just_invited().then(|| view! {
                    <p class="mb-3 rounded-lg bg-emerald-50 p-3 text-sm text-emerald-900" role="status">{i18n.tr(Key::InvitationSent)}</p>
                })}
                <ActionForm action=add attr:class="flex flex-col gap-3" attr:novalidate=true>
                    <FormError error />
                    <Field name="email" label=Key::Email kind="email" required=true error />
                    <Select name="role" label=Key::Role options=roles.clone() error />
                    <SubmitButton label=Key::AddStaff pending=add.pending() />
                </ActionForm>
            </section>
        </div>
    }
}

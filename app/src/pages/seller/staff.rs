//! `/seller/staff`: the owner adds existing accounts to the shop with a role, or removes them.

use crate::components::form::{Field, FormError, Select, SubmitButton, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::domain::vendor::StaffRole;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::vendor::{AddStaff, RemoveStaff, shop_staff};
use leptos::prelude::*;
use leptos_meta::Title;

pub fn role_key(role: &str) -> Key {
    match role {
        "owner" => Key::RoleOwner,
        "inventory" => Key::RoleInventory,
        "orders" => Key::RoleOrders,
        _ => Key::RoleAccounting,
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let i18n = use_i18n();
    let add = ServerAction::<AddStaff>::new();
    let remove = ServerAction::<RemoveStaff>::new();
    let staff = Resource::new_blocking(
        move || (add.version().get(), remove.version().get()),
        |_| shop_staff(),
    );
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
                <p class="mt-4 text-xs text-stone-500">{i18n.tr(Key::StaffRolesHint)}</p>
            </section>
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <h2 class="mb-3 font-semibold">{i18n.tr(Key::AddStaff)}</h2>
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

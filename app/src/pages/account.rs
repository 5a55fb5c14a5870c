//! The logged-in user's profile: name, phone and password; invitations to work at a shop, and
//! the shop they work at (which they may leave).

use crate::components::form::{Field, FieldErrorLine, FormError, SubmitButton, action_error};
use crate::components::labels::role_key;
use crate::components::loaded::loaded;
use crate::components::session::use_session;
use crate::error::AppError;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::account::{ChangePassword, LogOutOtherSessions, UpdateProfile, my_sessions};
use crate::server_fns::auth::UserView;
use crate::server_fns::vendor::{AnswerInvitation, LeaveShop, my_invitations, my_shop};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    view! {
        <Title text=i18n.tr(Key::MyAccount) />
        <Suspense fallback=|| ()>
            {move || {
                session
                    .user
                    .get()
                    .map(|user| match user {
                        Ok(Some(user)) => view! { <Profile user /> }.into_any(),
                        Ok(None) => view! { <LoginPrompt /> }.into_any(),
                        Err(e) => Err::<(), AppError>(e).into_any(),
                    })
            }}
        </Suspense>
    }
}

#[component]
fn LoginPrompt() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="text-center">
            <a href="/login?next=/account" class="text-emerald-800 underline">{i18n.tr(Key::PleaseLogIn)}</a>
        </p>
    }
}

#[component]
fn Profile(user: UserView) -> impl IntoView {
    let i18n = use_i18n();
    let update_profile = ServerAction::<UpdateProfile>::new();
    let change_password = ServerAction::<ChangePassword>::new();
    let saved = move || use_query_map().read().get("saved");
    let profile_error = action_error(update_profile.into());
    let password_error = action_error(change_password.into());
    let name = user.name.clone();
    let phone = user.phone.clone().unwrap_or_default();
    view! {
        <div class="mx-auto flex max-w-xl flex-col gap-6">
            <h1 class="text-2xl font-bold">{i18n.tr(Key::ProfileTitle)}</h1>
            <p class="text-stone-600">{user.email.clone()}</p>
            {(!user.email_verified).then(|| view! { <crate::components::email_unconfirmed::EmailNotConfirmed /> })}
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                {move || {
                    (saved().as_deref() == Some("profile"))
                        .then(|| view! { <p class="mb-3 text-emerald-800" role="status">{i18n.tr(Key::Saved)}</p> })
                }}
                <ActionForm action=update_profile attr:class="flex flex-col gap-4" attr:novalidate=true>
                    <FormError error=profile_error />
                    <Field name="name" label=Key::Name autocomplete="name" value=name required=true error=profile_error />
                    <Field name="phone" label=Key::Phone kind="tel" autocomplete="tel" value=phone error=profile_error />
                    <SubmitButton label=Key::SaveProfile pending=update_profile.pending() />
                </ActionForm>
            </section>
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <h2 class="mb-3 text-lg font-semibold">{i18n.tr(Key::ChangePassword)}</h2>
                {move || {
                    (saved().as_deref() == Some("password"))
                        .then(|| view! { <p class="mb-3 text-emerald-800" role="status">{i18n.tr(Key::PasswordChanged)}</p> })
                }}
                <ActionForm action=change_password attr:class="flex flex-col gap-4" attr:novalidate=true>
                    <FormError error=password_error />
                    <Field
                        name="current_password"
                        label=Key::CurrentPassword
                        kind="password"
                        autocomplete="current-password"
                        required=true
                        error=password_error
                    />
                    <Field
                        name="new_password"
                        label=Key::NewPassword
                        kind="password"
                        autocomplete="new-password"
                        hint=Key::PasswordHint
                        required=true
                        error=password_error
                    />
                    <SubmitButton label=Key::ChangePassword pending=change_password.pending() />
                </ActionForm>
            </section>
            <section class="rounded-2xl bg-white p-4 shadow-sm">
                <h2 class="mb-1 font-semibold">{i18n.tr(Key::TwoStepLogin)}</h2>
                <p class="mb-2 text-sm" data-testid="two-factor-state">
                    {i18n.tr(if user.two_factor { Key::TwoStepIsOn } else { Key::TwoStepIsOff })}
                </p>
                <a href="/account/two-factor" class="text-emerald-800 underline">{i18n.tr(Key::ManageTwoStep)}</a>
            </section>
            <MySessions />
            <ShopWork />
        </div>
    }
}

/// Where the account is logged in, and "log out other sessions".
#[component]
fn MySessions() -> impl IntoView {
    let i18n = use_i18n();
    let log_out_others = ServerAction::<LogOutOtherSessions>::new();
    let error = action_error(log_out_others.into());
    let sessions =
        // Not blocking: it is made inside the profile's suspended part (as in ShopWork).
        Resource::new(move || log_out_others.version().get(), |_| my_sessions());
    let done = move || use_query_map().read().get("saved").as_deref() == Some("sessions");
    view! {
        <section class="rounded-2xl bg-white p-4 shadow-sm" data-testid="my-sessions">
            <h2 class="mb-2 font-semibold">{i18n.tr(Key::YourSessions)}</h2>
            {move || done().then(|| view! { <p class="mb-2 text-sm text-emerald-800" role="status">{i18n.tr(Key::OtherSessionsEnded)}</p> })}
            <FormError error />
            {loaded(sessions, move |s| {
                let this = s.this_device;
                let others = s.sessions.iter().any(|x| Some(x.device_id) != this);
                view! {
                    <ul class="mb-3 flex flex-col gap-1 text-sm">
                        {s.sessions.into_iter().map(|x| {
                            let here = Some(x.device_id) == this;
                            view! {
                                <li data-testid="session">
                                    <span class="font-medium">{x.user_agent.chars().take(80).collect::<String>()}</span>
                                    " · " {x.ip} " · " {i18n.tr(Key::LastSeen)} " " {x.last_seen} " UTC"
                                    {here.then(|| view! { <strong class="ml-1 text-emerald-800">{i18n.tr(Key::ThisDevice)}</strong> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    {others.then(|| view! {
                        <ActionForm action=log_out_others>
                            <button type="submit" class="rounded-lg border border-red-700 px-3 py-1 text-sm font-semibold text-red-800">{i18n.tr(Key::LogOutOtherSessions)}</button>
                        </ActionForm>
                    })}
                }
            })}
        </section>
    }
}

/// Invitations to work at a shop (accept or decline), and the shop the user works at.
#[component]
fn ShopWork() -> impl IntoView {
    let i18n = use_i18n();
    let answer = ServerAction::<AnswerInvitation>::new();
    let leave = ServerAction::<LeaveShop>::new();
    let invitations = Resource::new(move || answer.version().get(), |_| my_invitations());
    let shop = Resource::new(
        move || (answer.version().get(), leave.version().get()),
        |_| my_shop(),
    );
    let error = action_error(answer.into());
    view! {
        {loaded(invitations, move |list| (!list.is_empty()).then(|| view! {
            <section class="rounded-2xl bg-white p-6 shadow-sm" data-testid="invitations">
                <h2 class="mb-3 text-lg font-semibold">{i18n.tr(Key::ShopInvitations)}</h2>
                <FieldErrorLine error />
                <ul class="flex flex-col gap-3">
                    {list.into_iter().map(|inv| {
                        let (accept_id, decline_id) = (inv.id.to_string(), inv.id.to_string());
                        view! {
                            <li class="flex flex-wrap items-center gap-2">
                                <span class="flex-1 font-semibold">{inv.business_name}</span>
                                <span class="rounded-full bg-stone-100 px-2 text-xs">{i18n.tr(role_key(&inv.role))}</span>
                                <ActionForm action=answer>
                                    <input type="hidden" name="id" value=accept_id />
                                    <input type="hidden" name="accept" value="true" />
                                    <button type="submit" class="rounded-lg bg-emerald-700 px-3 py-1 text-sm font-semibold text-white">{i18n.tr(Key::Accept)}</button>
                                </ActionForm>
                                <ActionForm action=answer>
                                    <input type="hidden" name="id" value=decline_id />
                                    <input type="hidden" name="accept" value="false" />
                                    <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::Decline)}</button>
                                </ActionForm>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        }))}
        {loaded(shop, move |membership| membership.filter(|m| m.my_role != "owner").map(|m| view! {
            <section class="rounded-2xl bg-white p-6 shadow-sm" data-testid="my-shop">
                <p>
                    {i18n.tr(Key::YouWorkAt)} " " <a href="/seller" class="font-semibold underline">{m.shop.business_name}</a>
                    " · " {i18n.tr(role_key(&m.my_role))}
                </p>
                <ActionForm action=leave attr:class="mt-3">
                    <button type="submit" class="text-sm text-red-700 underline">{i18n.tr(Key::LeaveShop)}</button>
                </ActionForm>
            </section>
        }))}
    }
}

//! The logged-in user's profile: name, phone and password.

use crate::components::form::{Field, FormError, SubmitButton, action_error};
use crate::components::session::use_session;
use crate::error::AppError;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::account::{ChangePassword, UpdateProfile};
use crate::server_fns::auth::UserView;
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
        </div>
    }
}

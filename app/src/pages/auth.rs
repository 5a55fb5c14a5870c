//! Log in, register, and set a forgotten password again.

use crate::components::form::{Field, FormError, SubmitButton, action_error};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::account::VerifyEmail;
use crate::server_fns::auth::{Login, Register, RequestPasswordReset, ResetPassword};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let login = ServerAction::<Login>::new();
    let error = action_error(login.into());
    let query = use_query_map();
    let next = move || query.read().get("next").unwrap_or_default();
    let was_reset = move || query.read().get("reset").is_some();
    view! {
        <Title text=i18n.tr(Key::LogIn) />
        <section class="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::LogInTitle)}</h1>
            {move || was_reset().then(|| view! {
                <p class="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status" data-testid="password-was-reset">{i18n.tr(Key::PasswordWasReset)}</p>
            })}
            <ActionForm action=login attr:class="flex flex-col gap-4" attr:novalidate=true>
                <FormError error />
                <Field name="email" label=Key::Email kind="email" autocomplete="email" required=true error />
                <Field name="password" label=Key::Password kind="password" autocomplete="current-password" required=true error />
                <input type="hidden" name="next" value=next />
                <SubmitButton label=Key::LogIn pending=login.pending() />
            </ActionForm>
            <p class="mt-4 flex flex-col gap-2 text-sm">
                <A href="/forgot-password" attr:class="text-emerald-800 underline">{i18n.tr(Key::ForgotPassword)}</A>
                <A href="/register" attr:class="text-emerald-800 underline">{i18n.tr(Key::NoAccountYet)}</A>
            </p>
        </section>
    }
}

/// `/forgot-password`: asks for the account's email and says the same thing afterwards
/// whether or not an account uses it.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let ask = ServerAction::<RequestPasswordReset>::new();
    let error = action_error(ask.into());
    let query = use_query_map();
    let sent =
        move || query.read().get("sent").is_some() || ask.value().get().is_some_and(|r| r.is_ok());
    view! {
        <Title text=i18n.tr(Key::ForgotPassword) />
        <section class="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::ForgotPassword)}</h1>
            {move || sent().then(|| view! {
                <p class="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status" data-testid="reset-sent">{i18n.tr(Key::ResetLinkSent)}</p>
            })}
            <ActionForm action=ask attr:class="flex flex-col gap-4" attr:novalidate=true>
                <FormError error />
                <Field name="email" label=Key::Email kind="email" autocomplete="email" required=true error />
                <SubmitButton label=Key::SendResetLink pending=ask.pending() />
            </ActionForm>
        </section>
    }
}

/// `/reset-password?token=…`: the e-mailed link's page, where the new password is set.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let i18n = use_i18n();
    let reset = ServerAction::<ResetPassword>::new();
    let error = action_error(reset.into());
    let token = move || use_query_map().read().get("token").unwrap_or_default();
    view! {
        <Title text=i18n.tr(Key::SetNewPassword) />
        <section class="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::SetNewPassword)}</h1>
            <ActionForm action=reset attr:class="flex flex-col gap-4" attr:novalidate=true>
                <FormError error />
                <crate::components::form::FieldErrorLine error />
                <input type="hidden" name="token" value=token />
                <Field
                    name="password"
                    label=Key::NewPassword
                    kind="password"
                    autocomplete="new-password"
                    hint=Key::PasswordHint
                    required=true
                    error
                />
                <SubmitButton label=Key::SetNewPassword pending=reset.pending() />
            </ActionForm>
            <p class="mt-4 text-sm">
                <A href="/forgot-password" attr:class="text-emerald-800 underline">{i18n.tr(Key::AskForNewLink)}</A>
            </p>
        </section>
    }
}

/// `/verify-email?token=…`: the mailed link's page. Confirming is a button (a form post), so a
/// mail scanner that fetches the link confirms nothing.
#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let i18n = use_i18n();
    let verify = ServerAction::<VerifyEmail>::new();
    let error = action_error(verify.into());
    let query = use_query_map();
    let token = move || query.read().get("token").unwrap_or_default();
    let done = move || query.read().get("done").is_some();
    view! {
        <Title text=i18n.tr(Key::ConfirmEmail) />
        <section class="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::ConfirmEmail)}</h1>
            {move || if done() {
                view! {
                    <p class="mb-4 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status" data-testid="email-confirmed">{i18n.tr(Key::EmailConfirmed)}</p>
                    <A href="/account" attr:class="text-emerald-800 underline">{i18n.tr(Key::MyAccount)}</A>
                }.into_any()
            } else {
                view! {
                    <p class="mb-4 text-stone-700">{i18n.tr(Key::ConfirmEmailIntro)}</p>
                    <ActionForm action=verify attr:class="flex flex-col gap-4">
                        <FormError error />
                        <crate::components::form::FieldErrorLine error />
                        <input type="hidden" name="token" value=token />
                        <SubmitButton label=Key::ConfirmMyEmail pending=verify.pending() />
                    </ActionForm>
                }.into_any()
            }}
        </section>
    }
}

#[component]
pub fn RegisterPage() -> impl IntoView {
    let i18n = use_i18n();
    let register = ServerAction::<Register>::new();
    let error = action_error(register.into());
    view! {
        <Title text=i18n.tr(Key::Register) />
        <section class="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::RegisterTitle)}</h1>
            <ActionForm action=register attr:class="flex flex-col gap-4" attr:novalidate=true>
                <FormError error />
                <Field name="name" label=Key::Name autocomplete="name" required=true error />
                <Field name="email" label=Key::Email kind="email" autocomplete="email" required=true error />
                <Field name="phone" label=Key::PhoneOptional kind="tel" autocomplete="tel" error />
                <Field
                    name="password"
                    label=Key::Password
                    kind="password"
                    autocomplete="new-password"
                    hint=Key::PasswordHint
                    required=true
                    error
                />
                <SubmitButton label=Key::CreateAccount pending=register.pending() />
            </ActionForm>
            <p class="mt-4 text-sm">
                <A href="/login" attr:class="text-emerald-800 underline">{i18n.tr(Key::HaveAccount)}</A>
            </p>
        </section>
    }
}

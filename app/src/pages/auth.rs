//! Log in and register.

use crate::components::form::{Field, FormError, SubmitButton, action_error};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::auth::{Login, Register};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let login = ServerAction::<Login>::new();
    let error = action_error(login.into());
    let next = move || use_query_map().read().get("next").unwrap_or_default();
    view! {
        <Title text=i18n.tr(Key::LogIn) />
        <section class="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm">
            <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::LogInTitle)}</h1>
            <ActionForm action=login attr:class="flex flex-col gap-4" attr:novalidate=true>
                <FormError error />
                <Field name="email" label=Key::Email kind="email" autocomplete="email" required=true error />
                <Field name="password" label=Key::Password kind="password" autocomplete="current-password" required=true error />
                <input type="hidden" name="next" value=next />
                <SubmitButton label=Key::LogIn pending=login.pending() />
            </ActionForm>
            <p class="mt-4 text-sm">
                <A href="/register" attr:class="text-emerald-800 underline">{i18n.tr(Key::NoAccountYet)}</A>
            </p>
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

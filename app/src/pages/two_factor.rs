//! Two-step login: the account page that turns it on (QR code and key, confirmed with a code;
//! recovery codes shown once) or off, and the login's second step.

use crate::components::form::{Field, FormError, SubmitButton, action_error};
use crate::components::loaded::loaded;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::auth::LoginSecondStep;
use crate::server_fns::two_factor::{
    ConfirmTwoFactor, DisableTwoFactor, NewRecoveryCodes, StartTwoFactor, two_factor_status,
};
use crate::wire::auth::TwoFactorView;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

const NOTICE: &str = "mb-3 rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900";
const BUTTON: &str = "rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white";

/// `/account/two-factor`.
#[component]
pub fn TwoFactorPage() -> impl IntoView {
    let i18n = use_i18n();
    let status = Resource::new_blocking(|| (), |_| two_factor_status());
    let asked = move || use_query_map().read().get("required").is_some();
    view! {
        <Title text=i18n.tr(Key::TwoStepLogin) />
        <section class="mx-auto flex max-w-xl flex-col gap-4 rounded-2xl bg-white p-6 shadow-sm" data-testid="two-factor">
            <h1 class="text-2xl font-bold">{i18n.tr(Key::TwoStepLogin)}</h1>
            <p class="text-stone-700">{i18n.tr(Key::TwoStepIntro)}</p>
            {move || asked().then(|| view! {
                <p class="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" role="alert">{i18n.tr(Key::TwoStepRequired)}</p>
            })}
            {loaded(status, |s| view! { <TwoFactorState s /> })}
        </section>
    }
}

#[component]
fn TwoFactorState(s: TwoFactorView) -> impl IntoView {
    let i18n = use_i18n();
    let required = (s.required).then(|| {
        view! { <p class="text-sm text-stone-600">{i18n.tr(Key::TwoStepRequired)}</p> }
    });
    let body = if s.on {
        view! { <TurnedOn fresh_codes=s.fresh_codes codes_left=s.codes_left required=s.required /> }
            .into_any()
    } else if let Some(e) = s.enrolment {
        view! { <Enrol secret=e.secret qr_svg=e.qr_svg /> }.into_any()
    } else {
        let start = ServerAction::<StartTwoFactor>::new();
        let error = action_error(start.into());
        view! {
            <p data-testid="two-factor-off">{i18n.tr(Key::TwoStepIsOff)}</p>
            <ActionForm action=start>
                <FormError error />
                <button type="submit" class=BUTTON>{i18n.tr(Key::SetUpTwoStep)}</button>
            </ActionForm>
        }
        .into_any()
    };
    view! { {required} {body} }
}

/// The secret of an enrolment in progress, and the code that confirms it.
#[component]
fn Enrol(secret: String, qr_svg: String) -> impl IntoView {
    let i18n = use_i18n();
    let confirm = ServerAction::<ConfirmTwoFactor>::new();
    let error = action_error(confirm.into());
    view! {
        <p>{i18n.tr(Key::ScanTheCode)}</p>
        // The SVG is drawn by the server from the otpauth address; nothing in it comes from
        // the request.
        <figure class="w-52 self-center" role="img" aria-label=i18n.tr(Key::QrCodeLabel) inner_html=qr_svg></figure>
        <p class="text-sm">
            {i18n.tr(Key::SecretKey)} ": "
            <code class="select-all break-all rounded bg-stone-100 px-2 py-1 font-mono" data-testid="totp-secret">{secret}</code>
        </p>
        <ActionForm action=confirm attr:class="flex flex-col gap-4" attr:novalidate=true>
            <FormError error />
            <Field name="code" label=Key::CodeFromApp autocomplete="one-time-code" required=true error />
            <SubmitButton label=Key::TurnOnTwoStep pending=confirm.pending() />
        </ActionForm>
    }
}

#[component]
fn TurnedOn(fresh_codes: Vec<String>, codes_left: i64, required: bool) -> impl IntoView {
    let i18n = use_i18n();
    let fresh = (!fresh_codes.is_empty()).then(|| {
        view! {
            <div class="rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="recovery-codes">
                <h2 class="font-semibold">{i18n.tr(Key::RecoveryCodes)}</h2>
                <p class="mb-2 text-sm">{i18n.tr(Key::RecoveryCodesNote)}</p>
                <ul class="grid grid-cols-2 gap-1 font-mono">
                    {fresh_codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
                </ul>
            </div>
        }
    });
    let renew = ServerAction::<NewRecoveryCodes>::new();
    let renew_error = action_error(renew.into());
    let renew = view! {
        <ActionForm action=renew attr:class="flex flex-col gap-3 border-t pt-4" attr:novalidate=true attr:data-testid="new-recovery-codes">
            <p class="text-sm">{i18n.tr(Key::NewRecoveryCodesNote)}</p>
            <FormError error=renew_error />
            <Field name="code" label=Key::CodeOrRecoveryCode autocomplete="one-time-code" required=true error=renew_error />
            <button type="submit" class="self-start rounded-lg border px-3 py-1 text-sm font-semibold">{i18n.tr(Key::NewRecoveryCodes)}</button>
        </ActionForm>
    };
    // Admins keep it; others may turn it off with a code.
    let off = (!required).then(|| {
        let disable = ServerAction::<DisableTwoFactor>::new();
        let error = action_error(disable.into());
        view! {
            <ActionForm action=disable attr:class="flex flex-col gap-3 border-t pt-4" attr:novalidate=true>
                <FormError error />
                <Field name="code" label=Key::CodeOrRecoveryCode autocomplete="one-time-code" required=true error />
                <button type="submit" class="self-start rounded-lg border border-red-700 px-3 py-1 text-sm font-semibold text-red-800">{i18n.tr(Key::TurnOffTwoStep)}</button>
            </ActionForm>
        }
    });
    view! {
        <p class=NOTICE role="status" data-testid="two-factor-on">{i18n.tr(Key::TwoStepIsOn)}</p>
        {fresh}
        <p class="text-sm">{i18n.tr(Key::RecoveryCodesLeft)} ": " <strong data-testid="codes-left">{codes_left}</strong></p>
        {renew}
        {off}
    }
}

/// `/login/two-factor`: the second step after a right password.
#[component]
pub fn LoginSecondStepPage() -> impl IntoView {
    let i18n = use_i18n();
    let step = ServerAction::<LoginSecondStep>::new();
    let error = action_error(step.into());
    let next = move || use_query_map().read().get("next").unwrap_or_default();
    view! {
        <Title text=i18n.tr(Key::TwoStepLogin) />
        <section class="mx-auto max-w-md rounded-2xl bg-white p-6 shadow-sm">
            <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::TwoStepLogin)}</h1>
            <p class="mb-4 text-stone-700">{i18n.tr(Key::SecondStepIntro)}</p>
            <ActionForm action=step attr:class="flex flex-col gap-4" attr:novalidate=true>
                <FormError error />
                <Field name="code" label=Key::CodeOrRecoveryCode autocomplete="one-time-code" required=true error />
                <input type="hidden" name="next" value=next />
                <SubmitButton label=Key::LogIn pending=step.pending() />
            </ActionForm>
        </section>
    }
}

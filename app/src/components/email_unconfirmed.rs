//! The notice an account with an unconfirmed email address sees (account and sell pages), with
//! "send the link again".

use crate::components::form::{FormError, action_error};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::account::ResendVerification;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The address is not confirmed yet: say so, and offer the link again.
#[component]
pub fn EmailNotConfirmed() -> impl IntoView {
    let i18n = use_i18n();
    let resend = ServerAction::<ResendVerification>::new();
    let error = action_error(resend.into());
    let sent = move || {
        use_query_map().read().get("saved").as_deref() == Some("verification")
            || resend.value().get().is_some_and(|r| r.is_ok())
    };
    view! {
        <section class="rounded-2xl border border-amber-300 bg-amber-50 p-4" data-testid="email-not-confirmed">
            <p class="mb-2 text-sm text-amber-900">{i18n.tr(Key::EmailNotConfirmed)}</p>
            {move || sent().then(|| view! { <p class="mb-2 text-sm text-emerald-800" role="status">{i18n.tr(Key::VerificationSent)}</p> })}
            <ActionForm action=resend>
                <FormError error />
                <button type="submit" class="rounded-lg border border-amber-700 px-3 py-1 text-sm font-semibold text-amber-900">{i18n.tr(Key::SendLinkAgain)}</button>
            </ActionForm>
        </section>
    }
}

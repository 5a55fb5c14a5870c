//! `/admin/outbox`: notifications that failed ten times (each try waited twice as long as the
//! one before), with the provider's last error; send one again. Plain forms: no WASM.

use crate::components::form::{FormError, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::notifications::{RetryNotification, dead_letters};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminOutboxPage() -> impl IntoView {
    let i18n = use_i18n();
    let retry = ServerAction::<RetryNotification>::new();
    let data = Resource::new_blocking(move || retry.version().get(), |_| dead_letters());
    let error = action_error(retry.into());
    view! {
        <Title text=i18n.tr(Key::DeadLetters) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::DeadLetters)}</h1>
        <AdminNav />
        <p class="mb-3 text-sm text-stone-600">{i18n.tr(Key::DeadLettersAbout)}</p>
        <FormError error />
        {loaded(data, move |list| view! {
            {list.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::QueueEmpty)}</p> })}
            <ul class="flex flex-col gap-2" data-testid="dead-letters">
                {list.into_iter().map(|d| view! {
                    <li class="rounded-2xl bg-white p-3 text-sm shadow-sm">
                        <p><strong>{d.channel.clone()}</strong> " → " {d.recipient.clone()} " · " {d.created.clone()}</p>
                        <p>{d.subject.clone()}</p>
                        <p class="text-red-800">{d.last_error.clone().unwrap_or_default()}</p>
                        <ActionForm action=retry>
                            <input type="hidden" name="id" value=d.id.to_string() />
                            <button type="submit" class="mt-1 rounded-lg border border-stone-400 px-3 py-1">{i18n.tr(Key::SendAgain)}</button>
                        </ActionForm>
                    </li>
                }).collect_view()}
            </ul>
        })}
    }
}

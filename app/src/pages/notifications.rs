//! `/account/notifications`: what Sokoni told the person (orders, disputes, their shop, saved
//! items), newest first — reading the page marks them read — and the channels they want it by.
//! Messages come in the language chosen at the foot of every page. Plain forms.

use crate::components::form::{FieldErrorLine, FormError, action_error};
use crate::components::loaded::loaded;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::notifications::{SaveChannels, my_notifications};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NotificationsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveChannels>::new();
    let data = Resource::new_blocking(move || save.version().get(), |_| my_notifications());
    let error = action_error(save.into());
    view! {
        <Title text=i18n.tr(Key::Notifications) />
        <h1 class="mb-4 text-2xl font-bold">{i18n.tr(Key::Notifications)}</h1>
        {loaded(data, move |d| {
            let check = move |name: &'static str, label: Key, on: bool| view! {
                <label class="flex items-center gap-2">
                    <input type="checkbox" name=name checked=on />
                    {i18n.tr(label)}
                </label>
            };
            view! {
                <ActionForm action=save attr:class="mb-6 flex flex-col gap-2 rounded-2xl bg-white p-4 text-sm shadow-sm" attr:data-testid="channels">
                    <h2 class="font-semibold">{i18n.tr(Key::NotifyBy)}</h2>
                    <FormError error />
                    {check("email", Key::ChannelEmail, d.email)}
                    {check("sms", Key::ChannelSms, d.sms)}
                    {(!d.has_phone).then(|| view! { <p class="text-xs text-stone-600">{i18n.tr(Key::SmsNeedsPhone)}</p> })}
                    <FieldErrorLine error />
                    {check("app", Key::ChannelApp, d.app)}
                    <p class="text-xs text-stone-600">{i18n.tr(Key::NotifyLanguage)}</p>
                    <button type="submit" class="self-start rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::Save)}</button>
                </ActionForm>
                {d.items.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NoNotifications)}</p> })}
                <ul class="flex flex-col gap-2" data-testid="notifications">
                    {d.items.into_iter().map(|n| view! {
                        <li class="rounded-2xl bg-white p-3 shadow-sm" class:border-l-4=n.unread class:border-emerald-600=n.unread data-testid="notification">
                            <p class="font-semibold">{n.subject.clone()}</p>
                            <p class="whitespace-pre-wrap text-sm">{n.body.clone()}</p>
                            <p class="text-xs text-stone-500">{n.at.clone()}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }
        })}
    }
}

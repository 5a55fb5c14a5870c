//! `/admin/settings`: the platform's money and order rules (VAT, stock reservation, returns,
//! holding period, payout minimum) and safe mode ("pause new orders"). One plain form; a
//! change applies from the next request and is audited.

use crate::components::form::{Field, FormError, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::admin::{SavePlatformSettings, platform_settings};
use leptos::prelude::*;
use leptos_meta::Title;
use rust_decimal::Decimal;

#[component]
pub fn AdminSettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SavePlatformSettings>::new();
    let error = action_error(save.into());
    let current = Resource::new_blocking(move || save.version().get(), |_| platform_settings());
    view! {
        <Title text=i18n.tr(Key::PlatformSettings) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::PlatformSettings)}</h1>
        <AdminNav />
        {loaded(current, move |s| {
            let vat = (s.vat_rate * Decimal::from(100)).normalize().to_string();
            view! {
                <ActionForm action=save attr:class="flex max-w-xl flex-col gap-4 rounded-2xl bg-white p-4 shadow-sm" attr:data-testid="settings-form">
                    <FormError error />
                    <Field name="vat_percent" label=Key::VatPercent value=vat required=true error />
                    <Field name="reservation_minutes" label=Key::ReservationMinutes value=s.reservation_minutes.to_string() required=true error />
                    <Field name="return_days" label=Key::ReturnDays value=s.return_days.to_string() required=true error />
                    <Field name="holding_days" label=Key::HoldingDays value=s.holding_days.to_string() required=true error />
                    <Field name="payout_minimum" label=Key::PayoutMinimum value=s.payout_minimum.to_string() required=true error />
                    <Field name="accept_hours" label=Key::AcceptHours value=s.accept_hours.to_string() required=true error />
                    <Field name="ship_days" label=Key::ShipDays value=s.ship_days.to_string() required=true error />
                    <Field name="answer_hours" label=Key::AnswerHours value=s.answer_hours.to_string() required=true error />
                    <label class="flex items-center gap-2 text-sm font-medium">
                        <input type="checkbox" name="orders_paused" checked=s.orders_paused />
                        {i18n.tr(Key::PauseOrders)}
                    </label>
                    <Field name="pause_message" label=Key::PauseMessage value=s.pause_message.clone() error />
                    <p class="text-xs text-stone-500">{i18n.tr(Key::SettingsApplyAtOnce)}</p>
                    <button type="submit" class="self-start rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white">{i18n.tr(Key::Save)}</button>
                </ActionForm>
            }
        })}
    }
}

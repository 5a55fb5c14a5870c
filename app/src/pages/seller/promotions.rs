//! `/seller/promotions` (shop owners): delivery terms — pickup, a flat fee, per-county fees —
//! and coupons, which discount this shop's lines only.

use crate::components::form::{Field, FormError, Select, SubmitButton, TextArea, action_error};
use crate::components::loaded::loaded;
use crate::components::nav::SellerNav;
use crate::domain::pricing::format_zones;
use crate::domain::{Currency, Money};
use crate::i18n::{Key, use_i18n};
use crate::server_fns::coupons::{CreateCoupon, SaveDelivery, ToggleCoupon, shop_terms};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn PromotionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateCoupon>::new();
    let toggle = ServerAction::<ToggleCoupon>::new();
    let delivery = ServerAction::<SaveDelivery>::new();
    let data = Resource::new_blocking(
        move || {
            (
                create.version().get(),
                toggle.version().get(),
                delivery.version().get(),
            )
        },
        |_| shop_terms(),
    );
    let create_error = action_error(create.into());
    let delivery_error = action_error(delivery.into());
    view! {
        <Title text=i18n.tr(Key::Promotions) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::Promotions)}</h1>
        <SellerNav />
        {loaded(data, move |t| {
            let kes = |d| Money::new(d, Currency::KES).format();
            view! {
                <section class="mb-6 rounded-2xl bg-white p-4 shadow-sm">
                    <h2 class="mb-2 font-semibold">{i18n.tr(Key::DeliveryHeading)}</h2>
                    <ActionForm action=delivery attr:class="flex flex-col gap-3" attr:novalidate=true>
                        <FormError error=delivery_error />
                        <label class="flex items-center gap-2"><input type="checkbox" name="offers_pickup" value="on" checked=t.terms.pickup /> {i18n.tr(Key::OffersPickup)}</label>
                        <label class="flex items-center gap-2"><input type="checkbox" name="accepts_cod" value="on" checked=t.terms.cash_on_delivery /> {i18n.tr(Key::AcceptsCod)}</label>
                        <Field name="delivery_fee" label=Key::FlatDeliveryFee value=t.terms.flat_fee.map(|f| f.to_string()).unwrap_or_default() error=delivery_error />
                        <TextArea name="zones" label=Key::DeliveryZones value=format_zones(&t.terms.zones, "\n") rows=3 error=delivery_error />
                        <SubmitButton label=Key::SaveDelivery pending=delivery.pending() />
                    </ActionForm>
                </section>
                <section class="rounded-2xl bg-white p-4 shadow-sm">
                    <h2 class="mb-2 font-semibold">{i18n.tr(Key::Coupons)}</h2>
                    <ul class="mb-4 flex flex-col gap-2 text-sm" data-testid="coupons">
                        {t.coupons.into_iter().map(|c| {
                            let off = match (c.percent_off, c.amount_off) {
                                (Some(p), _) => format!("{}%", p.normalize()),
                                (_, Some(a)) => kes(a),
                                _ => String::new(),
                            };
                            view! {
                                <li class="flex flex-wrap items-center justify-between gap-2 rounded-xl border border-stone-200 p-2">
                                    <span><strong>{c.code.clone()}</strong> " · −" {off} " · " {i18n.tr(Key::UsesLabel)} " " {c.uses} {c.max_uses.map(|m| format!("/{m}"))}</span>
                                    <ActionForm action=toggle>
                                        <input type="hidden" name="id" value=c.id.to_string() />
                                        <input type="hidden" name="active" value=(!c.active).to_string() />
                                        <button type="submit" class="text-sm underline">{if c.active { i18n.tr(Key::SwitchOff) } else { i18n.tr(Key::SwitchOn) }}</button>
                                    </ActionForm>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <h3 class="mb-2 font-semibold">{i18n.tr(Key::NewCoupon)}</h3>
                    <ActionForm action=create attr:class="grid gap-3 sm:grid-cols-2" attr:novalidate=true>
                        <FormError error=create_error />
                        <Field name="code" label=Key::CodeLabel required=true error=create_error />
                        <Select name="kind" label=Key::DiscountKind options=vec![("percent".into(), i18n.t(Key::PercentOff).into()), ("amount".into(), i18n.t(Key::AmountOff).into())] error=create_error />
                        <Field name="value" label=Key::DiscountValue required=true error=create_error />
                        <Field name="min_subtotal" label=Key::MinimumSpend error=create_error />
                        <Field name="max_uses" label=Key::MaxUses error=create_error />
                        <SubmitButton label=Key::CreateCoupon pending=create.pending() />
                    </ActionForm>
                </section>
            }
        })}
    }
}

//! `/sell`: apply to sell, then follow the application (status, rejection reason), keep the
//! shop's details, logo and KYC documents up to date.

use crate::components::form::{
    Field, FormError, Select, SubmitButton, TextArea, UploadNotice, action_error,
};
use crate::components::labels::status_key;
use crate::components::loaded::loaded;
use crate::components::media::Thumb;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::vendor::{
    ConfirmPayoutPhone, PayoutPhoneState, RemoveDocument, SaveShop, SendPayoutPhoneCode,
    ShopMembership, my_shop,
};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SellPage() -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<SaveShop>::new();
    let phone = PhoneActions {
        send: ServerAction::new(),
        confirm: ServerAction::new(),
    };
    let remove = ServerAction::<RemoveDocument>::new();
    let shop = Resource::new_blocking(
        move || {
            (
                save.version().get(),
                phone.send.version().get(),
                phone.confirm.version().get(),
                remove.version().get(),
            )
        },
        |_| my_shop(),
    );
    let logged_in = crate::components::session::use_session().user;
    view! {
        <Title text=i18n.tr(Key::SellTitle) />
        <div class="mx-auto flex max-w-2xl flex-col gap-6">
            <h1 class="text-2xl font-bold">{i18n.tr(Key::SellTitle)}</h1>
            <UploadNotice />
            {loaded(shop, move |mine| {
                let anonymous = matches!(logged_in.get_untracked(), Some(Ok(None)));
                match mine {
                    _ if anonymous => view! {
                        <p>
                            <a href="/login?next=/sell" class="text-emerald-800 underline">{i18n.tr(Key::PleaseLogIn)}</a>
                        </p>
                    }
                    .into_any(),
                    None => {
                        let unconfirmed = matches!(
                            logged_in.get_untracked(),
                            Some(Ok(Some(ref u))) if !u.email_verified
                        );
                        view! {
                            <p class="text-stone-700">{i18n.tr(Key::SellIntro)}</p>
                            {unconfirmed.then(|| view! { <crate::components::email_unconfirmed::EmailNotConfirmed /> })}
                            <ShopForm save mine=None />
                        }
                        .into_any()
                    }
                    Some(mine) => view! { <ShopStatus mine=mine.clone() save phone remove /> }.into_any(),
                }
            })}
        </div>
    }
}

/// The two steps of a payout phone change.
#[derive(Clone, Copy)]
struct PhoneActions {
    send: ServerAction<SendPayoutPhoneCode>,
    confirm: ServerAction<ConfirmPayoutPhone>,
}

#[component]
fn ShopStatus(
    mine: ShopMembership,
    save: ServerAction<SaveShop>,
    phone: PhoneActions,
    remove: ServerAction<RemoveDocument>,
) -> impl IntoView {
    let i18n = use_i18n();
    let shop = mine.shop.clone();
    let is_owner = mine.my_role == "owner";
    let verified = shop.verification_status == "verified";
    let badge = if verified {
        "bg-emerald-100 text-emerald-900"
    } else if shop.verification_status == "pending" {
        "bg-amber-100 text-amber-900"
    } else {
        "bg-red-100 text-red-900"
    };
    let docs = mine.documents.clone();
    let remove_error = action_error(remove.into());
    let payout_phone = mine
        .payout_phone
        .clone()
        .filter(|_| is_owner)
        .map(|state| view! { <PayoutPhoneSection current=shop.phone.clone() state phone /> });
    view! {
        <section class="rounded-2xl bg-white p-6 shadow-sm" data-testid="application-status">
            <div class="flex items-center gap-4">
                <div class="w-16">
                    <Thumb key=shop.logo_key.clone() alt=shop.business_name.clone() />
                </div>
                <div>
                    <h2 class="text-lg font-semibold">{shop.business_name.clone()}</h2>
                    <p class="text-sm text-stone-600">"/store/" {shop.slug.clone()}</p>
                </div>
                <span class=format!("ml-auto rounded-full px-3 py-1 text-sm font-semibold {badge}")>
                    {i18n.tr(status_key(&shop.verification_status))}
                </span>
            </div>
            {shop.rejection_reason.clone().map(|r| view! {
                <p class="mt-3 rounded-lg bg-red-50 p-3 text-red-900" data-testid="rejection-reason">
                    {i18n.tr(Key::ReasonLabel)} ": " {r}
                </p>
            })}
            {(shop.verification_status == "pending").then(|| view! {
                <p class="mt-3 text-stone-700">{i18n.tr(Key::PendingExplainer)}</p>
            })}
            {verified.then(|| view! {
                <a href="/seller" class="mt-4 inline-block rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white">
                    {i18n.tr(Key::SellerDashboard)}
                </a>
            })}
        </section>
        {is_owner.then(|| view! {
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <h2 class="mb-3 text-lg font-semibold">{i18n.tr(Key::KycDocuments)}</h2>
                <ul class="mb-4 list-disc pl-5 text-sm" data-testid="documents">
                    {docs.is_empty().then(|| view! { <li>{i18n.tr(Key::NoDocumentsYet)}</li> })}
                    {docs.into_iter().map(|d| view! {
                        <li>
                            {i18n.tr(document_key(&d.kind))} ": " {d.file_name} " (" {d.bytes / 1024} " KB)"
                            // Before verification a wrong file can be taken back; after, the
                            // documents are the verification's record.
                            {(!verified).then(|| view! {
                                <ActionForm action=remove attr:class="ml-2 inline">
                                    <input type="hidden" name="id" value=d.id.to_string() />
                                    <button type="submit" class="text-red-800 underline">{i18n.tr(Key::RemoveDocument)}</button>
                                </ActionForm>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
                <FormError error=remove_error />
                <form method="post" action="/sell/documents" enctype="multipart/form-data" class="flex flex-col gap-3">
                    <label class="flex flex-col gap-1 text-sm font-medium">
                        {i18n.tr(Key::DocumentKind)}
                        <select name="kind" class="rounded-lg border border-stone-300 bg-white px-3 py-2">
                            {["national_id", "business_permit", "kra_pin", "other"].into_iter().map(|k| view! {
                                <option value=k>{i18n.tr(document_key(k))}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="flex flex-col gap-1 text-sm font-medium">
                        {i18n.tr(Key::ChooseFile)}
                        <input type="file" name="file" required accept="application/pdf,image/jpeg,image/png" />
                    </label>
                    <button type="submit" class="self-start rounded-lg border border-emerald-700 px-4 py-2 font-semibold text-emerald-800">
                        {i18n.tr(Key::UploadDocument)}
                    </button>
                </form>
            </section>
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <h2 class="mb-3 text-lg font-semibold">{i18n.tr(Key::ShopLogo)}</h2>
                <form method="post" action="/sell/logo" enctype="multipart/form-data" class="flex flex-col gap-3">
                    <input type="file" name="file" required accept="image/jpeg,image/png,image/webp" aria-label=i18n.tr(Key::ShopLogo) />
                    <button type="submit" class="self-start rounded-lg border border-emerald-700 px-4 py-2 font-semibold text-emerald-800">
                        {i18n.tr(Key::UploadLogo)}
                    </button>
                </form>
            </section>
            <section class="rounded-2xl bg-white p-6 shadow-sm">
                <h2 class="mb-3 text-lg font-semibold">{i18n.tr(Key::ShopDetails)}</h2>
                <ShopForm save mine=Some(mine.clone()) />
            </section>
        })}
        {payout_phone}
    }
}

/// Changing a verified shop's payout phone: a code to the new phone, then the code.
#[component]
fn PayoutPhoneSection(
    current: String,
    state: PayoutPhoneState,
    phone: PhoneActions,
) -> impl IntoView {
    let i18n = use_i18n();
    let send_error = action_error(phone.send.into());
    let confirm_error = action_error(phone.confirm.into());
    let changed =
        leptos_router::hooks::use_query_map().with_untracked(|q| q.get("phone_changed").is_some());
    view! {
        <section id="payout-phone" class="rounded-2xl bg-white p-6 shadow-sm" data-testid="payout-phone">
            <h2 class="mb-1 text-lg font-semibold">{i18n.tr(Key::PayoutPhone)}</h2>
            <p class="text-xl font-semibold" data-testid="current-payout-phone">{current}</p>
            <p class="mb-4 text-sm text-stone-600">{i18n.tr(Key::PayoutPhoneExplainer)}</p>
            {changed.then(|| view! {
                <p class="mb-3 rounded-lg bg-emerald-50 p-3 text-emerald-900" role="status">{i18n.tr(Key::PayoutPhoneChanged)}</p>
            })}
            {state.held_until.map(|until| view! {
                <p class="mb-3 rounded-lg bg-amber-50 p-3 text-amber-900" data-testid="payouts-held">
                    {i18n.tr(Key::PayoutsHeldUntil)} " " {until}
                </p>
            })}
            {state.code_sent_to.map(|to| view! {
                <ActionForm action=phone.confirm attr:class="mb-4 flex flex-col gap-3" attr:novalidate=true>
                    <p class="text-sm">{i18n.tr(Key::CodeSentTo)} " " <strong>{to}</strong></p>
                    <FormError error=confirm_error />
                    <Field name="code" label=Key::CodeFromText kind="text" autocomplete="one-time-code" required=true error=confirm_error />
                    <SubmitButton label=Key::ChangePayoutPhone pending=phone.confirm.pending() />
                </ActionForm>
            })}
            <ActionForm action=phone.send attr:class="flex flex-col gap-3" attr:novalidate=true>
                <FormError error=send_error />
                <Field name="new_phone" label=Key::NewPayoutPhone kind="tel" autocomplete="tel" required=true error=send_error />
                <SubmitButton label=Key::SendCode pending=phone.send.pending() />
            </ActionForm>
        </section>
    }
}

fn document_key(kind: &str) -> Key {
    match kind {
        "national_id" => Key::DocNationalId,
        "business_permit" => Key::DocBusinessPermit,
        "kra_pin" => Key::DocKraPin,
        _ => Key::DocOther,
    }
}

fn business_type_key(kind: &str) -> Key {
    match kind {
        "individual" => Key::BizIndividual,
        "sole_proprietor" => Key::BizSoleProprietor,
        "partnership" => Key::BizPartnership,
        "limited_company" => Key::BizLimitedCompany,
        _ => Key::BizCooperative,
    }
}

/// The application form; with an existing shop, its details form.
#[component]
fn ShopForm(save: ServerAction<SaveShop>, mine: Option<ShopMembership>) -> impl IntoView {
    let i18n = use_i18n();
    let error = action_error(save.into());
    let shop = mine.map(|m| m.shop);
    let value = |f: fn(&crate::server_fns::vendor::ShopView) -> String| {
        shop.as_ref().map(f).unwrap_or_default()
    };
    let (business_name, slug, phone, business_type, description, county, town, lat, lng) = (
        value(|s| s.business_name.clone()),
        value(|s| s.slug.clone()),
        value(|s| s.phone.clone()),
        value(|s| s.business_type.clone()),
        value(|s| s.description.clone()),
        value(|s| s.county.clone()),
        value(|s| s.town.clone()),
        value(|s| s.lat.to_string()),
        value(|s| s.lng.to_string()),
    );
    let types = crate::domain::vendor::BUSINESS_TYPES
        .into_iter()
        .map(|t| (t.to_owned(), i18n.t(business_type_key(t)).to_owned()))
        .collect::<Vec<_>>();
    let is_new = shop.is_none();
    let phone_locked = shop
        .as_ref()
        .is_some_and(|s| s.verification_status == "verified");
    view! {
        <ActionForm action=save attr:class="flex flex-col gap-4" attr:novalidate=true>
            <FormError error />
            <Field name="business_name" label=Key::BusinessName value=business_name required=true error />
            <Field name="slug" label=Key::StoreSlug hint=Key::StoreSlugHint value=slug required=true error />
            {if phone_locked {
                view! {
                    <div class="flex flex-col gap-1 text-sm">
                        <span class="font-medium">{i18n.tr(Key::Phone)}</span>
                        <input type="hidden" name="phone" value=phone.clone() />
                        <span>{phone.clone()}</span>
                        <a href="#payout-phone" class="text-emerald-800 underline">{i18n.tr(Key::PayoutPhoneLocked)}</a>
                    </div>
                }
                .into_any()
            } else {
                view! { <Field name="phone" label=Key::Phone kind="tel" autocomplete="tel" value=phone required=true error /> }
                    .into_any()
            }}
            <Select name="business_type" label=Key::BusinessType options=types selected=business_type error />
            <TextArea name="description" label=Key::Description value=description error />
            <div class="grid grid-cols-2 gap-3">
                <Field name="county" label=Key::County value=county required=true error />
                <Field name="town" label=Key::Town value=town required=true error />
                <Field name="lat" label=Key::Latitude kind="text" value=lat required=true error />
                <Field name="lng" label=Key::Longitude kind="text" value=lng required=true error />
            </div>
            <p class="text-xs text-stone-500">{i18n.tr(Key::LocationHint)}</p>
            <SubmitButton label=if is_new { Key::SubmitApplication } else { Key::SaveShop } pending=save.pending() />
        </ActionForm>
    }
}

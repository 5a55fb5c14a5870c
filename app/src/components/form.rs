//! Form building blocks: labelled inputs that show their own field's error, and a banner for
//! errors that belong to no field.

use crate::error::AppError;
use crate::i18n::{Key, use_i18n};
use leptos::prelude::*;

/// The last error of an action, as a signal the form's pieces can read.
pub type ErrorSignal = Signal<Option<AppError>>;

pub fn action_error<I, O>(action: Action<I, Result<O, AppError>>) -> ErrorSignal
where
    I: Send + Sync + 'static,
    O: Send + Sync + Clone + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// The error text for the field `name`, if the last error was about it, in the reader's language.
fn field_message(
    error: ErrorSignal,
    name: &'static str,
) -> impl Fn() -> Option<String> + Copy + Send + Sync {
    let i18n = use_i18n();
    move || {
        error
            .get()
            .filter(|e| e.field() == Some(name))
            .map(|e| e.message(i18n.locale.get()))
    }
}

#[component]
pub fn Field(
    /// The input's `name`, which is also the `field` of validation errors.
    name: &'static str,
    label: Key,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] value: Signal<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] hint: Option<Key>,
    #[prop(default = false)] required: bool,
    error: ErrorSignal,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let message = field_message(error, name);
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if message().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        }
    };
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-stone-700">{i18n.tr(label)}</label>
            <input
                id=id
                name=name
                type=kind
                value=move || value.get()
                autocomplete=autocomplete
                required=required
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=described
                class="rounded-lg border border-stone-300 px-3 py-2 text-base focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/30 aria-[invalid=true]:border-red-600"
            />
            {hint.map(|h| view! { <p id=hint_id class="text-xs text-stone-500">{i18n.tr(h)}</p> })}
            {move || message().map(|m| view! { <p id=error_id.clone() class="text-sm text-red-700" role="alert">{m}</p> })}
        </div>
    }
}

/// Shows an error that is not about one field (wrong password, throttled, server trouble).
#[component]
pub fn FormError(error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().filter(|e| e.field().is_none()).map(|e| {
            view! {
                <p class="rounded-lg bg-red-50 border border-red-200 px-3 py-2 text-sm text-red-800" role="alert">
                    {e.message(i18n.locale.get())}
                </p>
            }
        })
    }
}

#[component]
pub fn SubmitButton(label: Key, #[prop(into)] pending: Signal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="submit"
            disabled=move || pending.get()
            class="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800 disabled:opacity-60"
        >
            {move || if pending.get() { i18n.t(Key::Working) } else { i18n.t(label) }}
        </button>
    }
}

/// A multi-line text field with the same labelling and error display as [`Field`].
#[component]
pub fn TextArea(
    name: &'static str,
    label: Key,
    #[prop(optional, into)] value: Signal<String>,
    #[prop(optional)] hint: Option<Key>,
    #[prop(default = 4)] rows: u32,
    error: ErrorSignal,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let message = field_message(error, name);
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-stone-700">{i18n.tr(label)}</label>
            <textarea
                id=id
                name=name
                rows=rows
                aria-invalid=move || message().is_some().then_some("true")
                class="rounded-lg border border-stone-300 px-3 py-2 text-base focus:border-emerald-600 focus:outline-none focus:ring-2 focus:ring-emerald-600/30"
                prop:value=move || value.get()
            >
                {value.get_untracked()}
            </textarea>
            {hint.map(|h| view! { <p class="text-xs text-stone-500">{i18n.tr(h)}</p> })}
            {move || message().map(|m| view! { <p class="text-sm text-red-700" role="alert">{m}</p> })}
        </div>
    }
}

/// A labelled `<select>`; `options` are (value, text) pairs.
#[component]
pub fn Select(
    name: &'static str,
    label: Key,
    options: Vec<(String, String)>,
    #[prop(optional, into)] selected: String,
    error: ErrorSignal,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = format!("field-{name}");
    let message = field_message(error, name);
    view! {
        <div class="flex flex-col gap-1">
            <label for=id.clone() class="text-sm font-medium text-stone-700">{i18n.tr(label)}</label>
            <select
                id=id
                name=name
                aria-invalid=move || message().is_some().then_some("true")
                class="rounded-lg border border-stone-300 bg-white px-3 py-2 text-base"
            >
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = value == selected;
                        view! { <option value=value selected=is_selected>{text}</option> }
                    })
                    .collect_view()}
            </select>
            {move || message().map(|m| view! { <p class="text-sm text-red-700" role="alert">{m}</p> })}
        </div>
    }
}

/// The outcome of a plain-form upload, carried back in the URL by the upload handler.
#[component]
pub fn UploadNotice() -> impl IntoView {
    let i18n = use_i18n();
    let query = leptos_router::hooks::use_query_map();
    move || {
        let q = query.read();
        if let Some(why) = q
            .get("upload_error")
            .and_then(|code| serde_json::from_str::<crate::domain::Invalid>(&code).ok())
        {
            let text = i18n.locale.get().invalid(why);
            Some(view! { <p class="rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">{text}</p> }.into_any())
        } else {
            q.get("saved").map(|_| {
                view! { <p class="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900" role="status">{i18n.tr(Key::Saved)}</p> }.into_any()
            })
        }
    }
}

/// A console list's search box: a plain GET form sending `q` back to `action`, so it works
/// without JavaScript and the search is in the URL. `children` adds links beside the button.
#[component]
pub fn QueryForm(
    action: &'static str,
    label: Key,
    #[prop(into)] value: Signal<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <form method="get" action=action class="mb-4 flex flex-wrap items-end gap-2" role="search">
            <label class="flex flex-col text-sm">{i18n.tr(label)}
                <input name="q" value=move || value.get() class="rounded border border-stone-300 px-2 py-1" />
            </label>
            <button type="submit" class="rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{i18n.tr(Key::Search)}</button>
            {children.map(|c| c())}
        </form>
    }
}

/// A field error of an action whose forms repeat on the page (so no single field shows it).
#[component]
pub fn FieldErrorLine(error: ErrorSignal) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        error.get().and_then(|e| {
            e.field().map(|f| {
                let text = format!("{f}: {}", e.message(i18n.locale.get()));
                view! { <p class="mb-2 text-sm text-red-700" role="alert">{text}</p> }
            })
        })
    }
}

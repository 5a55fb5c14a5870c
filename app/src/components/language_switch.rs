//! English / Kiswahili. One tiny form per language, so it works as a plain post too.

use crate::i18n::{Key, Locale, use_i18n};
use crate::server_fns::locale::SetLocale;
use leptos::prelude::*;

#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    // A plain post: the server sets the cookie and sends the reader back to the page, now in
    // the chosen language.
    let set_locale = ServerAction::<SetLocale>::new();
    view! {
        <div class="flex items-center gap-2" role="group" aria-label=i18n.tr(Key::Language)>
            <span class="text-sm text-stone-500">{i18n.tr(Key::Language)}":"</span>
            {Locale::ALL
                .into_iter()
                .map(|locale| {
                    let current = move || i18n.locale.get() == locale;
                    view! {
                        <ActionForm action=set_locale attr:class="inline">
                            <input type="hidden" name="locale" value=locale.code() />
                            <button
                                type="submit"
                                lang=locale.code()
                                aria-pressed=move || if current() { "true" } else { "false" }
                                class="rounded px-2 py-1 text-sm aria-[pressed=true]:bg-emerald-700 aria-[pressed=true]:text-white hover:underline"
                            >
                                {locale.native_name()}
                            </button>
                        </ActionForm>
                    }
                })
                .collect_view()}
        </div>
    }
}

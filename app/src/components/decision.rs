//! An admin's decision on one item as two small forms: the one-click yes (approve, verify,
//! reinstate) and the no that takes a reason (reject, suspend). A macro because the decisions
//! are different server-function types; `back` is the console page to return to.

macro_rules! decision {
    ($i18n:expr, $action:expr, $id_field:expr, $id:expr, $back:expr, $yes:expr, $no:expr) => {{
        let (id, back) = ($id.to_string(), $back.to_string());
        let (yes_id, yes_back) = (id.clone(), back.clone());
        view! {
            <div class="flex flex-wrap items-end gap-3">
                {$yes.map(|(value, key): (&'static str, Key)| view! {
                    <ActionForm action=$action>
                        <input type="hidden" name=$id_field value=yes_id />
                        <input type="hidden" name="decision" value=value />
                        <input type="hidden" name="back" value=yes_back />
                        <button type="submit" class="rounded-lg bg-emerald-700 px-3 py-1 font-semibold text-white">{$i18n.tr(key)}</button>
                    </ActionForm>
                })}
                {$no.map(|(value, key): (&'static str, Key)| view! {
                    <ActionForm action=$action attr:class="flex items-end gap-2">
                        <input type="hidden" name=$id_field value=id />
                        <input type="hidden" name="decision" value=value />
                        <input type="hidden" name="back" value=back />
                        <label class="flex flex-col text-xs">
                            {$i18n.tr(Key::ReasonLabel)}
                            <input name="reason" required minlength="3" class="rounded border border-stone-300 px-2 py-1 text-sm" />
                        </label>
                        <button type="submit" class="rounded-lg border border-red-700 px-3 py-1 font-semibold text-red-800">{$i18n.tr(key)}</button>
                    </ActionForm>
                })}
            </div>
        }
    }};
}

pub(crate) use decision;

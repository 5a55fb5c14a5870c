//! `/admin/categories`: the category tree editor. Plain forms (they work without JavaScript):
//! a new category, and per category rename, move, reorder and "merge into" (which retires it
//! with its listings moved, so no listing is ever left without a category).

use crate::components::form::{
    ErrorSignal, Field, FieldErrorLine, FormError, Select, action_error,
};
use crate::components::loaded::loaded;
use crate::components::nav::AdminNav;
use crate::i18n::{Key, use_i18n};
use crate::server_fns::categories::{
    AdminCategory, CreateCategory, MergeCategory, MoveCategory, RenameCategory, ShiftCategory,
    admin_categories,
};
use leptos::prelude::*;
use leptos_meta::Title;

const INPUT: &str = "rounded border border-stone-300 px-2 py-1 text-sm";
const BUTTON: &str =
    "rounded-lg border border-emerald-700 px-3 py-1 text-sm font-semibold text-emerald-800";

#[component]
pub fn AdminCategoriesPage() -> impl IntoView {
    let i18n = use_i18n();
    let create = ServerAction::<CreateCategory>::new();
    let rename = ServerAction::<RenameCategory>::new();
    let move_to = ServerAction::<MoveCategory>::new();
    let shift = ServerAction::<ShiftCategory>::new();
    let merge = ServerAction::<MergeCategory>::new();
    let tree = Resource::new_blocking(
        move || {
            (
                create.version().get(),
                rename.version().get(),
                move_to.version().get(),
                shift.version().get(),
                merge.version().get(),
            )
        },
        |_| admin_categories(),
    );
    let create_error = action_error(create.into());
    // The per-category forms repeat, so their errors show once, above the tree.
    let errors: Vec<ErrorSignal> = vec![
        action_error(rename.into()),
        action_error(move_to.into()),
        action_error(shift.into()),
        action_error(merge.into()),
    ];
    let tree_error: ErrorSignal = Signal::derive(move || errors.iter().find_map(|e| e.get()));
    view! {
        <Title text=i18n.tr(Key::Categories) />
        <h1 class="mb-2 text-2xl font-bold">{i18n.tr(Key::Categories)}</h1>
        <AdminNav />
        {loaded(tree, move |tree| {
            let tops: Vec<(String, String)> = tree
                .iter()
                .filter(|c| c.parent_id.is_none())
                .map(|c| (c.id.to_string(), c.name_en.clone()))
                .collect();
            let everything: Vec<(String, String)> = tree
                .iter()
                .map(|c| (c.id.to_string(), c.name_en.clone()))
                .collect();
            let mut parents = vec![(String::new(), i18n.t(Key::TopLevel).to_owned())];
            parents.extend(tops.iter().cloned());
            let new_parents = parents.clone();
            view! {
                <section class="mb-8 rounded-2xl bg-white p-4 shadow-sm">
                    <h2 class="mb-2 font-semibold">{i18n.tr(Key::NewCategory)}</h2>
                    <ActionForm action=create attr:class="grid gap-3 md:grid-cols-5 md:items-end" attr:data-testid="new-category">
                        <Field name="name_en" label=Key::NameEnglish required=true error=create_error />
                        <Field name="name_sw" label=Key::NameSwahili required=true error=create_error />
                        <Field name="slug" label=Key::CategoryAddress hint=Key::CategoryAddressHint required=true error=create_error />
                        <Select name="parent" label=Key::ParentCategory options=new_parents error=create_error />
                        <button type="submit" class="rounded-lg bg-emerald-700 px-4 py-2 font-semibold text-white">{i18n.tr(Key::Create)}</button>
                    </ActionForm>
                    <FormError error=create_error />
                </section>
                <FormError error=tree_error />
                <FieldErrorLine error=tree_error />
                {tree.is_empty().then(|| view! { <p class="text-stone-600">{i18n.tr(Key::NoCategoriesYet)}</p> })}
                <ul class="flex flex-col gap-2" data-testid="category-tree">
                    {tree
                        .into_iter()
                        .map(|c| {
                            let parents = parents.clone();
                            let others: Vec<(String, String)> = everything
                                .iter()
                                .filter(|(id, _)| *id != c.id.to_string())
                                .cloned()
                                .collect();
                            view! { <CategoryRow c parents others rename move_to shift merge /> }
                        })
                        .collect_view()}
                </ul>
            }
        })}
    }
}

/// One category with its edit forms, folded into a `<details>` so the tree stays readable.
#[component]
fn CategoryRow(
    c: AdminCategory,
    parents: Vec<(String, String)>,
    others: Vec<(String, String)>,
    rename: ServerAction<RenameCategory>,
    move_to: ServerAction<MoveCategory>,
    shift: ServerAction<ShiftCategory>,
    merge: ServerAction<MergeCategory>,
) -> impl IntoView {
    let i18n = use_i18n();
    let cid = c.id;
    let id = cid.to_string();
    let indent = if c.parent_id.is_some() { "ml-8" } else { "" };
    let current_parent = c.parent_id.map(|p| p.to_string()).unwrap_or_default();
    let parents: Vec<(String, String)> = parents.into_iter().filter(|(p, _)| *p != id).collect();
    let option = |(value, text): (String, String), selected: bool| {
        view! { <option value=value selected=selected>{text}</option> }
    };
    view! {
        <li class=format!("rounded-2xl bg-white p-3 shadow-sm {indent}") data-testid="category">
            <details>
                <summary class="cursor-pointer">
                    <span class="font-semibold" data-testid="category-name">{c.name_en.clone()}</span>
                    " / " {c.name_sw.clone()} " · " <code class="text-xs">{c.slug.clone()}</code> " · "
                    <span class="text-sm text-stone-600">{c.listings} " " {i18n.tr(Key::ListingsFound)}</span>
                </summary>
                <div class="mt-3 flex flex-col gap-3">
                    <ActionForm action=rename attr:class="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="id" value=cid.to_string() />
                        <label class="flex flex-col text-xs">{i18n.tr(Key::NameEnglish)}
                            <input name="name_en" required value=c.name_en.clone() class=INPUT />
                        </label>
                        <label class="flex flex-col text-xs">{i18n.tr(Key::NameSwahili)}
                            <input name="name_sw" required value=c.name_sw.clone() class=INPUT />
                        </label>
                        <button type="submit" class=BUTTON>{i18n.tr(Key::Rename)}</button>
                    </ActionForm>
                    <div class="flex flex-wrap items-end gap-4">
                        <ActionForm action=move_to attr:class="flex items-end gap-2">
                            <input type="hidden" name="id" value=cid.to_string() />
                            <label class="flex flex-col text-xs">{i18n.tr(Key::ParentCategory)}
                                <select name="parent" class=INPUT>
                                    {parents.into_iter().map(|p| { let selected = p.0 == current_parent; option(p, selected) }).collect_view()}
                                </select>
                            </label>
                            <button type="submit" class=BUTTON>{i18n.tr(Key::Move)}</button>
                        </ActionForm>
                        <ActionForm action=shift>
                            <input type="hidden" name="id" value=cid.to_string() />
                            <input type="hidden" name="direction" value="up" />
                            <button type="submit" class=BUTTON aria-label=i18n.tr(Key::MoveUp)>"↑"</button>
                        </ActionForm>
                        <ActionForm action=shift>
                            <input type="hidden" name="id" value=cid.to_string() />
                            <input type="hidden" name="direction" value="down" />
                            <button type="submit" class=BUTTON aria-label=i18n.tr(Key::MoveDown)>"↓"</button>
                        </ActionForm>
                    </div>
                    <ActionForm action=merge attr:class="flex flex-wrap items-end gap-2">
                        <input type="hidden" name="id" value=cid.to_string() />
                        <label class="flex flex-col text-xs">{i18n.tr(Key::MergeInto)}
                            <select name="into" required class=INPUT>
                                <option value="">"—"</option>
                                {others.into_iter().map(|o| option(o, false)).collect_view()}
                            </select>
                        </label>
                        <button type="submit" class="rounded-lg border border-red-700 px-3 py-1 text-sm font-semibold text-red-800">{i18n.tr(Key::MergeAndRetire)}</button>
                        <p class="w-full text-xs text-stone-500">{i18n.tr(Key::MergeHint)}</p>
                    </ActionForm>
                </div>
            </details>
        </li>
    }
}

//! The admin's category tree editor: create, rename, move, reorder and merge (retire a
//! category with its listings moved). Every change checks the admin role itself, runs in one
//! transaction and writes its audit row in it.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::admin::AdminCategory;

#[cfg(feature = "ssr")]
use super::admin::{Tx, audited_edit};

/// Where each edit returns (a form posted without JavaScript lands there).
#[cfg(feature = "ssr")]
const BACK: &str = "/admin/categories";

#[server(endpoint = "admin_categories")]
pub async fn admin_categories() -> Result<Vec<AdminCategory>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        Ok(crate::db::categories::admin_tree(&context::state()?.pool).await?)
    })
    .await
}

/// `parent` is a category id, or empty for a top-level category.
#[server(endpoint = "create_category")]
pub async fn create_category(
    slug: String,
    name_en: String,
    name_sw: String,
    #[server(default)] parent: String,
) -> Result<(), AppError> {
    use crate::domain::Invalid;
    use crate::domain::audit::Action;
    use crate::domain::category::{Node, check_parent, parse_new};
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let (slug, names) = parse_new(&slug, &name_en, &name_sw)
                .map_err(|(field, why)| AppError::invalid(field, why))?;
            let parent = parent_field(tx, &parent).await?;
            let new = Node {
                id: Uuid::nil(),
                parent: None,
                has_children: false,
            };
            check_parent(new, parent.as_ref().map(|p| p.node))
                .map_err(|why| AppError::invalid("parent", why))?;
            let parent_id = parent.as_ref().map(|p| p.node.id);
            let id = crate::db::categories::create(tx, parent_id, &slug, &names)
                .await?
                .ok_or(AppError::invalid("slug", Invalid::SlugTaken))?;
            let summary = format!(
                "{}: {} / {} under {}",
                slug.as_str(),
                names.en,
                names.sw,
                place(parent.map(|p| p.slug))
            );
            crate::db::audit::record(tx, actor, Action::CategoryCreated, id, &summary).await?;
            Ok(())
        })
    })
    .await
}

#[server(endpoint = "rename_category")]
pub async fn rename_category(id: Uuid, name_en: String, name_sw: String) -> Result<(), AppError> {
    use crate::domain::audit::Action;
    use crate::domain::category::Names;
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let names = Names::parse(&name_en, &name_sw)
                .map_err(|(field, why)| AppError::invalid(field, why))?;
            let old = locked(tx, id, "id").await?;
            crate::db::categories::rename(tx, id, &names).await?;
            let summary = format!(
                "{}: {} / {} → {} / {}",
                old.slug, old.names.en, old.names.sw, names.en, names.sw
            );
            crate::db::audit::record(tx, actor, Action::CategoryRenamed, id, &summary).await?;
            Ok(())
        })
    })
    .await
}

/// Moves a category under another (`parent`: its id) or to the top level (empty).
#[server(endpoint = "move_category")]
pub async fn move_category(id: Uuid, #[server(default)] parent: String) -> Result<(), AppError> {
    use crate::domain::audit::Action;
    use crate::domain::category::check_parent;
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let me = locked(tx, id, "id").await?;
            let parent = parent_field(tx, &parent).await?;
            check_parent(me.node, parent.as_ref().map(|p| p.node))
                .map_err(|why| AppError::invalid("parent", why))?;
            let to = parent.as_ref().map(|p| p.node.id);
            crate::db::categories::set_parent(tx, id, to).await?;
            let summary = format!(
                "{}: {} → {}",
                me.slug,
                place(me.parent_slug),
                place(parent.map(|p| p.slug))
            );
            crate::db::audit::record(tx, actor, Action::CategoryMoved, id, &summary).await?;
            Ok(())
        })
    })
    .await
}

/// Moves a category one place `up` or `down` among its siblings.
#[server(endpoint = "shift_category")]
pub async fn shift_category(id: Uuid, direction: String) -> Result<(), AppError> {
    use crate::domain::Invalid;
    use crate::domain::audit::Action;
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let up = match direction.as_str() {
                "up" => true,
                "down" => false,
                _ => return Err(AppError::invalid("direction", Invalid::NotFound)),
            };
            let me = locked(tx, id, "id").await?;
            if crate::db::categories::shift(tx, id, up).await? {
                let summary = format!("{}: {direction}", me.slug);
                crate::db::audit::record(tx, actor, Action::CategoryReordered, id, &summary)
                    .await?;
            }
            Ok(())
        })
    })
    .await
}

/// Retires `id` into `into`: its listings and subcategories move there and it is deleted.
#[server(endpoint = "merge_category")]
pub async fn merge_category(id: Uuid, into: String) -> Result<(), AppError> {
    use crate::domain::Invalid;
    use crate::domain::audit::Action;
    use crate::domain::category::check_merge;
    audited_edit(BACK, move |tx, actor| {
        Box::pin(async move {
            let into = into
                .trim()
                .parse::<Uuid>()
                .map_err(|_| AppError::invalid("into", Invalid::Required))?;
            // Locked in id order, so two merges of the same pair cannot deadlock.
            let field = |which: Uuid| if which == id { "id" } else { "into" };
            let (first, second) = if id < into { (id, into) } else { (into, id) };
            let a = locked(tx, first, field(first)).await?;
            let b = if first == second {
                a.clone()
            } else {
                locked(tx, second, field(second)).await?
            };
            let (from, to) = if a.node.id == id { (a, b) } else { (b, a) };
            check_merge(from.node, to.node).map_err(|why| AppError::invalid("into", why))?;
            let moved = crate::db::categories::merge(tx, id, into).await?;
            let summary = format!("{} → {} ({moved} listings moved)", from.slug, to.slug);
            crate::db::audit::record(tx, actor, Action::CategoryMerged, id, &summary).await?;
            Ok(())
        })
    })
    .await
}

/// Where a category sits, for audit summaries: under its parent's slug, or at the top.
#[cfg(feature = "ssr")]
fn place(parent_slug: Option<String>) -> String {
    parent_slug.unwrap_or_else(|| "top level".into())
}

/// The category `id`, locked; a missing one is a not-found error on the form's `field`.
#[cfg(feature = "ssr")]
async fn locked(
    tx: &mut Tx,
    id: Uuid,
    field: &'static str,
) -> Result<crate::db::categories::Locked, AppError> {
    crate::db::categories::lock(tx, id)
        .await?
        .ok_or(AppError::invalid(field, crate::domain::Invalid::NotFound))
}

/// The `parent` field: empty for top level, else an existing category (locked).
#[cfg(feature = "ssr")]
async fn parent_field(
    tx: &mut Tx,
    parent: &str,
) -> Result<Option<crate::db::categories::Locked>, AppError> {
    use crate::domain::Invalid;
    let parent = parent.trim();
    if parent.is_empty() {
        return Ok(None);
    }
    let id = parent
        .parse::<Uuid>()
        .map_err(|_| AppError::invalid("parent", Invalid::NotFound))?;
    Ok(Some(locked(tx, id, "parent").await?))
}

//! The admin's category tree editor: create, rename, move, reorder and merge (retire a
//! category with its listings moved). Every change checks the admin role itself, runs in one
//! transaction and writes its audit row in it.

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::admin::AdminCategory;

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
    use crate::db::categories;
    use crate::domain::Invalid;
    use crate::domain::audit::Action;
    use crate::domain::category::{check_parent, parse_new};
    edit(move |tx, actor| {
        Box::pin(async move {
            let (slug, names) = parse_new(&slug, &name_en, &name_sw)
                .map_err(|(field, why)| AppError::invalid(field, why))?;
            let parent = parent_field(tx, &parent).await?;
            let new = crate::domain::category::Node {
                id: Uuid::nil(),
                parent: None,
                has_children: false,
            };
            check_parent(new, parent).map_err(|why| AppError::invalid("parent", why))?;
            let id = categories::create(tx, parent.map(|p| p.id), &slug, &names)
                .await?
                .ok_or(AppError::invalid("slug", Invalid::SlugTaken))?;
            let summary = format!("{} / {} ({})", names.en, names.sw, slug.as_str());
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
    edit(move |tx, actor| {
        Box::pin(async move {
            let names = Names::parse(&name_en, &name_sw)
                .map_err(|(field, why)| AppError::invalid(field, why))?;
            let (_, old) = locked(tx, id).await?;
            crate::db::categories::rename(tx, id, &names).await?;
            let summary = format!("{} / {} → {} / {}", old.en, old.sw, names.en, names.sw);
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
    edit(move |tx, actor| {
        Box::pin(async move {
            let (node, _) = locked(tx, id).await?;
            let parent = parent_field(tx, &parent).await?;
            check_parent(node, parent).map_err(|why| AppError::invalid("parent", why))?;
            let to = parent.map(|p| p.id);
            crate::db::categories::set_parent(tx, id, to).await?;
            let summary = format!("{:?} → {:?}", node.parent, to);
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
    edit(move |tx, actor| {
        Box::pin(async move {
            let up = match direction.as_str() {
                "up" => true,
                "down" => false,
                _ => return Err(AppError::invalid("direction", Invalid::NotFound)),
            };
            locked(tx, id).await?;
            if crate::db::categories::shift(tx, id, up).await? {
                crate::db::audit::record(tx, actor, Action::CategoryReordered, id, &direction)
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
    edit(move |tx, actor| {
        Box::pin(async move {
            let into = into
                .trim()
                .parse::<Uuid>()
                .map_err(|_| AppError::invalid("into", Invalid::Required))?;
            // Locked in id order, so two merges of the same pair cannot deadlock.
            let (first, second) = if id < into { (id, into) } else { (into, id) };
            let a = locked(tx, first).await?;
            let b = if first == second {
                a.clone()
            } else {
                crate::db::categories::lock(tx, second)
                    .await?
                    .ok_or(AppError::invalid("into", Invalid::NotFound))?
            };
            let ((from, from_names), (to, to_names)) = if a.0.id == id { (a, b) } else { (b, a) };
            check_merge(from, to).map_err(|why| AppError::invalid("into", why))?;
            let moved = crate::db::categories::merge(tx, from.id, to.id).await?;
            let summary = format!(
                "{} → {} ({moved} listings moved)",
                from_names.en, to_names.en
            );
            crate::db::audit::record(tx, actor, Action::CategoryMerged, from.id, &summary).await?;
            Ok(())
        })
    })
    .await
}

#[cfg(feature = "ssr")]
type Tx = sqlx::Transaction<'static, sqlx::Postgres>;

/// Runs one admin edit of the tree: the admin from the session, a transaction the edit and its
/// audit row share, then back to the editor (which is where a form without JavaScript lands).
#[cfg(feature = "ssr")]
async fn edit<F>(change: F) -> Result<(), AppError>
where
    F: for<'t> FnOnce(
            &'t mut Tx,
            &'t crate::db::audit::Actor,
        )
            -> std::pin::Pin<Box<dyn Future<Output = Result<(), AppError>> + Send + 't>>
        + Send,
{
    use crate::auth::context;
    context::respond(async move {
        let admin = context::require_area(crate::domain::role::Area::Admin).await?;
        let actor = crate::db::audit::Actor {
            id: admin.id,
            role: admin.role(),
            ip: context::client_ip(),
        };
        let mut tx = context::state()?.pool.begin().await?;
        change(&mut tx, &actor).await?;
        tx.commit().await?;
        leptos_axum::redirect("/admin/categories");
        Ok(())
    })
    .await
}

/// The category `id`, locked; a missing one is a not-found error on the form's `id`.
#[cfg(feature = "ssr")]
async fn locked(
    tx: &mut Tx,
    id: Uuid,
) -> Result<
    (
        crate::domain::category::Node,
        crate::domain::category::Names,
    ),
    AppError,
> {
    crate::db::categories::lock(tx, id)
        .await?
        .ok_or(AppError::invalid("id", crate::domain::Invalid::NotFound))
}

/// The `parent` field: empty for top level, else an existing category (locked).
#[cfg(feature = "ssr")]
async fn parent_field(
    tx: &mut Tx,
    parent: &str,
) -> Result<Option<crate::domain::category::Node>, AppError> {
    use crate::domain::Invalid;
    let parent = parent.trim();
    if parent.is_empty() {
        return Ok(None);
    }
    let id = parent
        .parse::<Uuid>()
        .map_err(|_| AppError::invalid("parent", Invalid::NotFound))?;
    let (node, _) = crate::db::categories::lock(tx, id)
        .await?
        .ok_or(AppError::invalid("parent", Invalid::NotFound))?;
    Ok(Some(node))
}

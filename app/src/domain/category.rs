//! The category tree as admins edit it: top-level categories and their subcategories, two
//! levels and no more (the storefront menus, the search facets and the listing form's picker
//! all assume it).

use super::Invalid;
use super::slug::Slug;
use super::text::bounded;

pub const NAME_MAX: usize = 60;

/// A category's name in both languages the site speaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Names {
    pub en: String,
    pub sw: String,
}

impl Names {
    pub fn parse(en: &str, sw: &str) -> Result<Self, (&'static str, Invalid)> {
        Ok(Names {
            en: bounded(en, 2, NAME_MAX, false).map_err(|w| ("name_en", w))?,
            sw: bounded(sw, 2, NAME_MAX, false).map_err(|w| ("name_sw", w))?,
        })
    }
}

/// A new category's address and names.
pub fn parse_new(slug: &str, en: &str, sw: &str) -> Result<(Slug, Names), (&'static str, Invalid)> {
    let slug = Slug::parse(slug).map_err(|w| ("slug", w))?;
    Ok((slug, Names::parse(en, sw)?))
}

/// What the tree rules need to know about a category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: uuid::Uuid,
    pub parent: Option<uuid::Uuid>,
    pub has_children: bool,
}

/// Whether `node` may sit under `parent` (`None`: top level). A subcategory's parent must be
/// top level, and a category with subcategories must stay top level.
pub fn check_parent(node: Node, parent: Option<Node>) -> Result<(), Invalid> {
    let Some(parent) = parent else {
        return Ok(());
    };
    if parent.id == node.id {
        return Err(Invalid::CategoryIntoItself);
    }
    if parent.parent.is_some() || node.has_children {
        return Err(Invalid::CategoryTooDeep);
    }
    Ok(())
}

/// Whether `from` may be merged into `into`: its listings go there, and its subcategories too
/// (which only a top-level category can take in).
pub fn check_merge(from: Node, into: Node) -> Result<(), Invalid> {
    if into.id == from.id || into.parent == Some(from.id) {
        return Err(Invalid::CategoryIntoItself);
    }
    if from.has_children && into.parent.is_some() {
        return Err(Invalid::CategoryTooDeep);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use uuid::Uuid;

    fn node(parent: Option<Uuid>, has_children: bool) -> Node {
        Node {
            id: Uuid::new_v4(),
            parent,
            has_children,
        }
    }

    #[test]
    fn names_are_required_in_both_languages() {
        assert_eq!(
            Names::parse("Phones", " "),
            Err(("name_sw", Invalid::Required))
        );
        assert_eq!(
            Names::parse("", "Simu"),
            Err(("name_en", Invalid::Required))
        );
        assert_eq!(
            Names::parse(" Phones ", "Simu"),
            Ok(Names {
                en: "Phones".into(),
                sw: "Simu".into()
            })
        );
        assert_eq!(
            parse_new("Phones & more", "Phones", "Simu").map(|_| ()),
            Err(("slug", Invalid::SlugFormat))
        );
    }

    #[test]
    fn the_tree_has_two_levels() {
        let top = node(None, true);
        let other_top = node(None, false);
        let child = node(Some(top.id), false);
        assert_eq!(check_parent(child, Some(other_top)), Ok(()));
        assert_eq!(
            check_parent(child, None),
            Ok(()),
            "a subcategory may become top level"
        );
        assert_eq!(
            check_parent(other_top, Some(child)),
            Err(Invalid::CategoryTooDeep),
            "under a subcategory"
        );
        assert_eq!(
            check_parent(top, Some(other_top)),
            Err(Invalid::CategoryTooDeep),
            "a category with subcategories stays top level"
        );
        assert_eq!(
            check_parent(other_top, Some(other_top)),
            Err(Invalid::CategoryIntoItself)
        );
    }

    #[test]
    fn a_merge_never_loses_or_nests_too_deep() {
        let top = node(None, true);
        let child = node(Some(top.id), false);
        let other_top = node(None, false);
        let other_child = node(Some(other_top.id), false);
        assert_eq!(check_merge(child, other_child), Ok(()));
        assert_eq!(
            check_merge(top, other_top),
            Ok(()),
            "subcategories move along"
        );
        assert_eq!(check_merge(top, other_child), Err(Invalid::CategoryTooDeep));
        assert_eq!(check_merge(top, child), Err(Invalid::CategoryIntoItself));
        assert_eq!(check_merge(top, top), Err(Invalid::CategoryIntoItself));
    }
}

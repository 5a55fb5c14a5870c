//! The moderation inbox's rules: what kinds of item wait on an admin, how long a claim holds,
//! what changed in a listing edit, and how an item's age reads.

use crate::text_enum;
use serde::{Deserialize, Serialize};

text_enum! {
    /// Something waiting on an admin's decision.
    pub enum InboxKind {
        /// A shop application with its KYC documents.
        Shop = "shop",
        /// A new listing, or a material edit of an approved one.
        Listing = "listing",
        /// An M-Pesa callback that matched no payment of ours.
        Callback = "callback",
        /// A buyer protection dispute the shopper (or the deadline) sent to the admins.
        Dispute = "dispute",
        /// A review someone reported.
        Review = "review",
    }
}

/// How long a claim keeps other admins off an item; an abandoned claim lapses by itself.
pub const CLAIM_MINUTES: i64 = 30;

/// What a moderator approves in a listing: its words and category (a change to any of them
/// sends an approved listing back to review; price and stock do not).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewedVersion {
    pub title: String,
    pub description: String,
    pub tags: Vec<String>,
    pub category: String,
}

/// One field of a listing edit: what was approved, and what is asked now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    /// `title`, `description`, `tags` or `category`.
    pub field: String,
    pub before: String,
    pub after: String,
}

/// The fields an edit changed, in the order the listing form shows them.
pub fn changes(approved: &ReviewedVersion, now: &ReviewedVersion) -> Vec<FieldChange> {
    let pairs = [
        ("title", approved.title.clone(), now.title.clone()),
        ("category", approved.category.clone(), now.category.clone()),
        ("tags", approved.tags.join(", "), now.tags.join(", ")),
        (
            "description",
            approved.description.clone(),
            now.description.clone(),
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, before, after)| before != after)
        .map(|(field, before, after)| FieldChange {
            field: field.into(),
            before,
            after,
        })
        .collect()
}

/// An item's age for the inbox: minutes under an hour, hours under two days, then days.
pub fn age(minutes: i64) -> String {
    let minutes = minutes.max(0);
    if minutes < 60 {
        format!("{minutes} min")
    } else if minutes < 48 * 60 {
        format!("{} h", minutes / 60)
    } else {
        format!("{} d", minutes / (24 * 60))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(title: &str, tags: &[&str]) -> ReviewedVersion {
        ReviewedVersion {
            title: title.into(),
            description: "Sisal.".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            category: "Furniture".into(),
        }
    }

    #[test]
    fn an_edit_shows_only_the_fields_it_changed() {
        let before = version("Kikapu basket", &["sisal"]);
        let after = version("Kikapu basket XL", &["sisal", "large"]);
        let c = changes(&before, &after);
        assert_eq!(c.len(), 2);
        assert_eq!(
            (
                c[0].field.as_str(),
                c[0].before.as_str(),
                c[0].after.as_str()
            ),
            ("title", "Kikapu basket", "Kikapu basket XL")
        );
        assert_eq!(c[1].after, "sisal, large");
        assert!(changes(&before, &before).is_empty());
    }

    #[test]
    fn ages_read_in_the_largest_sensible_unit() {
        assert_eq!(age(-5), "0 min");
        assert_eq!(age(59), "59 min");
        assert_eq!(age(60), "1 h");
        assert_eq!(age(47 * 60 + 59), "47 h");
        assert_eq!(age(3 * 24 * 60 + 5), "3 d");
    }
}

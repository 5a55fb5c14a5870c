//! What the audit log records. Each audited action has one spelling (stored as `audit_log.action`),
//! so the log can be searched by it and a typo cannot invent a new one.

use crate::text_enum;

text_enum! {
    /// An audited action.
    pub enum Action {
        CategoryCreated = "category.created",
        CategoryRenamed = "category.renamed",
        CategoryMoved = "category.moved",
        CategoryReordered = "category.reordered",
        CategoryMerged = "category.merged",
        UserSuspended = "user.suspended",
        UserReinstated = "user.reinstated",
        UserMadeAdmin = "user.made_admin",
        UserAdminRemoved = "user.admin_removed",
        ShopTierSet = "shop.tier_set",
        SettingsChanged = "settings.changed",
        PasswordResetSent = "user.password_reset_sent",
        ShopVerified = "shop.verified",
        ShopRejected = "shop.rejected",
        ShopSuspended = "shop.suspended",
        ShopReinstated = "shop.reinstated",
        ListingApproved = "listing.approved",
        ListingRejected = "listing.rejected",
        CallbackResolved = "payment.callback_resolved",
    }
}

impl Action {
    /// The kind of object the action is about (`audit_log.object_kind`).
    pub fn object_kind(self) -> &'static str {
        match self {
            Action::CategoryCreated
            | Action::CategoryRenamed
            | Action::CategoryMoved
            | Action::CategoryReordered
            | Action::CategoryMerged => "category",
            Action::UserSuspended
            | Action::UserReinstated
            | Action::UserMadeAdmin
            | Action::UserAdminRemoved
            | Action::PasswordResetSent => "user",
            Action::ShopTierSet
            | Action::ShopVerified
            | Action::ShopRejected
            | Action::ShopSuspended
            | Action::ShopReinstated => "shop",
            Action::ListingApproved | Action::ListingRejected => "listing",
            Action::CallbackResolved => "mpesa_callback",
            Action::SettingsChanged => "platform",
        }
    }
}

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
        PartAccepted = "order.part_accepted",
        PartRejected = "order.part_rejected",
        PartShipped = "order.part_shipped",
        PartDelivered = "order.part_delivered",
        PartCancelled = "order.part_cancelled",
        ReturnRequested = "order.return_requested",
        ReturnRefunded = "order.return_refunded",
        ReturnDeclined = "order.return_declined",
        DisputeRefunded = "order.dispute_refunded",
        DisputeOpened = "dispute.opened",
        DisputeAnswered = "dispute.answered",
        DisputeAccepted = "dispute.answer_accepted",
        DisputeEscalated = "dispute.escalated",
        DisputeDecided = "dispute.decided",
        ReviewHidden = "review.hidden",
        ReviewKept = "review.kept",
        PartCompleted = "order.part_completed",
        PartConfirmed = "order.part_confirmed",
        ItemRefunded = "order.item_refunded",
        CouponCreated = "shop.coupon_created",
        CouponSwitched = "shop.coupon_switched",
        DeliveryTermsSaved = "shop.delivery_terms_saved",
        PayoutPhoneChanged = "shop.payout_phone_changed",
        /// Written by the database for every ledger transaction (migration ..22).
        LedgerPosted = "ledger.posted",
    }
}

impl Action {
    /// The audited action of a step in a shop's part of an order.
    pub fn of_part_event(event: crate::domain::order::VendorOrderEvent) -> Self {
        use crate::domain::order::VendorOrderEvent as E;
        match event {
            E::Confirmed => Action::PartConfirmed,
            E::Accept => Action::PartAccepted,
            E::Reject => Action::PartRejected,
            E::Ship => Action::PartShipped,
            E::Deliver => Action::PartDelivered,
            E::Cancel | E::CancelUnshipped => Action::PartCancelled,
            E::RequestReturn => Action::ReturnRequested,
            E::Refund => Action::ReturnRefunded,
            E::DeclineReturn => Action::ReturnDeclined,
            E::RefundDisputed => Action::DisputeRefunded,
            E::Complete | E::ConfirmReceipt => Action::PartCompleted,
        }
    }

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
            Action::PartAccepted
            | Action::PartRejected
            | Action::PartShipped
            | Action::PartDelivered
            | Action::PartCancelled
            | Action::ReturnRequested
            | Action::ReturnRefunded
            | Action::ReturnDeclined
            | Action::DisputeRefunded
            | Action::PartCompleted
            | Action::PartConfirmed
            | Action::ItemRefunded => "vendor_order",
            Action::CouponCreated | Action::CouponSwitched => "coupon",
            Action::DisputeOpened
            | Action::DisputeAnswered
            | Action::DisputeAccepted
            | Action::DisputeEscalated
            | Action::DisputeDecided => "dispute",
            Action::ReviewHidden | Action::ReviewKept => "review",
            Action::DeliveryTermsSaved | Action::PayoutPhoneChanged => "shop",
            Action::LedgerPosted => "ledger_transaction",
            Action::SettingsChanged => "platform",
        }
    }
}

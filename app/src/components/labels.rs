//! How statuses and amounts read on pages: one label per status, in the reader's language.

use crate::domain::order::VendorOrderStatus;
use crate::domain::{Currency, Money};
use crate::i18n::Key;
use rust_decimal::Decimal;

/// An amount with its currency, as pages print it ("KES 1,500.00").
pub fn money(amount: Decimal, currency: &str) -> String {
    Money::new(amount, Currency::parse(currency).unwrap_or_default()).format()
}

/// The label of a shop's verification status or a listing's approval status.
pub fn status_key(status: &str) -> Key {
    match status {
        "verified" => Key::StatusVerified,
        "rejected" => Key::StatusRejected,
        "suspended" => Key::StatusSuspended,
        "approved" => Key::StatusApproved,
        "archived" => Key::StatusArchived,
        "draft" => Key::StatusDraft,
        _ => Key::StatusPending,
    }
}

/// The label of a shop's part of an order.
pub fn vendor_status_key(status: &str) -> Key {
    match VendorOrderStatus::parse(status) {
        Some(VendorOrderStatus::PendingPayment) => Key::OrderPendingPayment,
        Some(VendorOrderStatus::AwaitingAcceptance) => Key::OrderAwaitingAcceptance,
        Some(VendorOrderStatus::Accepted) => Key::OrderAccepted,
        Some(VendorOrderStatus::Shipped) => Key::OrderShipped,
        Some(VendorOrderStatus::Delivered) => Key::OrderDelivered,
        Some(VendorOrderStatus::Completed) => Key::OrderCompleted,
        Some(VendorOrderStatus::Cancelled) => Key::OrderCancelled,
        Some(VendorOrderStatus::Rejected) => Key::OrderRejected,
        Some(VendorOrderStatus::ReturnRequested) => Key::OrderReturnRequested,
        Some(VendorOrderStatus::Refunded) | None => Key::OrderRefunded,
    }
}

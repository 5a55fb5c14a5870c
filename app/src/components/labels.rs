//! How statuses and amounts read on pages: one label per status, in the reader's language.

use crate::domain::order::{PaymentMethod, VendorOrderStatus};
use crate::domain::{Currency, Money};
use crate::i18n::{Key, Locale};
use rust_decimal::Decimal;

/// An amount with its currency, as pages print it ("KES 1,500.00").
pub fn money(amount: Decimal, currency: &str) -> String {
    Money::new(amount, Currency::parse(currency).unwrap_or_default()).format()
}

/// The label of a shop staff role.
pub fn role_key(role: &str) -> Key {
    match role {
        "owner" => Key::RoleOwner,
        "inventory" => Key::RoleInventory,
        "orders" => Key::RoleOrders,
        _ => Key::RoleAccounting,
    }
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
pub fn vendor_status_key(status: VendorOrderStatus) -> Key {
    match status {
        VendorOrderStatus::PendingPayment => Key::OrderPendingPayment,
        VendorOrderStatus::AwaitingAcceptance => Key::OrderAwaitingAcceptance,
        VendorOrderStatus::Accepted => Key::OrderAccepted,
        VendorOrderStatus::Shipped => Key::OrderShipped,
        VendorOrderStatus::Delivered => Key::OrderDelivered,
        VendorOrderStatus::Completed => Key::OrderCompleted,
        VendorOrderStatus::Cancelled => Key::OrderCancelled,
        VendorOrderStatus::Rejected => Key::OrderRejected,
        VendorOrderStatus::ReturnRequested => Key::OrderReturnRequested,
        VendorOrderStatus::Refunded => Key::OrderRefunded,
    }
}

/// How an order is paid, as pages name it ("M-Pesa" is a brand: the same in every language).
pub fn payment_method_text(method: PaymentMethod, locale: Locale) -> &'static str {
    match method {
        PaymentMethod::Mpesa => "M-Pesa",
        PaymentMethod::CashOnDelivery => locale.text(Key::CashOnDelivery),
    }
}

//! Orders as state machines, and the money rules frozen into them at purchase. A status only
//! changes through `transition`, and the database update is guarded by the expected status.

use crate::{sql_text, text_enum};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

text_enum! {
    /// The shopper's order as a whole. Its parts carry their own status; the order's follows
    /// them (all dropped → cancelled or refunded; all delivered or dropped → completed).
    pub enum OrderStatus {
        PendingPayment = "pending_payment",
        Paid = "paid",
        Completed = "completed",
        Cancelled = "cancelled",
        Refunded = "refunded",
    }
}

text_enum! {
    /// How the shopper pays: an M-Pesa prompt at checkout, or cash to the shop on delivery.
    pub enum PaymentMethod {
        CashOnDelivery = "cod",
        Mpesa = "mpesa",
    }
}

/// One vendor's part of an order: the unit of fulfilment, commission and payout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VendorOrderStatus {
    PendingPayment,
    AwaitingAcceptance,
    Accepted,
    Shipped,
    Delivered,
    Completed,
    Cancelled,
    Rejected,
    ReturnRequested,
    Refunded,
}

sql_text!(VendorOrderStatus);

/// What happens to a vendor order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VendorOrderEvent {
    /// Payment arrived, or the order is cash on delivery.
    Confirmed,
    Accept,
    Reject,
    Ship,
    Deliver,
    /// The shopper cancels before the shop accepted (or the platform does, when the shop let
    /// the acceptance deadline pass).
    Cancel,
    /// The shopper cancels an accepted part the shop did not ship by the shipping deadline.
    CancelUnshipped,
    RequestReturn,
    /// The shop declines the return, with its reason: the part is back to delivered (the
    /// shopper may dispute that).
    DeclineReturn,
    Refund,
    /// A dispute ended in a full refund: the part's money goes back. Its goods are not
    /// returned to stock (never received, or kept by the shopper as damaged).
    RefundDisputed,
    Complete,
    /// The shopper confirms they received the part: it is complete, and its money need not
    /// wait out the holding period (returns and disputes end with it).
    ConfirmReceipt,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{event:?} is not possible from {from:?}")]
pub struct IllegalTransition {
    pub from: VendorOrderStatus,
    pub event: VendorOrderEvent,
}

impl VendorOrderStatus {
    pub const ALL: [VendorOrderStatus; 10] = [
        Self::PendingPayment,
        Self::AwaitingAcceptance,
        Self::Accepted,
        Self::Shipped,
        Self::Delivered,
        Self::Completed,
        Self::Cancelled,
        Self::Rejected,
        Self::ReturnRequested,
        Self::Refunded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::PendingPayment => "pending_payment",
            Self::AwaitingAcceptance => "awaiting_acceptance",
            Self::Accepted => "accepted",
            Self::Shipped => "shipped",
            Self::Delivered => "delivered",
            Self::Completed => "completed",
            Self::Cancelled => "cancelled",
            Self::Rejected => "rejected",
            Self::ReturnRequested => "return_requested",
            Self::Refunded => "refunded",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Whether a shop may still refund single items of the part: from the order until it is
    /// settled (completed, dropped or refunded as a whole).
    pub fn allows_item_refund(self) -> bool {
        matches!(
            self,
            Self::AwaitingAcceptance
                | Self::Accepted
                | Self::Shipped
                | Self::Delivered
                | Self::ReturnRequested
        )
    }

    /// Whether the shopper may cancel the part: only once it is confirmed and before the shop
    /// accepts it. A part still waiting for its M-Pesa payment is not cancelled on its own (the
    /// prompt asks for the whole order); an unpaid order ends when its reservation runs out.
    pub fn shopper_may_cancel(self) -> bool {
        self == Self::AwaitingAcceptance
    }

    /// The only way a vendor order's status changes.
    pub fn transition(self, event: VendorOrderEvent) -> Result<Self, IllegalTransition> {
        use VendorOrderEvent as E;
        use VendorOrderStatus as S;
        let next = match (self, event) {
            (S::PendingPayment, E::Confirmed) => S::AwaitingAcceptance,
            (S::PendingPayment | S::AwaitingAcceptance, E::Cancel) => S::Cancelled,
            (S::Accepted, E::CancelUnshipped) => S::Cancelled,
            (S::AwaitingAcceptance, E::Accept) => S::Accepted,
            (S::AwaitingAcceptance, E::Reject) => S::Rejected,
            (S::Accepted, E::Ship) => S::Shipped,
            (S::Shipped, E::Deliver) => S::Delivered,
            (S::Delivered, E::RequestReturn) => S::ReturnRequested,
            (S::ReturnRequested, E::DeclineReturn) => S::Delivered,
            (S::Shipped | S::Delivered, E::RefundDisputed) => S::Refunded,
            (S::Delivered, E::Complete) => S::Completed,
            (S::Shipped | S::Delivered, E::ConfirmReceipt) => S::Completed,
            (S::Rejected | S::ReturnRequested | S::Cancelled, E::Refund) => S::Refunded,
            (from, event) => return Err(IllegalTransition { from, event }),
        };
        Ok(next)
    }
}

/// Commission on a line, rounded to the cent (half away from zero), and what the vendor nets.
/// The two always add up to the line total.
pub fn commission(line_total: Decimal, rate: Decimal) -> (Decimal, Decimal) {
    let commission =
        (line_total * rate).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    (commission, line_total - commission)
}

/// The VAT inside a VAT-inclusive amount at `rate` (0.16 for Kenya's 16%), to the cent.
pub fn vat_included(total: Decimal, rate: Decimal) -> Decimal {
    (total * rate / (Decimal::ONE + rate))
        .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

#[cfg(test)]
mod tests {
    use super::*;
    use VendorOrderEvent as E;
    use VendorOrderStatus as S;
    use rust_decimal_macros::dec;

    #[test]
    fn items_are_refundable_until_the_part_is_settled() {
        assert!(S::AwaitingAcceptance.allows_item_refund());
        assert!(S::Delivered.allows_item_refund());
        for settled in [
            S::PendingPayment,
            S::Completed,
            S::Cancelled,
            S::Rejected,
            S::Refunded,
        ] {
            assert!(!settled.allows_item_refund(), "{settled:?}");
        }
    }

    #[test]
    fn shoppers_cancel_only_confirmed_parts_the_shop_has_not_accepted() {
        assert!(S::AwaitingAcceptance.shopper_may_cancel());
        for s in [S::PendingPayment, S::Accepted, S::Shipped, S::Cancelled] {
            assert!(!s.shopper_may_cancel(), "{s:?}");
        }
    }

    #[test]
    fn the_happy_path_and_its_branches() {
        let mut s = S::PendingPayment;
        for e in [E::Confirmed, E::Accept, E::Ship, E::Deliver, E::Complete] {
            s = s.transition(e).expect("legal");
        }
        assert_eq!(s, S::Completed);
        assert_eq!(
            S::AwaitingAcceptance.transition(E::Cancel),
            Ok(S::Cancelled)
        );
        assert_eq!(S::AwaitingAcceptance.transition(E::Reject), Ok(S::Rejected));
        assert_eq!(S::Rejected.transition(E::Refund), Ok(S::Refunded));
        assert_eq!(
            S::Delivered.transition(E::RequestReturn),
            Ok(S::ReturnRequested)
        );
        assert_eq!(
            S::ReturnRequested.transition(E::DeclineReturn),
            Ok(S::Delivered)
        );
        assert_eq!(S::Shipped.transition(E::RefundDisputed), Ok(S::Refunded));
        assert_eq!(S::Shipped.transition(E::ConfirmReceipt), Ok(S::Completed));
        assert_eq!(S::Delivered.transition(E::ConfirmReceipt), Ok(S::Completed));
        assert!(S::Accepted.transition(E::ConfirmReceipt).is_err());
        assert!(S::Completed.transition(E::RefundDisputed).is_err());
        assert!(S::Delivered.transition(E::DeclineReturn).is_err());
    }

    #[test]
    fn illegal_transitions_are_errors() {
        assert!(
            S::Accepted.transition(E::Cancel).is_err(),
            "no cancelling after acceptance"
        );
        // After acceptance only a missed shipping deadline lets the shopper cancel.
        assert_eq!(S::Accepted.transition(E::CancelUnshipped), Ok(S::Cancelled));
        for s in [S::AwaitingAcceptance, S::Shipped, S::Delivered] {
            assert!(s.transition(E::CancelUnshipped).is_err(), "{s:?}");
        }
        assert!(S::PendingPayment.transition(E::Ship).is_err());
        assert!(S::Completed.transition(E::Refund).is_err());
        assert!(S::Shipped.transition(E::Accept).is_err());
        for s in S::ALL {
            assert_eq!(S::parse(s.as_str()), Some(s));
        }
        for s in OrderStatus::ALL {
            assert_eq!(OrderStatus::parse(s.as_str()), Some(*s));
        }
        assert_eq!(
            PaymentMethod::parse("cod"),
            Some(PaymentMethod::CashOnDelivery)
        );
        assert_eq!(PaymentMethod::parse("card"), None);
    }

    #[test]
    fn commission_and_net_add_up() {
        assert_eq!(
            commission(dec!(1500.00), dec!(0.08)),
            (dec!(120.00), dec!(1380.00))
        );
        assert_eq!(
            commission(dec!(0.05), dec!(0.1)),
            (dec!(0.01), dec!(0.04)),
            "half a cent rounds up"
        );
        for (total, rate) in [
            (dec!(999.99), dec!(0.06)),
            (dec!(33.33), dec!(0.04)),
            (dec!(10), dec!(0)),
        ] {
            let (c, n) = commission(total, rate);
            assert_eq!(c + n, total);
        }
        assert_eq!(vat_included(dec!(1160.00), dec!(0.16)), dec!(160.00));
        assert_eq!(vat_included(dec!(100.00), dec!(0.16)), dec!(13.79));
    }
}

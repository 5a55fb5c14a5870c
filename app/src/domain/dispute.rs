//! Buyer protection disputes: what a shopper may dispute, how a dispute moves (the shop
//! answers or refunds; the shopper accepts the answer or escalates; an admin decides), and how
//! much of a partial refund is the platform's commission.

use crate::domain::Invalid;
use crate::domain::order::VendorOrderStatus;
use crate::text_enum;
use rust_decimal::{Decimal, RoundingStrategy};

text_enum! {
    /// Why the shopper disputes a part.
    pub enum DisputeReason {
        NotReceived = "not_received",
        NotAsDescribed = "not_as_described",
        Damaged = "damaged",
        /// The shop declined the shopper's return; its reason is already its answer.
        ReturnRefused = "return_refused",
    }
}

text_enum! {
    /// Where a dispute stands.
    pub enum DisputeStatus {
        /// Waiting for the shop's answer (until `answer_due`; then the jobs escalate it).
        AwaitingShop = "awaiting_shop",
        /// The shop answered; the shopper accepts the answer or escalates.
        Answered = "answered",
        /// In the admins' inbox.
        Escalated = "escalated",
        Resolved = "resolved",
    }
}

text_enum! {
    /// How a dispute ended.
    pub enum DisputeOutcome {
        /// The shop refunded the part in full itself.
        ShopRefunded = "shop_refunded",
        /// The shopper accepted the shop's answer: nothing is refunded.
        AnswerAccepted = "answer_accepted",
        /// An admin's decisions.
        FullRefund = "full_refund",
        PartialRefund = "partial_refund",
        Refused = "refused",
    }
}

/// What happens to a dispute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisputeEvent {
    /// The shop answers in words.
    Answer,
    /// The shop gives the whole part's money back.
    ShopRefund,
    /// The shopper accepts the shop's answer.
    AcceptAnswer,
    /// The shopper (or the jobs, when the shop let the deadline pass) sends it to the admins.
    Escalate,
    /// An admin decides.
    Decide(DisputeOutcome),
}

impl DisputeReason {
    /// The status a new dispute starts in: a refused return has had the shop's answer already
    /// (its reason for declining), so it goes straight to the admins.
    pub fn opens_as(self) -> DisputeStatus {
        match self {
            Self::ReturnRefused => DisputeStatus::Escalated,
            _ => DisputeStatus::AwaitingShop,
        }
    }

    /// Whether a part in `status` may be disputed for this reason (the money must also still
    /// be held, and the part paid through us: the caller checks those). `return_declined` says
    /// whether the shop declined a return of this part.
    pub fn fits(self, status: VendorOrderStatus, return_declined: bool) -> bool {
        match self {
            Self::NotReceived => {
                matches!(
                    status,
                    VendorOrderStatus::Shipped | VendorOrderStatus::Delivered
                )
            }
            Self::NotAsDescribed | Self::Damaged => status == VendorOrderStatus::Delivered,
            Self::ReturnRefused => status == VendorOrderStatus::Delivered && return_declined,
        }
    }
}

impl DisputeReason {
    /// The reasons a part in `status` may be disputed for (paid through us, money held).
    pub fn open_to(status: VendorOrderStatus, return_declined: bool) -> Vec<DisputeReason> {
        Self::ALL
            .iter()
            .copied()
            .filter(|r| r.fits(status, return_declined))
            .collect()
    }
}

impl DisputeStatus {
    /// The only way a dispute's status changes (with the outcome, once resolved).
    pub fn transition(
        self,
        event: DisputeEvent,
    ) -> Result<(DisputeStatus, Option<DisputeOutcome>), Invalid> {
        use DisputeEvent as E;
        use DisputeStatus as S;
        let next = match (self, event) {
            (S::AwaitingShop, E::Answer) => (S::Answered, None),
            (S::AwaitingShop | S::Answered | S::Escalated, E::ShopRefund) => {
                (S::Resolved, Some(DisputeOutcome::ShopRefunded))
            }
            (S::Answered, E::AcceptAnswer) => (S::Resolved, Some(DisputeOutcome::AnswerAccepted)),
            (S::AwaitingShop | S::Answered, E::Escalate) => (S::Escalated, None),
            (
                S::Escalated,
                E::Decide(
                    o @ (DisputeOutcome::FullRefund
                    | DisputeOutcome::PartialRefund
                    | DisputeOutcome::Refused),
                ),
            ) => (S::Resolved, Some(o)),
            _ => return Err(Invalid::DisputeMoved),
        };
        Ok(next)
    }

    /// Whether the part's money stays held (everything but a resolved dispute).
    pub fn holds_money(self) -> bool {
        self != Self::Resolved
    }
}

/// The commission reversed with a partial refund of `amount` out of the `owed` still paid for
/// the part: the same share of the `commission` still earned on it, to the cent.
pub fn commission_share(amount: Decimal, owed: Decimal, commission: Decimal) -> Decimal {
    if owed.is_zero() {
        return Decimal::ZERO;
    }
    (commission * amount / owed).round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// An admin's partial refund: a positive amount in cents, less than what is still owed for
/// the part (the whole of it is a full refund).
pub fn partial_amount(text: &str, owed: Decimal) -> Result<Decimal, Invalid> {
    let amount: Decimal = text.trim().parse().map_err(|_| Invalid::AmountFormat)?;
    if amount.scale() > 2 {
        return Err(Invalid::AmountFormat);
    }
    if amount <= Decimal::ZERO || amount >= owed {
        return Err(Invalid::OutOfRange);
    }
    Ok(amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DisputeEvent as E;
    use DisputeStatus as S;
    use VendorOrderStatus as V;
    use rust_decimal_macros::dec;

    #[test]
    fn what_may_be_disputed_when() {
        assert!(DisputeReason::NotReceived.fits(V::Shipped, false));
        assert!(DisputeReason::NotReceived.fits(V::Delivered, false));
        assert!(!DisputeReason::Damaged.fits(V::Shipped, false));
        assert!(DisputeReason::Damaged.fits(V::Delivered, false));
        assert!(!DisputeReason::ReturnRefused.fits(V::Delivered, false));
        assert!(DisputeReason::ReturnRefused.fits(V::Delivered, true));
        for reason in DisputeReason::ALL {
            for s in [
                V::AwaitingAcceptance,
                V::Accepted,
                V::Completed,
                V::Refunded,
            ] {
                assert!(!reason.fits(s, true), "{reason:?} {s:?}");
            }
        }
        assert_eq!(DisputeReason::ReturnRefused.opens_as(), S::Escalated);
        assert_eq!(DisputeReason::NotReceived.opens_as(), S::AwaitingShop);
    }

    #[test]
    fn a_dispute_moves_one_way() {
        assert_eq!(
            S::AwaitingShop.transition(E::Answer),
            Ok((S::Answered, None))
        );
        assert_eq!(
            S::Answered.transition(E::Escalate),
            Ok((S::Escalated, None))
        );
        assert_eq!(
            S::Escalated.transition(E::Decide(DisputeOutcome::PartialRefund)),
            Ok((S::Resolved, Some(DisputeOutcome::PartialRefund)))
        );
        assert_eq!(
            S::Answered.transition(E::AcceptAnswer),
            Ok((S::Resolved, Some(DisputeOutcome::AnswerAccepted)))
        );
        assert_eq!(
            S::Escalated.transition(E::ShopRefund),
            Ok((S::Resolved, Some(DisputeOutcome::ShopRefunded)))
        );
        // The shopper cannot accept an answer not given; an admin decides only escalated
        // disputes, and only with an admin's outcome; nothing moves a resolved one.
        assert!(S::AwaitingShop.transition(E::AcceptAnswer).is_err());
        assert!(
            S::Answered
                .transition(E::Decide(DisputeOutcome::Refused))
                .is_err()
        );
        assert!(
            S::Escalated
                .transition(E::Decide(DisputeOutcome::AnswerAccepted))
                .is_err()
        );
        assert!(S::Escalated.transition(E::Answer).is_err());
        for e in [E::Answer, E::ShopRefund, E::AcceptAnswer, E::Escalate] {
            assert_eq!(S::Resolved.transition(e), Err(Invalid::DisputeMoved));
        }
        assert!(S::Escalated.holds_money() && !S::Resolved.holds_money());
    }

    #[test]
    fn partial_refunds_reverse_their_share_of_commission() {
        assert_eq!(commission_share(dec!(500), dec!(2000), dec!(160)), dec!(40));
        assert_eq!(commission_share(dec!(1), dec!(3), dec!(1)), dec!(0.33));
        assert_eq!(commission_share(dec!(1), dec!(0), dec!(1)), dec!(0));
        assert_eq!(partial_amount(" 250.50 ", dec!(1000)), Ok(dec!(250.50)));
        assert_eq!(partial_amount("1000", dec!(1000)), Err(Invalid::OutOfRange));
        assert_eq!(partial_amount("0", dec!(1000)), Err(Invalid::OutOfRange));
        assert_eq!(partial_amount("-5", dec!(1000)), Err(Invalid::OutOfRange));
        assert_eq!(
            partial_amount("1.001", dec!(1000)),
            Err(Invalid::AmountFormat)
        );
        assert_eq!(
            partial_amount("ten", dec!(1000)),
            Err(Invalid::AmountFormat)
        );
    }
}

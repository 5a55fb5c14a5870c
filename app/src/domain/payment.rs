//! Money moving through M-Pesa: the states of a payment attempt (STK push) and of a payout or
//! refund sent by B2C.

use crate::text_enum;

/// PIN prompts one order may send in an hour. Each prompt rings a phone: without a limit
/// anyone could make a stranger's phone ring (and Daraja bills us) without end.
pub const PROMPTS_PER_ORDER_PER_HOUR: i64 = 5;
/// PIN prompts one phone may receive in an hour, over all orders.
pub const PROMPTS_PER_PHONE_PER_HOUR: i64 = 10;
/// Seconds between two "check again" queries of one attempt (each is a Daraja call).
pub const SECS_BETWEEN_QUERIES: i64 = 30;

text_enum! {
    /// An STK push attempt: waiting for the shopper's PIN, then paid or failed.
    pub enum PaymentStatus {
        Pending = "pending",
        Paid = "paid",
        Failed = "failed",
    }
}

text_enum! {
    /// A B2C transfer: requested (posted and sent), then confirmed or failed by its result.
    pub enum PayoutStatus {
        Requested = "requested",
        Paid = "paid",
        Failed = "failed",
    }
}

text_enum! {
    /// What a B2C transfer is for.
    pub enum PayoutPurpose {
        /// A shop's available balance paid out.
        ShopPayout = "shop_payout",
        /// Money owed back to a shopper.
        Refund = "refund",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_round_trip() {
        for s in PaymentStatus::ALL {
            assert_eq!(PaymentStatus::parse(s.as_str()), Some(*s));
        }
        for s in PayoutStatus::ALL {
            assert_eq!(PayoutStatus::parse(s.as_str()), Some(*s));
        }
        for p in PayoutPurpose::ALL {
            assert_eq!(PayoutPurpose::parse(p.as_str()), Some(*p));
        }
        assert_eq!(PaymentStatus::parse("PAID"), None);
        assert_eq!(PayoutPurpose::Refund.to_string(), "refund");
    }
}

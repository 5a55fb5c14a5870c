//! What notifications say, in the recipient's language. Like the UI text, each language is an
//! exhaustive `match` (in `en.rs` and `sw.rs`), so a message without its Swahili words does
//! not compile.

use super::Locale;
use uuid::Uuid;

/// A notification with the facts its words need.
#[derive(Clone, Copy, Debug)]
pub enum Mail<'a> {
    /// To the shopper: the order is placed (and, for M-Pesa, waits for the PIN).
    OrderPlaced {
        order: Uuid,
        mpesa: bool,
    },
    /// To the shopper: the M-Pesa payment arrived.
    OrderPaid {
        order: Uuid,
    },
    /// To a shop's owners and order staff: a part waits for them.
    NewOrder {
        order: Uuid,
        paid: bool,
    },
    /// To the shopper: a shop moved its part.
    PartAccepted {
        order: Uuid,
        shop: &'a str,
    },
    PartShipped {
        order: Uuid,
        shop: &'a str,
    },
    PartDelivered {
        order: Uuid,
        shop: &'a str,
    },
    PartRejected {
        order: Uuid,
        shop: &'a str,
    },
    ReturnAccepted {
        order: Uuid,
        shop: &'a str,
    },
    ItemRefunded {
        order: Uuid,
        shop: &'a str,
    },
    /// To the shop: the shopper cancelled their part.
    PartCancelled {
        order: Uuid,
    },
    /// To the shop: the shopper confirmed they received their part.
    ReceiptConfirmed {
        order: Uuid,
    },
    /// To the shop: the shopper asks to return their part.
    ReturnRequested {
        order: Uuid,
    },
    /// To the shopper: the shop declined their return (they may dispute that).
    ReturnDeclined {
        order: Uuid,
        shop: &'a str,
    },
    /// To the shop: the shopper opened a dispute about their part.
    DisputeOpened {
        order: Uuid,
    },
    /// To the shopper: the shop answered their dispute.
    DisputeAnswered {
        order: Uuid,
        shop: &'a str,
    },
    /// To both sides: the dispute went to Sokoni's team.
    DisputeEscalated {
        order: Uuid,
    },
    /// To both sides: how the dispute ended.
    DisputeResolved {
        order: Uuid,
        outcome: crate::domain::dispute::DisputeOutcome,
    },
    /// To a shop's owners and inventory staff: a listing is at its low-stock line.
    LowStock {
        title: &'a str,
        left: i32,
    },
    /// To a shop's owners and accounting staff: a payout was sent, or failed.
    PayoutSent {
        amount: &'a str,
    },
    PayoutFailed {
        amount: &'a str,
        reason: &'a str,
    },
    /// To a person who saved an item: it is cheaper now.
    SavedItemCheaper {
        title: &'a str,
        price: &'a str,
        slug: &'a str,
    },
    /// To a person who saved an item: it is back in stock.
    SavedItemBack {
        title: &'a str,
        slug: &'a str,
    },
    /// A text message to a phone that is to become a shop's payout phone.
    PayoutPhoneCode {
        code: &'a str,
        shop: &'a str,
    },
    /// To an account holder who asked: a link to set a new password.
    PasswordReset {
        link: &'a str,
    },
    /// To a shop's owners: an admin decided its application.
    ShopReviewed {
        shop: &'a str,
        /// The refusal's reason; none when verified.
        refused: Option<&'a str>,
    },
    /// To a shop's owners: an admin decided a listing (new, or edited).
    ListingReviewed {
        title: &'a str,
        refused: Option<&'a str>,
    },
    /// To a new account: confirm the address.
    VerifyEmail {
        link: &'a str,
    },
    /// To the old payout phone and the shop's owners: the payout phone changed.
    PayoutPhoneChanged {
        shop: &'a str,
        /// The new number's last digits.
        ending: &'a str,
    },
}

/// A notification in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub subject: String,
    pub body: String,
}

/// The short order number people quote ("3F2A9C1B").
pub fn order_number(order: Uuid) -> String {
    order.simple().to_string()[..8].to_uppercase()
}

impl Locale {
    pub fn mail(self, mail: &Mail<'_>) -> Message {
        match self {
            Locale::En => super::en::mail(mail),
            Locale::Sw => super::sw::mail(mail),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_reads_in_both_languages_with_its_facts() {
        let order = Uuid::nil();
        let n = order_number(order);
        for mail in [
            Mail::OrderPlaced { order, mpesa: true },
            Mail::PartShipped {
                order,
                shop: "Mama Mboga",
            },
            Mail::ReturnRequested { order },
            Mail::DisputeOpened { order },
            Mail::DisputeResolved {
                order,
                outcome: crate::domain::dispute::DisputeOutcome::PartialRefund,
            },
        ] {
            let en = Locale::En.mail(&mail);
            let sw = Locale::Sw.mail(&mail);
            assert!(
                en.subject.contains(&n) && sw.subject.contains(&n),
                "{mail:?}"
            );
            assert_ne!(en.body, sw.body, "{mail:?}");
        }
        assert!(
            Locale::Sw
                .mail(&Mail::PartShipped {
                    order,
                    shop: "Mama Mboga"
                })
                .body
                .contains("Mama Mboga")
        );
    }
}

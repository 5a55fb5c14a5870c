//! Double-entry bookkeeping: a transaction is a set of entries (debits positive, credits
//! negative) that sums to zero in every currency. The database checks the same at commit.

use crate::text_enum;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

text_enum! {
    /// What a ledger transaction records. With its reference (the payment, part, item or
    /// payout it is about) it is unique, so a retried step cannot post twice.
    pub enum TxKind {
        /// An M-Pesa payment received for an order.
        MpesaPayment = "mpesa_payment",
        /// An M-Pesa payment for an order that no longer waited (owed back).
        MpesaUnallocated = "mpesa_unallocated",
        /// A paid shop part: the shop's net pending, the platform's commission.
        Sale = "sale",
        /// A paid part refunded (rejected, cancelled or returned).
        Refund = "refund",
        /// One item of a paid part refunded.
        ItemRefund = "item_refund",
        /// Part of a paid part refunded on an admin's dispute decision (referenced by the
        /// dispute).
        DisputeRefund = "dispute_refund",
        /// A cash-on-delivery part delivered: the shop owes its commission.
        CodSettlement = "cod_settlement",
        /// A delivered cash-on-delivery part returned: the commission owed is reversed.
        CodReturned = "cod_returned",
        /// One item of a delivered cash-on-delivery part refunded. No longer posted (the
        /// commission on such an item stays owed); kept so that older ledgers still read.
        CodItemRefund = "cod_item_refund",
        /// Held sales released to the shop's available balance.
        Release = "release",
        /// A shop payout sent by B2C.
        PayoutSent = "payout_sent",
        /// A refund sent by B2C.
        RefundSent = "refund_sent",
        /// A B2C transfer confirmed.
        B2cSettled = "b2c_settled",
        /// A failed B2C transfer put back.
        B2cReversed = "b2c_reversed",
    }
}

/// The accounts money moves between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccountKind {
    /// The platform's earned commission (a revenue account: credits increase it).
    PlatformCommission,
    /// What a shop owes the platform (for cash on delivery: the commission on cash it kept).
    VendorReceivable,
    /// What the platform owes a shop (M-Pesa sales, to be paid out).
    VendorPayable,
    /// Shoppers' money in transit (M-Pesa received, not yet allocated).
    CustomerClearing,
    /// Money held at our M-Pesa paybill (an asset: debits increase it).
    MpesaCash,
    /// A shop's sales not yet available: paid, but not delivered plus the holding period.
    VendorPending,
    /// Cents M-Pesa's whole shillings added to a payment (revenue) or a refund (expense).
    PaymentRounding,
    /// Owed back to shoppers (rejected or cancelled paid parts, payments after expiry).
    RefundsPayable,
    /// Sent by B2C, not yet confirmed by its result.
    PayoutClearing,
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlatformCommission => "platform_commission",
            Self::VendorReceivable => "vendor_receivable",
            Self::VendorPayable => "vendor_payable",
            Self::CustomerClearing => "customer_clearing",
            Self::MpesaCash => "mpesa_cash",
            Self::VendorPending => "vendor_pending",
            Self::PaymentRounding => "payment_rounding",
            Self::RefundsPayable => "refunds_payable",
            Self::PayoutClearing => "payout_clearing",
        }
    }

    /// Accounts kept per shop.
    pub fn per_vendor(self) -> bool {
        matches!(
            self,
            Self::VendorReceivable | Self::VendorPayable | Self::VendorPending
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub account: AccountKind,
    pub amount: Decimal,
    pub currency: String,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("entries do not balance in {currency}: off by {off}")]
pub struct Unbalanced {
    pub currency: String,
    pub off: Decimal,
}

/// A balanced set of entries; the only way to build one is `balanced`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Posting {
    entries: Vec<Entry>,
}

impl Posting {
    pub fn balanced(entries: Vec<Entry>) -> Result<Self, Unbalanced> {
        let mut sums: BTreeMap<&str, Decimal> = BTreeMap::new();
        for e in &entries {
            *sums.entry(e.currency.as_str()).or_default() += e.amount;
        }
        if let Some((currency, off)) = sums.into_iter().find(|(_, s)| !s.is_zero()) {
            return Err(Unbalanced {
                currency: currency.to_owned(),
                off,
            });
        }
        Ok(Self {
            entries: entries
                .into_iter()
                .filter(|e| !e.amount.is_zero())
                .collect(),
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// The postings Sokoni makes, each balanced by construction. The `balanced` check still runs
/// (and drops the zero entries of, say, a 0% tier): a constructor that ever builds an
/// unbalanced posting is a bug, and it surfaces as an error rather than as a posting with no
/// entries that the ledger would skip without a word. Amounts are positive; signs are set
/// here: debits positive, credits negative.
fn posting(currency: &str, lines: &[(AccountKind, Decimal)]) -> Result<Posting, Unbalanced> {
    let entries = lines
        .iter()
        .map(|&(account, amount)| Entry {
            account,
            amount,
            currency: currency.to_owned(),
        })
        .collect();
    Posting::balanced(entries)
}

use AccountKind as A;

/// Cash on delivery, delivered and paid in cash to the shop: the shop kept the whole price,
/// so it now owes the platform the commission.
pub fn cod_settlement(commission: Decimal, currency: &str) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[
            (A::VendorReceivable, commission),
            (A::PlatformCommission, -commission),
        ],
    )
}

/// An M-Pesa payment of `requested` whole shillings for an order of `total`: the cash is
/// ours to allocate; the rounding up is revenue.
pub fn mpesa_received(
    requested: Decimal,
    total: Decimal,
    currency: &str,
) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[
            (A::MpesaCash, requested),
            (A::CustomerClearing, -total),
            (A::PaymentRounding, -(requested - total)),
        ],
    )
}

/// A payment that arrived for an order no longer waiting for it: all of it is owed back.
pub fn mpesa_unallocated(requested: Decimal, currency: &str) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[(A::MpesaCash, requested), (A::RefundsPayable, -requested)],
    )
}

/// A paid shop's part: its net is owed to the shop (pending until delivered and held), the
/// commission is earned.
pub fn sale(total: Decimal, commission: Decimal, currency: &str) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[
            (A::CustomerClearing, total),
            (A::VendorPending, -(total - commission)),
            (A::PlatformCommission, -commission),
        ],
    )
}

/// A paid part rejected, cancelled or returned: the sale reversed, commission included, and
/// the whole part owed back to the shopper. The shop's share comes out of its pending balance,
/// or its available one when the sale was already released.
pub fn refund(
    total: Decimal,
    commission: Decimal,
    currency: &str,
    released: bool,
) -> Result<Posting, Unbalanced> {
    let shop = if released {
        A::VendorPayable
    } else {
        A::VendorPending
    };
    posting(
        currency,
        &[
            (shop, total - commission),
            (A::PlatformCommission, commission),
            (A::RefundsPayable, -total),
        ],
    )
}

/// Delivered and past the holding period: the shop's net becomes available.
pub fn release(net: Decimal, currency: &str) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[(A::VendorPending, net), (A::VendorPayable, -net)],
    )
}

/// A shop payout of `amount` sent; what the shop owed for cash sales (`offset`) is netted.
pub fn payout_sent(
    amount: Decimal,
    offset: Decimal,
    currency: &str,
) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[
            (A::VendorPayable, amount + offset),
            (A::VendorReceivable, -offset),
            (A::PayoutClearing, -amount),
        ],
    )
}

/// A refund of `owed` sent as `amount` whole shillings (the cents up are ours to bear).
pub fn refund_sent(owed: Decimal, amount: Decimal, currency: &str) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[
            (A::RefundsPayable, owed),
            (A::PaymentRounding, amount - owed),
            (A::PayoutClearing, -amount),
        ],
    )
}

/// B2C confirmed the money left our paybill.
pub fn b2c_settled(amount: Decimal, currency: &str) -> Result<Posting, Unbalanced> {
    posting(
        currency,
        &[(A::PayoutClearing, amount), (A::MpesaCash, -amount)],
    )
}

/// Reverses a posting (a failed B2C puts the money back where it was).
pub fn reversal(of: &Posting) -> Posting {
    Posting {
        entries: of
            .entries
            .iter()
            .map(|e| Entry {
                amount: -e.amount,
                ..e.clone()
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn e(account: AccountKind, amount: Decimal, currency: &str) -> Entry {
        Entry {
            account,
            amount,
            currency: currency.into(),
        }
    }

    #[test]
    fn only_balanced_postings_exist() {
        assert!(
            Posting::balanced(vec![
                e(AccountKind::CustomerClearing, dec!(1000), "KES"),
                e(AccountKind::VendorPayable, dec!(-920), "KES"),
                e(AccountKind::PlatformCommission, dec!(-80), "KES"),
            ])
            .is_ok()
        );
        let off = Posting::balanced(vec![
            e(AccountKind::CustomerClearing, dec!(1000), "KES"),
            e(AccountKind::VendorPayable, dec!(-999.99), "KES"),
        ]);
        assert_eq!(off.err().map(|u| u.off), Some(dec!(0.01)));
        // Balanced overall but not per currency is still unbalanced.
        assert!(
            Posting::balanced(vec![
                e(AccountKind::CustomerClearing, dec!(10), "KES"),
                e(AccountKind::VendorPayable, dec!(-10), "USD"),
            ])
            .is_err()
        );
    }

    fn sums_to_zero(p: &Posting) -> bool {
        p.entries()
            .iter()
            .map(|e| e.amount)
            .sum::<Decimal>()
            .is_zero()
    }

    #[test]
    fn every_flow_balances_and_a_refund_reverses_the_sale_with_its_commission() {
        let (sub, fee) = (dec!(1499.50), dec!(120.00));
        let received = mpesa_received(dec!(1500), sub, "KES").expect("balanced");
        let sold = sale(sub, fee, "KES").expect("balanced");
        let back = refund(sub, fee, "KES", false).expect("balanced");
        for p in [
            &received,
            &sold,
            &back,
            &release(sub - fee, "KES").expect("balanced"),
            &payout_sent(dec!(1000), dec!(30), "KES").expect("balanced"),
            &refund_sent(sub, dec!(1500), "KES").expect("balanced"),
            &b2c_settled(dec!(1500), "KES").expect("balanced"),
            &mpesa_unallocated(dec!(1500), "KES").expect("balanced"),
        ] {
            assert!(sums_to_zero(p), "{p:?}");
        }
        assert!(
            received
                .entries()
                .contains(&e(AccountKind::PaymentRounding, dec!(-0.50), "KES"))
        );
        // Sale then refund leaves the shop's pending balance and the commission untouched.
        let mut net: BTreeMap<AccountKind, Decimal> = BTreeMap::new();
        for e in sold.entries().iter().chain(back.entries()) {
            *net.entry(e.account).or_default() += e.amount;
        }
        assert_eq!(net[&AccountKind::VendorPending], dec!(0));
        assert_eq!(net[&AccountKind::PlatformCommission], dec!(0));
        assert_eq!(net[&AccountKind::RefundsPayable], -sub);
        let sent = payout_sent(dec!(500), dec!(0), "KES").expect("balanced");
        let undone = reversal(&sent);
        assert!(sums_to_zero(&undone));
        assert_eq!(undone.entries()[0].amount, dec!(-500));
    }

    #[test]
    fn cod_settlement_records_what_the_shop_owes() {
        let p = cod_settlement(dec!(120.00), "KES").expect("balanced");
        let sum: Decimal = p.entries().iter().map(|e| e.amount).sum();
        assert!(sum.is_zero());
        assert_eq!(
            p.entries()[0],
            e(AccountKind::VendorReceivable, dec!(120.00), "KES")
        );
        assert!(
            cod_settlement(dec!(0), "KES")
                .expect("balanced")
                .entries()
                .is_empty(),
            "titan shops pay no commission"
        );
    }

    #[test]
    fn an_unbalanced_posting_is_an_error_not_an_empty_posting() {
        let lopsided = posting(
            "KES",
            &[
                (AccountKind::MpesaCash, dec!(100)),
                (AccountKind::CustomerClearing, dec!(-99)),
            ],
        );
        assert_eq!(
            lopsided,
            Err(Unbalanced {
                currency: "KES".into(),
                off: dec!(1)
            })
        );
    }

    #[test]
    fn transaction_kinds_round_trip() {
        for k in TxKind::ALL {
            assert_eq!(TxKind::parse(k.as_str()), Some(*k));
        }
    }
}

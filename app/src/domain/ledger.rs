//! Double-entry bookkeeping: a transaction is a set of entries (debits positive, credits
//! negative) that sums to zero in every currency. The database checks the same at commit.

use rust_decimal::Decimal;
use std::collections::BTreeMap;

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
}

impl AccountKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PlatformCommission => "platform_commission",
            Self::VendorReceivable => "vendor_receivable",
            Self::VendorPayable => "vendor_payable",
            Self::CustomerClearing => "customer_clearing",
        }
    }

    /// Accounts kept per shop.
    pub fn per_vendor(self) -> bool {
        matches!(self, Self::VendorReceivable | Self::VendorPayable)
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

/// Cash on delivery, delivered and paid in cash to the shop: the shop kept the whole price,
/// so it now owes the platform the commission.
pub fn cod_settlement(commission: Decimal, currency: &str) -> Posting {
    let entry = |account, amount| Entry {
        account,
        amount,
        currency: currency.to_owned(),
    };
    // Balanced by construction; `balanced` also drops the zero entries of a 0% tier.
    Posting::balanced(vec![
        entry(AccountKind::VendorReceivable, commission),
        entry(AccountKind::PlatformCommission, -commission),
    ])
    .unwrap_or(Posting {
        entries: Vec::new(),
    })
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

    #[test]
    fn cod_settlement_records_what_the_shop_owes() {
        let p = cod_settlement(dec!(120.00), "KES");
        let sum: Decimal = p.entries().iter().map(|e| e.amount).sum();
        assert!(sum.is_zero());
        assert_eq!(
            p.entries()[0],
            e(AccountKind::VendorReceivable, dec!(120.00), "KES")
        );
        assert!(
            cod_settlement(dec!(0), "KES").entries().is_empty(),
            "titan shops pay no commission"
        );
    }
}

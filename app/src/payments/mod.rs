//! Money in and out through M-Pesa: collecting orders by STK push (`collect`), refunds owed
//! to shoppers (`refunds`), and shop payouts by B2C (`payouts`). Every movement is a ledger
//! posting written in the same transaction as the state it explains.

pub mod collect;
pub mod payout_phone;
pub mod payouts;
pub mod refunds;

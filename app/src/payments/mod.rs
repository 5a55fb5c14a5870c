//! Money in and out through M-Pesa: collecting orders by STK push (`collect`), refunds owed
//! to shoppers (`refunds`), and shop payouts by B2C (`payouts`). Every movement is a ledger
//! posting written in the same transaction as the state it explains.

pub mod collect;
pub mod payouts;
pub mod refunds;

use crate::db::orders;
use crate::domain::Invalid;
use crate::domain::order::{VendorOrderEvent, VendorOrderStatus};
use crate::error::AppError;
use sqlx::PgConnection;
use uuid::Uuid;

/// Moves a vendor order by `event` from the status it was read in: the state machine decides,
/// the update is guarded by that status, and a concurrent change makes this an error.
pub async fn move_part(
    tx: &mut PgConnection,
    id: Uuid,
    status: &str,
    event: VendorOrderEvent,
    note: Option<&str>,
) -> Result<VendorOrderStatus, AppError> {
    let from = VendorOrderStatus::parse(status).ok_or(AppError::Internal)?;
    let to = from
        .transition(event)
        .map_err(|_| AppError::invalid("action", Invalid::NotFound))?;
    if !orders::move_status(tx, id, from.as_str(), to.as_str(), note).await? {
        return Err(AppError::invalid("action", Invalid::NotFound));
    }
    Ok(to)
}

//! The admin's order desk: find any order, read everything that happened to its money, and
//! refund an item through the same ledger flow a shop uses.

use crate::error::AppError;
use crate::wire::admin_orders::{AdminOrderView, OrderHit};
use leptos::prelude::*;
use uuid::Uuid;

/// Orders whose number, shopper email, M-Pesa receipt or shop matches `q`; the newest 50
/// when `q` is empty.
#[server(endpoint = "find_orders")]
pub async fn find_orders(#[server(default)] q: String) -> Result<Vec<OrderHit>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let pool = &context::state()?.pool;
        Ok(if q.trim().is_empty() {
            crate::db::admin_orders::recent(pool).await?
        } else {
            crate::db::admin_orders::find(pool, &q).await?
        })
    })
    .await
}

#[server(endpoint = "admin_order")]
pub async fn admin_order(id: Uuid) -> Result<AdminOrderView, AppError> {
    use crate::auth::context;
    use crate::db::admin_orders as db;
    use crate::domain::order::VendorOrderStatus;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let pool = &context::state()?.pool;
        let order = db::hit(pool, id).await?.ok_or(AppError::NotFound)?;
        let (address, phone) = db::address(pool, id).await?;
        let mut parts = db::parts(pool, id).await?;
        for part in &mut parts {
            part.items = db::items(pool, part.id).await?;
            part.refundable = VendorOrderStatus::parse(&part.status)
                .is_some_and(VendorOrderStatus::allows_item_refund);
        }
        Ok(AdminOrderView {
            order,
            address,
            phone,
            parts,
            payments: db::payments(pool, id).await?,
            callbacks: db::callbacks(pool, id).await?,
            ledger: db::ledger(pool, id).await?,
        })
    })
    .await
}

/// Refunds one item of a part, as its shop would (commission back in proportion, the ledger
/// balanced), with the admin's reason in the audit log.
#[server(endpoint = "admin_refund_item")]
pub async fn admin_refund_item(
    order_id: Uuid,
    part_id: Uuid,
    item_id: Uuid,
    reason: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::text::bounded;
    context::respond(async move {
        let admin = context::require_area(crate::domain::role::Area::Admin).await?;
        let reason = bounded(&reason, 3, 300, true).map_err(|w| AppError::invalid("reason", w))?;
        let pool = &context::state()?.pool;
        // The part must be of the order the page shows, so a form cannot aim elsewhere.
        if !crate::db::admin_orders::part_of(pool, order_id, part_id).await? {
            return Err(AppError::NotFound);
        }
        let by = context::actor(&admin);
        crate::fulfilment::refund_item(pool, Some(&by), part_id, item_id, Some(&reason)).await?;
        tracing::info!(part = %part_id, item = %item_id, admin = %admin.id, "admin refunded an item");
        leptos_axum::redirect(&format!("/admin/orders/{order_id}?refunded=1"));
        Ok(())
    })
    .await
}

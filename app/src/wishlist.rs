//! Alerts about saved items: cheaper than the person last saw, or back in stock, told by the
//! channels they chose, at most once a day per item. Run after a shop saves a listing (so the
//! alert follows the change at once) and by the jobs (for imports, orders and refunds that
//! move stock).

use crate::db::notifications as outbox;
use crate::db::wishlist;
use crate::domain::{Currency, Money};
use crate::error::AppError;
use crate::i18n::mail::Mail;
use sqlx::PgPool;
use uuid::Uuid;

/// Sends the alerts due (for one listing, or all); how many.
pub async fn alert(pool: &PgPool, listing: Option<Uuid>) -> Result<usize, AppError> {
    let due = wishlist::due(pool, listing).await?;
    for d in &due {
        let mut tx = pool.begin().await?;
        let to = outbox::user(&mut tx, d.user_id).await?;
        let price = Money::new(d.price, Currency::parse(&d.currency).unwrap_or_default()).format();
        let mail = if d.dropped {
            Mail::SavedItemCheaper {
                title: &d.title,
                price: &price,
                slug: &d.slug,
            }
        } else {
            Mail::SavedItemBack {
                title: &d.title,
                slug: &d.slug,
            }
        };
        crate::notifications::send(&mut tx, &to, mail).await?;
        wishlist::alerted(&mut *tx, d).await?;
        tx.commit().await?;
    }
    wishlist::follow(pool, listing).await?;
    Ok(due.len())
}

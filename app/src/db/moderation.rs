//! The admin's listing queue: pending listings, oldest submission first, and the decision.

use crate::wire::moderation::PendingListing;
use sqlx::PgExecutor;
use uuid::Uuid;

pub async fn pending(db: impl PgExecutor<'_>) -> Result<Vec<PendingListing>, sqlx::Error> {
    sqlx::query_as(
        "select l.id, l.title, l.slug, l.description, l.price, l.currency, l.tags,
                c.name_en as category, v.business_name as vendor_name, v.slug as vendor_slug,
                to_char(l.submitted_at, 'YYYY-MM-DD HH24:MI') as submitted,
                array(select media_key from listing_photos p where p.listing_id = l.id order by position) as photos,
                (select count(*) from listing_variants x where x.listing_id = l.id) as variants
         from listings l
         join vendors v on v.id = l.vendor_id
         join categories c on c.id = l.category_id
         where l.status = 'pending' and v.verification_status = 'verified'
         order by l.submitted_at nulls first, l.id
         limit 50",
    )
    .fetch_all(db)
    .await
}

/// Approves or rejects a listing that is still pending; false if it no longer is. Approval
/// keeps what was approved, so a later edit is reviewed as a diff. An approved
/// listing's words join the search vocabulary at once, so typo correction finds it today
/// rather than after the next periodic refresh.
pub async fn decide(
    tx: &mut sqlx::PgConnection,
    listing_id: Uuid,
    approve: bool,
    reason: Option<&str>,
    admin_id: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update listings l set status = case when $2 then 'approved' else 'rejected' end,
                rejection_reason = $3, reviewed_at = now(), reviewed_by = $4,
                approved_version = case when $2 then jsonb_build_object(
                    'title', l.title, 'description', l.description, 'tags', to_jsonb(l.tags),
                    'category', (select c.name_en from categories c where c.id = l.category_id))
                  else l.approved_version end
         where id = $1 and status = 'pending'",
    )
    .bind(listing_id)
    .bind(approve)
    .bind(reason)
    .bind(admin_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if done && approve {
        sqlx::query(
            "insert into search_words (word, ndoc)
             select lexeme, 1 from unnest((select search from listings where id = $1))
             where char_length(lexeme) between 2 and 40
             on conflict (word) do update set ndoc = search_words.ndoc + 1",
        )
        .bind(listing_id)
        .execute(&mut *tx)
        .await?;
    }
    Ok(done)
}

/// A listing's title and shop, for the decision's notice and audit row.
pub async fn listing_facts(
    db: impl PgExecutor<'_>,
    listing_id: Uuid,
) -> Result<Option<(String, Uuid)>, sqlx::Error> {
    sqlx::query_as("select title, vendor_id from listings where id = $1")
        .bind(listing_id)
        .fetch_optional(db)
        .await
}

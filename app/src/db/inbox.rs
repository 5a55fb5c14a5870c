//! The moderation inbox (migration ..21): everything waiting on an admin in one list, oldest
//! first, with who has claimed it; and the claims themselves.

use crate::domain::moderation::{CLAIM_MINUTES, InboxKind};
use sqlx::{PgConnection, PgExecutor};
use uuid::Uuid;

/// One waiting item as the inbox lists it.
#[derive(sqlx::FromRow)]
pub struct InboxRow {
    pub kind: InboxKind,
    pub id: Uuid,
    /// The shop's name, the listing's title, or the callback's flag.
    pub title: String,
    /// Who it concerns: the shop (listings), the shop's address (applications), the M-Pesa
    /// request id (callbacks).
    pub party: String,
    pub waiting_since: String,
    pub age_minutes: i64,
    pub claimed_by: Option<String>,
    pub claimed_by_me: bool,
    /// A listing's approved version and its version now (JSON), for an edit's diff.
    pub approved: Option<String>,
    pub current: Option<String>,
}

/// Every waiting item, as one relation: the inbox's list and its counts both read it.
const WAITING: &str = "
    select 'shop' as kind, v.id, v.business_name as title, '/store/' || v.slug as party,
           v.created_at as since, null::text as approved, null::text as current
    from vendors v where v.verification_status = 'pending'
    union all
    select 'listing', l.id, l.title, v.business_name, coalesce(l.submitted_at, l.updated_at),
           l.approved_version::text,
           jsonb_build_object('title', l.title, 'description', l.description,
                              'tags', to_jsonb(l.tags), 'category', c.name_en)::text
    from listings l join vendors v on v.id = l.vendor_id join categories c on c.id = l.category_id
    where l.status = 'pending' and v.verification_status = 'verified'
    union all
    select 'callback', m.id, coalesce(m.flag, 'flagged'), coalesce(m.request_id, '—'), m.received_at,
           null, null
    from mpesa_callbacks m where m.outcome = 'flagged' and m.resolved_at is null
    union all
    select 'dispute', d.id, v.business_name || ' · ' || replace(d.reason, '_', ' '), u.name, d.escalated_at,
           null, null
    from disputes d join vendor_orders vo on vo.id = d.vendor_order_id join vendors v on v.id = vo.vendor_id
    join orders o on o.id = vo.order_id join users u on u.id = o.user_id
    where d.status = 'escalated'
    union all
    select 'review', r.id, l.title || ' · ★' || r.stars, count(*) || ' report(s)', min(rr.created_at), null, null
    from reviews r join listings l on l.id = r.listing_id
    join review_reports rr on rr.review_id = r.id and rr.created_at > coalesce(r.reports_cleared_at, '-infinity')
    where r.hidden_at is null
    group by r.id, l.title";

/// How many items of each kind wait.
pub async fn counts(db: impl PgExecutor<'_>) -> Result<Vec<(InboxKind, i64)>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select kind, count(*) from ({WAITING}) w group by kind order by kind"
    ))
    .fetch_all(db)
    .await
}

/// The oldest waiting items (of one kind, or all), up to `limit`.
pub async fn list(
    db: impl PgExecutor<'_>,
    kind: Option<InboxKind>,
    admin: Uuid,
    limit: i64,
) -> Result<Vec<InboxRow>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select w.kind, w.id, w.title, w.party,
                to_char(w.since, 'YYYY-MM-DD HH24:MI') as waiting_since,
                (extract(epoch from now() - w.since) / 60)::bigint as age_minutes,
                u.name as claimed_by, coalesce(c.admin_id = $2, false) as claimed_by_me,
                w.approved, w.current
         from ({WAITING}) w
         left join moderation_claims c on c.kind = w.kind and c.item_id = w.id
              and c.claimed_at > now() - make_interval(mins => {CLAIM_MINUTES})
         left join users u on u.id = c.admin_id
         where $1::text is null or w.kind = $1
         order by w.since, w.id
         limit $3"
    ))
    .bind(kind)
    .bind(admin)
    .bind(limit)
    .fetch_all(db)
    .await
}

/// Claims an item for `admin`, unless another admin's claim still holds. The holder's name
/// when it does.
pub async fn claim(
    conn: &mut PgConnection,
    kind: InboxKind,
    item: Uuid,
    admin: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    let taken: Option<Uuid> = sqlx::query_scalar(&format!(
        "insert into moderation_claims (kind, item_id, admin_id) values ($1, $2, $3)
         on conflict (kind, item_id) do update set admin_id = excluded.admin_id, claimed_at = now()
         where moderation_claims.admin_id = excluded.admin_id
            or moderation_claims.claimed_at <= now() - make_interval(mins => {CLAIM_MINUTES})
         returning admin_id"
    ))
    .bind(kind)
    .bind(item)
    .bind(admin)
    .fetch_optional(&mut *conn)
    .await?;
    if taken.is_some() {
        return Ok(None);
    }
    held_by_other(conn, kind, item, admin).await
}

/// The name of another admin whose claim on the item still holds, if any. Locks the claim
/// row, so a decision and a claim by someone else cannot cross.
pub async fn held_by_other(
    conn: &mut PgConnection,
    kind: InboxKind,
    item: Uuid,
    admin: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar(&format!(
        "select u.name from moderation_claims c join users u on u.id = c.admin_id
         where c.kind = $1 and c.item_id = $2 and c.admin_id <> $3
           and c.claimed_at > now() - make_interval(mins => {CLAIM_MINUTES})
         for update of c"
    ))
    .bind(kind)
    .bind(item)
    .bind(admin)
    .fetch_optional(conn)
    .await
}

/// A decided item needs no claim.
pub async fn release(
    conn: &mut PgConnection,
    kind: InboxKind,
    item: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query("delete from moderation_claims where kind = $1 and item_id = $2")
        .bind(kind)
        .bind(item)
        .execute(conn)
        .await?;
    Ok(())
}

/// Records what an admin found about a flagged callback; false if it is not an open flag.
pub async fn resolve_callback(
    conn: &mut PgConnection,
    id: Uuid,
    admin: Uuid,
    note: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update mpesa_callbacks set resolved_at = now(), resolved_by = $2, resolution = $3
         where id = $1 and outcome = 'flagged' and resolved_at is null",
    )
    .bind(id)
    .bind(admin)
    .bind(note)
    .execute(conn)
    .await?
    .rows_affected()
        == 1)
}

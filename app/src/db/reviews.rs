//! Reviews (migration ..reviews): written by the buyer of a delivered item, replied to once by
//! its shop, voted helpful and reported by others, hidden by admins; and the ratings recomputed
//! from those not hidden.

use crate::domain::order::VendorOrderStatus;
use crate::domain::review::{Distribution, ReviewSort};
use crate::wire::reviews::ReviewView;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

/// What decides whether the buyer may review an item.
#[derive(Debug, FromRow)]
pub struct ItemForReview {
    pub listing_id: Uuid,
    pub vendor_id: Uuid,
    pub order_id: Uuid,
    pub part_status: VendorOrderStatus,
    pub delivered: bool,
    /// The buyer works for the shop (its own staff cannot review it).
    pub staff_of_shop: bool,
}

/// The buyer's item (None for another shopper's).
pub async fn item_for_buyer(
    db: impl PgExecutor<'_>,
    buyer: Uuid,
    item: Uuid,
) -> Result<Option<ItemForReview>, sqlx::Error> {
    sqlx::query_as(
        "select lv.listing_id, vo.vendor_id, vo.order_id, vo.status as part_status,
                vo.delivered_at is not null as delivered,
                exists (select 1 from vendor_staff s where s.vendor_id = vo.vendor_id and s.user_id = o.user_id)
                    as staff_of_shop
         from order_items i join vendor_orders vo on vo.id = i.vendor_order_id
         join orders o on o.id = vo.order_id join listing_variants lv on lv.id = i.variant_id
         where o.user_id = $1 and i.id = $2",
    )
    .bind(buyer)
    .bind(item)
    .fetch_optional(db)
    .await
}

pub struct NewReview<'a> {
    pub id: Uuid,
    pub item: Uuid,
    pub listing: Uuid,
    pub vendor: Uuid,
    pub author: Uuid,
    pub stars: i16,
    pub body: &'a str,
}

/// Writes a review; false if the item has one already.
pub async fn insert(tx: &mut PgConnection, r: &NewReview<'_>) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "insert into reviews (id, order_item_id, listing_id, vendor_id, author_id, stars, body)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict (order_item_id) do nothing",
    )
    .bind(r.id)
    .bind(r.item)
    .bind(r.listing)
    .bind(r.vendor)
    .bind(r.author)
    .bind(r.stars)
    .bind(r.body)
    .execute(tx)
    .await?
    .rows_affected()
        == 1)
}

pub async fn add_photo(
    tx: &mut PgConnection,
    review: Uuid,
    position: i16,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("insert into review_photos (review_id, position, media_key) values ($1, $2, $3)")
        .bind(review)
        .bind(position)
        .bind(key)
        .execute(tx)
        .await?;
    Ok(())
}

/// Recomputes the listing's rating and its shop's from the reviews not hidden, and copies the
/// shop's onto its listings (the search's rating facet reads it there).
pub async fn recompute(
    tx: &mut PgConnection,
    listing: Uuid,
    vendor: Uuid,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update listings l set rating = coalesce(r.avg, 0), review_count = r.n
         from (select round(avg(stars), 2) as avg, count(*)::int as n from reviews
               where listing_id = $1 and hidden_at is null) r
         where l.id = $1",
    )
    .bind(listing)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "update vendors v set rating = coalesce(r.avg, 0), review_count = r.n
         from (select round(avg(stars), 2) as avg, count(*)::int as n from reviews
               where vendor_id = $1 and hidden_at is null) r
         where v.id = $1",
    )
    .bind(vendor)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "update listings l set vendor_rating = v.rating from vendors v
         where v.id = $1 and l.vendor_id = v.id and l.vendor_rating <> v.rating",
    )
    .bind(vendor)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Whose reviews a list shows.
#[derive(Clone, Copy, Debug)]
pub enum Scope {
    Listing(Uuid),
    Shop(Uuid),
}

impl Scope {
    fn column(self) -> (&'static str, Uuid) {
        match self {
            Scope::Listing(id) => ("r.listing_id", id),
            Scope::Shop(id) => ("r.vendor_id", id),
        }
    }
}

/// How many reviews (not hidden) gave each number of stars.
pub async fn distribution(
    db: impl PgExecutor<'_>,
    scope: Scope,
) -> Result<Distribution, sqlx::Error> {
    let (column, id) = scope.column();
    let counts: Vec<i64> = sqlx::query_scalar(&format!(
        "select count(r.id) from generate_series(5, 1, -1) s
         left join reviews r on r.stars = s and {column} = $1 and r.hidden_at is null
         group by s order by s desc"
    ))
    .bind(id)
    .fetch_all(db)
    .await?;
    let mut d = Distribution::default();
    for (slot, n) in d.counts.iter_mut().zip(counts) {
        *slot = n;
    }
    Ok(d)
}

/// Reviews of a listing or shop, newest or most helpful first; hidden ones only when
/// `with_hidden` (the shop's own page shows them with the reason).
pub async fn list(
    db: impl PgExecutor<'_>,
    scope: Scope,
    sort: ReviewSort,
    with_hidden: bool,
    limit: i64,
) -> Result<Vec<ReviewView>, sqlx::Error> {
    let (column, id) = scope.column();
    let order = match sort {
        ReviewSort::Newest => "r.created_at desc, r.id",
        ReviewSort::Helpful => "r.helpful desc, r.created_at desc, r.id",
    };
    sqlx::query_as(&format!(
        "{VIEW} where {column} = $1 and ($2 or r.hidden_at is null) order by {order} limit $3"
    ))
    .bind(id)
    .bind(with_hidden)
    .bind(limit)
    .fetch_all(db)
    .await
}

const VIEW: &str = "
    select r.id, l.title as listing_title, l.slug as listing_slug,
           split_part(u.name, ' ', 1) as author, r.stars, r.body,
           coalesce((select array_agg(p.media_key order by p.position) from review_photos p
                     where p.review_id = r.id), '{}') as photos,
           r.helpful, r.reply,
           to_char(r.created_at at time zone 'Africa/Nairobi', 'YYYY-MM-DD') as created,
           r.hidden_reason,
           coalesce((select array_agg(rr.reason order by rr.created_at) from review_reports rr
                     where rr.review_id = r.id
                       and rr.created_at > coalesce(r.reports_cleared_at, '-infinity')), '{}') as reports
    from reviews r join listings l on l.id = r.listing_id join users u on u.id = r.author_id";

/// These reviews (the admin's inbox shows reported ones).
pub async fn by_ids(db: impl PgExecutor<'_>, ids: &[Uuid]) -> Result<Vec<ReviewView>, sqlx::Error> {
    sqlx::query_as(&format!("{VIEW} where r.id = any($1)"))
        .bind(ids)
        .fetch_all(db)
        .await
}

/// The shop replies, once; false if it replied already (or the review is not the shop's).
pub async fn reply(
    db: impl PgExecutor<'_>,
    vendor: Uuid,
    review: Uuid,
    text: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update reviews set reply = $3, replied_at = now()
         where id = $2 and vendor_id = $1 and reply is null",
    )
    .bind(vendor)
    .bind(review)
    .bind(text)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// The review's author and whether it is shown (None: no such review).
pub async fn author_of(
    db: impl PgExecutor<'_>,
    review: Uuid,
) -> Result<Option<(Uuid, bool)>, sqlx::Error> {
    sqlx::query_as("select author_id, hidden_at is null from reviews where id = $1")
        .bind(review)
        .fetch_optional(db)
        .await
}

/// Counts `user`'s "helpful" vote, once.
pub async fn vote(tx: &mut PgConnection, review: Uuid, user: Uuid) -> Result<(), sqlx::Error> {
    let added = sqlx::query(
        "insert into review_votes (review_id, user_id) values ($1, $2) on conflict do nothing",
    )
    .bind(review)
    .bind(user)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if added == 1 {
        sqlx::query("update reviews set helpful = helpful + 1 where id = $1")
            .bind(review)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Records `user`'s report, once (a later report by them replaces their reason).
pub async fn report(
    db: impl PgExecutor<'_>,
    review: Uuid,
    user: Uuid,
    reason: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into review_reports (review_id, user_id, reason) values ($1, $2, $3)
         on conflict (review_id, user_id) do update set reason = excluded.reason, created_at = now()",
    )
    .bind(review)
    .bind(user)
    .bind(reason)
    .execute(db)
    .await?;
    Ok(())
}

/// Hides a review with the admin's reason: (listing, shop) to recompute; None when it was
/// hidden already or is missing.
pub async fn hide(
    tx: &mut PgConnection,
    review: Uuid,
    admin: Uuid,
    reason: &str,
) -> Result<Option<(Uuid, Uuid)>, sqlx::Error> {
    sqlx::query_as(
        "update reviews set hidden_at = now(), hidden_reason = $3, hidden_by = $2, reports_cleared_at = now()
         where id = $1 and hidden_at is null returning listing_id, vendor_id",
    )
    .bind(review)
    .bind(admin)
    .bind(reason)
    .fetch_optional(tx)
    .await
}

/// Keeps a reported review: the reports so far are dealt with (it leaves the inbox until
/// someone reports it again). False when it is missing.
pub async fn clear_reports(tx: &mut PgConnection, review: Uuid) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("update reviews set reports_cleared_at = now() where id = $1")
            .bind(review)
            .execute(tx)
            .await?
            .rows_affected()
            == 1,
    )
}

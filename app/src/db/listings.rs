//! Listings as their shop manages them. Every function takes the vendor id from the caller's
//! session membership and puts it in the `where` clause, so one shop can never read or change
//! another shop's rows, whatever ids a request carries.

use crate::domain::listing::{ListingDraft, ListingStatus, VariantDraft};
use crate::wire::seller::{LowStockRow, SellerListingRow, VariantView};
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

pub const SKU_UNIQUE: &str = "listing_variants_sku_key";

/// The stored listing in the shape the edit form and the change check need.
#[derive(Clone, Debug, FromRow)]
pub struct StoredListing {
    pub id: Uuid,
    pub slug: String,
    pub status: String,
    pub rejection_reason: Option<String>,
    pub title: String,
    pub description: String,
    pub category_id: Uuid,
    pub tags: Vec<String>,
    pub price: rust_decimal::Decimal,
    pub compare_at_price: Option<rust_decimal::Decimal>,
    pub currency: String,
    pub weight_grams: Option<i32>,
    pub length_cm: Option<rust_decimal::Decimal>,
    pub width_cm: Option<rust_decimal::Decimal>,
    pub height_cm: Option<rust_decimal::Decimal>,
    pub county: String,
    pub town: String,
    pub low_stock_threshold: i32,
}

impl StoredListing {
    pub fn status(&self) -> ListingStatus {
        ListingStatus::parse(&self.status).unwrap_or(ListingStatus::Draft)
    }

    pub fn draft(&self) -> ListingDraft {
        ListingDraft {
            title: self.title.clone(),
            description: self.description.clone(),
            category_id: self.category_id,
            tags: self.tags.clone(),
            price: crate::domain::Money::new(
                self.price,
                crate::domain::Currency::parse(&self.currency).unwrap_or_default(),
            ),
            compare_at_price: self.compare_at_price,
            weight_grams: self.weight_grams,
            length_cm: self.length_cm,
            width_cm: self.width_cm,
            height_cm: self.height_cm,
            county: self.county.clone(),
            town: self.town.clone(),
            low_stock_threshold: self.low_stock_threshold,
        }
    }
}

pub async fn get(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    id: Uuid,
) -> Result<Option<StoredListing>, sqlx::Error> {
    sqlx::query_as(
        "select id, slug, status, rejection_reason, title, description, category_id, tags, price, compare_at_price,
                currency, weight_grams, length_cm, width_cm, height_cm, county, town, low_stock_threshold
         from listings where vendor_id = $1 and id = $2",
    )
    .bind(vendor_id)
    .bind(id)
    .fetch_optional(db)
    .await
}

/// How many more listings the shop may have active, locking the shop row so two concurrent
/// creations cannot both take the last place.
pub async fn room_left(tx: &mut PgConnection, vendor_id: Uuid) -> Result<(i64, i32), sqlx::Error> {
    let limit: i32 = sqlx::query_scalar(
        "select t.listing_limit from vendors v join membership_tiers t on t.code = v.tier where v.id = $1 for update of v",
    )
    .bind(vendor_id)
    .fetch_one(&mut *tx)
    .await?;
    let active: i64 = sqlx::query_scalar(
        "select count(*) from listings where vendor_id = $1 and status <> 'archived'",
    )
    .bind(vendor_id)
    .fetch_one(&mut *tx)
    .await?;
    Ok((i64::from(limit) - active, limit))
}

fn bind_draft<'q>(
    q: sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>,
    d: &'q ListingDraft,
) -> sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments> {
    q.bind(&d.title)
        .bind(&d.description)
        .bind(d.category_id)
        .bind(&d.tags)
        .bind(d.price.amount)
        .bind(d.compare_at_price)
        .bind(d.price.currency.code())
        .bind(d.weight_grams)
        .bind(d.length_cm)
        .bind(d.width_cm)
        .bind(d.height_cm)
        .bind(&d.county)
        .bind(&d.town)
        .bind(d.low_stock_threshold)
}

/// Inserts a listing (pending review) at the shop's map point. `slug` must be unique.
pub async fn insert(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    id: Uuid,
    slug: &str,
    d: &ListingDraft,
) -> Result<(), sqlx::Error> {
    let q = sqlx::query(
        "insert into listings (title, description, category_id, tags, price, compare_at_price, currency, weight_grams,
                               length_cm, width_cm, height_cm, county, town, low_stock_threshold,
                               id, vendor_id, slug, status, submitted_at, lat, lng, vendor_rating)
         select $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, v.id, $16, 'pending', now(), v.lat, v.lng, v.rating
         from vendors v where v.id = $17",
    );
    bind_draft(q, d)
        .bind(id)
        .bind(slug)
        .bind(vendor_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

pub async fn update(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    id: Uuid,
    d: &ListingDraft,
    status: ListingStatus,
) -> Result<bool, sqlx::Error> {
    let q = sqlx::query(
        "update listings set title = $1, description = $2, category_id = $3, tags = $4, price = $5, compare_at_price = $6,
                currency = $7, weight_grams = $8, length_cm = $9, width_cm = $10, height_cm = $11, county = $12,
                town = $13, low_stock_threshold = $14, status = $15,
                rejection_reason = case when $15 = 'pending' then null else rejection_reason end,
                submitted_at = case when $15 = 'pending' and status <> 'pending' then now() else submitted_at end
         where vendor_id = $16 and id = $17",
    );
    Ok(bind_draft(q, d)
        .bind(status.as_str())
        .bind(vendor_id)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
        == 1)
}

/// Moves a listing between statuses if it is in one of `from`.
pub async fn set_status(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    id: Uuid,
    from: &[&str],
    to: ListingStatus,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update listings set status = $4,
                submitted_at = case when $4 = 'pending' then now() else submitted_at end
         where vendor_id = $1 and id = $2 and status = any($3)",
    )
    .bind(vendor_id)
    .bind(id)
    .bind(from)
    .bind(to.as_str())
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// Copies a listing (fields, variants with new SKUs, photos) as a new listing pending review.
pub async fn duplicate(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    id: Uuid,
    new_id: Uuid,
    slug: &str,
) -> Result<bool, sqlx::Error> {
    let copied = sqlx::query(
        "insert into listings (id, vendor_id, category_id, title, slug, description, tags, price, compare_at_price, currency,
                               status, submitted_at, county, town, lat, lng, low_stock_threshold, vendor_rating,
                               weight_grams, length_cm, width_cm, height_cm)
         select $3, vendor_id, category_id, left('Copy of ' || title, 140), $4, description, tags, price, compare_at_price, currency,
                'pending', now(), county, town, lat, lng, low_stock_threshold, vendor_rating,
                weight_grams, length_cm, width_cm, height_cm
         from listings where vendor_id = $1 and id = $2",
    )
    .bind(vendor_id)
    .bind(id)
    .bind(new_id)
    .bind(slug)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !copied {
        return Ok(false);
    }
    // SKUs are unique per shop: the copy's get a suffix from the new id, and start at zero stock.
    sqlx::query(
        "insert into listing_variants (id, listing_id, vendor_id, sku, attributes, price, stock, position)
         select gen_random_uuid(), $3, vendor_id, left(sku, 55) || '-' || left(replace($3::text, '-', ''), 8), attributes, price, 0, position
         from listing_variants where vendor_id = $1 and listing_id = $2",
    )
    .bind(vendor_id)
    .bind(id)
    .bind(new_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "insert into listing_photos (listing_id, media_key, position)
         select $2, media_key, position from listing_photos where listing_id = $1",
    )
    .bind(id)
    .bind(new_id)
    .execute(&mut *tx)
    .await?;
    Ok(true)
}

pub async fn for_vendor(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<SellerListingRow>, sqlx::Error> {
    sqlx::query_as(
        "select l.id, l.title, l.slug, l.status, l.rejection_reason, l.price, l.currency, l.stock, l.low_stock_threshold,
                (select count(*) from listing_variants v where v.listing_id = l.id) as variants,
                (select media_key from listing_photos p where p.listing_id = l.id order by position limit 1) as cover,
                to_char(l.updated_at, 'YYYY-MM-DD') as updated
         from listings l where l.vendor_id = $1
         order by l.status = 'archived', l.updated_at desc, l.id
         limit 1000",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

/// Variants at or under their listing's low-stock threshold, emptiest first.
pub async fn low_stock(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<LowStockRow>, sqlx::Error> {
    sqlx::query_as(
        "select l.id as listing_id, l.title, v.sku, v.attributes::text as options, v.stock, l.low_stock_threshold
         from listing_variants v join listings l on l.id = v.listing_id
         where v.vendor_id = $1 and l.vendor_id = $1 and l.status not in ('archived', 'rejected')
           and v.stock <= l.low_stock_threshold
         order by v.stock, l.title
         limit 100",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

pub async fn variants(
    db: impl PgExecutor<'_>,
    listing_id: Uuid,
) -> Result<Vec<VariantView>, sqlx::Error> {
    sqlx::query_as(
        "select id, sku, attributes::text as options, price, stock from listing_variants
         where listing_id = $1 order by position, sku",
    )
    .bind(listing_id)
    .fetch_all(db)
    .await
}

/// Inserts or updates one variant of a listing the shop owns. Returns false if the listing
/// (or, for an update, the variant) is not the shop's.
pub async fn save_variant(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    listing_id: Uuid,
    variant_id: Option<Uuid>,
    v: &VariantDraft,
) -> Result<bool, sqlx::Error> {
    let attributes = serde_json::to_value(&v.options).unwrap_or_default();
    let affected = match variant_id {
        Some(variant_id) => sqlx::query(
            "update listing_variants set sku = $4, attributes = $5, price = $6, stock = $7
             where vendor_id = $1 and listing_id = $2 and id = $3",
        )
        .bind(vendor_id)
        .bind(listing_id)
        .bind(variant_id)
        .bind(&v.sku)
        .bind(attributes)
        .bind(v.price)
        .bind(v.stock)
        .execute(db)
        .await?
        .rows_affected(),
        None => sqlx::query(
            "insert into listing_variants (id, listing_id, vendor_id, sku, attributes, price, stock, position)
             select $3, l.id, l.vendor_id, $4, $5, $6, $7,
                    coalesce((select max(position) + 1 from listing_variants where listing_id = l.id), 0)
             from listings l where l.vendor_id = $1 and l.id = $2",
        )
        .bind(vendor_id)
        .bind(listing_id)
        .bind(Uuid::new_v4())
        .bind(&v.sku)
        .bind(attributes)
        .bind(v.price)
        .bind(v.stock)
        .execute(db)
        .await?
        .rows_affected(),
    };
    Ok(affected == 1)
}

/// Deletes a variant unless it is the listing's last one.
pub async fn delete_variant(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    listing_id: Uuid,
    variant_id: Uuid,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "delete from listing_variants where vendor_id = $1 and listing_id = $2 and id = $3
           and (select count(*) from listing_variants where listing_id = $2) > 1",
    )
    .bind(vendor_id)
    .bind(listing_id)
    .bind(variant_id)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

pub async fn photos(db: impl PgExecutor<'_>, listing_id: Uuid) -> Result<Vec<String>, sqlx::Error> {
    sqlx::query_scalar(
        "select media_key from listing_photos where listing_id = $1 order by position, created_at",
    )
    .bind(listing_id)
    .fetch_all(db)
    .await
}

/// Adds a photo to a listing the shop owns, if it has fewer than `max`. A new photo is a
/// material change: an approved listing goes back to review.
pub async fn add_photo(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    listing_id: Uuid,
    key: &str,
    max: usize,
) -> Result<bool, sqlx::Error> {
    let owned: Option<i64> = sqlx::query_scalar(
        "select (select count(*) from listing_photos p where p.listing_id = l.id)
         from listings l where l.vendor_id = $1 and l.id = $2 for update",
    )
    .bind(vendor_id)
    .bind(listing_id)
    .fetch_optional(&mut *tx)
    .await?;
    match owned {
        Some(n) if (n as usize) < max => {}
        _ => return Ok(false),
    }
    sqlx::query(
        "insert into listing_photos (listing_id, media_key, position)
         values ($1, $2, coalesce((select max(position) + 1 from listing_photos where listing_id = $1), 0))
         on conflict do nothing",
    )
    .bind(listing_id)
    .bind(key)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "update listings set status = 'pending', submitted_at = now(), rejection_reason = null
         where id = $1 and status in ('approved', 'rejected')",
    )
    .bind(listing_id)
    .execute(&mut *tx)
    .await?;
    Ok(true)
}

pub async fn remove_photo(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    listing_id: Uuid,
    key: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "delete from listing_photos p using listings l
         where l.id = p.listing_id and l.vendor_id = $1 and p.listing_id = $2 and p.media_key = $3",
    )
    .bind(vendor_id)
    .bind(listing_id)
    .bind(key)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

//! What shoppers read: one approved listing, and the short listing rows of the home page and
//! the product page ("more from this shop").

use super::geo;
use crate::wire::catalog::ListingCard;
use crate::wire::product::ProductRow;
use sqlx::{PgExecutor, Postgres, QueryBuilder};
use uuid::Uuid;

/// The columns of a `ListingCard` (listing `l` joined to its shop `v`), but for the distance
/// and the sort key each query adds. Search uses the same list, so the card has one shape.
pub const CARD_COLUMNS: &str = "l.id, l.slug, l.title, l.price, l.compare_at_price, l.currency, l.stock, l.county, l.town,
        v.business_name as vendor_name, v.slug as vendor_slug, l.vendor_rating,
        (select p.media_key from listing_photos p where p.listing_id = l.id order by p.position limit 1) as cover";

pub async fn by_slug(
    db: impl PgExecutor<'_>,
    slug: &str,
) -> Result<Option<ProductRow>, sqlx::Error> {
    sqlx::query_as(
        "select l.id, l.vendor_id, l.slug, l.title, l.description, l.price, l.compare_at_price, l.currency, l.stock,
                l.county, l.town, c.slug as category_slug, c.name_en as category_en, c.name_sw as category_sw,
                l.weight_grams, l.featured, v.business_name as vendor_name, v.slug as vendor_slug, v.rating as vendor_rating,
                v.town as vendor_town, v.county as vendor_county, v.logo_key as vendor_logo
         from listings l join vendors v on v.id = l.vendor_id join categories c on c.id = l.category_id
         where l.slug = $1 and l.status = 'approved'",
    )
    .bind(slug)
    .fetch_optional(db)
    .await
}

pub async fn more_from_vendor(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    except: Uuid,
) -> Result<Vec<ListingCard>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {CARD_COLUMNS}, null::float8 as distance_km, '' as sort_key
         from listings l join vendors v on v.id = l.vendor_id
         where l.vendor_id = $1 and l.status = 'approved' and l.id <> $2
         order by l.popularity desc, l.id desc limit 6"
    ))
    .bind(vendor_id)
    .bind(except)
    .fetch_all(db)
    .await
}

pub async fn featured(db: impl PgExecutor<'_>) -> Result<Vec<ListingCard>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {CARD_COLUMNS}, null::float8 as distance_km, '' as sort_key
         from listings l join vendors v on v.id = l.vendor_id
         where l.status = 'approved' and l.featured
         order by l.popularity desc, l.id desc limit 8"
    ))
    .fetch_all(db)
    .await
}

pub async fn newest(db: impl PgExecutor<'_>) -> Result<Vec<ListingCard>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {CARD_COLUMNS}, null::float8 as distance_km, '' as sort_key
         from listings l join vendors v on v.id = l.vendor_id
         where l.status = 'approved'
         order by l.created_at desc, l.id desc limit 8"
    ))
    .fetch_all(db)
    .await
}

/// The most popular approved listings within `radius_km` of a point. The inner query walks the
/// GiST index nearest-first and stops at 200 rows, so a dense city costs the same as a village;
/// their distance comes from built-in functions (`geo`), not `earth_distance`'s ~11 µs a row.
pub async fn popular_near(
    db: impl PgExecutor<'_>,
    lat: f64,
    lng: f64,
    radius_km: f64,
) -> Result<Vec<ListingCard>, sqlx::Error> {
    let mut b = QueryBuilder::<Postgres>::new(format!(
        "select {CARD_COLUMNS}, n.distance_km, '' as sort_key from (select l.id, "
    ));
    geo::push_distance_km(&mut b, lat, lng);
    b.push(
        " as distance_km from listings l where l.status = 'approved'
          order by ll_to_earth(l.lat, l.lng) <-> ll_to_earth(",
    )
    .push_bind(lat)
    .push(", ")
    .push_bind(lng)
    .push(
        ") limit 200) n
         join listings l on l.id = n.id join vendors v on v.id = l.vendor_id
         where n.distance_km <= ",
    )
    .push_bind(radius_km)
    .push(" order by l.popularity desc, l.id desc limit 8");
    b.build_query_as().fetch_all(db).await
}

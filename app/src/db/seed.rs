//! The demo marketplace's writes (`sokoni seed`): bulk inserts of generated people, shops and
//! categories, and listings generated inside PostgreSQL. What to generate is decided in the
//! server's `seed` module; this file only stores it.

use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};
use uuid::Uuid;

pub async fn has_user(pool: &PgPool, email: &str) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("select exists (select 1 from users where email = $1)")
        .bind(email)
        .fetch_one(pool)
        .await
}

/// Users, column by column (one `unnest` per call), all with the same password hash.
pub struct UserColumns<'a> {
    pub id: &'a [Uuid],
    pub email: &'a [String],
    pub name: &'a [String],
    pub phone: &'a [String],
    pub role: &'a [&'static str],
}

pub async fn insert_users(
    tx: &mut PgConnection,
    users: &UserColumns<'_>,
    password_hash: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into users (id, email, name, phone, role, password_hash)
         select id, email, name, phone, role, $6
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(id, email, name, phone, role)",
    )
    .bind(users.id)
    .bind(users.email)
    .bind(users.name)
    .bind(users.phone)
    .bind(users.role)
    .bind(password_hash)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A demo shop and its owner.
pub struct DemoShop<'a> {
    pub id: Uuid,
    pub owner: Uuid,
    pub business_name: &'a str,
    pub slug: &'a str,
    pub phone: &'a str,
    pub business_type: &'a str,
    pub description: &'a str,
    pub county: &'a str,
    pub town: &'a str,
    pub lat: f64,
    pub lng: f64,
    pub verification_status: &'a str,
    pub tier: &'a str,
    pub rating: Decimal,
}

pub async fn insert_shop(tx: &mut PgConnection, s: &DemoShop<'_>) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into vendors (id, business_name, slug, phone, business_type, description, county, town, lat, lng,
                              verification_status, tier, rating)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
    )
    .bind(s.id)
    .bind(s.business_name)
    .bind(s.slug)
    .bind(s.phone)
    .bind(s.business_type)
    .bind(s.description)
    .bind(s.county)
    .bind(s.town)
    .bind(s.lat)
    .bind(s.lng)
    .bind(s.verification_status)
    .bind(s.tier)
    .bind(s.rating)
    .execute(&mut *tx)
    .await?;
    sqlx::query("insert into vendor_staff (vendor_id, user_id, role) values ($1, $2, 'owner')")
        .bind(s.id)
        .bind(s.owner)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Half the shops deliver, at a flat fee of KES 150–350; the rest offer pickup only.
pub async fn demo_delivery_fees(tx: &mut PgConnection) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update vendors set delivery_fee = 150 + (abs(hashtext(slug)) % 5) * 50 where abs(hashtext(slug)) % 2 = 0",
    )
    .execute(&mut *tx)
    .await?;
    Ok(())
}

pub async fn insert_category(
    tx: &mut PgConnection,
    id: Uuid,
    parent: Option<Uuid>,
    slug: &str,
    names: (&str, &str),
    position: usize,
) -> Result<(), sqlx::Error> {
    sqlx::query("insert into categories (id, parent_id, slug, name_en, name_sw, position) values ($1, $2, $3, $4, $5, $6)")
        .bind(id)
        .bind(parent)
        .bind(slug)
        .bind(names.0)
        .bind(names.1)
        .bind(i32::try_from(position).unwrap_or(i32::MAX))
        .execute(tx)
        .await?;
    Ok(())
}

/// The product templates listings are drawn from, column by column: category slug, title,
/// lowest and highest price, tags.
pub struct Templates {
    pub category: Vec<String>,
    pub title: Vec<String>,
    pub low: Vec<i64>,
    pub high: Vec<i64>,
    pub tags: Vec<String>,
}

/// Listings are generated inside PostgreSQL from the templates: a row per number in
/// `generate_series`, every choice taken from a stable hash of that number, so a million rows
/// take one statement and come out the same on every machine. One variant per listing
/// carries its stock.
pub async fn generate_listings(
    tx: &mut PgConnection,
    templates: &Templates,
    qualifiers: &[&str],
    count: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "with t as (
             select c.id as category_id, t.title, t.lo, t.hi, t.tags, t.n
             from unnest($1::text[], $2::text[], $3::bigint[], $4::bigint[], $5::text[]) with ordinality as t(slug, title, lo, hi, tags, n)
             join categories c on c.slug = t.slug),
         p as (select array_agg(category_id order by n) as cats, array_agg(title order by n) as titles,
                      array_agg(lo order by n) as los, array_agg(hi order by n) as his,
                      array_agg(tags order by n) as tags, count(*)::bigint as n from t),
         v as (select array_agg(id order by slug) as ids, array_agg(business_name order by slug) as names,
                      array_agg(county order by slug) as counties, array_agg(town order by slug) as towns,
                      array_agg(lat order by slug) as lats, array_agg(lng order by slug) as lngs,
                      array_agg(rating order by slug) as ratings, count(*)::bigint as n
               from vendors where verification_status = 'verified'),
         g as (select i, 1 + abs(hashint8extended(i, 1)) % v.n as vi, 1 + abs(hashint8extended(i, 2)) % p.n as pi,
                      abs(hashint8extended(i, 3)) as h3, abs(hashint8extended(i, 4)) as h4, abs(hashint8extended(i, 5)) as h5
               from generate_series(1, $7::bigint) as i, v, p)
         insert into listings (id, vendor_id, category_id, title, slug, description, tags, price, currency, status,
                               county, town, lat, lng, stock, popularity, vendor_rating, created_at)
         select md5('sokoni-listing-' || i)::uuid, v.ids[vi], p.cats[pi], x.title,
                trim(both '-' from regexp_replace(lower(x.title), '[^a-z0-9]+', '-', 'g')) || '-' || to_hex(i),
                x.title || ' sold by ' || v.names[vi] || ' in ' || v.towns[vi] || ', ' || v.counties[vi]
                    || '. Delivery across ' || v.counties[vi] || ' or pick up at the shop. Karibu!',
                string_to_array(p.tags[pi], ' '),
                round(p.los[pi] + (h4 % 1000) * (p.his[pi] - p.los[pi]) / 1000.0),
                'KES',
                case when h3 % 50 = 0 then 'pending' else 'approved' end,
                v.counties[vi], v.towns[vi],
                v.lats[vi] + ((h5 % 2001) - 1000) / 100000.0, v.lngs[vi] + ((h4 % 2001) - 1000) / 100000.0,
                case when h5 % 10 = 0 then 0 else h5 % 200 end,
                power((h3 % 1000) / 1000.0, 4) * 1000,
                v.ratings[vi],
                timestamptz '2026-11-01 00:00:00+03' - make_interval(secs => (h4 % 31536000)::double precision)
         from g, v, p, lateral (select trim(p.titles[pi] || ' ' || ($6::text[])[1 + (g.h4 / 1000) % cardinality($6::text[])]) as title) x",
    )
    .bind(&templates.category)
    .bind(&templates.title)
    .bind(&templates.low)
    .bind(&templates.high)
    .bind(&templates.tags)
    .bind(qualifiers)
    .bind(count)
    .execute(&mut *tx)
    .await?;
    // The listing already holds the total, so the per-statement stock trigger is skipped for
    // this bulk load.
    sqlx::query("alter table listing_variants disable trigger listing_variants_stock_insert")
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "insert into listing_variants (id, listing_id, vendor_id, sku, stock, attributes)
         select md5('sokoni-variant-' || id)::uuid, id, vendor_id, 'SKU-' || upper(replace(id::text, '-', '')), stock, '{}'
         from listings",
    )
    .execute(&mut *tx)
    .await?;
    sqlx::query("alter table listing_variants enable trigger listing_variants_stock_insert")
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The home page's "featured" shelf: admins pick these from product pages; the demo starts
/// with the most popular few.
pub async fn feature_most_popular(tx: &mut PgConnection, n: i64) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update listings set featured = true where id in
           (select id from listings where status = 'approved' order by popularity desc, id limit $1)",
    )
    .bind(n)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// After a bulk load. `vacuum`, not just `analyze`: it also merges the GIN index's pending
/// list, which a bulk load leaves long and every text search would otherwise scan.
pub async fn vacuum_analyze(pool: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::query("vacuum analyze").execute(pool).await?;
    Ok(())
}

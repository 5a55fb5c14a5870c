//! Deterministic demo data: a Kenyan marketplace (admin, vendors in five cities with their
//! owners, customers, the category tree) generated from a fixed seed, so every machine gets the
//! same shops and people. Listings join this generator with the catalog.

mod names;
mod products;

use crate::BoxError;
use crate::config::Config;
use crate::startup::connect_and_migrate;
use app::auth::password;
use app::domain::Password;
use leptos::config::Env;
use names::{CATEGORIES, CITIES, FIRST_NAMES, SHOP_KINDS, SHOP_PREFIXES, SURNAMES};
use rand::{Rng, SeedableRng, seq::SliceRandom};
use rand_chacha::ChaCha8Rng;
use sqlx::PgPool;
use uuid::Uuid;

pub const ADMIN_EMAIL: &str = "admin@sokoni.test";

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Size {
    /// 12 vendors, 40 customers: the demo.
    Small,
    /// 300 vendors, 5,000 customers.
    Medium,
    /// 3,000 vendors, 100,000 customers.
    Large,
}

impl Size {
    /// (vendors, customers, listings)
    pub fn counts(self) -> (usize, usize, i64) {
        match self {
            Size::Small => (12, 40, 400),
            Size::Medium => (300, 5_000, 100_000),
            Size::Large => (3_000, 100_000, 1_000_000),
        }
    }
}

#[derive(clap::Args)]
pub struct SeedArgs {
    #[arg(long, value_enum, default_value = "small")]
    pub size: Size,
    /// Password for every demo account. Required: demo data ships no known password.
    #[arg(long, env = "SOKONI_DEMO_PASSWORD", hide_env_values = true)]
    pub password: String,
    /// Number of listings, overriding the size's default (small 400, medium 100k, large 1M).
    #[arg(long)]
    pub listings: Option<i64>,
    /// Seed even though LEPTOS_ENV is PROD.
    #[arg(long)]
    pub allow_production: bool,
}

pub async fn run(config: &Config, args: SeedArgs) -> Result<(), BoxError> {
    if config.leptos.env == Env::PROD && !args.allow_production {
        return Err(
            "refusing to seed demo data in production (pass --allow-production to insist)".into(),
        );
    }
    let password = Password::parse(args.password).map_err(|e| format!("--password: {e:?}"))?;
    let pool = connect_and_migrate(config).await?;
    let started = std::time::Instant::now();
    if already_seeded(&pool).await? {
        println!("Demo data is already present; nothing to do.");
    } else {
        // One hash for all demo accounts: hashing thousands of users one by one would take
        // minutes, and they all share the password anyway.
        let hash = password::hash(password.expose().to_owned())
            .await
            .map_err(|e| e.to_string())?;
        let (vendors, customers, listings) = args.size.counts();
        let listings = args.listings.unwrap_or(listings);
        seed(&pool, &hash, vendors, customers, listings).await?;
        println!(
            "Seeded {vendors} vendors, {customers} customers and {listings} listings in {:.1?}.",
            started.elapsed()
        );
    }
    println!("Demo logins (password as given to seed):");
    println!("  admin     {ADMIN_EMAIL}");
    println!("  vendor    vendor001@sokoni.test");
    println!("  customer  customer001@sokoni.test");
    Ok(())
}

pub async fn already_seeded(pool: &PgPool) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar("select exists (select 1 from users where email = $1)")
        .bind(ADMIN_EMAIL)
        .fetch_one(pool)
        .await
}

fn uuid(rng: &mut ChaCha8Rng) -> Uuid {
    uuid::Builder::from_random_bytes(rng.r#gen()).into_uuid()
}

fn phone(rng: &mut ChaCha8Rng) -> String {
    let prefix = ["2547", "2541"][usize::from(rng.gen_ratio(1, 5))];
    format!("+{prefix}{:08}", rng.gen_range(0..100_000_000u32))
}

fn person(rng: &mut ChaCha8Rng) -> String {
    format!(
        "{} {}",
        FIRST_NAMES[rng.gen_range(0..FIRST_NAMES.len())],
        SURNAMES[rng.gen_range(0..SURNAMES.len())]
    )
}

/// Rows for one table, column by column, inserted with one `unnest` per batch.
#[derive(Default)]
struct Users {
    id: Vec<Uuid>,
    email: Vec<String>,
    name: Vec<String>,
    phone: Vec<String>,
    role: Vec<&'static str>,
}

impl Users {
    fn push(&mut self, id: Uuid, email: String, name: String, phone: String, role: &'static str) {
        self.id.push(id);
        self.email.push(email);
        self.name.push(name);
        self.phone.push(phone);
        self.role.push(role);
    }
}

/// Generates the whole demo marketplace in one transaction.
pub async fn seed(
    pool: &PgPool,
    hash: &str,
    vendor_count: usize,
    customer_count: usize,
    listings: i64,
) -> Result<(), BoxError> {
    let mut rng = ChaCha8Rng::seed_from_u64(20_261_123);
    let mut tx = pool.begin().await?;

    seed_categories(&mut tx, &mut rng).await?;

    let mut users = Users::default();
    users.push(
        uuid(&mut rng),
        ADMIN_EMAIL.into(),
        "Amina Wanjiru (Admin)".into(),
        phone(&mut rng),
        "admin",
    );

    let mut vendor_rows = Vec::with_capacity(vendor_count);
    for n in 1..=vendor_count {
        let owner = uuid(&mut rng);
        users.push(
            owner,
            format!("vendor{n:03}@sokoni.test"),
            person(&mut rng),
            phone(&mut rng),
            "vendor_staff",
        );
        let (county, towns, lat, lng) = CITIES[(n - 1) % CITIES.len()];
        let (kind, business_type) = SHOP_KINDS[rng.gen_range(0..SHOP_KINDS.len())];
        let prefix = SHOP_PREFIXES[rng.gen_range(0..SHOP_PREFIXES.len())];
        let business_name = format!("{prefix} {kind}");
        let slug = format!("{}-{n}", slugify(&business_name));
        // Spread shops up to ~5 km around the town centre.
        let (dlat, dlng) = (rng.gen_range(-0.045..0.045), rng.gen_range(-0.045..0.045));
        let status = if n % 6 == 0 { "pending" } else { "verified" };
        let tier = ["aspirant", "aspirant", "visionary", "legacy", "titan"][rng.gen_range(0..5)];
        let rating = rust_decimal::Decimal::new(rng.gen_range(300..=500), 2);
        let town = towns.choose(&mut rng).copied().unwrap_or(county);
        vendor_rows.push((
            uuid(&mut rng),
            owner,
            business_name.clone(),
            slug,
            phone(&mut rng),
            business_type,
            format!("{business_name} serves {town}, {county}. Karibu!"),
            county,
            town,
            lat + dlat,
            lng + dlng,
            status,
            tier,
            rating,
        ));
    }
    for n in 1..=customer_count {
        users.push(
            uuid(&mut rng),
            format!("customer{n:03}@sokoni.test"),
            person(&mut rng),
            phone(&mut rng),
            "customer",
        );
    }

    for chunk in (0..users.id.len()).collect::<Vec<_>>().chunks(5_000) {
        let range = chunk[0]..chunk[chunk.len() - 1] + 1;
        sqlx::query(
            "insert into users (id, email, name, phone, role, password_hash)
             select id, email, name, phone, role, $6
             from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(id, email, name, phone, role)",
        )
        .bind(&users.id[range.clone()])
        .bind(&users.email[range.clone()])
        .bind(&users.name[range.clone()])
        .bind(&users.phone[range.clone()])
        .bind(&users.role[range.clone()])
        .bind(hash)
        .execute(&mut *tx)
        .await?;
    }

    for v in &vendor_rows {
        sqlx::query(
            "insert into vendors (id, business_name, slug, phone, business_type, description, county, town, lat, lng,
                                  verification_status, tier, rating)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
        )
        .bind(v.0)
        .bind(&v.2)
        .bind(&v.3)
        .bind(&v.4)
        .bind(v.5)
        .bind(&v.6)
        .bind(v.7)
        .bind(v.8)
        .bind(v.9)
        .bind(v.10)
        .bind(v.11)
        .bind(v.12)
        .bind(v.13)
        .execute(&mut *tx)
        .await?;
        sqlx::query("insert into vendor_staff (vendor_id, user_id, role) values ($1, $2, 'owner')")
            .bind(v.0)
            .bind(v.1)
            .execute(&mut *tx)
            .await?;
    }
    // Half the shops deliver, at a flat fee of KES 150–350; the rest offer pickup only.
    sqlx::query(
        "update vendors set delivery_fee = 150 + (abs(hashtext(slug)) % 5) * 50 where abs(hashtext(slug)) % 2 = 0",
    )
    .execute(&mut *tx)
    .await?;
    seed_listings(&mut tx, listings).await?;
    // The home page's "featured" shelf: admins pick these from product pages; the demo starts
    // with the most popular few.
    sqlx::query(
        "update listings set featured = true where id in
           (select id from listings where status = 'approved' order by popularity desc, id limit 8)",
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    sqlx::query("select refresh_search_words()")
        .execute(pool)
        .await?;
    // vacuum, not just analyze: it also merges the GIN index's pending list, which a bulk load
    // leaves long and every text search would otherwise scan.
    sqlx::query("vacuum analyze").execute(pool).await?;
    Ok(())
}

/// Listings are generated inside PostgreSQL from the product templates: a row per number in
/// `generate_series`, every choice taken from a stable hash of that number, so a million rows
/// take one statement and come out the same on every machine.
async fn seed_listings(tx: &mut sqlx::PgConnection, count: i64) -> Result<(), sqlx::Error> {
    let column = |f: fn(&products::ProductTemplate) -> String| {
        products::PRODUCTS.iter().map(f).collect::<Vec<_>>()
    };
    let lows: Vec<i64> = products::PRODUCTS.iter().map(|p| p.2).collect();
    let highs: Vec<i64> = products::PRODUCTS.iter().map(|p| p.3).collect();
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
    .bind(column(|p| p.0.to_owned()))
    .bind(column(|p| p.1.to_owned()))
    .bind(lows)
    .bind(highs)
    .bind(column(|p| p.4.to_owned()))
    .bind(products::QUALIFIERS)
    .bind(count)
    .execute(&mut *tx)
    .await?;
    // One variant per listing, carrying its stock. The listing already holds the total, so the
    // per-statement stock trigger is skipped for this bulk load.
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

async fn seed_categories(
    tx: &mut sqlx::PgConnection,
    rng: &mut ChaCha8Rng,
) -> Result<(), sqlx::Error> {
    for (position, (slug, en, sw, children)) in CATEGORIES.iter().enumerate() {
        let parent = uuid(rng);
        insert_category(&mut *tx, parent, None, slug, en, sw, position).await?;
        for (child_pos, (slug, en, sw)) in children.iter().enumerate() {
            insert_category(&mut *tx, uuid(rng), Some(parent), slug, en, sw, child_pos).await?;
        }
    }
    Ok(())
}

async fn insert_category(
    tx: &mut sqlx::PgConnection,
    id: Uuid,
    parent: Option<Uuid>,
    slug: &str,
    en: &str,
    sw: &str,
    position: usize,
) -> Result<(), sqlx::Error> {
    sqlx::query("insert into categories (id, parent_id, slug, name_en, name_sw, position) values ($1, $2, $3, $4, $5, $6)")
        .bind(id)
        .bind(parent)
        .bind(slug)
        .bind(en)
        .bind(sw)
        .bind(i32::try_from(position).unwrap_or(i32::MAX))
        .execute(tx)
        .await?;
    Ok(())
}

/// `Mama Electronics & Co` → `mama-electronics-co`.
fn slugify(s: &str) -> String {
    s.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Jua Kali Books & Stationery"),
            "jua-kali-books-stationery"
        );
    }

    #[test]
    fn same_seed_same_people() {
        let mut a = ChaCha8Rng::seed_from_u64(1);
        let mut b = ChaCha8Rng::seed_from_u64(1);
        assert_eq!(
            (person(&mut a), phone(&mut a), uuid(&mut a)),
            (person(&mut b), phone(&mut b), uuid(&mut b))
        );
        let p = phone(&mut a);
        assert!(app::domain::Phone::parse(&p).is_ok(), "{p}");
    }
}

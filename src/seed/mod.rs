//! Deterministic demo data: a Kenyan marketplace (admin, vendors in five cities with their
//! owners, customers, the category tree) generated from a fixed seed, so every machine gets the
//! same shops and people. Listings join this generator with the catalog.

mod names;
mod products;

use crate::BoxError;
use crate::config::Config;
use crate::startup::connect_and_migrate;
use app::auth::password;
use app::db::seed as db;
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
    /// The demo admin's two-step login secret (base32), so a script can log in to the
    /// console; without it the admin is asked to set up two-step login on the first visit.
    #[arg(long, env = "SOKONI_DEMO_ADMIN_TOTP", hide_env_values = true)]
    pub admin_totp: Option<String>,
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
    let totp = match &args.admin_totp {
        Some(text) => Some(
            app::auth::two_factor::secret_from_base32(text)
                .ok_or("--admin-totp: not a base32 secret of at least 128 bits")?,
        ),
        None => None,
    };
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
        if let Some(secret) = &totp {
            app::db::two_factor::enrol_with(&pool, ADMIN_EMAIL, secret).await?;
        }
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
    app::db::seed::has_user(pool, ADMIN_EMAIL).await
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
        // Ratings come from buyers' reviews only (none yet in the demo). The draw that made one
        // up is kept, so the rest of the generated demo stays the same.
        let _ = rng.gen_range(300..=500);
        let rating = rust_decimal::Decimal::ZERO;
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
        let columns = db::UserColumns {
            id: &users.id[range.clone()],
            email: &users.email[range.clone()],
            name: &users.name[range.clone()],
            phone: &users.phone[range.clone()],
            role: &users.role[range.clone()],
        };
        db::insert_users(&mut tx, &columns, hash).await?;
    }
    for v in &vendor_rows {
        db::insert_shop(
            &mut tx,
            &db::DemoShop {
                id: v.0,
                owner: v.1,
                business_name: &v.2,
                slug: &v.3,
                phone: &v.4,
                business_type: v.5,
                description: &v.6,
                county: v.7,
                town: v.8,
                lat: v.9,
                lng: v.10,
                verification_status: v.11,
                tier: v.12,
                rating: v.13,
            },
        )
        .await?;
    }
    db::demo_delivery_fees(&mut tx).await?;
    let templates = db::Templates {
        category: products::PRODUCTS.iter().map(|p| p.0.to_owned()).collect(),
        title: products::PRODUCTS.iter().map(|p| p.1.to_owned()).collect(),
        low: products::PRODUCTS.iter().map(|p| p.2).collect(),
        high: products::PRODUCTS.iter().map(|p| p.3).collect(),
        tags: products::PRODUCTS.iter().map(|p| p.4.to_owned()).collect(),
    };
    db::generate_listings(&mut tx, &templates, products::QUALIFIERS, listings).await?;
    db::feature_most_popular(&mut tx, 8).await?;
    // Demo accounts have confirmed addresses (they apply to sell and are paid out).
    sqlx::query("update users set email_verified_at = now()")
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    app::db::search::refresh_statistics(pool).await?;
    db::vacuum_analyze(pool).await?;
    Ok(())
}

async fn seed_categories(
    tx: &mut sqlx::PgConnection,
    rng: &mut ChaCha8Rng,
) -> Result<(), sqlx::Error> {
    for (position, (slug, en, sw, children)) in CATEGORIES.iter().enumerate() {
        let parent = uuid(rng);
        db::insert_category(&mut *tx, parent, None, slug, (en, sw), position).await?;
        for (child_pos, (slug, en, sw)) in children.iter().enumerate() {
            db::insert_category(&mut *tx, uuid(rng), Some(parent), slug, (en, sw), child_pos)
                .await?;
        }
    }
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

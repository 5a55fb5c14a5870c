//! Checkout benchmark: cash on delivery (M-Pesa's latency left out), 50 concurrent buyers over
//! many listings from many shops, through the same `place_order` the checkout page calls.
//!
//! `.ci/bench-checkout` (a fresh local PostgreSQL with default durability), or
//! `DATABASE_URL=… cargo bench --bench checkout` on an empty database. Prints sustained
//! checkouts per second and p50/p95/p99 of one checkout.
//! Environment: SOKONI_BENCH_BUYERS (50), SOKONI_BENCH_SECS (30), SOKONI_BENCH_POOL (10, the
//! server's default pool size), SOKONI_BENCH_SHOPS (40), SOKONI_BENCH_LISTINGS (2000).

#[path = "common/percentile.rs"]
mod percentile;
#[path = "../tests/it/common/shopping.rs"]
mod shopping;

use app::checkout::{Checkout, Choices, Payment, place_order};
use percentile::percentile;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rust_decimal::Decimal;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use std::time::{Duration, Instant};
use uuid::Uuid;

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Shops, one category, listings with one variant each and plenty of stock; and the buyers.
async fn setup(
    pool: &PgPool,
    shops: u64,
    listings: u64,
    buyers: u64,
) -> (Vec<Uuid>, Vec<(Uuid, Uuid)>) {
    let category = Uuid::new_v4();
    sqlx::query("insert into categories (id, slug, name_en, name_sw) values ($1, 'bench', 'Bench', 'Bench')")
        .bind(category)
        .execute(pool)
        .await
        .expect("category");
    let mut vendors = Vec::new();
    for n in 0..shops {
        let v = Uuid::new_v4();
        sqlx::query(
            "insert into vendors (id, business_name, slug, phone, business_type, county, town, lat, lng, verification_status, tier)
             values ($1, $2, $3, '+254712345678', 'individual', 'Nairobi', 'CBD', -1.28, 36.82, 'verified', 'aspirant')",
        )
        .bind(v)
        .bind(format!("Bench shop {n}"))
        .bind(format!("bench-{n}"))
        .execute(pool)
        .await
        .expect("vendor");
        vendors.push(v);
    }
    let mut variants = Vec::new();
    for n in 0..listings {
        let vendor = vendors[(n % shops) as usize];
        let (listing, variant) = (Uuid::new_v4(), Uuid::new_v4());
        sqlx::query(
            "insert into listings (id, vendor_id, category_id, title, slug, price, status, county, town, lat, lng)
             values ($1, $2, $3, $4, $5, $6, 'approved', 'Nairobi', 'CBD', -1.28, 36.82)",
        )
        .bind(listing)
        .bind(vendor)
        .bind(category)
        .bind(format!("Bench item {n}"))
        .bind(format!("bench-item-{n}"))
        .bind(Decimal::new(10_000 + (n as i64 % 500) * 137, 2))
        .execute(pool)
        .await
        .expect("listing");
        sqlx::query("insert into listing_variants (id, listing_id, vendor_id, sku, stock) values ($1, $2, $3, $4, 1000000)")
            .bind(variant)
            .bind(listing)
            .bind(vendor)
            .bind(format!("B-{n}"))
            .execute(pool)
            .await
            .expect("variant");
        variants.push(variant);
    }
    let mut users = Vec::new();
    for _ in 0..buyers {
        users.push(shopping::buyer(pool, &[]).await);
    }
    (variants, users)
}

/// Fills the cart with one to four lines (untimed: that is the shopper browsing).
async fn fill(pool: &PgPool, cart: Uuid, variants: &[Uuid], rng: &mut ChaCha8Rng) {
    for _ in 0..rng.gen_range(1..=4) {
        let v = variants[rng.gen_range(0..variants.len())];
        shopping::add_line(pool, cart, v, rng.gen_range(1..=3)).await;
    }
}

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let (buyers, secs, pool_size) = (
        env("SOKONI_BENCH_BUYERS", 50),
        env("SOKONI_BENCH_SECS", 30),
        env("SOKONI_BENCH_POOL", 10),
    );
    let (shops, listings) = (
        env("SOKONI_BENCH_SHOPS", 40),
        env("SOKONI_BENCH_LISTINGS", 2000),
    );
    let pool = PgPoolOptions::new()
        .max_connections(pool_size as u32)
        .acquire_timeout(Duration::from_secs(30))
        .connect_with(sokoni::startup::connect_options(&url).expect("url"))
        .await
        .expect("connect");
    sokoni::startup::migrate(&pool).await.expect("migrate");
    let t = Instant::now();
    let (variants, users) = setup(&pool, shops, listings, buyers).await;
    println!(
        "setup: {shops} shops, {listings} listings, {buyers} buyers in {:.1} s; pool {pool_size}; running {secs} s",
        t.elapsed().as_secs_f64()
    );
    let address = std::sync::Arc::new(shopping::address());
    let deadline = Instant::now() + Duration::from_secs(secs);
    let variants = std::sync::Arc::new(variants);
    let started = Instant::now();
    let tasks: Vec<_> = users
        .into_iter()
        .enumerate()
        .map(|(n, (user, cart))| {
            let (pool, variants, address) = (pool.clone(), variants.clone(), address.clone());
            tokio::spawn(async move {
                let mut rng = ChaCha8Rng::seed_from_u64(n as u64);
                let (mut times, mut refused) = (Vec::new(), 0u32);
                while Instant::now() < deadline {
                    fill(&pool, cart, &variants, &mut rng).await;
                    let t = Instant::now();
                    let checkout = Checkout {
                        user_id: user,
                        cart_id: cart,
                        key: Uuid::new_v4(),
                        address: &address,
                        vat_rate: Decimal::new(16, 2),
                        payment: Payment::CashOnDelivery,
                        choices: &Choices::default(),
                    };
                    let placed = place_order(&pool, &checkout).await;
                    times.push(t.elapsed());
                    if placed.is_err() {
                        refused += 1;
                    }
                }
                (times, refused)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut refused = 0;
    for t in tasks {
        let (times, r) = t.await.expect("buyer");
        all.extend(times);
        refused += r;
    }
    let wall = started.elapsed().as_secs_f64();
    all.sort();
    let orders: i64 = sqlx::query_scalar("select count(*) from orders")
        .fetch_one(&pool)
        .await
        .expect("count");
    let parts: i64 = sqlx::query_scalar("select count(*) from vendor_orders")
        .fetch_one(&pool)
        .await
        .expect("count");
    println!(
        "{} checkouts ({orders} orders, {parts} shop parts, {refused} refused) in {wall:.1} s: {:.1} checkouts/s",
        all.len(),
        orders as f64 / wall
    );
    println!(
        "latency ms: p50 {:.1}  p95 {:.1}  p99 {:.1}  max {:.1}",
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 95.0)),
        ms(percentile(&all, 99.0)),
        ms(percentile(&all, 100.0))
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

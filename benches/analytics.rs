//! Analytics benchmark: the console's analytics report over a large order history.
//!
//! `.ci/bench-analytics` (a fresh local PostgreSQL), or `DATABASE_URL=… cargo bench --bench
//! analytics` on an empty database. Generates SOKONI_BENCH_ORDERS (1,000,000) orders spread
//! over the last year, one shop part and one item each, with their status events (waiting,
//! accepted, shipped, delivered), and an M-Pesa attempt for most, in SQL; then times
//! `analytics::report` (what `/admin/analytics` runs on the server) for the last 7, 30 and 90
//! days and for a whole year, SOKONI_BENCH_ROUNDS (10) times each after a warm-up. Prints
//! how long building the daily rollups took, then p50/p95 per period. Goal: under 200 ms.

#[path = "common/percentile.rs"]
mod percentile;

use app::domain::analytics::PeriodAsk;
use percentile::percentile;
use sqlx::postgres::PgPoolOptions;
use std::time::{Duration, Instant};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Shops, a category tree, listings, shoppers, then `orders` orders with everything the
/// report reads, all generated in the database.
const GENERATE: &[&str] = &[
    "insert into categories (id, slug, name_en, name_sw)
     select gen_random_uuid(), 'top-' || n, 'Top ' || n, 'Juu ' || n from generate_series(1, 8) n",
    "insert into categories (id, slug, name_en, name_sw, parent_id)
     select gen_random_uuid(), 'sub-' || n, 'Sub ' || n, 'Ndogo ' || n,
            (select id from categories where slug = 'top-' || (1 + n % 8))
     from generate_series(1, 40) n",
    "insert into vendors (id, business_name, slug, phone, business_type, county, town, lat, lng, verification_status, tier, reviewed_at)
     select gen_random_uuid(), 'Shop ' || n, 'shop-' || n, '+254712345678', 'individual', 'Nairobi', 'CBD',
            -1.28, 36.82, 'verified', 'aspirant', now() - make_interval(days => n % 365)
     from generate_series(1, 300) n",
    "insert into listings (id, vendor_id, category_id, title, slug, price, currency, county, town, lat, lng, status)
     select gen_random_uuid(), v.id, c.id, 'Item ' || n, 'item-' || n, 100 + n % 900, 'KES', 'Nairobi', 'CBD', -1.28, 36.82, 'approved'
     from generate_series(1, 3000) n
     join lateral (select id from vendors order by slug offset (n % 300) limit 1) v on true
     join lateral (select id from categories where parent_id is not null order by slug offset (n % 40) limit 1) c on true",
    "insert into listing_variants (id, listing_id, vendor_id, sku, price, stock)
     select gen_random_uuid(), l.id, l.vendor_id, 'SKU-' || l.slug, l.price, 1000000 from listings l",
    "insert into users (id, email, name, password_hash, role, created_at)
     select gen_random_uuid(), 'shopper' || n || '@bench.test', 'Shopper ' || n, 'x', 'customer',
            now() - make_interval(days => n % 365)
     from generate_series(1, 100000) n",
    "create temporary table bench_variants as
     select row_number() over (order by lv.id) as n, lv.id as variant, lv.price, l.vendor_id, l.title
     from listing_variants lv join listings l on l.id = lv.listing_id",
    "create temporary table bench_users as
     select row_number() over (order by id) as n, id from users where email like 'shopper%@bench.test'",
    // One order per n: a shopper, a variant, a time in the last year, a fate.
    "create temporary table bench_orders as
     select gen_random_uuid() as id, gen_random_uuid() as part, gen_random_uuid() as item,
            u.id as user_id, v.variant, v.price, v.vendor_id, v.title,
            now() - make_interval(secs => (g.n * 31.5)::int % 31536000) as at,
            case when g.n % 20 = 0 then 'rejected' when g.n % 20 = 1 then 'cancelled'
                 when g.n % 10 = 2 then 'awaiting_acceptance' when g.n % 10 = 3 then 'shipped'
                 else 'delivered' end as status,
            case when g.n % 5 = 0 then 'cod' else 'mpesa' end as method,
            (g.n % 7) + 1 as accept_h, (g.n % 29) + 6 as ship_h, (g.n % 97) + 30 as deliver_h, g.n
     from generate_series(1, $ORDERS) as g(n)
     join bench_users u on u.n = 1 + g.n % 100000
     join bench_variants v on v.n = 1 + g.n % 3000",
    "insert into orders (id, user_id, checkout_key, cart_fingerprint, status, payment_method, currency,
                         subtotal, delivery_total, total, vat_included, county, town, street, phone, created_at)
     select id, user_id, gen_random_uuid(), 'bench', case when status in ('rejected', 'cancelled') then 'cancelled' else 'paid' end,
            method, 'KES', price, 0, price, round(price * 16 / 116, 2), 'Nairobi', 'CBD', 'Street', '+254712345678', at
     from bench_orders",
    "insert into vendor_orders (id, order_id, vendor_id, status, subtotal, commission, vendor_net, total, created_at)
     select part, id, vendor_id, status, price, round(price * 0.08, 2), price - round(price * 0.08, 2), price, at
     from bench_orders",
    "insert into order_items (id, vendor_order_id, variant_id, title, sku, options, quantity, unit_price,
                              line_total, commission_rate, commission, vendor_net)
     select item, part, variant, title, 'SKU', '', 1, price, price, 0.08, round(price * 0.08, 2),
            price - round(price * 0.08, 2)
     from bench_orders",
    "insert into vendor_order_events (vendor_order_id, status, note, at)
     select part, 'awaiting_acceptance', null, at from bench_orders
     union all select part, 'accepted', null, at + make_interval(hours => accept_h) from bench_orders
       where status in ('shipped', 'delivered')
     union all select part, 'shipped', null, at + make_interval(hours => ship_h) from bench_orders
       where status in ('shipped', 'delivered')
     union all select part, 'delivered', null, at + make_interval(hours => deliver_h) from bench_orders
       where status = 'delivered'
     union all select part, status, case when status = 'rejected' then 'out of stock' end,
       at + make_interval(hours => accept_h) from bench_orders where status in ('rejected', 'cancelled')",
    "insert into payments (id, order_id, status, amount, requested, phone, result_code, result_desc, created_at)
     select gen_random_uuid(), id, case when n % 13 = 0 then 'failed' else 'paid' end, price, ceil(price),
            '+254712345678', case when n % 13 = 0 then 1032 else 0 end,
            case when n % 13 = 0 then 'Request cancelled by user' end, at
     from bench_orders where method = 'mpesa'",
    "analyze",
];

#[tokio::main]
async fn main() {
    let url = std::env::var("DATABASE_URL").expect("DATABASE_URL");
    let orders = env("SOKONI_BENCH_ORDERS", 1_000_000);
    let rounds = env("SOKONI_BENCH_ROUNDS", 10) as usize;
    let pool = PgPoolOptions::new()
        .max_connections(4)
        .acquire_timeout(Duration::from_secs(60))
        .connect_with(sokoni::startup::connect_options(&url).expect("url"))
        .await
        .expect("connect");
    sokoni::startup::migrate(&pool).await.expect("migrate");
    let existing: i64 = sqlx::query_scalar("select count(*) from orders")
        .fetch_one(&pool)
        .await
        .expect("count");
    if existing == 0 {
        let t = Instant::now();
        let mut conn = pool.acquire().await.expect("connection");
        for statement in GENERATE {
            sqlx::raw_sql(&statement.replace("$ORDERS", &orders.to_string()))
                .execute(&mut *conn)
                .await
                .unwrap_or_else(|e| panic!("{e}: {statement}"));
        }
        println!(
            "generated {orders} orders in {:.0} s",
            t.elapsed().as_secs_f64()
        );
    } else {
        println!("using the {existing} orders already there");
    }
    // The generated history marked every day stale; the first refresh builds the rollups
    // (what a busy install's jobs do a day at a time).
    let t = Instant::now();
    let days = app::db::analytics_rollup::refresh(&pool, app::db::analytics_rollup::Busy::Skip)
        .await
        .expect("refresh");
    println!(
        "rolled up {days} days in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    // Autovacuum does this on an install; the report's counts read the rollups' indexes only
    // once their pages are marked all-visible.
    sqlx::raw_sql(
        "vacuum analyze analytics_shopper_days, analytics_shop_days, analytics_step_days",
    )
    .execute(&pool)
    .await
    .expect("vacuum");
    let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
    let periods = [
        ("7 days", PeriodAsk::Last(7)),
        ("30 days", PeriodAsk::Last(30)),
        ("90 days", PeriodAsk::Last(90)),
        (
            "a year",
            PeriodAsk::Between(one_year_ago(&pool).await, today(&pool).await),
        ),
    ];
    println!(
        "{:<10} {:>9} {:>9} {:>9}",
        "period", "p50 ms", "p95 ms", "orders"
    );
    for (name, ask) in periods {
        let warm = app::analytics::report(&pool, &ask).await.expect("report");
        let mut times = Vec::with_capacity(rounds);
        for _ in 0..rounds {
            let t = Instant::now();
            app::analytics::report(&pool, &ask).await.expect("report");
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "{name:<10} {:>9} {:>9} {:>9}",
            ms(percentile(&times, 50.0)),
            ms(percentile(&times, 95.0)),
            warm.now.orders
        );
    }
    rebuild_today(&pool, rounds).await;
}

/// What a report pays first after new orders: rebuilding today's rollups.
async fn rebuild_today(pool: &sqlx::PgPool, rounds: usize) {
    let mut times = Vec::with_capacity(rounds);
    for _ in 0..rounds {
        sqlx::query(
            "insert into analytics_stale (day) values (current_date) on conflict do nothing",
        )
        .execute(pool)
        .await
        .expect("stale");
        let t = Instant::now();
        app::db::analytics_rollup::refresh(pool, app::db::analytics_rollup::Busy::Skip)
            .await
            .expect("refresh");
        times.push(t.elapsed());
    }
    times.sort();
    println!(
        "rebuilding today's rollups: p50 {:.1} ms, p95 {:.1} ms",
        percentile(&times, 50.0).as_secs_f64() * 1000.0,
        percentile(&times, 95.0).as_secs_f64() * 1000.0
    );
}

async fn today(pool: &sqlx::PgPool) -> String {
    sqlx::query_scalar("select current_date::text")
        .fetch_one(pool)
        .await
        .expect("today")
}

async fn one_year_ago(pool: &sqlx::PgPool) -> String {
    sqlx::query_scalar("select (current_date - 364)::text")
        .fetch_one(pool)
        .await
        .expect("a year ago")
}

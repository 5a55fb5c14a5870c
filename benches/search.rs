//! Search benchmark over a large catalog (default 1,000,000 listings).
//!
//! `DATABASE_URL=… cargo bench --bench search` (or `.ci/bench-search`, which starts a local
//! PostgreSQL). Seeds the database once if it is empty (and prints the seed time), prints index
//! sizes, then runs a fixed mixed query set through the same search service the pages use,
//! from two concurrent clients, and prints p50/p95/p99 per query kind and overall.
//! Environment: SOKONI_BENCH_LISTINGS (default 1000000), SOKONI_BENCH_ROUNDS (default 20),
//! SOKONI_BENCH_EXPLAIN=1 (log every statement's plan with EXPLAIN ANALYZE and BUFFERS through
//! auto_explain into the cluster's log, one search per kind, then stop).
//!
//! After the one- and two-client passes it runs a third, one client while another task
//! updates the popularity of about 100 listings a second (as the views flush does), and prints
//! what pg_stat_statements saw and how many generic plans the prepared statements use.

#[path = "common/percentile.rs"]
mod percentile;

use app::db::search;
use app::domain::search::{PAGE_SIZE, RawSearch, SearchQuery};
use percentile::percentile;
use sqlx::postgres::PgPoolOptions;
use std::collections::BTreeMap;
use std::time::{Duration, Instant};

type Kind = &'static str;

fn query(pairs: &[(&str, &str)]) -> RawSearch {
    RawSearch::from_pairs(pairs.iter().copied())
}

/// A word only a handful of listings carry (`mark_rare_word` adds it to five).
const RARE_WORD: &str = "zumaridi";

/// The fixed query set: several concrete queries per kind. `shop` is a storefront's slug.
fn query_set(shop: &str) -> Vec<(Kind, RawSearch)> {
    let mut set = Vec::new();
    set.push(("truly rare word", query(&[("q", RARE_WORD)])));
    set.push((
        "truly rare word",
        query(&[("q", &format!("{RARE_WORD} sale"))]),
    ));
    for q in ["samsung unga", "macbook sufuria", "chai subwoofer"] {
        set.push(("two words, no overlap", query(&[("q", q)])));
    }
    for (q, cat) in [
        ("samsung", "phones"),
        ("unga", "flour"),
        ("solar", "electronics"),
    ] {
        set.push(("text + category", query(&[("q", q), ("category", cat)])));
    }
    set.push(("browse, no filter", query(&[])));
    set.push(("browse, no filter", query(&[("sort", "popular")])));
    for q in ["shoes", "samsung", "unga"] {
        set.push((
            "text, price sort",
            query(&[("q", q), ("sort", "price_asc")]),
        ));
    }
    set.push(("newest", query(&[("sort", "newest")])));
    set.push(("newest", query(&[("q", "chai"), ("sort", "newest")])));
    for q in ["", "unga"] {
        let mut pairs = vec![("lat", "-1.2921"), ("lng", "36.8219"), ("radius_km", "50")];
        if !q.is_empty() {
            pairs.push(("q", q));
        }
        set.push(("geo 50 km", query(&pairs)));
    }
    set.push(("storefront", query(&[("vendor", shop)])));
    set.push(("storefront", query(&[("vendor", shop), ("q", "unga")])));
    for q in ["samsung", "unga", "shoes", "chai", "solar"] {
        set.push(("common word", query(&[("q", q)])));
    }
    for q in ["wimbi", "macbook", "kiondo", "soapstone", "subwoofer"] {
        set.push(("rare word", query(&[("q", q)])));
    }
    for q in [
        "unga ngano",
        "solar panel",
        "maasai shuka",
        "cooking oil",
        "power bank",
    ] {
        set.push(("two words", query(&[("q", q)])));
    }
    for q in ["samsng", "infinx", "kitenje", "sufria", "mabti"] {
        set.push(("typo", query(&[("q", q)])));
    }
    for q in ["sams", "kiten", "solar pan", "unga ya ng", "orai"] {
        set.push(("prefix", query(&[("q", q)])));
    }
    for (cat, lo, hi) in [
        ("phones", "10000", "20000"),
        ("flour", "0", "200"),
        ("electronics", "1000", "5000"),
        ("fashion", "500", "3000"),
    ] {
        set.push((
            "category + price",
            query(&[("category", cat), ("min_price", lo), ("max_price", hi)]),
        ));
    }
    for (lat, lng, q) in [
        ("-1.2921", "36.8219", ""),
        ("-4.0435", "39.6682", "sufuria"),
        ("-0.0917", "34.7680", "unga"),
        ("0.5143", "35.2698", ""),
    ] {
        let mut pairs = vec![
            ("lat", lat),
            ("lng", lng),
            ("radius_km", "5"),
            ("sort", "distance"),
        ];
        if !q.is_empty() {
            pairs.push(("q", q));
        }
        set.push(("geo radius + distance", query(&pairs)));
    }
    set
}

fn ms(d: Duration) -> String {
    format!("{:8.2}", d.as_secs_f64() * 1000.0)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() -> Result<(), sokoni::BoxError> {
    let url = std::env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?;
    let listings: i64 = std::env::var("SOKONI_BENCH_LISTINGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000);
    let rounds: usize = std::env::var("SOKONI_BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let explain = std::env::var("SOKONI_BENCH_EXPLAIN").is_ok_and(|v| v == "1");
    let mut options = sokoni::startup::connect_options(&url)?;
    if explain {
        options = options.options([
            ("session_preload_libraries", "auto_explain"),
            ("auto_explain.log_min_duration", "0"),
            ("auto_explain.log_analyze", "on"),
            ("auto_explain.log_buffers", "on"),
            ("auto_explain.log_timing", "on"),
        ]);
    }
    let pool = PgPoolOptions::new()
        .max_connections(8)
        .connect_with(options)
        .await?;
    sokoni::startup::migrate(&pool).await?;

    if sokoni::seed::already_seeded(&pool).await? {
        let n: i64 = sqlx::query_scalar("select count(*) from listings")
            .fetch_one(&pool)
            .await?;
        println!("catalog: {n} listings (already seeded)");
    } else {
        let hash = app::auth::password::hash("bench-only-password".into())
            .await
            .map_err(|e| e.to_string())?;
        let started = Instant::now();
        sokoni::seed::seed(&pool, &hash, 3_000, 10_000, listings).await?;
        println!(
            "seeded {listings} listings (3,000 vendors) in {:.1} s",
            started.elapsed().as_secs_f64()
        );
    }

    println!("\nindex and table sizes:");
    let sizes: Vec<(String, String)> = sqlx::query_as(
        "select c.relname::text, pg_size_pretty(pg_total_relation_size(c.oid))
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and (c.relname like 'listings%' or c.relname like 'search_words%')
         order by pg_total_relation_size(c.oid) desc",
    )
    .fetch_all(&pool)
    .await?;
    for (name, size) in sizes {
        println!("  {name:32} {size}");
    }

    mark_rare_word(&pool).await?;
    let started = Instant::now();
    search::refresh_statistics(&pool).await?;
    println!(
        "\nvocabulary refresh (the 10-minute job): {:.2} s",
        started.elapsed().as_secs_f64()
    );
    // Searches run on their own pool, as the server's do (`search::pool`: generic plans).
    let searches = search::pool(&pool);
    let shop: String = sqlx::query_scalar(
        "select v.slug from vendors v join listings l on l.vendor_id = v.id
         where l.status = 'approved' group by v.slug order by count(*) desc, v.slug limit 1",
    )
    .fetch_one(&pool)
    .await?;

    let set = query_set(&shop);
    let parsed: Vec<(Kind, SearchQuery)> = set
        .iter()
        .map(|(k, raw)| {
            (
                *k,
                SearchQuery::parse(raw).unwrap_or_else(|e| panic!("{k}: {e:?}")),
            )
        })
        .collect();

    // Deep page: follow the cursor of a common query to its 10th page once, then time that page.
    let mut deep = SearchQuery::parse(&query(&[("q", "samsung")])).map_err(|e| format!("{e:?}"))?;
    for _ in 0..9 {
        let page = search::search(&searches, &deep).await?;
        let Some(next) = page.next else { break };
        let raw = RawSearch {
            q: Some("samsung".into()),
            after: Some(next),
            ..RawSearch::default()
        };
        deep = SearchQuery::parse(&raw).map_err(|e| format!("{e:?}"))?;
    }
    let mut work = parsed.clone();
    work.push(("deep page (10th)", deep));

    if explain {
        let mut seen = std::collections::BTreeSet::new();
        for (kind, q) in &work {
            if seen.insert(*kind) {
                search::search(&searches, q).await?;
            }
        }
        println!("\nplans of one search per kind are in the cluster's postgres.log (auto_explain)");
        return Ok(());
    }

    // Warm the caches once, as a running server would be.
    for (_, q) in &work {
        search::search(&searches, q).await?;
    }
    check_relevance(&searches, &work).await?;
    let _ = sqlx::query("select pg_stat_statements_reset()")
        .execute(&pool)
        .await;

    // One client shows each search's own latency; two show it while the two cores are shared.
    for clients in [1, 2] {
        measure(&searches, &work, clients, rounds, "").await?;
    }
    // Reads while writing: popularity changes as the views flush makes them.
    let writing = tokio::spawn(update_popularity(pool.clone()));
    measure(
        &searches,
        &work,
        1,
        rounds,
        ", while 100 listings/s change popularity",
    )
    .await?;
    writing.abort();
    report_plans(&pool, &searches).await?;
    Ok(())
}

/// Gives five approved listings a word no other listing has (once).
/// The relevance check: the first page of every text query without filters equals a plain
/// `order by` over all its matches (title hits first, then popularity, then id).
async fn check_relevance(
    pool: &sqlx::PgPool,
    work: &[(Kind, SearchQuery)],
) -> Result<(), sokoni::BoxError> {
    let mut checked = 0;
    for (kind, q) in work {
        let unfiltered = SearchQuery {
            terms: q.terms.clone(),
            ..SearchQuery::default()
        };
        if q.terms.is_empty() || *q != unfiltered {
            continue;
        }
        let found = search::search(pool, q).await?;
        let terms = search::resolve_terms(pool, &q.terms).await?;
        let any = found.matched_any;
        let want: Vec<uuid::Uuid> = sqlx::query_scalar(
            "select id from listings
              where status = 'approved' and search @@ to_tsquery('simple', $1)
              order by search @@ to_tsquery('simple', $2) desc, popularity desc, id desc
              limit $3",
        )
        .bind(search::tsquery(&terms, None, any))
        .bind(search::tsquery(&terms, Some('A'), any))
        .bind(PAGE_SIZE)
        .fetch_all(pool)
        .await?;
        let got: Vec<uuid::Uuid> = found.hits.iter().map(|h| h.id).collect();
        if got != want {
            return Err(format!(
                "{kind} {:?}: the page is not the brute-force order",
                q.terms
            )
            .into());
        }
        checked += 1;
    }
    println!(
        "\nrelevance check: the first page of each of {checked} text queries equals the \
         brute-force order over all its matches"
    );
    Ok(())
}

async fn mark_rare_word(pool: &sqlx::PgPool) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update listings set title = title || ' Zumaridi'
         where id in (select id from listings where status = 'approved' order by id limit 5)
           and not exists (select 1 from listings where title like '% Zumaridi')",
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// About 100 popularity updates a second, in batches of ten, until aborted.
async fn update_popularity(pool: sqlx::PgPool) -> Result<(), sqlx::Error> {
    let mut tick = tokio::time::interval(Duration::from_millis(100));
    loop {
        tick.tick().await;
        sqlx::query(
            "update listings set popularity = popularity + 1
             where id in (select id from listings where id >= gen_random_uuid() order by id limit 10)",
        )
        .execute(&pool)
        .await?;
    }
}

/// What PostgreSQL saw: the costliest statements (pg_stat_statements, when the cluster loads
/// it) and how the pooled connections' prepared statements are planned.
async fn report_plans(pool: &sqlx::PgPool, searches: &sqlx::PgPool) -> Result<(), sqlx::Error> {
    let mut generic = (0i64, 0i64);
    for _ in 0..3 {
        let mut conn = searches.acquire().await?;
        let (g, c): (Option<i64>, Option<i64>) = sqlx::query_as(
            "select sum(generic_plans)::int8, sum(custom_plans)::int8 from pg_prepared_statements",
        )
        .fetch_one(&mut *conn)
        .await?;
        generic = (generic.0 + g.unwrap_or(0), generic.1 + c.unwrap_or(0));
    }
    println!(
        "\nprepared statements on three pooled connections: {} generic plans, {} custom plans",
        generic.0, generic.1
    );
    // Planning is a search's own cost too (once per statement and connection on the search
    // pool; per call elsewhere), so it is counted with the run (`track_planning`, on in `.ci/bench-search`'s cluster).
    // (calls, mean planning ms, mean running ms, total ms, statement)
    type Row = (i64, f64, f64, f64, String);
    let top: Result<Vec<Row>, _> = sqlx::query_as(
        "select calls, mean_plan_time, mean_exec_time, total_plan_time + total_exec_time,
                left(regexp_replace(query, '\\s+', ' ', 'g'), 100)
         from pg_stat_statements where query not like '%pg_stat%'
         order by total_plan_time + total_exec_time desc limit 10",
    )
    .fetch_all(pool)
    .await;
    match top {
        Ok(rows) => {
            println!(
                "\npg_stat_statements, by total time (planning and running):\n{:>7} {:>8} {:>8} {:>8}  statement",
                "calls", "plan ms", "run ms", "total s"
            );
            for (calls, plan, run, total, q) in rows {
                println!(
                    "{calls:>7} {plan:>8.2} {run:>8.2} {:>8.1}  {q}",
                    total / 1000.0
                );
            }
        }
        Err(e) => println!("\n(pg_stat_statements not loaded: {e})"),
    }
    Ok(())
}

type Work = Vec<(Kind, SearchQuery)>;

async fn measure(
    pool: &sqlx::PgPool,
    work: &Work,
    clients: usize,
    rounds: usize,
    note: &str,
) -> Result<(), sokoni::BoxError> {
    let started = Instant::now();
    let mut tasks = Vec::new();
    for client in 0..clients {
        let pool = pool.clone();
        let mut work = work.clone();
        tasks.push(tokio::spawn(async move {
            let mut timings: Vec<(Kind, Duration)> = Vec::new();
            for round in 0..rounds {
                // a different order per client and round, so the clients do not move in step
                let shift = (client * 7 + round * 3) % work.len().max(1);
                work.rotate_left(shift);
                for (kind, q) in &work {
                    let t = Instant::now();
                    search::search(&pool, q).await.map_err(|e| e.to_string())?;
                    timings.push((kind, t.elapsed()));
                }
            }
            Ok::<_, String>(timings)
        }));
    }
    let mut by_kind: BTreeMap<Kind, Vec<Duration>> = BTreeMap::new();
    let mut all = Vec::new();
    for task in tasks {
        for (kind, d) in task.await??.into_iter() {
            by_kind.entry(kind).or_default().push(d);
            all.push(d);
        }
    }
    let wall = started.elapsed();

    println!(
        "\n{} searches from {clients} concurrent clients{note} in {:.1} s ({:.0} searches/s)",
        all.len(),
        wall.as_secs_f64(),
        all.len() as f64 / wall.as_secs_f64()
    );
    println!(
        "\n{:24} {:>6} {:>8} {:>8} {:>8}   (ms)",
        "query kind", "n", "p50", "p95", "p99"
    );
    for (kind, mut v) in by_kind {
        v.sort();
        println!(
            "{kind:24} {:>6} {} {} {}",
            v.len(),
            ms(percentile(&v, 50.0)),
            ms(percentile(&v, 95.0)),
            ms(percentile(&v, 99.0))
        );
    }
    all.sort();
    println!(
        "{:24} {:>6} {} {} {}",
        "overall",
        all.len(),
        ms(percentile(&all, 50.0)),
        ms(percentile(&all, 95.0)),
        ms(percentile(&all, 99.0))
    );
    Ok(())
}

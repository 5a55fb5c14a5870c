//! Page latency under a fixed load: GETs one server-rendered page at a steady rate (open loop:
//! each request is sent on its schedule whether or not earlier ones have answered, and its
//! latency counts from that schedule, so a slow server cannot hide its queue) and prints the
//! rate achieved and p50/p90/p99/max.
//!
//! `.ci/bench-pages` builds and seeds a release server and runs this against its product page.
//! By hand: `SOKONI_BENCH_URL=http://127.0.0.1:3000/p/<slug> cargo bench --bench pages`.
//! Environment: SOKONI_BENCH_URL (required; without it the benchmark says so and stops),
//! SOKONI_BENCH_RATE (requests per second, 50), SOKONI_BENCH_SECS (20), after 3 s of warm-up.

#[path = "common/percentile.rs"]
mod percentile;

use percentile::percentile;
use std::time::{Duration, Instant};

fn env(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Sends `rate` requests per second for `secs` and returns each one's latency (or `None`
/// for a failed or non-200 answer).
async fn load(client: &reqwest::Client, url: &str, rate: u64, secs: u64) -> Vec<Option<Duration>> {
    let period = Duration::from_secs_f64(1.0 / rate as f64);
    let start = tokio::time::Instant::now();
    let mut tasks = Vec::new();
    for n in 0..rate * secs {
        let due = start + period * n as u32;
        tokio::time::sleep_until(due).await;
        let (client, url) = (client.clone(), url.to_owned());
        tasks.push(tokio::spawn(async move {
            // As a phone's browser asks: compressed (the body is read, not decoded).
            let req = client.get(&url).header("accept-encoding", "br, gzip");
            let ok = match req.send().await {
                Ok(res) if res.status().is_success() => res.bytes().await.is_ok(),
                _ => false,
            };
            ok.then(|| due.elapsed())
        }));
    }
    let mut out = Vec::with_capacity(tasks.len());
    for t in tasks {
        out.push(t.await.unwrap_or(None));
    }
    out
}

#[tokio::main]
async fn main() {
    let Ok(url) = std::env::var("SOKONI_BENCH_URL") else {
        eprintln!("pages: set SOKONI_BENCH_URL (or run .ci/bench-pages); skipped");
        return;
    };
    let rate = env("SOKONI_BENCH_RATE", 50).max(1);
    let secs = env("SOKONI_BENCH_SECS", 20).max(1);
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(256)
        .timeout(Duration::from_secs(10))
        .build()
        .expect("client");

    load(&client, &url, rate, 3).await;
    let began = Instant::now();
    let results = load(&client, &url, rate, secs).await;
    let elapsed = began.elapsed().as_secs_f64();

    let failed = results.iter().filter(|r| r.is_none()).count();
    let mut ok: Vec<Duration> = results.iter().flatten().copied().collect();
    ok.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("GET {url}");
    println!(
        "{} requests at {rate}/s for {secs} s ({:.1}/s achieved), {failed} failed",
        results.len(),
        (results.len() - failed) as f64 / elapsed
    );
    if let Some(&max) = ok.last() {
        println!(
            "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
            ms(percentile(&ok, 50.0)),
            ms(percentile(&ok, 90.0)),
            ms(percentile(&ok, 99.0)),
            ms(max)
        );
    }
}

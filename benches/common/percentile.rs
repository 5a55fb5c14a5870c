//! The one percentile definition the benchmarks report (included by path in each bench).

use std::time::Duration;

/// The nearest-rank percentile `p` (0–100] of sorted samples: the smallest sample with at
/// least p % of the samples at or below it. Zero for no samples.
pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

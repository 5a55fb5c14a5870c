//! Distances on earthdistance's sphere in SQL, written with built-in functions only: its
//! `ll_to_earth` and `earth_distance` are SQL functions PostgreSQL does not inline, each call
//! running `earth()` and `cube()` again as function calls (~11 µs a listing for a distance,
//! ~25 µs for a radius test). The GiST index on `ll_to_earth(lat, lng)` still finds and orders
//! listings by place; these test and measure the listings it (or another index) yields.

use sqlx::{Postgres, QueryBuilder};

/// The earth's radius in earthdistance's model (`earth()`), in metres.
const EARTH_M: f64 = 6_378_168.0;

/// ` and <listing l lies within km of the point>`, the same test as `earth_distance(…) <= km`
/// (distance along the surface of earthdistance's sphere): on the unit sphere, the straight
/// line between the two points is at most the chord of that arc. It runs on every listing a
/// radius search passes (with earthdistance's functions, 25 ms of the 30 ms a radius's facets
/// took at 1M listings).
pub fn push_within(b: &mut QueryBuilder<'_, Postgres>, lat: f64, lng: f64, km: f64) {
    // Half the arc as an angle; beyond half the globe every point is within reach.
    let half = (km * 1000.0 / (2.0 * EARTH_M)).min(std::f64::consts::FRAC_PI_2);
    let chord = 2.0 * half.sin();
    b.push(" and ");
    push_chord_squared(b, lat, lng);
    b.push(" <= ").push_bind(chord * chord);
}

/// `<distance in km from the point to listing l>` as a card shows it: the arc over the chord
/// (`push_chord_squared`), equal to `earth_distance` but without its ~11 µs of function calls
/// per listing.
pub fn push_distance_km(b: &mut QueryBuilder<'_, Postgres>, lat: f64, lng: f64) {
    b.push(format!("({} * asin(least(1, sqrt(", 2.0 * EARTH_M / 1000.0));
    push_chord_squared(b, lat, lng);
    b.push(") / 2)))::float8");
}

/// The square of the straight line between listing l and the point on the unit sphere,
/// with built-in functions only.
fn push_chord_squared(b: &mut QueryBuilder<'_, Postgres>, lat: f64, lng: f64) {
    let (lat, lng) = (lat.to_radians(), lng.to_radians());
    b.push("(power(cos(radians(l.lat)) * cos(radians(l.lng)) - ")
        .push_bind(lat.cos() * lng.cos())
        .push(", 2) + power(cos(radians(l.lat)) * sin(radians(l.lng)) - ")
        .push_bind(lat.cos() * lng.sin())
        .push(", 2) + power(sin(radians(l.lat)) - ")
        .push_bind(lat.sin())
        .push(", 2))");
}

//! What search engines read: `robots.txt` and the sitemaps (an index, one file of pages and
//! shops, and the approved listings in files of at most 40,000 URLs; the protocol's cap is
//! 50,000).

use app::db::sitemap;
use app::state::AppState;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

const PER_FILE: i64 = 40_000;

fn xml(body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

fn base(state: &AppState) -> &str {
    state.settings.http.public_url.trim_end_matches('/')
}

fn failed(e: sqlx::Error) -> Response {
    tracing::error!(error = %e, "sitemap query failed");
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nAllow: /\nDisallow: /account\nDisallow: /seller\nDisallow: /admin\nDisallow: /api/\n\
         Disallow: /cart\nDisallow: /sell\n\nSitemap: {}/sitemap.xml\n",
        base(&state)
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}

pub async fn index(State(state): State<AppState>) -> Response {
    let count = match sitemap::approved_listings(&state.pool).await {
        Ok(n) => n,
        Err(e) => return failed(e),
    };
    let base = base(&state);
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    body.push_str(&format!(
        "<sitemap><loc>{base}/sitemaps/pages.xml</loc></sitemap>\n"
    ));
    for n in 0..(count + PER_FILE - 1) / PER_FILE {
        body.push_str(&format!(
            "<sitemap><loc>{base}/sitemaps/listings-{n}.xml</loc></sitemap>\n"
        ));
    }
    body.push_str("</sitemapindex>\n");
    xml(body)
}

fn urlset(base: &str, rows: impl IntoIterator<Item = (String, Option<String>)>) -> String {
    let mut body = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (path, lastmod) in rows {
        // Paths are built from slugs ([a-z0-9-]), so they need no XML escaping.
        body.push_str(&format!("<url><loc>{base}{path}</loc>"));
        if let Some(date) = lastmod {
            body.push_str(&format!("<lastmod>{date}</lastmod>"));
        }
        body.push_str("</url>\n");
    }
    body.push_str("</urlset>\n");
    body
}

/// `/sitemaps/pages.xml` or `/sitemaps/listings-<n>.xml`.
pub async fn part(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let base = base(&state).to_owned();
    if file == "pages.xml" {
        return match sitemap::pages(&state.pool).await {
            Ok(rows) => xml(urlset(&base, rows)),
            Err(e) => failed(e),
        };
    }
    let Some(n) = file
        .strip_prefix("listings-")
        .and_then(|f| f.strip_suffix(".xml"))
        .and_then(|n| n.parse::<i64>().ok())
        .filter(|n| (0..10_000).contains(n))
    else {
        return StatusCode::NOT_FOUND.into_response();
    };
    match sitemap::listings(&state.pool, n * PER_FILE, PER_FILE).await {
        Ok(rows) if rows.is_empty() && n > 0 => StatusCode::NOT_FOUND.into_response(),
        Ok(rows) => xml(urlset(&base, rows)),
        Err(e) => failed(e),
    }
}

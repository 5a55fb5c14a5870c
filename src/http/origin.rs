//! CSRF defence for state-changing requests: the browser's `Origin` (or, failing that,
//! `Referer`) must be our public origin or the host the request was sent to. SameSite=Lax
//! cookies are the first line; this check covers browsers and paths where Lax is not enough.

use app::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn require_same_origin(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    // Daraja's callbacks come from Safaricom's servers, with no browser Origin; they are
    // authenticated by the secret token in their path instead (see http::mpesa).
    let callback = req.uri().path().starts_with("/mpesa/");
    if callback
        || is_safe(req.method())
        || origin_allowed(req.headers(), &state.settings.http.public_url)
    {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-origin write refused");
        (
            StatusCode::FORBIDDEN,
            "Cross-origin request refused: the Origin header is missing or foreign.",
        )
            .into_response()
    }
}

fn is_safe(method: &Method) -> bool {
    matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// `scheme://host[:port]` of a URL, lower-cased.
fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    (!authority.is_empty()).then(|| {
        format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            authority.to_ascii_lowercase()
        )
    })
}

pub fn origin_allowed(headers: &HeaderMap, public_url: &str) -> bool {
    let get = |name| headers.get(name).and_then(|v| v.to_str().ok());
    let claimed = match get(header::ORIGIN) {
        Some("null") | None => get(header::REFERER).and_then(origin_of),
        Some(origin) => origin_of(origin),
    };
    let Some(claimed) = claimed else { return false };
    if origin_of(public_url).as_deref() == Some(claimed.as_str()) {
        return true;
    }
    // Same-origin with the Host this request was addressed to (e.g. localhost in development).
    let host = get(header::HOST).map(str::to_ascii_lowercase);
    host.is_some_and(|host| {
        claimed.split_once("://").map(|(_, authority)| authority) == Some(host.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(header::HeaderName, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(k.clone(), HeaderValue::from_static(v));
        }
        h
    }

    const PUBLIC: &str = "https://sokoni.co.ke";

    #[test]
    fn public_origin_passes() {
        assert!(origin_allowed(
            &headers(&[(header::ORIGIN, "https://sokoni.co.ke")]),
            PUBLIC
        ));
        assert!(origin_allowed(
            &headers(&[(header::ORIGIN, "https://SOKONI.co.ke")]),
            PUBLIC
        ));
    }

    #[test]
    fn same_host_passes() {
        let h = headers(&[
            (header::ORIGIN, "http://localhost:3000"),
            (header::HOST, "localhost:3000"),
        ]);
        assert!(origin_allowed(&h, PUBLIC));
    }

    #[test]
    fn foreign_or_missing_origin_fails() {
        assert!(!origin_allowed(
            &headers(&[(header::ORIGIN, "https://evil.example")]),
            PUBLIC
        ));
        assert!(!origin_allowed(
            &headers(&[(header::HOST, "sokoni.co.ke")]),
            PUBLIC
        ));
        assert!(!origin_allowed(
            &headers(&[(header::ORIGIN, "https://sokoni.co.ke.evil.example")]),
            PUBLIC
        ));
        let h = headers(&[
            (header::ORIGIN, "http://evil.example"),
            (header::HOST, "localhost:3000"),
        ]);
        assert!(!origin_allowed(&h, PUBLIC));
    }

    #[test]
    fn referer_is_the_fallback() {
        assert!(origin_allowed(
            &headers(&[(header::REFERER, "https://sokoni.co.ke/login?next=/")]),
            PUBLIC
        ));
        assert!(!origin_allowed(
            &headers(&[
                (header::ORIGIN, "null"),
                (header::REFERER, "https://evil.example/")
            ]),
            PUBLIC
        ));
    }
}

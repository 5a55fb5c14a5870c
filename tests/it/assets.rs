//! The site's bundles: named by content hash, served precompressed and cached for good.

use crate::common::{Client, settings};
use app::state::AppState;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use leptos::config::LeptosOptions;
use sqlx::PgPool;

/// A site root with one hashed bundle (and its brotli twin) and one unhashed static file.
fn site() -> std::path::PathBuf {
    let root = std::env::temp_dir().join(format!("sokoni-site-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(root.join("pkg")).expect("site dir");
    std::fs::write(root.join("pkg/sokoni.Zm9v.js"), "console.log('islands');").expect("js");
    std::fs::write(
        root.join("pkg/sokoni.Zm9v.js.br"),
        b"\x0b\x03\x80brotli\x03",
    )
    .expect("br");
    std::fs::write(root.join("robots-extra.txt"), "hello").expect("file");
    root
}

async fn get(client: &mut Client, path: &str, encoding: &str) -> crate::common::Reply {
    let req = Request::get(path)
        .header(header::ACCEPT_ENCODING, encoding)
        .body(Body::empty())
        .expect("request");
    client.send(req).await
}

#[sqlx::test(migrations = false)]
async fn hashed_bundles_are_immutable_and_precompressed(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrations");
    let root = site();
    let options = |hash_files| {
        LeptosOptions::builder()
            .output_name("sokoni")
            .site_root(root.to_string_lossy().into_owned())
            .hash_files(hash_files)
            .build()
    };
    let hashed = sokoni::http::router(AppState::new(pool.clone(), options(true), settings()));
    let mut client = Client::new(hashed);

    let bundle = get(&mut client, "/pkg/sokoni.Zm9v.js", "br, gzip").await;
    assert_eq!(bundle.status, StatusCode::OK);
    let header = |r: &crate::common::Reply, name| {
        r.headers
            .get(name)
            .map(|v| v.to_str().unwrap_or_default().to_owned())
    };
    assert_eq!(
        header(&bundle, header::CACHE_CONTROL).as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        header(&bundle, header::CONTENT_ENCODING).as_deref(),
        Some("br"),
        "the build's .br file is sent as it is"
    );
    let plain = get(&mut client, "/pkg/sokoni.Zm9v.js", "identity").await;
    assert_eq!(plain.body, "console.log('islands');");

    let other = get(&mut client, "/robots-extra.txt", "identity").await;
    assert_eq!(other.status, StatusCode::OK);
    assert_eq!(header(&other, header::CACHE_CONTROL), None);

    // Names that stay across releases must be asked for again.
    let unhashed = sokoni::http::router(AppState::new(pool, options(false), settings()));
    let reply = get(&mut Client::new(unhashed), "/pkg/sokoni.Zm9v.js", "br").await;
    assert_eq!(
        header(&reply, header::CACHE_CONTROL).as_deref(),
        Some("no-cache")
    );
    std::fs::remove_dir_all(root).ok();
}

/// A page keeps its own policy while files are served beside it. The framework's file handler
/// used to read response options from whatever reactive owner its thread had last seen: a
/// page being rendered there lost its nonce policy to a stylesheet or bundle served at the same
/// time, and the browser then refused the page's inline scripts (it never hydrated).
#[sqlx::test(migrations = false)]
async fn pages_keep_their_policy_while_files_are_served(pool: PgPool) {
    use tower::ServiceExt;
    sokoni::startup::migrate(&pool).await.expect("migrations");
    let root = site();
    let options = LeptosOptions::builder()
        .output_name("sokoni")
        .site_root(root.to_string_lossy().into_owned())
        .build();
    let router = sokoni::http::router(AppState::new(pool, options, settings()));
    let requests = (0..60).map(|i| {
        let router = router.clone();
        let path = if i % 2 == 0 {
            "/"
        } else {
            "/pkg/sokoni.Zm9v.js"
        };
        tokio::spawn(async move {
            let req = Request::get(path).body(Body::empty()).expect("request");
            let res = router.oneshot(req).await.expect("response");
            let policy = res
                .headers()
                .get(header::CONTENT_SECURITY_POLICY)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            // Read the body to the end, as a browser does, so renders overlap.
            axum::body::to_bytes(res.into_body(), usize::MAX)
                .await
                .expect("body");
            (path, policy)
        })
    });
    // A path that is no file and no page is the 404 page, whatever the method.
    for method in ["GET", "POST"] {
        let req = Request::builder()
            .method(method)
            .uri("/no-such-page")
            .header(header::ORIGIN, crate::common::ORIGIN)
            .body(Body::empty())
            .expect("request");
        let res = router.clone().oneshot(req).await.expect("response");
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{method}");
    }
    let tasks: Vec<_> = requests.collect();
    for task in tasks {
        let (path, policy) = task.await.expect("task");
        assert_eq!(
            policy.contains("'nonce-"),
            path == "/",
            "{path} got the policy {policy}"
        );
    }
    std::fs::remove_dir_all(root).ok();
}

//! Shared test helpers: an app on a fresh database, and a tiny browser-like client that keeps
//! the session cookie and sends the Origin header a browser would.

mod shopping;

pub use shopping::{address, buyer};

use app::error::AppError;
use app::settings::{
    AuthSettings, HttpSettings, I18nSettings, MediaSettings, MpesaSettings, Settings,
};
use app::state::AppState;
use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use sqlx::PgPool;
use tower::ServiceExt;

pub const ORIGIN: &str = "http://127.0.0.1:3000";
/// The plain password behind every account the tests create.
pub const PASSWORD: &str = "a-good-long-password";

/// Settings for tests: low throttle limits so throttling is reached in a few requests, and
/// the client address taken from X-Forwarded-For so tests can play several clients.
pub fn settings() -> Settings {
    Settings {
        http: HttpSettings {
            public_url: ORIGIN.into(),
            trust_forwarded_for: true,
        },
        auth: AuthSettings {
            max_failures_per_account: 3,
            max_failures_per_ip: 5,
            max_signups_per_ip: 30,
            session_idle_days: 30,
        },
        i18n: I18nSettings {
            default_locale: "en".into(),
        },
        checkout: Default::default(),
        mpesa: mpesa_settings("http://127.0.0.1:9", "http://127.0.0.1:9"),
        payouts: Default::default(),
        mail: app::settings::MailSettings {
            from: "Sokoni <orders@sokoni.test>".into(),
            smtp_url: None,
            dir: std::env::temp_dir()
                .join("sokoni-test-mailbox")
                .to_string_lossy()
                .into_owned(),
        },
        sms: app::settings::SmsSettings {
            base_url: "http://127.0.0.1:9".into(),
            username: "sandbox".into(),
            api_key: "test-api-key".into(),
            sender_id: "SOKONI".into(),
            simulator: false,
        },
        media: MediaSettings {
            dir: std::env::temp_dir()
                .join("sokoni-test-media")
                .to_string_lossy()
                .into_owned(),
        },
    }
}

pub async fn app(pool: PgPool) -> Router {
    sokoni::startup::migrate(&pool).await.expect("migrations");
    app_on(pool)
}

/// Another server instance over the same database (no migrations).
pub fn app_on(pool: PgPool) -> Router {
    sokoni::http::router(state_on(pool))
}

/// A server instance's state over `pool`, with the test settings.
pub fn state_on(pool: PgPool) -> AppState {
    let leptos_options = LeptosOptions::builder()
        .output_name("sokoni")
        .site_root("target/site")
        .build();
    AppState::new(pool, leptos_options, settings())
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
    pub bytes: axum::body::Bytes,
}

impl Reply {
    /// A server function's error, decoded as the browser decodes it.
    pub fn error(&self) -> AppError {
        self.postcard()
    }

    /// The answer of a server function that islands call (`wire::IslandCodec`), or an error.
    pub fn postcard<T: serde::de::DeserializeOwned>(&self) -> T {
        use server_fn::Decodes;
        <server_fn::codec::PostcardEncoding as Decodes<T>>::decode(self.bytes.clone())
            .unwrap_or_else(|e| panic!("not postcard ({e}): {}", self.body))
    }

    pub fn json<T: serde::de::DeserializeOwned>(&self) -> T {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("unexpected body ({e}): {}", self.body))
    }
}

/// A client with a cookie jar of one cookie: the session.
#[derive(Clone)]
pub struct Client {
    pub app: Router,
    pub cookie: Option<String>,
    pub ip: String,
}

impl Client {
    pub fn new(app: Router) -> Self {
        Self {
            app,
            cookie: None,
            ip: "198.51.100.7".into(),
        }
    }

    pub async fn send(&mut self, req: Request<Body>) -> Reply {
        let res = self.app.clone().oneshot(req).await.expect("infallible");
        let status = res.status();
        let headers = res.headers().clone();
        for set in headers.get_all(header::SET_COOKIE) {
            let set = set.to_str().unwrap_or_default();
            if let Some(pair) = set
                .split(';')
                .next()
                .filter(|p| p.starts_with("sokoni.sid="))
            {
                let expired = set.contains("Max-Age=0") || pair == "sokoni.sid=";
                self.cookie = (!expired).then(|| pair.to_owned());
            }
        }
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
            bytes,
        }
    }

    fn with_cookie(&self, mut req: axum::http::request::Builder) -> axum::http::request::Builder {
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, c);
        }
        req.header("x-forwarded-for", &self.ip)
    }

    /// Calls a server function the way the hydrated app does (fetch, form-encoded body).
    pub async fn call(&mut self, endpoint: &str, form: &[(&str, &str)]) -> Reply {
        self.call_from(Some(ORIGIN), endpoint, form).await
    }

    pub async fn call_from(
        &mut self,
        origin: Option<&str>,
        endpoint: &str,
        form: &[(&str, &str)],
    ) -> Reply {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(form)
            .finish();
        let mut req = self
            .with_cookie(Request::post(format!("/api/{endpoint}")))
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json");
        if let Some(origin) = origin {
            req = req.header(header::ORIGIN, origin);
        }
        self.send(req.body(Body::from(body)).expect("request"))
            .await
    }

    pub async fn get(&mut self, path: &str) -> Reply {
        let req = self
            .with_cookie(Request::get(path))
            .header(header::ACCEPT, "text/html");
        self.send(req.body(Body::empty()).expect("request")).await
    }

    pub async fn register(&mut self, email: &str, name: &str) -> Reply {
        self.call(
            "register",
            &[("email", email), ("name", name), ("password", PASSWORD)],
        )
        .await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Reply {
        self.call("login", &[("email", email), ("password", password)])
            .await
    }

    /// The logged-in user's email, if any.
    pub async fn whoami(&mut self) -> Option<String> {
        let reply = self.call("current_user", &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        reply
            .json::<Option<serde_json::Value>>()
            .map(|u| u["email"].as_str().unwrap_or_default().to_owned())
    }
}

pub async fn user_count(pool: &PgPool) -> i64 {
    sqlx::query_scalar("select count(*) from users")
        .fetch_one(pool)
        .await
        .expect("count")
}

/// The two-step secret `make_admin` enrols admins with (RFC 6238's test secret).
pub const ADMIN_TOTP_SECRET: &[u8] = b"12345678901234567890";

/// Makes the account an admin who logs in with two steps (the console needs both).
pub async fn make_admin(pool: &PgPool, email: &str) {
    sqlx::query("update users set role = 'admin' where email = $1")
        .bind(email)
        .execute(pool)
        .await
        .expect("promote");
    two_step(pool, email).await;
}

/// Marks the account's address confirmed, as its mailed link would.
pub async fn confirm_email(pool: &PgPool, email: &str) {
    sqlx::query("update users set email_verified_at = now() where email = $1")
        .bind(email)
        .execute(pool)
        .await
        .expect("confirm email");
}

/// Turns two-step login on for the account, with `ADMIN_TOTP_SECRET`, as enrolling would.
pub async fn two_step(pool: &PgPool, email: &str) {
    sqlx::query("update users set totp_secret = $2, totp_enabled_at = now() where email = $1")
        .bind(email)
        .bind(ADMIN_TOTP_SECRET)
        .execute(pool)
        .await
        .expect("two-step login");
}

impl Client {
    /// Posts a `multipart/form-data` form the way a browser does for `<input type=file>`.
    pub async fn upload(
        &mut self,
        path: &str,
        fields: &[(&str, &str)],
        files: &[(&str, &[u8])],
    ) -> Reply {
        const BOUNDARY: &str = "sokoni-test-boundary-7MA4YWxkTrZu0gW";
        let mut body: Vec<u8> = Vec::new();
        for (name, value) in fields {
            body.extend_from_slice(
                format!("--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n").as_bytes(),
            );
        }
        for (file_name, bytes) in files {
            body.extend_from_slice(
                format!(
                    "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
                     Content-Type: application/octet-stream\r\n\r\n"
                )
                .as_bytes(),
            );
            body.extend_from_slice(bytes);
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{BOUNDARY}--\r\n").as_bytes());
        let req = self
            .with_cookie(Request::post(path))
            .header(
                header::CONTENT_TYPE,
                format!("multipart/form-data; boundary={BOUNDARY}"),
            )
            .header(header::ACCEPT, "text/html")
            .header(header::ORIGIN, ORIGIN);
        self.send(req.body(Body::from(body)).expect("request"))
            .await
    }

    /// Where an upload form's refusal sent the browser: asserts it carries `why`.
    pub fn refused_with(location: &str, why: app::domain::Invalid) {
        let code = serde_json::to_string(&why).expect("code");
        let sent: String = form_urlencoded::byte_serialize(code.as_bytes()).collect();
        assert!(
            location.contains(&format!("upload_error={sent}")),
            "{location}"
        );
    }

    pub fn location(reply: &Reply) -> String {
        reply
            .headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }
}

/// A small PNG, made in memory.
pub fn png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 250) as u8, (y % 250) as u8, 120])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png)
        .expect("encode png");
    out.into_inner()
}

/// A verified shop on `tier`, made directly in the database.
pub async fn shop(pool: &PgPool, slug: &str, tier: &str) -> uuid::Uuid {
    let v = uuid::Uuid::new_v4();
    sqlx::query(
        "insert into vendors (id, business_name, slug, phone, business_type, county, town, lat, lng, verification_status, tier)
         values ($1, $2, $3, '+254712345678', 'individual', 'Nairobi', 'CBD', -1.28, 36.82, 'verified', $4)",
    )
    .bind(v)
    .bind(format!("Shop {slug}"))
    .bind(slug)
    .bind(tier)
    .execute(pool)
    .await
    .expect("vendor");
    v
}

/// An approved listing of `vendor` with one variant at `price` with `stock`.
pub async fn variant(
    pool: &PgPool,
    vendor: uuid::Uuid,
    title: &str,
    price: &str,
    stock: i32,
) -> uuid::Uuid {
    let category: uuid::Uuid = match sqlx::query_scalar("select id from categories limit 1")
        .fetch_optional(pool)
        .await
        .expect("category")
    {
        Some(c) => c,
        None => {
            let c = uuid::Uuid::new_v4();
            sqlx::query("insert into categories (id, slug, name_en, name_sw) values ($1, 'misc', 'Misc', 'Mbalimbali')")
                .bind(c)
                .execute(pool)
                .await
                .expect("category");
            c
        }
    };
    let listing = uuid::Uuid::new_v4();
    sqlx::query(
        "insert into listings (id, vendor_id, category_id, title, slug, price, status, county, town, lat, lng)
         values ($1, $2, $3, $4, $5, $6, 'approved', 'Nairobi', 'CBD', -1.28, 36.82)",
    )
    .bind(listing)
    .bind(vendor)
    .bind(category)
    .bind(title)
    .bind(format!("item-{}", listing.simple()))
    .bind(rust_decimal::Decimal::from_str_exact(price).expect("price"))
    .execute(pool)
    .await
    .expect("listing");
    let id = uuid::Uuid::new_v4();
    sqlx::query("insert into listing_variants (id, listing_id, vendor_id, sku, stock) values ($1, $2, $3, $4, $5)")
        .bind(id)
        .bind(listing)
        .bind(vendor)
        .bind(format!("SKU-{}", &id.simple().to_string()[..8]))
        .bind(stock)
        .execute(pool)
        .await
        .expect("variant");
    id
}

/// Daraja settings pointing at `base_url` (a simulator), with callbacks to `callback_base`.
pub fn mpesa_settings(base_url: &str, callback_base: &str) -> MpesaSettings {
    MpesaSettings {
        base_url: base_url.into(),
        consumer_key: "test-key".into(),
        consumer_secret: "test-secret".into(),
        shortcode: "174379".into(),
        passkey: "test-passkey".into(),
        transaction_type: "CustomerPayBillOnline".into(),
        callback_base_url: callback_base.into(),
        callback_token: "test-callback-token-0123456789abcdef".into(),
        initiator_name: "sokoni".into(),
        security_credential: "test-credential".into(),
        simulator: false,
        timeout_secs: 5,
    }
}

/// The app listening on a real loopback port, with a Daraja simulator on another, so the
/// simulator's callbacks travel over HTTP like Safaricom's, and an SMS simulator on a third.
pub struct Live {
    pub state: AppState,
    pub router: Router,
    pub sim: sokoni::simulator::Simulator,
    pub sms: sokoni::sms_simulator::SmsSimulator,
}

pub async fn live(pool: PgPool) -> Live {
    use std::time::Duration;
    sokoni::startup::migrate(&pool).await.expect("migrations");
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!("http://{}", listener.local_addr().expect("addr"));
    let mut settings = settings();
    let mut sim_config = sokoni::simulator::SimConfig::for_settings(&mpesa_settings("", ""));
    sim_config.callback_delay = Duration::from_millis(200);
    sim_config.late_delay = Duration::from_millis(1500);
    let sim = sokoni::simulator::Simulator::new(sim_config);
    let sim_addr = sim
        .clone()
        .spawn("127.0.0.1:0".parse().expect("addr"))
        .await
        .expect("simulator");
    settings.mpesa = mpesa_settings(&format!("http://{sim_addr}"), &url);
    let sms = sokoni::sms_simulator::SmsSimulator::new(&settings.sms);
    let sms_addr = sms
        .clone()
        .spawn("127.0.0.1:0".parse().expect("addr"))
        .await
        .expect("SMS simulator");
    settings.sms.base_url = format!("http://{sms_addr}");
    let leptos_options = LeptosOptions::builder()
        .output_name("sokoni")
        .site_root("target/site")
        .build();
    let state = AppState::new(pool, leptos_options, settings);
    let router = sokoni::http::router(state.clone());
    let serving = router.clone();
    tokio::spawn(async move {
        axum::serve(
            listener,
            serving.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .expect("serve");
    });
    Live {
        state,
        router,
        sim,
        sms,
    }
}

/// Waits (up to 10 s) until `query` returns `want`.
pub async fn eventually(pool: &PgPool, query: &str, want: &str) {
    let mut last = String::new();
    for _ in 0..100 {
        last = sqlx::query_scalar::<_, String>(query)
            .fetch_one(pool)
            .await
            .unwrap_or_default();
        if last == want {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{query} stayed {last:?}, wanted {want:?}");
}

/// A logged-in member of `vendor`'s staff with `role`.
pub async fn staff(
    router: axum::Router,
    pool: &PgPool,
    vendor: uuid::Uuid,
    email: &str,
    role: &str,
) -> Client {
    let mut c = Client::new(router);
    c.register(email, "Staff").await;
    sqlx::query(
        "with u as (update users set role = 'vendor_staff' where email = $1 returning id)
         insert into vendor_staff (vendor_id, user_id, role) select $2, id, $3 from u",
    )
    .bind(email)
    .bind(vendor)
    .bind(role)
    .execute(pool)
    .await
    .expect("staff");
    // An owner applied with a confirmed address (and staff are reached by email too).
    confirm_email(pool, email).await;
    c
}

/// One value from a query (tests read the database directly to check what a step did).
pub async fn scalar<T>(pool: &PgPool, sql: &str) -> T
where
    T: for<'r> sqlx::Decode<'r, sqlx::Postgres> + sqlx::Type<sqlx::Postgres> + Send + Unpin,
{
    sqlx::query_scalar(sql).fetch_one(pool).await.expect(sql)
}

/// A registered shopper with these (variant, quantity) lines in their cart; each add must
/// succeed.
pub async fn shopper(router: Router, email: &str, lines: &[(uuid::Uuid, &str)]) -> Client {
    let mut c = Client::new(router);
    c.register(email, "Mnunuzi").await;
    for (v, q) in lines {
        let r = c
            .call(
                "add_to_cart",
                &[("variant_id", &v.to_string()), ("quantity", q)],
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    c
}

/// The checkout key the checkout page hands out.
pub async fn checkout_key(c: &mut Client) -> String {
    c.call("checkout_form", &[])
        .await
        .json::<serde_json::Value>()["key"]
        .as_str()
        .expect("key")
        .to_owned()
}

/// The checkout form as the page posts it: `key`, an address in Nairobi, phone 0712345678,
/// cash on delivery; `fields` replace or add to these.
pub fn checkout_form(key: &str, fields: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut form: Vec<(String, String)> = [
        ("checkout_key", key),
        ("county", "Nairobi"),
        ("town", "Westlands"),
        ("street", "Waiyaki Way 12"),
        ("phone", "0712345678"),
        ("payment", "cod"),
    ]
    .iter()
    .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
    .collect();
    for (k, v) in fields {
        match form.iter_mut().find(|(name, _)| name == k) {
            Some(field) => field.1 = (*v).to_owned(),
            None => form.push(((*k).to_owned(), (*v).to_owned())),
        }
    }
    form
}

/// Posts the checkout form (see `checkout_form`) for `c`'s cart: the key used and the reply.
pub async fn place_order(c: &mut Client, fields: &[(&str, &str)]) -> (String, Reply) {
    let key = checkout_key(c).await;
    let form = checkout_form(&key, fields);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let reply = c.call("place_order", &pairs).await;
    (key, reply)
}

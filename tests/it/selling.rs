//! Selling, end to end over HTTP against a fresh database: applying, KYC uploads, review,
//! listings with variants and photos, moderation, what shoppers see, CSV import/export, staff
//! roles, and tenant isolation (every seller function tried with another shop's ids).

use crate::common::{Client, app, make_admin, png};
use app::domain::Invalid;
use app::error::AppError;
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

struct Market {
    pool: PgPool,
    admin: Client,
    category: Uuid,
}

async fn market(pool: PgPool) -> Market {
    let router = app(pool.clone()).await;
    let mut admin = Client::new(router);
    admin.register("admin@example.com", "Admin").await;
    make_admin(&pool, "admin@example.com").await;
    let category = Uuid::new_v4();
    sqlx::query("insert into categories (id, slug, name_en, name_sw) values ($1, 'phones', 'Phones', 'Simu')")
        .bind(category)
        .execute(&pool)
        .await
        .expect("category");
    Market {
        pool,
        admin,
        category,
    }
}

fn application<'a>(name: &'a str, slug: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("business_name", name),
        ("slug", slug),
        ("phone", "0712 345 678"),
        ("business_type", "sole_proprietor"),
        ("description", "Phones and accessories."),
        ("county", "Nairobi"),
        ("town", "Westlands"),
        ("lat", "-1.2676"),
        ("lng", "36.8108"),
    ]
}

impl Market {
    fn client(&self) -> Client {
        Client::new(self.admin.app.clone())
    }

    async fn vendor_id(&self, slug: &str) -> Uuid {
        sqlx::query_scalar("select id from vendors where slug = $1")
            .bind(slug)
            .fetch_one(&self.pool)
            .await
            .expect("vendor")
    }

    /// Registers, applies, uploads an ID and gets verified: a shop ready to list.
    async fn verified_shop(&mut self, email: &str, slug: &str) -> Client {
        let mut seller = self.client();
        seller.register(email, "Seller").await;
        crate::common::confirm_email(&self.pool, email).await;
        let reply = seller.call("save_shop", &application("Duka", slug)).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        let up = seller
            .upload(
                "/sell/documents",
                &[("kind", "national_id")],
                &[("id.pdf", b"%PDF-1.7 id card")],
            )
            .await;
        assert_eq!(Client::location(&up), "/sell?saved=document");
        let id = self.vendor_id(slug).await.to_string();
        let reply = self
            .admin
            .call("review_shop", &[("vendor_id", &id), ("decision", "verify")])
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        seller
    }

    fn listing_form<'a>(
        &self,
        category: &'a str,
        title: &'a str,
        sku: &'a str,
    ) -> Vec<(&'a str, &'a str)> {
        vec![
            ("title", title),
            ("description", "128 GB, dual SIM. **Original** box."),
            ("category_id", category),
            ("tags", "phones, samsung"),
            ("price", "18999"),
            ("currency", "KES"),
            ("county", "Nairobi"),
            ("town", "Westlands"),
            ("sku", sku),
            ("options", "Colour: Black"),
            ("stock", "7"),
        ]
    }

    async fn create_listing(&self, seller: &mut Client, title: &str, sku: &str) -> Uuid {
        let category = self.category.to_string();
        let reply = seller
            .call("save_listing", &self.listing_form(&category, title, sku))
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
        sqlx::query_scalar("select listing_id from listing_variants where sku = $1 order by created_at desc limit 1")
            .bind(sku)
            .fetch_one(&self.pool)
            .await
            .expect("listing")
    }

    async fn status(&self, listing: Uuid) -> String {
        sqlx::query_scalar("select status from listings where id = $1")
            .bind(listing)
            .fetch_one(&self.pool)
            .await
            .expect("status")
    }

    async fn approve(&mut self, listing: Uuid) {
        let id = listing.to_string();
        let reply = self
            .admin
            .call(
                "review_listing",
                &[("listing_id", &id), ("decision", "approve")],
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.body);
    }
}

#[sqlx::test(migrations = false)]
async fn applying_needs_valid_fields_and_a_free_address(pool: PgPool) {
    let m = market(pool.clone()).await;
    let mut seller = m.client();
    seller.register("seller@example.com", "Seller").await;
    crate::common::confirm_email(&pool, "seller@example.com").await;
    let mut bad = application("Duka", "Duka La Simu");
    let reply = seller.call("save_shop", &bad).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        reply.error(),
        AppError::invalid("slug", Invalid::SlugFormat)
    );
    bad = application("Duka", "duka-la-simu");
    bad[2] = ("phone", "12345");
    assert_eq!(
        seller.call("save_shop", &bad).await.error().field(),
        Some("phone")
    );
    let count: i64 = sqlx::query_scalar("select count(*) from vendors")
        .fetch_one(&pool)
        .await
        .expect("count");
    assert_eq!(count, 0, "refused applications write nothing");

    assert_eq!(
        seller
            .call("save_shop", &application("Duka", "duka-la-simu"))
            .await
            .status,
        StatusCode::OK
    );
    let mine = seller
        .call("my_shop", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(mine["shop"]["verification_status"], "pending");
    assert_eq!(mine["shop"]["phone"], "+254712345678");

    let mut other = m.client();
    other.register("other@example.com", "Other").await;
    crate::common::confirm_email(&pool, "other@example.com").await;
    let taken = other
        .call("save_shop", &application("Another", "duka-la-simu"))
        .await;
    assert_eq!(taken.error(), AppError::invalid("slug", Invalid::SlugTaken));
    // Still a customer: the seller dashboard opens only after verification.
    assert_eq!(seller.get("/seller").await.status, StatusCode::FORBIDDEN);
}

#[sqlx::test(migrations = false)]
async fn admins_review_applications_with_their_documents(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut seller = m.client();
    seller.register("seller@example.com", "Seller").await;
    crate::common::confirm_email(&pool, "seller@example.com").await;
    seller.call("save_shop", &application("Duka", "duka")).await;
    let id = m.vendor_id("duka").await.to_string();

    // Nothing to verify without documents.
    let early = m
        .admin
        .call("review_shop", &[("vendor_id", &id), ("decision", "verify")])
        .await;
    assert_eq!(early.status, StatusCode::BAD_REQUEST);

    // Documents are checked by content.
    let exe = seller
        .upload(
            "/sell/documents",
            &[("kind", "national_id")],
            &[("id.pdf", b"MZ\x90\x00binary")],
        )
        .await;
    assert!(
        Client::location(&exe).contains("upload_error="),
        "{}",
        Client::location(&exe)
    );
    seller
        .upload(
            "/sell/documents",
            &[("kind", "business_permit")],
            &[("permit.png", &png(20, 20))],
        )
        .await;

    let queue = m
        .admin
        .call("shop_applications", &[])
        .await
        .json::<serde_json::Value>();
    let docs = &queue[0][1];
    assert_eq!(docs.as_array().map(Vec::len), Some(1));
    let doc_id = docs[0]["id"].as_str().expect("doc id").to_owned();
    let doc = m.admin.get(&format!("/admin/documents/{doc_id}")).await;
    assert_eq!(doc.status, StatusCode::OK);
    assert_eq!(doc.headers["content-type"], "image/png");
    assert_eq!(
        doc.headers["content-disposition"],
        format!("attachment; filename=\"kyc-{doc_id}.png\""),
        "a download, never opened as a page of ours"
    );
    // Documents are private: not the applicant's to fetch back, nor anyone else's.
    assert_eq!(
        seller
            .get(&format!("/admin/documents/{doc_id}"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        seller.call("shop_applications", &[]).await.status,
        StatusCode::FORBIDDEN
    );

    let reject = m
        .admin
        .call(
            "review_shop",
            &[
                ("vendor_id", &id),
                ("decision", "reject"),
                ("reason", "The permit is blurred"),
            ],
        )
        .await;
    assert_eq!(reject.status, StatusCode::OK);
    let mine = seller
        .call("my_shop", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(mine["shop"]["verification_status"], "rejected");
    assert_eq!(mine["shop"]["rejection_reason"], "The permit is blurred");

    // Saving the details again puts it back in the queue; then it is verified.
    seller.call("save_shop", &application("Duka", "duka")).await;
    let mine = seller
        .call("my_shop", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(mine["shop"]["verification_status"], "pending");
    m.admin
        .call("review_shop", &[("vendor_id", &id), ("decision", "verify")])
        .await;
    assert_eq!(seller.get("/seller").await.status, StatusCode::OK);
    assert_eq!(seller.get("/store/duka").await.status, StatusCode::OK);
}

#[sqlx::test(migrations = false)]
async fn a_listing_goes_through_moderation_before_shoppers_see_it(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut seller = m.verified_shop("seller@example.com", "simu-bora").await;
    let listing = m
        .create_listing(&mut seller, "Samsung Galaxy A15", "SGA15-BLK")
        .await;
    assert_eq!(m.status(listing).await, "pending");
    let slug: String = sqlx::query_scalar("select slug from listings where id = $1")
        .bind(listing)
        .fetch_one(&pool)
        .await
        .expect("slug");
    assert!(slug.starts_with("samsung-galaxy-a15-"), "{slug}");

    let mut shopper = m.client();
    assert_eq!(
        shopper.get(&format!("/p/{slug}")).await.status,
        StatusCode::NOT_FOUND
    );

    // A second variant and a photo.
    let id = listing.to_string();
    let v = seller
        .call(
            "save_variant",
            &[
                ("listing_id", &id),
                ("sku", "sga15-blu"),
                ("options", "Colour: Blue"),
                ("price", "19499"),
                ("stock", "3"),
            ],
        )
        .await;
    assert_eq!(v.status, StatusCode::OK, "{}", v.body);
    let dup = seller
        .call(
            "save_variant",
            &[("listing_id", &id), ("sku", "SGA15-BLU"), ("stock", "1")],
        )
        .await;
    assert_eq!(dup.error(), AppError::invalid("sku", Invalid::SkuTaken));
    let up = seller
        .upload(
            &format!("/seller/listings/{id}/photos"),
            &[],
            &[("a.png", &png(900, 600))],
        )
        .await;
    assert_eq!(
        Client::location(&up),
        format!("/seller/listings/{id}?saved=photos")
    );
    let svg = seller
        .upload(
            &format!("/seller/listings/{id}/photos"),
            &[],
            &[("x.png", b"<svg onload=alert(1)>")],
        )
        .await;
    assert!(Client::location(&svg).contains("upload_error"));
    // All or nothing: two good photos and a bad third add none of them.
    let (good1, good2) = (png(700, 500), png(500, 700));
    let mixed = seller
        .upload(
            &format!("/seller/listings/{id}/photos"),
            &[],
            &[
                ("b.png", &good1),
                ("c.png", &good2),
                ("d.png", b"<svg onload=alert(1)>"),
            ],
        )
        .await;
    assert!(Client::location(&mixed).contains("upload_error"));
    let photos: i64 =
        sqlx::query_scalar("select count(*) from listing_photos where listing_id = $1")
            .bind(listing)
            .fetch_one(&pool)
            .await
            .expect("count");
    assert_eq!(photos, 1, "only the first upload's photo");

    let queue = m
        .admin
        .call("pending_listings", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(queue[0]["variants"], 2);
    m.approve(listing).await;
    assert_eq!(m.status(listing).await, "approved");

    let page = shopper.get(&format!("/p/{slug}")).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("application/ld+json") && page.body.contains("\"@type\":\"Product\"")
    );
    assert!(page.body.contains("rel=\"canonical\""));
    assert!(
        page.body
            .contains(&format!("href=\"http://127.0.0.1:3000/p/{slug}\""))
    );
    assert!(
        page.body.contains("<strong>Original</strong>"),
        "markdown renders"
    );
    assert!(
        page.body.contains("KSh 19,499.00"),
        "the variant's own price is shown"
    );

    // The photo is served from its content address, cacheable forever.
    let key: String =
        sqlx::query_scalar("select media_key from listing_photos where listing_id = $1")
            .bind(listing)
            .fetch_one(&pool)
            .await
            .expect("photo");
    let photo = shopper.get(&format!("/media/{key}-thumb.jpg")).await;
    assert_eq!(photo.status, StatusCode::OK);
    assert!(
        photo.headers["cache-control"]
            .to_str()
            .unwrap_or_default()
            .contains("immutable")
    );
    assert_eq!(
        shopper.get("/media/../../etc/passwd").await.status,
        StatusCode::NOT_FOUND
    );

    // A misspelt search finds it (the approval added its words to the vocabulary).
    let found = shopper
        .call("search_listings", &[("raw[q]", "samsng galxy")])
        .await;
    assert_eq!(found.status, StatusCode::OK, "{}", found.body);
    let hits = found.json::<serde_json::Value>();
    assert_eq!(hits["hits"][0]["id"], id);

    // Price is not a material change; the title is.
    let category = m.category.to_string();
    let mut form = m.listing_form(&category, "Samsung Galaxy A15", "unused");
    form.push(("id", &id));
    form[4] = ("price", "17999");
    seller.call("save_listing", &form).await;
    assert_eq!(m.status(listing).await, "approved");
    form[0] = ("title", "Samsung Galaxy A15 128GB");
    seller.call("save_listing", &form).await;
    assert_eq!(m.status(listing).await, "pending");

    let reject = m
        .admin
        .call(
            "review_listing",
            &[
                ("listing_id", &id),
                ("decision", "reject"),
                ("reason", "Add a photo of the box"),
            ],
        )
        .await;
    assert_eq!(reject.status, StatusCode::OK);
    let edit = seller
        .call("listing_for_edit", &[("id", &id)])
        .await
        .json::<serde_json::Value>();
    assert_eq!(edit["status"], "rejected");
    assert_eq!(edit["rejection_reason"], "Add a photo of the box");
}

#[sqlx::test(migrations = false)]
async fn product_views_are_counted_in_batches(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut seller = m.verified_shop("seller@example.com", "simu").await;
    let listing = m
        .create_listing(&mut seller, "Tecno Spark 20", "SPARK20")
        .await;
    m.approve(listing).await;
    let slug: String = sqlx::query_scalar("select slug from listings where id = $1")
        .bind(listing)
        .fetch_one(&pool)
        .await
        .expect("slug");
    let state = app::state::AppState::new(
        pool.clone(),
        leptos::config::LeptosOptions::builder()
            .output_name("sokoni")
            .build(),
        crate::common::settings(),
    );
    let router = sokoni::http::router(state.clone());
    let mut shopper = Client::new(router);
    for _ in 0..3 {
        assert_eq!(
            shopper.get(&format!("/p/{slug}")).await.status,
            StatusCode::OK
        );
    }
    let before: i64 = sqlx::query_scalar("select view_count from listings where id = $1")
        .bind(listing)
        .fetch_one(&pool)
        .await
        .expect("views");
    assert_eq!(before, 0, "no write per view");
    assert_eq!(state.views.flush(&pool).await.expect("flush"), 1);
    let after: i64 = sqlx::query_scalar("select view_count from listings where id = $1")
        .bind(listing)
        .fetch_one(&pool)
        .await
        .expect("views");
    assert_eq!(after, 3);
}

#[sqlx::test(migrations = false)]
async fn the_tier_limits_active_listings(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut seller = m.verified_shop("seller@example.com", "simu").await;
    let admin_limit = m
        .admin
        .call(
            "update_tier",
            &[
                ("code", "aspirant"),
                ("listing_limit", "1"),
                ("commission_percent", "8"),
            ],
        )
        .await;
    assert_eq!(admin_limit.status, StatusCode::OK, "{}", admin_limit.body);
    assert_eq!(
        seller
            .call(
                "update_tier",
                &[
                    ("code", "aspirant"),
                    ("listing_limit", "500"),
                    ("commission_percent", "0")
                ]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let first = m
        .create_listing(&mut seller, "Tecno Spark 20", "SPARK20")
        .await;
    let category = m.category.to_string();
    let second = seller
        .call(
            "save_listing",
            &m.listing_form(&category, "Tecno Camon 30", "CAMON30"),
        )
        .await;
    assert_eq!(
        second.error(),
        AppError::invalid("title", Invalid::LimitReached { max: 1 })
    );
    let id = first.to_string();
    let dup = seller
        .call("listing_action", &[("id", &id), ("action", "duplicate")])
        .await;
    assert_eq!(dup.status, StatusCode::BAD_REQUEST);
    // Archiving frees the place.
    seller
        .call("listing_action", &[("id", &id), ("action", "archive")])
        .await;
    assert_eq!(
        seller
            .call(
                "save_listing",
                &m.listing_form(&category, "Tecno Camon 30", "CAMON30")
            )
            .await
            .status,
        StatusCode::OK
    );
}

#[sqlx::test(migrations = false)]
async fn one_shop_cannot_touch_another_shops_listings(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut a = m.verified_shop("a@example.com", "shop-a").await;
    let mut b = m.verified_shop("b@example.com", "shop-b").await;
    let listing = m.create_listing(&mut a, "Infinix Hot 40", "HOT40").await;
    m.approve(listing).await;
    let id = listing.to_string();
    let variant: Uuid = sqlx::query_scalar("select id from listing_variants where listing_id = $1")
        .bind(listing)
        .fetch_one(&pool)
        .await
        .expect("variant");
    let vid = variant.to_string();
    a.upload(
        &format!("/seller/listings/{id}/photos"),
        &[],
        &[("a.png", &png(40, 40))],
    )
    .await;
    m.approve(listing).await;
    let key: String =
        sqlx::query_scalar("select media_key from listing_photos where listing_id = $1")
            .bind(listing)
            .fetch_one(&pool)
            .await
            .expect("photo");
    let category = m.category.to_string();
    let mut edit = m.listing_form(&category, "Hijacked", "X");
    edit.push(("id", &id));

    let attempts: Vec<(&str, Vec<(&str, &str)>)> = vec![
        ("listing_for_edit", vec![("id", &id)]),
        ("save_listing", edit),
        ("listing_action", vec![("id", &id), ("action", "archive")]),
        ("listing_action", vec![("id", &id), ("action", "duplicate")]),
        (
            "save_variant",
            vec![
                ("listing_id", &id),
                ("variant_id", &vid),
                ("sku", "MINE"),
                ("stock", "0"),
            ],
        ),
        (
            "save_variant",
            vec![("listing_id", &id), ("sku", "NEW"), ("stock", "1")],
        ),
        (
            "delete_variant",
            vec![("listing_id", &id), ("variant_id", &vid)],
        ),
        ("remove_photo", vec![("listing_id", &id), ("key", &key)]),
    ];
    for (endpoint, form) in attempts {
        let reply = b.call(endpoint, &form).await;
        assert_eq!(
            reply.status,
            StatusCode::NOT_FOUND,
            "{endpoint}: {}",
            reply.body
        );
    }
    let upload = b
        .upload(
            &format!("/seller/listings/{id}/photos"),
            &[],
            &[("b.png", &png(30, 30))],
        )
        .await;
    assert_eq!(upload.status, StatusCode::NOT_FOUND);

    // An import with A's SKU creates B's own listing; A's stays as it was.
    let csv = "sku,title,category,price,stock\nHOT40,Hijacked title,phones,1,0\n";
    b.upload("/seller/import", &[], &[("x.csv", csv.as_bytes())])
        .await;
    let (title, status, stock, photos): (String, String, i32, i64) = sqlx::query_as(
        "select title, status, stock, (select count(*) from listing_photos where listing_id = l.id) from listings l where id = $1",
    )
    .bind(listing)
    .fetch_one(&pool)
    .await
    .expect("listing");
    assert_eq!(
        (title.as_str(), status.as_str(), stock, photos),
        ("Infinix Hot 40", "approved", 7, 1)
    );
    let b_owns: i64 = sqlx::query_scalar("select count(*) from listing_variants v join vendors s on s.id = v.vendor_id where s.slug = 'shop-b' and v.sku = 'HOT40'")
        .fetch_one(&pool)
        .await
        .expect("b's listing");
    assert_eq!(b_owns, 1);
    let export = b.get("/seller/listings.csv").await;
    assert!(
        !export.body.contains("Infinix"),
        "B's export holds only B's listings"
    );
}

#[sqlx::test(migrations = false)]
async fn csv_import_reports_row_errors_and_applies_nothing_unless_asked(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut seller = m.verified_shop("seller@example.com", "simu").await;
    let csv = "\u{feff}sku,title,category,price,stock,tags\n\
               NOKIA-105,Nokia 105,phones,2499,12,\"feature phone, nokia\"\n\
               BAD ROW,Itel A70,phones,abc,3,\n\
               ITEL-A70,Itel A70,cars,9999,3,\n";
    let reply = seller
        .upload("/seller/import", &[], &[("listings.csv", csv.as_bytes())])
        .await;
    assert_eq!(Client::location(&reply), "/seller/import?report=1");
    let report = seller
        .call("last_import_report", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(report["applied"], false);
    assert_eq!(report["errors"][0]["row"], 3);
    assert_eq!(report["errors"][0]["column"], "price");
    assert_eq!(report["errors"][1]["row"], 4);
    assert_eq!(report["errors"][1]["column"], "category");
    let count = || async {
        sqlx::query_scalar::<_, i64>("select count(*) from listings")
            .fetch_one(&pool)
            .await
            .expect("count")
    };
    assert_eq!(count().await, 0, "a file with errors applies nothing");
    // The report is shown once.
    assert_eq!(seller.call("last_import_report", &[]).await.body, "null");

    seller
        .upload(
            "/seller/import",
            &[("valid_rows_only", "on")],
            &[("listings.csv", csv.as_bytes())],
        )
        .await;
    let report = seller
        .call("last_import_report", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(
        (report["created"].as_i64(), report["applied"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(count().await, 1);

    // The same SKU again updates, and the export reads back what was imported.
    seller
        .upload(
            "/seller/import",
            &[],
            &[(
                "again.csv",
                b"sku,title,category,price,stock\nNOKIA-105,Nokia 105,phones,2399,20\n",
            )],
        )
        .await;
    let report = seller
        .call("last_import_report", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(report["updated"], 1);
    let export = seller.get("/seller/listings.csv").await;
    assert_eq!(export.headers["content-type"], "text/csv; charset=utf-8");
    let mut lines = export.body.lines();
    assert!(
        lines
            .next()
            .unwrap_or_default()
            .starts_with("sku,title,description,category")
    );
    let row = lines.next().unwrap_or_default();
    assert!(
        row.starts_with("NOKIA-105,Nokia 105,")
            && row.contains(",2399.00,")
            && row.contains(",20,"),
        "{row}"
    );
}

#[sqlx::test(migrations = false)]
async fn staff_roles_see_only_their_part(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut owner = m.verified_shop("owner@example.com", "simu").await;
    let mut clerk = m.client();
    clerk.register("clerk@example.com", "Clerk").await;
    let mut cashier = m.client();
    cashier.register("cashier@example.com", "Cashier").await;
    // Invitations: the same answer whether or not the email has an account.
    let unknown = owner
        .call(
            "invite_staff",
            &[("email", "nobody@example.com"), ("role", "inventory")],
        )
        .await;
    assert_eq!(unknown.status, StatusCode::OK, "{}", unknown.body);
    for (email, role) in [
        ("clerk@example.com", "inventory"),
        ("cashier@example.com", "accounting"),
    ] {
        let r = owner
            .call("invite_staff", &[("email", email), ("role", role)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    // Nobody joins without saying yes.
    assert_eq!(
        clerk.call("seller_dashboard", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let sent = owner
        .call("sent_invitations", &[])
        .await
        .json::<Vec<serde_json::Value>>();
    assert_eq!(sent.len(), 3);
    for member in [&mut clerk, &mut cashier] {
        let mine = member
            .call("my_invitations", &[])
            .await
            .json::<Vec<serde_json::Value>>();
        assert_eq!(mine.len(), 1, "only their own");
        let id = mine[0]["id"].as_str().unwrap_or_default().to_owned();
        let r = member
            .call("answer_invitation", &[("id", &id), ("accept", "true")])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    // Someone else's invitation is not theirs to answer.
    let pending = owner
        .call("sent_invitations", &[])
        .await
        .json::<Vec<serde_json::Value>>();
    let nobodys = pending[0]["id"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        clerk
            .call("answer_invitation", &[("id", &nobodys), ("accept", "true")])
            .await
            .status,
        StatusCode::NOT_FOUND
    );
    let forged = owner
        .call(
            "invite_staff",
            &[("email", "admin@example.com"), ("role", "owner")],
        )
        .await;
    assert_eq!(forged.error(), AppError::invalid("role", Invalid::NotFound));

    // Inventory staff manage listings but not the staff list.
    m.create_listing(&mut clerk, "Oraimo FreePods", "FREEPODS")
        .await;
    assert_eq!(
        clerk
            .call(
                "invite_staff",
                &[("email", "x@example.com"), ("role", "orders")]
            )
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        clerk.call("shop_staff", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    // Accounting staff see the shop's money only with two-step login on.
    assert_eq!(
        cashier.call("shop_money", &[]).await.error(),
        AppError::invalid("two_factor", Invalid::TwoFactorRequired)
    );
    crate::common::two_step(&pool, "cashier@example.com").await;
    let r = cashier.call("shop_money", &[]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // Accounting staff cannot touch listings.
    assert_eq!(
        cashier.call("seller_dashboard", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    let category = m.category.to_string();
    assert_eq!(
        cashier
            .call("save_listing", &m.listing_form(&category, "Nope", "NOPE"))
            .await
            .status,
        StatusCode::FORBIDDEN
    );

    let staff = owner
        .call("shop_staff", &[])
        .await
        .json::<Vec<serde_json::Value>>();
    assert_eq!(staff.len(), 3);
    let clerk_id = staff
        .iter()
        .find(|s| s["email"] == "clerk@example.com")
        .map(|s| s["user_id"].as_str().unwrap_or_default().to_owned())
        .expect("clerk");
    owner.call("remove_staff", &[("user_id", &clerk_id)]).await;
    assert_eq!(
        clerk.call("seller_dashboard", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    // A member may leave on their own; an owner cannot leave their shop.
    assert_eq!(cashier.call("shop_money", &[]).await.status, StatusCode::OK);
    let left = cashier.call("leave_shop", &[]).await;
    assert!(
        left.status.is_success() || left.status.is_redirection(),
        "{}",
        left.body
    );
    assert_eq!(
        cashier.call("shop_money", &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        owner.call("leave_shop", &[]).await.status,
        StatusCode::NOT_FOUND
    );
}

#[sqlx::test(migrations = false)]
async fn suspension_hides_a_shops_listings_until_reinstated(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut seller = m.verified_shop("seller@example.com", "simu").await;
    let listing = m.create_listing(&mut seller, "Redmi 13C", "REDMI13C").await;
    m.approve(listing).await;
    let id = m.vendor_id("simu").await.to_string();
    m.admin
        .call(
            "review_shop",
            &[
                ("vendor_id", &id),
                ("decision", "suspend"),
                ("reason", "Counterfeit goods reported"),
            ],
        )
        .await;
    assert_eq!(m.status(listing).await, "suspended");
    let category = m.category.to_string();
    assert_eq!(
        seller
            .call(
                "save_listing",
                &m.listing_form(&category, "Another", "OTHER")
            )
            .await
            .status,
        StatusCode::FORBIDDEN,
        "suspended shops cannot publish"
    );
    assert_eq!(
        m.client().get("/store/simu").await.status,
        StatusCode::NOT_FOUND
    );
    m.admin
        .call(
            "review_shop",
            &[("vendor_id", &id), ("decision", "reinstate")],
        )
        .await;
    assert_eq!(m.status(listing).await, "approved");
}

#[sqlx::test(migrations = false)]
async fn robots_and_sitemaps_list_public_pages(pool: PgPool) {
    let mut m = market(pool.clone()).await;
    let mut seller = m.verified_shop("seller@example.com", "simu").await;
    let listing = m.create_listing(&mut seller, "Redmi 13C", "REDMI13C").await;
    m.approve(listing).await;
    let mut visitor = m.client();
    let robots = visitor.get("/robots.txt").await;
    assert!(
        robots.body.contains("Disallow: /admin")
            && robots
                .body
                .contains("Sitemap: http://127.0.0.1:3000/sitemap.xml")
    );
    let index = visitor.get("/sitemap.xml").await;
    assert!(
        index.body.contains("/sitemaps/listings-0.xml"),
        "{}",
        index.body
    );
    let listings = visitor.get("/sitemaps/listings-0.xml").await;
    assert!(listings.body.contains("/p/redmi-13c-"), "{}", listings.body);
    let pages = visitor.get("/sitemaps/pages.xml").await;
    assert!(pages.body.contains("/store/simu"));
    assert_eq!(
        visitor.get("/sitemaps/listings-9.xml").await.status,
        StatusCode::NOT_FOUND
    );
}

/// KYC documents are bounded per shop and can be taken back until the shop is verified; files
/// nothing uses (a refused document, a removed one, a replaced logo) are deleted by the jobs.
#[sqlx::test(migrations = false)]
async fn documents_are_bounded_and_unused_files_are_collected(pool: PgPool) {
    use app::domain::vendor::MAX_DOCUMENTS;
    use app::media::process::{content_key, stored_names};
    let mut m = market(pool.clone()).await;
    let mut seller = m.client();
    seller.register("seller@example.com", "Seller").await;
    crate::common::confirm_email(&pool, "seller@example.com").await;
    seller.call("save_shop", &application("Duka", "duka")).await;
    let doc = |i: i64| format!("%PDF-1.7 document {i}").into_bytes();
    for i in 0..MAX_DOCUMENTS {
        let up = seller
            .upload(
                "/sell/documents",
                &[("kind", "other")],
                &[("d.pdf", &doc(i))],
            )
            .await;
        assert_eq!(Client::location(&up), "/sell?saved=document");
    }
    let over = seller
        .upload(
            "/sell/documents",
            &[("kind", "other")],
            &[("d.pdf", &doc(MAX_DOCUMENTS))],
        )
        .await;
    assert!(
        Client::location(&over).contains("upload_error=")
            && Client::location(&over).contains("TooMany"),
        "{}",
        Client::location(&over)
    );
    let count = || {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, i64>("select count(*) from vendor_documents")
                .fetch_one(&pool)
                .await
                .expect("count")
        }
    };
    assert_eq!(count().await, MAX_DOCUMENTS);

    // Before verification a document can be taken back; after, it is kept.
    let (first, first_key): (Uuid, String) = sqlx::query_as(
        "select id, media_key from vendor_documents order by created_at, file_name limit 1",
    )
    .fetch_one(&pool)
    .await
    .expect("document");
    let removed = seller
        .call("remove_document", &[("id", &first.to_string())])
        .await;
    assert_eq!(removed.status, StatusCode::OK, "{}", removed.body);
    assert_eq!(count().await, MAX_DOCUMENTS - 1);
    let id = m.vendor_id("duka").await.to_string();
    m.admin
        .call("review_shop", &[("vendor_id", &id), ("decision", "verify")])
        .await;
    let kept: Uuid = sqlx::query_scalar("select id from vendor_documents limit 1")
        .fetch_one(&pool)
        .await
        .expect("document");
    assert_eq!(
        seller
            .call("remove_document", &[("id", &kept.to_string())])
            .await
            .error(),
        AppError::invalid("document", Invalid::DocumentsKept)
    );
    assert_eq!(count().await, MAX_DOCUMENTS - 1);

    // A replaced logo is unused too. (Sizes no other test uses: the media directory is shared
    // by the tests, and its names are content hashes.)
    let (old_logo, new_logo) = (png(37, 41), png(43, 47));
    for logo in [&old_logo, &new_logo] {
        let up = seller
            .upload("/sell/logo", &[], &[("logo.png", logo)])
            .await;
        assert_eq!(Client::location(&up), "/sell?saved=logo");
    }

    // Files are collected only once nothing has used them for a day.
    let state = crate::common::state_on(pool.clone());
    assert_eq!(sokoni::jobs::collect_media(&state).await.expect("gc"), 0);
    sqlx::query("update media set created_at = now() - interval '2 days'")
        .execute(&pool)
        .await
        .expect("age");
    assert_eq!(
        sokoni::jobs::collect_media(&state).await.expect("gc"),
        3,
        "the refused document, the removed one and the old logo"
    );
    let stored = |key: String, public: bool| {
        let state = state.clone();
        async move {
            let mut found = Vec::new();
            for name in stored_names(&key, public) {
                found.push(state.media.get(&name).await.expect("read").is_some());
            }
            found
        }
    };
    assert_eq!(stored(first_key, false).await, [false]);
    assert_eq!(
        stored(content_key(&doc(MAX_DOCUMENTS)), false).await,
        [false]
    );
    assert_eq!(stored(content_key(&old_logo), true).await, [false, false]);
    assert_eq!(stored(content_key(&new_logo), true).await, [true, true]);
    assert_eq!(stored(content_key(&doc(1)), false).await, [true]);
    let media: i64 = sqlx::query_scalar("select count(*) from media")
        .fetch_one(&pool)
        .await
        .expect("media");
    assert_eq!(media, MAX_DOCUMENTS - 1 + 1, "kept documents and the logo");
}

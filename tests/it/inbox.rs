//! The moderation inbox: everything waiting in one list with counts, claims that keep a second
//! admin off an item, decisions that are audited and told to the shop, an edit shown as a diff,
//! bulk approval, and flagged callbacks resolved with a note.

use crate::common::{Client, app, make_admin, shop, staff, variant};
use app::domain::Invalid;
use app::domain::moderation::InboxKind;
use app::error::AppError;
use app::wire::moderation::InboxView;
use axum::http::StatusCode;
use sqlx::PgPool;
use uuid::Uuid;

async fn admin(router: axum::Router, pool: &PgPool, email: &str, name: &str) -> Client {
    let mut c = Client::new(router);
    c.register(email, name).await;
    make_admin(pool, email).await;
    c
}

async fn inbox(c: &mut Client, kind: &str) -> InboxView {
    let r = c.call("inbox", &[("kind", kind)]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    r.json()
}

fn ok(r: &crate::common::Reply) {
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{} {}",
        r.status,
        r.body
    );
}

/// A pending listing of `vendor`, submitted `hours` ago.
async fn pending_listing(pool: &PgPool, vendor: Uuid, title: &str, hours: i32) -> Uuid {
    let v = variant(pool, vendor, title, "1000.00", 5).await;
    sqlx::query_scalar(
        "update listings set status = 'pending', submitted_at = now() - make_interval(hours => $2)
         where id = (select listing_id from listing_variants where id = $1) returning id",
    )
    .bind(v)
    .bind(hours)
    .fetch_one(pool)
    .await
    .expect("pending")
}

async fn status(pool: &PgPool, listing: Uuid) -> String {
    sqlx::query_scalar("select status from listings where id = $1")
        .bind(listing)
        .fetch_one(pool)
        .await
        .expect("status")
}

async fn audit(pool: &PgPool) -> Vec<(String, String)> {
    sqlx::query_as("select action, object_id from audit_log order by id")
        .fetch_all(pool)
        .await
        .expect("audit")
}

async fn mails_to(pool: &PgPool, email: &str) -> Vec<String> {
    sqlx::query_scalar("select subject from notifications where recipient = $1 order by id")
        .bind(email)
        .fetch_all(pool)
        .await
        .expect("outbox")
}

#[sqlx::test(migrations = false)]
async fn everything_waiting_is_one_list_with_counts_and_claims_keep_others_off(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut amina = admin(router.clone(), &pool, "amina@example.com", "Amina").await;
    let mut baraka = admin(router.clone(), &pool, "baraka@example.com", "Baraka").await;
    let duka = shop(&pool, "duka", "aspirant").await;
    staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let kikapu = pending_listing(&pool, duka, "Kikapu basket", 5).await;
    sqlx::query(
        "insert into vendors (id, business_name, slug, phone, business_type, county, town, lat, lng, verification_status, tier, created_at)
         values (gen_random_uuid(), 'New Shop', 'new-shop', '+254712345670', 'individual', 'Nairobi', 'CBD', -1.28, 36.82, 'pending', 'aspirant', now() - interval '3 days')",
    )
    .execute(&pool)
    .await
    .expect("applicant");
    let callback: Uuid = sqlx::query_scalar(
        "insert into mpesa_callbacks (id, kind, raw, request_id, outcome, flag, received_at)
         values (gen_random_uuid(), 'stk', '{}', 'ws_CO_404', 'flagged', 'unknown CheckoutRequestID', now() - interval '45 minutes')
         returning id",
    )
    .fetch_one(&pool)
    .await
    .expect("callback");

    // One list, oldest first, with its counts and ages; a filter by kind.
    let all = inbox(&mut amina, "").await;
    let kinds: Vec<InboxKind> = all.items.iter().map(|i| i.kind).collect();
    assert_eq!(
        kinds,
        [InboxKind::Shop, InboxKind::Listing, InboxKind::Callback]
    );
    let ages: Vec<&str> = all.items.iter().map(|i| i.age.as_str()).collect();
    assert_eq!(ages, ["3 d", "5 h", "45 min"]);
    let mut counts = all.counts.clone();
    counts.sort_by_key(|(k, _)| k.as_str());
    assert_eq!(
        counts,
        [
            (InboxKind::Callback, 1),
            (InboxKind::Listing, 1),
            (InboxKind::Shop, 1)
        ]
    );
    assert_eq!(inbox(&mut amina, "listing").await.items.len(), 1);
    assert_eq!(
        amina.call("inbox", &[("kind", "orders")]).await.error(),
        AppError::invalid("kind", Invalid::NotFound)
    );

    // Amina claims the listing: Baraka sees who has it and can neither claim nor decide it.
    let id = kikapu.to_string();
    ok(&amina
        .call("claim_item", &[("kind", "listing"), ("item_id", &id)])
        .await);
    let seen = inbox(&mut baraka, "listing").await.items.remove(0);
    assert_eq!(
        (seen.claimed_by.as_deref(), seen.claimed_by_me),
        (Some("Amina"), false)
    );
    assert!(inbox(&mut amina, "listing").await.items[0].claimed_by_me);
    let r = baraka
        .call("claim_item", &[("kind", "listing"), ("item_id", &id)])
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("decision", Invalid::ClaimedByOther)
    );
    let r = baraka
        .call(
            "review_listing",
            &[("listing_id", &id), ("decision", "approve")],
        )
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("decision", Invalid::ClaimedByOther)
    );
    assert_eq!(status(&pool, kikapu).await, "pending");
    assert!(
        audit(&pool).await.is_empty(),
        "a refused decision writes nothing"
    );

    // A claim lapses after 30 minutes.
    sqlx::query("update moderation_claims set claimed_at = now() - interval '31 minutes'")
        .execute(&pool)
        .await
        .expect("age the claim");
    ok(&baraka
        .call("claim_item", &[("kind", "listing"), ("item_id", &id)])
        .await);

    // Baraka refuses it with a reason: audited once, the shop's owner told, the claim gone.
    let r = baraka
        .call(
            "review_listing",
            &[("listing_id", &id), ("decision", "reject"), ("reason", "")],
        )
        .await;
    assert_eq!(r.error().field(), Some("reason"));
    ok(&baraka
        .call(
            "review_listing",
            &[
                ("listing_id", &id),
                ("decision", "reject"),
                ("reason", "Blurry photos"),
                ("back", "/admin/inbox"),
            ],
        )
        .await);
    assert_eq!(status(&pool, kikapu).await, "rejected");
    assert_eq!(
        audit(&pool).await,
        [("listing.rejected".to_owned(), id.clone())]
    );
    let mails = mails_to(&pool, "owner@duka.example").await;
    assert!(
        mails.iter().any(|s| s == "Not approved: Kikapu basket"),
        "{mails:?}"
    );
    let claims: i64 = sqlx::query_scalar("select count(*) from moderation_claims")
        .fetch_one(&pool)
        .await
        .expect("claims");
    assert_eq!(claims, 0);

    // The flagged callback leaves the inbox with a note, audited.
    let r = amina
        .call(
            "resolve_callback",
            &[("id", &callback.to_string()), ("note", "")],
        )
        .await;
    assert_eq!(r.error().field(), Some("note"));
    ok(&amina
        .call(
            "resolve_callback",
            &[
                ("id", &callback.to_string()),
                ("note", "Safaricom test callback, no payment"),
            ],
        )
        .await);
    assert!(inbox(&mut amina, "callback").await.items.is_empty());
    assert_eq!(
        audit(&pool).await.last().map(|(a, _)| a.as_str()),
        Some("payment.callback_resolved")
    );
}

#[sqlx::test(migrations = false)]
async fn an_edit_is_reviewed_as_a_diff_and_listings_are_approved_in_bulk(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut amina = admin(router.clone(), &pool, "amina@example.com", "Amina").await;
    let mut baraka = admin(router.clone(), &pool, "baraka@example.com", "Baraka").await;
    let duka = shop(&pool, "duka", "aspirant").await;
    staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let a = pending_listing(&pool, duka, "Kikapu basket", 3).await;
    let b = pending_listing(&pool, duka, "Sisal mat", 2).await;
    let c = pending_listing(&pool, duka, "Clay pot", 1).await;

    // A first approval keeps what was approved; a material edit comes back as a diff.
    ok(&amina
        .call(
            "review_listing",
            &[("listing_id", &a.to_string()), ("decision", "approve")],
        )
        .await);
    sqlx::query(
        "update listings set title = 'Kikapu basket, large', status = 'pending', submitted_at = now() where id = $1",
    )
    .bind(a)
    .execute(&pool)
    .await
    .expect("edit");
    let items = inbox(&mut amina, "listing").await.items;
    let edit = items.iter().find(|i| i.id == a).expect("the edit waits");
    assert!(edit.is_edit);
    assert_eq!(edit.changes.len(), 1, "{:?}", edit.changes);
    assert_eq!(
        (
            edit.changes[0].field.as_str(),
            edit.changes[0].before.as_str(),
            edit.changes[0].after.as_str()
        ),
        ("title", "Kikapu basket", "Kikapu basket, large")
    );
    assert!(!items.iter().find(|i| i.id == b).expect("b").is_edit);

    // Bulk approval leaves what another admin has claimed; each approval is audited.
    ok(&baraka
        .call(
            "claim_item",
            &[("kind", "listing"), ("item_id", &c.to_string())],
        )
        .await);
    let r = amina.call("approve_listings", &[]).await;
    assert_eq!(r.error().field(), Some("ids"));
    ok(&amina
        .call(
            "approve_listings",
            &[
                ("ids[0]", &a.to_string()),
                ("ids[2]", &b.to_string()),
                ("ids[5]", &c.to_string()),
            ],
        )
        .await);
    assert_eq!(status(&pool, a).await, "approved");
    assert_eq!(status(&pool, b).await, "approved");
    assert_eq!(status(&pool, c).await, "pending", "claimed by Baraka");
    let approved = audit(&pool)
        .await
        .into_iter()
        .filter(|(action, _)| action == "listing.approved")
        .count();
    assert_eq!(approved, 3, "the first approval and two in bulk");
    let mails = mails_to(&pool, "owner@duka.example").await;
    assert!(
        mails.iter().any(|s| s == "Approved: Sisal mat"),
        "{mails:?}"
    );
}

#[sqlx::test(migrations = false)]
async fn a_shop_decision_from_the_inbox_is_audited_and_told(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut amina = admin(router.clone(), &pool, "amina@example.com", "Amina").await;
    let duka = shop(&pool, "duka", "aspirant").await;
    staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    sqlx::query("update vendors set verification_status = 'pending' where id = $1")
        .bind(duka)
        .execute(&pool)
        .await
        .expect("pending");
    assert_eq!(inbox(&mut amina, "shop").await.items.len(), 1);
    let r = amina
        .call(
            "review_shop",
            &[
                ("vendor_id", &duka.to_string()),
                ("decision", "reject"),
                ("reason", "ID photo unreadable"),
                ("back", "https://evil.example"),
            ],
        )
        .await;
    ok(&r);
    assert_eq!(
        r.headers.get("location").and_then(|l| l.to_str().ok()),
        Some("/admin/shops"),
        "back stays in the console"
    );
    assert!(inbox(&mut amina, "shop").await.items.is_empty());
    assert_eq!(
        audit(&pool).await,
        [("shop.rejected".to_owned(), duka.to_string())]
    );
    let mails = mails_to(&pool, "owner@duka.example").await;
    assert!(
        mails
            .iter()
            .any(|s| s == "Shop duka: application not approved"),
        "{mails:?}"
    );
}

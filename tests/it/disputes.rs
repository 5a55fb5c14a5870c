//! Buyer protection disputes through the app's own doors: the multipart form that opens one
//! (photos included), the shop's answer, the shopper's escalation, the admin's decision in the
//! inbox. The money: nothing is released while a dispute is open; a partial refund reverses
//! its share of the commission and queues exactly that amount to the paying phone; a full
//! refund empties the part without putting its goods back in stock. The jobs escalate what a
//! shop leaves unanswered, once.

use crate::common::{
    Client, eventually, live, make_admin, png, scalar, shop, shopper, staff, variant,
};
use crate::payments::{account_sum, assert_ledger_balanced, order_status, place};
use app::domain::Invalid;
use app::error::AppError;
use app::wire::orders::OrderPage;
use axum::http::StatusCode;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

fn ok(r: &crate::common::Reply) {
    assert!(
        r.status.is_success() || r.status.is_redirection(),
        "{} {}",
        r.status,
        r.body
    );
}

/// Opens a dispute through the order page's form; where it sends the browser back to.
async fn open(c: &mut Client, order: Uuid, part: Uuid, reason: &str, photos: &[&[u8]]) -> String {
    let files: Vec<(&str, &[u8])> = photos.iter().map(|p| ("photo.png", *p)).collect();
    let r = c
        .upload(
            "/account/disputes",
            &[
                ("order", &order.to_string()),
                ("part", &part.to_string()),
                ("reason", reason),
                ("body", "The parcel never reached me in Westlands."),
            ],
            &files,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    Client::location(&r)
}

async fn dispute_of(pool: &PgPool, part: Uuid) -> (Uuid, String) {
    sqlx::query_as("select id, status from disputes where vendor_order_id = $1")
        .bind(part)
        .fetch_one(pool)
        .await
        .expect("dispute")
}

async fn part_of(pool: &PgPool, order: Uuid) -> Uuid {
    scalar(
        pool,
        &format!("select id from vendor_orders where order_id = '{order}'"),
    )
    .await
}

async fn step(owner: &mut Client, part: Uuid, action: &str, note: &str) {
    let r = owner
        .call(
            "fulfil",
            &[
                ("id", &part.to_string()),
                ("action", action),
                ("note", note),
            ],
        )
        .await;
    ok(&r);
}

/// A shop selling a radio at `price`, and a shopper who bought one and paid by M-Pesa:
/// the running app, the shop, its owner, the shopper, the order and the shop's part.
struct Bought {
    live: crate::common::Live,
    duka: Uuid,
    owner: Client,
    buyer: Client,
    order: Uuid,
    part: Uuid,
}

async fn bought(pool: &PgPool, price: &str) -> Bought {
    let live = live(pool.clone()).await;
    let duka = shop(pool, "duka", "aspirant").await; // 8 %
    let radio = variant(pool, duka, "Radio", price, 5).await;
    let mut buyer = shopper(live.router.clone(), "buyer@example.com", &[(radio, "1")]).await;
    let order = place(pool, &mut buyer, "0712000123").await;
    eventually(pool, &order_status(order), "paid").await;
    let part = part_of(pool, order).await;
    let owner = staff(
        live.router.clone(),
        pool,
        duka,
        "owner@duka.example",
        "owner",
    )
    .await;
    Bought {
        live,
        duka,
        owner,
        buyer,
        order,
        part,
    }
}

#[sqlx::test(migrations = false)]
async fn a_dispute_goes_from_claim_to_a_partial_refund_and_holds_the_money_meanwhile(pool: PgPool) {
    let Bought {
        live,
        duka,
        mut owner,
        mut buyer,
        order,
        part,
    } = bought(&pool, "2000.00").await;
    crate::common::two_step(&pool, "owner@duka.example").await;
    let photo = png(64, 64);

    // Not before the shop has sent it; never someone else's part.
    let back = open(&mut buyer, order, part, "not_received", &[]).await;
    Client::refused_with(&back, Invalid::NotDisputable);
    step(&mut owner, part, "accept", "").await;
    step(&mut owner, part, "ship", "G4S 123").await;
    let mut other = shopper(live.router.clone(), "other@example.com", &[]).await;
    Client::refused_with(
        &open(&mut other, order, part, "not_received", &[]).await,
        Invalid::NotFound,
    );
    // "Damaged" needs the part delivered; "not received" does not.
    Client::refused_with(
        &open(&mut buyer, order, part, "damaged", &[]).await,
        Invalid::NotDisputable,
    );
    assert_eq!(
        scalar::<i64>(&pool, "select count(*) from disputes").await,
        0
    );

    let back = open(&mut buyer, order, part, "not_received", &[&photo]).await;
    assert_eq!(back, format!("/account/orders/{order}?saved=dispute"));
    let (dispute, status) = dispute_of(&pool, part).await;
    assert_eq!(status, "awaiting_shop");
    assert_eq!(
        scalar::<i64>(&pool, "select count(*) from dispute_photos").await,
        1
    );
    Client::refused_with(
        &open(&mut buyer, order, part, "not_received", &[]).await,
        Invalid::AlreadyDisputed,
    );
    let page: OrderPage = buyer
        .call("order_details", &[("id", &order.to_string())])
        .await
        .json();
    let shown = page.parts[0]
        .dispute
        .as_ref()
        .expect("the dispute on the order");
    assert_eq!(shown.photos.len(), 1);
    assert!(page.parts[0].disputable.is_empty());

    // The shop marks it delivered meanwhile; the holding period passes; nothing is released.
    step(&mut owner, part, "deliver", "").await;
    sqlx::query("update vendor_orders set delivered_at = now() - interval '8 days' where id = $1")
        .bind(part)
        .execute(&pool)
        .await
        .expect("age");
    let settings = app::settings::PayoutSettings::default();
    let run = app::payments::payouts::run(&pool, &live.state.mpesa, &settings)
        .await
        .expect("run");
    assert_eq!(run.released, 0, "disputed money stays held");

    // The shopper cannot settle on an answer not given; the shop answers; the shopper
    // escalates; the admin sees it in the inbox.
    let r = buyer
        .call(
            "reply_to_answer",
            &[("id", &dispute.to_string()), ("reply", "accept")],
        )
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("dispute", Invalid::DisputeMoved)
    );
    let r = buyer
        .call(
            "answer_dispute",
            &[("id", &dispute.to_string()), ("answer", "mine")],
        )
        .await;
    assert!(r.status.is_client_error(), "a shopper is not the shop");
    let r = owner
        .call(
            "answer_dispute",
            &[
                ("id", &dispute.to_string()),
                ("answer", "Handed to G4S, tracking 123."),
            ],
        )
        .await;
    ok(&r);
    assert_eq!(dispute_of(&pool, part).await.1, "answered");
    let r = buyer
        .call(
            "reply_to_answer",
            &[("id", &dispute.to_string()), ("reply", "escalate")],
        )
        .await;
    ok(&r);
    assert_eq!(dispute_of(&pool, part).await.1, "escalated");

    let mut admin = Client::new(live.router.clone());
    admin.register("admin@sokoni.example", "Admin").await;
    make_admin(&pool, "admin@sokoni.example").await;
    let inbox: app::wire::moderation::InboxView =
        admin.call("inbox", &[("kind", "dispute")]).await.json();
    assert_eq!(inbox.items.len(), 1);
    let item = inbox.items[0]
        .dispute
        .as_ref()
        .expect("the dispute's details");
    assert_eq!(item.owed, Decimal::from(2000));
    assert_eq!(
        item.shop_answer.as_deref(),
        Some("Handed to G4S, tracking 123.")
    );

    // A partial refund must stay below what was paid; then it is exact.
    let decide = |amount: &'static str| {
        [
            ("id", dispute.to_string()),
            ("decision", "partial".to_owned()),
            ("amount", amount.to_owned()),
            (
                "note",
                "Delivered to a neighbour; half the blame each.".to_owned(),
            ),
        ]
    };
    let form = decide("2000");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let r = admin.call("decide_dispute", &pairs).await;
    assert_eq!(r.error(), AppError::invalid("amount", Invalid::OutOfRange));
    let form = decide("500.00");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    ok(&admin.call("decide_dispute", &pairs).await);
    assert_eq!(dispute_of(&pool, part).await.1, "resolved");
    let (refunded, commission): (Decimal, Decimal) = sqlx::query_as(
        "select refunded_total, refunded_commission from vendor_orders where id = $1",
    )
    .bind(part)
    .fetch_one(&pool)
    .await
    .expect("refunded");
    assert_eq!(
        (refunded, commission),
        (Decimal::from(500), Decimal::from(40))
    );
    let queued: Decimal = scalar(
        &pool,
        &format!("select amount from payouts where dispute_id = '{dispute}'"),
    )
    .await;
    assert_eq!(queued, Decimal::from(500));
    assert_ledger_balanced(&pool).await;

    // Both sides read the outcome; the rest of the money is released to the shop.
    let page: OrderPage = buyer
        .call("order_details", &[("id", &order.to_string())])
        .await
        .json();
    let part_view = &page.parts[0];
    assert_eq!(
        part_view.dispute.as_ref().and_then(|d| d.refund_amount),
        Some(Decimal::from(500))
    );
    assert!(
        part_view.events.iter().any(|e| e
            .note
            .as_deref()
            .is_some_and(|n| n.starts_with("Sokoni decided: partial refund of 500"))),
        "{:?}",
        part_view.events
    );
    let run = app::payments::payouts::run(&pool, &live.state.mpesa, &settings)
        .await
        .expect("run");
    assert_eq!(run.released, 1);
    let paid_out: Decimal = scalar(
        &pool,
        "select amount from payouts where purpose = 'shop_payout'",
    )
    .await;
    assert_eq!(
        paid_out,
        Decimal::from(1380),
        "the shop is paid its 1,840 less the 460 net it gave back"
    );
    assert_eq!(
        account_sum(&pool, "vendor_pending", Some(duka)).await,
        Decimal::ZERO
    );
    let record: app::domain::reliability::Reliability =
        owner.call("shop_reliability", &[]).await.json();
    assert_eq!(
        (record.disputed, record.disputes_lost),
        (1, 1),
        "on the shop's record"
    );
    let mails: i64 = scalar(
        &pool,
        "select count(*) from notifications where channel = 'email' and subject like 'Dispute on order %: settled'",
    )
    .await;
    assert_eq!(mails, 2, "the shopper and the shop's owner are told");
    // Once M-Pesa confirms the payout, the owner hears of it too.
    eventually(
        &pool,
        "select count(*)::text from notifications where channel = 'email' and subject = 'Payout sent: KES 1380'",
        "1",
    )
    .await;
}

#[sqlx::test(migrations = false)]
async fn unanswered_disputes_escalate_once_and_a_full_refund_keeps_stock_and_empties_the_part(
    pool: PgPool,
) {
    let Bought {
        live: _live,
        duka,
        mut owner,
        mut buyer,
        order,
        part,
    } = bought(&pool, "1000.00").await;
    for action in ["accept", "ship", "deliver"] {
        step(&mut owner, part, action, "").await;
    }
    open(&mut buyer, order, part, "not_as_described", &[]).await;
    let (dispute, _) = dispute_of(&pool, part).await;

    assert_eq!(
        app::disputes::escalate_unanswered(&pool)
            .await
            .expect("sweep"),
        0,
        "not due yet"
    );
    sqlx::query("update disputes set answer_due = now() - interval '1 minute'")
        .execute(&pool)
        .await
        .expect("age");
    assert_eq!(
        app::disputes::escalate_unanswered(&pool)
            .await
            .expect("sweep"),
        1
    );
    assert_eq!(
        app::disputes::escalate_unanswered(&pool)
            .await
            .expect("sweep"),
        0
    );
    assert_eq!(dispute_of(&pool, part).await.1, "escalated");
    // Too late to answer; the shop can still refund in full itself.
    let r = owner
        .call(
            "answer_dispute",
            &[("id", &dispute.to_string()), ("answer", "It is as shown.")],
        )
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("dispute", Invalid::DisputeMoved)
    );
    let stock = || scalar::<i32>(&pool, "select stock from listing_variants");
    let before = stock().await;
    ok(&owner
        .call("refund_dispute", &[("id", &dispute.to_string())])
        .await);
    assert_eq!(dispute_of(&pool, part).await.1, "resolved");
    assert_eq!(
        scalar::<String>(
            &pool,
            &format!("select outcome from disputes where id = '{dispute}'")
        )
        .await,
        "shop_refunded"
    );
    assert_eq!(
        scalar::<String>(
            &pool,
            &format!("select status from vendor_orders where id = '{part}'")
        )
        .await,
        "refunded"
    );
    assert_eq!(stock().await, before, "the goods did not come back");
    assert_eq!(
        scalar::<Decimal>(
            &pool,
            &format!("select amount from payouts where vendor_order_id = '{part}'")
        )
        .await,
        Decimal::from(1000)
    );
    assert_eq!(
        account_sum(&pool, "vendor_pending", Some(duka)).await,
        Decimal::ZERO
    );
    assert_ledger_balanced(&pool).await;
}

#[sqlx::test(migrations = false)]
async fn a_declined_return_can_be_taken_straight_to_the_admins(pool: PgPool) {
    let Bought {
        live: _live,
        duka: _,
        mut owner,
        mut buyer,
        order,
        part,
    } = bought(&pool, "1000.00").await;
    for action in ["accept", "ship", "deliver"] {
        step(&mut owner, part, action, "").await;
    }
    Client::refused_with(
        &open(&mut buyer, order, part, "return_refused", &[]).await,
        Invalid::NotDisputable,
    );
    ok(&buyer
        .call(
            "request_return",
            &[("id", &part.to_string()), ("reason", "Wrong colour")],
        )
        .await);
    let r = owner
        .call(
            "fulfil",
            &[("id", &part.to_string()), ("action", "decline_return")],
        )
        .await;
    assert_eq!(
        r.error(),
        AppError::invalid("note", Invalid::Required),
        "a reason is required"
    );
    step(&mut owner, part, "decline_return", "Used and scratched").await;
    assert_eq!(
        scalar::<String>(
            &pool,
            &format!("select status from vendor_orders where id = '{part}'")
        )
        .await,
        "delivered"
    );
    open(&mut buyer, order, part, "return_refused", &[]).await;
    assert_eq!(dispute_of(&pool, part).await.1, "escalated");
    // A disputed part cannot also be returned.
    let r = buyer
        .call(
            "request_return",
            &[("id", &part.to_string()), ("reason", "Again")],
        )
        .await;
    assert!(r.status.is_client_error());
}

#[sqlx::test(migrations = false)]
async fn confirming_receipt_releases_the_money_at_once_and_ends_disputes(pool: PgPool) {
    let Bought {
        live,
        mut owner,
        mut buyer,
        order,
        part,
        ..
    } = bought(&pool, "1000.00").await;
    for action in ["accept", "ship"] {
        step(&mut owner, part, action, "").await;
    }
    let mut other = shopper(live.router.clone(), "other@example.com", &[]).await;
    let r = other
        .call("confirm_receipt", &[("id", &part.to_string())])
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "another shopper's part");
    ok(&buyer
        .call("confirm_receipt", &[("id", &part.to_string())])
        .await);
    let (status, delivered): (String, bool) =
        sqlx::query_as("select status, delivered_at is not null from vendor_orders where id = $1")
            .bind(part)
            .fetch_one(&pool)
            .await
            .expect("part");
    assert_eq!((status.as_str(), delivered), ("completed", true));
    // No holding period to wait out; nothing left to dispute.
    let run = app::payments::payouts::run(
        &pool,
        &live.state.mpesa,
        &app::settings::PayoutSettings::default(),
    )
    .await
    .expect("run");
    assert_eq!(run.released, 1);
    Client::refused_with(
        &open(&mut buyer, order, part, "not_received", &[]).await,
        Invalid::NotDisputable,
    );
    assert_ledger_balanced(&pool).await;
}

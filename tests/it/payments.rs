//! M-Pesa end to end against real PostgreSQL and the Daraja simulator over loopback HTTP:
//! paid, cancelled-then-retried and expired payments; callbacks that must not move state
//! (wrong token, malformed, unknown, wrong amount or phone, no metadata, duplicates, late);
//! one push per checkout key; refunds and payouts through B2C, paid once; a balanced ledger.

use crate::common::{
    Client, Live, checkout_form, checkout_key, eventually, live, place_order, scalar, shop,
    shopper, staff, variant,
};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use rust_decimal::Decimal;
use serde_json::json;
use sqlx::PgPool;
use std::str::FromStr;
use tower::ServiceExt;
use uuid::Uuid;

/// Places an M-Pesa order from `c`'s cart, paying from `phone`; the order id.
pub(crate) async fn place(pool: &PgPool, c: &mut Client, phone: &str) -> Uuid {
    let (k, r) = place_order(c, &[("phone", phone), ("payment", "mpesa")]).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    sqlx::query_scalar("select id from orders where checkout_key = $1::uuid")
        .bind(&k)
        .fetch_one(pool)
        .await
        .expect("order")
}

pub(crate) async fn assert_ledger_balanced(pool: &PgPool) {
    let off: i64 = scalar(
        pool,
        "select count(*) from (select 1 from ledger_entries group by transaction_id, currency having sum(amount) <> 0) t",
    )
    .await;
    assert_eq!(off, 0, "every ledger transaction sums to zero");
}

pub(crate) async fn account_sum(pool: &PgPool, kind: &str, vendor: Option<Uuid>) -> Decimal {
    sqlx::query_scalar(
        "select coalesce(sum(e.amount), 0) from ledger_entries e join ledger_accounts a on a.id = e.account_id
         where a.kind = $1 and a.vendor_id is not distinct from $2",
    )
    .bind(kind)
    .bind(vendor)
    .fetch_one(pool)
    .await
    .expect("sum")
}

pub(crate) fn order_status(order: Uuid) -> String {
    format!("select status from orders where id = '{order}'")
}

fn payment_status(order: Uuid) -> String {
    format!(
        "select status from payments where order_id = '{order}' order by created_at desc limit 1"
    )
}

async fn post_callback(live: &Live, token: &str, body: &str) -> StatusCode {
    let req = Request::post(format!("/mpesa/{token}/stk"))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .expect("request");
    live.router
        .clone()
        .oneshot(req)
        .await
        .expect("infallible")
        .status()
}

fn paid_body(request: &str, amount: &str, phone: &str, receipt: &str) -> String {
    json!({ "Body": { "stkCallback": {
        "MerchantRequestID": "m", "CheckoutRequestID": request, "ResultCode": 0, "ResultDesc": "ok",
        "CallbackMetadata": { "Item": [
            { "Name": "Amount", "Value": amount }, { "Name": "MpesaReceiptNumber", "Value": receipt },
            { "Name": "Balance" }, { "Name": "PhoneNumber", "Value": phone },
        ]}
    }}})
    .to_string()
}

#[sqlx::test(migrations = false)]
async fn a_paid_basket_confirms_every_shop_and_posts_a_balanced_ledger(pool: PgPool) {
    let live = live(pool.clone()).await;
    let a = shop(&pool, "vikapu", "aspirant").await; // 8 %
    let b = shop(&pool, "vyombo", "legacy").await; // 4 %
    let kikapu = variant(&pool, a, "Kikapu", "1499.50", 5).await;
    let sufuria = variant(&pool, b, "Sufuria", "800.00", 5).await;
    let mut c = shopper(
        live.router.clone(),
        "paid@example.com",
        &[(kikapu, "1"), (sufuria, "1")],
    )
    .await;
    let order = place(&pool, &mut c, "0712000123").await;
    eventually(&pool, &order_status(order), "paid").await;
    let parts: Vec<String> =
        sqlx::query_scalar("select status from vendor_orders where order_id = $1")
            .bind(order)
            .fetch_all(&pool)
            .await
            .expect("parts");
    assert_eq!(parts, ["awaiting_acceptance", "awaiting_acceptance"]);
    assert_eq!(live.sim.pushes(), 1, "one prompt for the whole basket");
    let requested: Decimal = scalar(&pool, "select requested from payments").await;
    assert_eq!(
        requested,
        Decimal::from(2300),
        "2,299.50 asked as whole shillings"
    );
    assert_ledger_balanced(&pool).await;
    assert_eq!(
        account_sum(&pool, "mpesa_cash", None).await,
        Decimal::from(2300)
    );
    assert_eq!(
        account_sum(&pool, "payment_rounding", None).await,
        Decimal::from_str("-0.50").expect("dec")
    );
    assert_eq!(
        account_sum(&pool, "vendor_pending", Some(a)).await,
        Decimal::from_str("-1379.54").expect("dec"),
        "1,499.50 less 8 % (119.96)"
    );
    assert_eq!(
        account_sum(&pool, "platform_commission", None).await,
        Decimal::from_str("-151.96").expect("dec"),
        "119.96 + 32.00"
    );
    let page = c
        .call("order_details", &[("id", &order.to_string())])
        .await
        .json::<serde_json::Value>();
    assert_eq!(page["payment"]["status"], "paid");
}

#[sqlx::test(migrations = false)]
async fn one_checkout_key_sent_twenty_times_sends_one_prompt(pool: PgPool) {
    let live = live(pool.clone()).await;
    let a = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 50).await;
    let mut c = shopper(live.router.clone(), "twenty@example.com", &[(radio, "2")]).await;
    let k = checkout_key(&mut c).await;
    let calls = (0..20).map(|_| {
        let mut c = c.clone();
        let form = checkout_form(&k, &[("phone", "0712000123"), ("payment", "mpesa")]);
        async move {
            let pairs: Vec<(&str, &str)> =
                form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
            c.call("place_order", &pairs).await.status
        }
    });
    for status in futures_join(calls).await {
        assert_eq!(status, StatusCode::OK);
    }
    assert_eq!(scalar::<i64>(&pool, "select count(*) from orders").await, 1);
    assert_eq!(
        scalar::<i64>(&pool, "select count(*) from payments").await,
        1
    );
    assert_eq!(live.sim.pushes(), 1);
    assert_eq!(
        scalar::<i32>(&pool, "select stock from listing_variants").await,
        48
    );
}

/// Runs futures concurrently on the test runtime.
async fn futures_join<F: std::future::Future + Send + 'static>(
    futures: impl Iterator<Item = F>,
) -> Vec<F::Output>
where
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.expect("task"));
    }
    out
}

#[sqlx::test(migrations = false)]
async fn a_callback_that_beats_the_push_answer_pays_the_order_when_the_ids_are_saved(pool: PgPool) {
    let live = live(pool.clone()).await;
    let token = live.state.mpesa.callback_token().to_owned();
    let a = shop(&pool, "haraka", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 5).await;
    let mut c = shopper(live.router.clone(), "fast@example.com", &[(radio, "1")]).await;
    // `999`: the simulator sends no callback; we play Safaricom, answering before our push's
    // answer is saved (as under load): the ids are taken off the attempt again.
    let order = place(&pool, &mut c, "0712000999").await;
    let (payment, request): (Uuid, String) =
        sqlx::query_as("update payments set checkout_request_id = null, merchant_request_id = null returning id, (select checkout_request_id from payments)")
            .fetch_one(&pool)
            .await
            .expect("ids taken off");
    let body = paid_body(&request, "1000.00", "254712000999", "RKTFAST1");
    assert_eq!(post_callback(&live, &token, &body).await, StatusCode::OK);
    assert_eq!(
        scalar::<String>(&pool, &order_status(order)).await,
        "pending_payment",
        "nothing to apply it to yet"
    );

    app::payments::collect::attach_request_ids(&pool, payment, "m", &request)
        .await
        .expect("ids saved");
    assert_eq!(scalar::<String>(&pool, &order_status(order)).await, "paid");
    assert_eq!(
        scalar::<String>(&pool, &payment_status(order)).await,
        "paid"
    );
    assert_eq!(
        scalar::<String>(
            &pool,
            "select string_agg(outcome, ',') from mpesa_callbacks"
        )
        .await,
        "applied",
        "kept, then applied; nothing flagged"
    );
    app::db::payments::flag_unmatched(&pool, 0)
        .await
        .expect("sweep");
    assert_eq!(
        scalar::<i64>(
            &pool,
            "select count(*) from mpesa_callbacks where outcome = 'flagged'"
        )
        .await,
        0
    );
    assert_ledger_balanced(&pool).await;
}

#[sqlx::test(migrations = false)]
async fn only_a_matching_callback_moves_state_and_only_once(pool: PgPool) {
    let live = live(pool.clone()).await;
    let token = live.state.mpesa.callback_token().to_owned();
    let a = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 5).await;
    let mut c = shopper(live.router.clone(), "cb@example.com", &[(radio, "1")]).await;
    // `999`: the simulator takes the money and sends no callback; we play Safaricom.
    let order = place(&pool, &mut c, "0712000999").await;
    let request: String = scalar(&pool, "select checkout_request_id from payments").await;
    let callbacks = || scalar::<i64>(&pool, "select count(*) from mpesa_callbacks");

    assert_eq!(
        post_callback(
            &live,
            "wrong-token",
            &paid_body(&request, "1000", "254712000999", "R1")
        )
        .await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(callbacks().await, 0, "a wrong path token is not even kept");

    let cases = [
        ("{not json".to_owned(), "unreadable"),
        (paid_body(&request, "999", "254712000999", "R3"), "amount"),
        (paid_body(&request, "1000", "254712000111", "R4"), "paid from"),
        (
            json!({ "Body": { "stkCallback": { "CheckoutRequestID": request, "ResultCode": 0, "ResultDesc": "ok" }}}).to_string(),
            "CallbackMetadata",
        ),
    ];
    // A request id of no attempt is kept unmatched (our push's answer may still be on its way),
    // and flagged once that can no longer be so.
    let unknown = paid_body("ws_CO_UNKNOWN", "1000", "254712000999", "R2");
    assert_eq!(post_callback(&live, &token, &unknown).await, StatusCode::OK);
    let unknown_row = "select outcome || ':' || coalesce(flag, '') from mpesa_callbacks where request_id = 'ws_CO_UNKNOWN'";
    assert_eq!(scalar::<String>(&pool, unknown_row).await, "unmatched:");
    app::db::payments::flag_unmatched(&pool, 0)
        .await
        .expect("sweep");
    assert_eq!(
        scalar::<String>(&pool, unknown_row).await,
        "flagged:unknown CheckoutRequestID"
    );

    for (body, why) in &cases {
        assert_eq!(
            post_callback(&live, &token, body).await,
            StatusCode::OK,
            "Daraja always gets its answer"
        );
        let flag: String = scalar(
            &pool,
            "select flag from mpesa_callbacks order by received_at desc limit 1",
        )
        .await;
        assert!(flag.contains(why), "{flag} should mention {why}");
    }
    assert_eq!(
        scalar::<String>(&pool, &order_status(order)).await,
        "pending_payment"
    );
    assert_eq!(
        scalar::<String>(&pool, &payment_status(order)).await,
        "pending"
    );
    assert_eq!(
        scalar::<i64>(&pool, "select count(*) from ledger_transactions").await,
        0,
        "nothing posted"
    );

    // The real one, five times at once: applied once.
    let body = paid_body(&request, "1000.00", "254712000999", "RKT5DUP");
    let sends = (0..5).map(|_| {
        let router = live.router.clone();
        let uri = format!("/mpesa/{token}/stk");
        let body = body.clone();
        async move {
            let req = Request::post(uri)
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body))
                .expect("request");
            router.oneshot(req).await.expect("infallible").status()
        }
    });
    for s in futures_join(sends).await {
        assert_eq!(s, StatusCode::OK);
    }
    assert_eq!(scalar::<String>(&pool, &order_status(order)).await, "paid");
    assert_eq!(
        scalar::<i64>(
            &pool,
            "select count(*) from mpesa_callbacks where outcome = 'applied'"
        )
        .await,
        1
    );
    assert_eq!(
        scalar::<i64>(
            &pool,
            "select count(*) from mpesa_callbacks where outcome = 'duplicate'"
        )
        .await,
        4
    );
    assert_eq!(
        scalar::<i64>(
            &pool,
            "select count(*) from ledger_transactions where kind = 'mpesa_payment'"
        )
        .await,
        1
    );
    assert_eq!(
        account_sum(&pool, "mpesa_cash", None).await,
        Decimal::from(1000),
        "never a double credit"
    );
    assert_eq!(
        scalar::<i64>(&pool, "select count(*) from mpesa_callbacks").await,
        10,
        "every callback kept"
    );
    assert_ledger_balanced(&pool).await;
}

#[sqlx::test(migrations = false)]
async fn a_cancelled_prompt_can_be_retried_and_foreign_orders_stay_hidden(pool: PgPool) {
    let live = live(pool.clone()).await;
    let a = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 5).await;
    let mut c = shopper(live.router.clone(), "retry@example.com", &[(radio, "1")]).await;
    let order = place(&pool, &mut c, "0712000032").await; // the payer cancels
    eventually(&pool, &payment_status(order), "failed").await;
    assert_eq!(
        scalar::<String>(&pool, &order_status(order)).await,
        "pending_payment"
    );
    let page = c
        .call("order_details", &[("id", &order.to_string())])
        .await
        .json::<serde_json::Value>();
    assert_eq!(page["payment"]["payable"], true);

    let mut stranger = shopper(live.router.clone(), "stranger@example.com", &[]).await;
    for (f, args) in [
        ("order_details", vec![("id", order.to_string())]),
        (
            "pay_order",
            vec![("id", order.to_string()), ("phone", "0712000123".into())],
        ),
        ("check_payment", vec![("id", order.to_string())]),
    ] {
        let pairs: Vec<(&str, &str)> = args.iter().map(|(a, b)| (*a, b.as_str())).collect();
        let r = stranger.call(f, &pairs).await;
        assert!(
            r.status == StatusCode::NOT_FOUND || r.status == StatusCode::BAD_REQUEST,
            "{f}: {}",
            r.status
        );
    }
    assert_eq!(live.sim.pushes(), 1, "a stranger cannot trigger a prompt");

    // Daraja's token expired meanwhile: the adapter gets a 401, renews it once, and goes on.
    live.sim.expire_tokens();
    let r = c
        .call(
            "pay_order",
            &[("id", &order.to_string()), ("phone", "0712000123")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    eventually(&pool, &order_status(order), "paid").await;
    assert_eq!(live.sim.pushes(), 2);
}

#[sqlx::test(migrations = false)]
async fn unpaid_orders_expire_and_a_late_payment_is_refunded(pool: PgPool) {
    let live = live(pool.clone()).await;
    let token = live.state.mpesa.callback_token().to_owned();
    let a = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 5).await;
    let mut c = shopper(live.router.clone(), "late@example.com", &[(radio, "2")]).await;
    let order = place(&pool, &mut c, "0712000037").await; // unreachable: no callback
    assert_eq!(
        scalar::<i32>(&pool, "select stock from listing_variants").await,
        3,
        "reserved"
    );
    let request: String = scalar(&pool, "select checkout_request_id from payments").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    sqlx::query("update orders set reserved_until = now() - interval '1 second'")
        .execute(&pool)
        .await
        .expect("age");
    let expired = app::payments::collect::expire_due(&pool, &live.state.mpesa)
        .await
        .expect("expire");
    assert_eq!(expired, 1);
    assert_eq!(
        scalar::<String>(&pool, &order_status(order)).await,
        "cancelled"
    );
    assert_eq!(
        scalar::<i32>(&pool, "select stock from listing_variants").await,
        5,
        "released"
    );

    // The payer answers after all: the money is taken in, owed back, and refunded by B2C.
    let status = post_callback(
        &live,
        &token,
        &paid_body(&request, "2000", "254712000037", "RLATE1"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        scalar::<String>(&pool, &order_status(order)).await,
        "cancelled",
        "not revived"
    );
    let flag: String = scalar(
        &pool,
        "select flag from mpesa_callbacks where outcome = 'flagged'",
    )
    .await;
    assert!(flag.contains("refund queued"), "{flag}");
    app::payments::payouts::send_unsent(&pool, &live.state.mpesa)
        .await
        .expect("send");
    eventually(
        &pool,
        "select status from payouts where purpose = 'refund'",
        "paid",
    )
    .await;
    assert_eq!(
        account_sum(&pool, "refunds_payable", None).await,
        Decimal::ZERO
    );
    assert_eq!(
        account_sum(&pool, "mpesa_cash", None).await,
        Decimal::ZERO,
        "in and out again"
    );
    assert_ledger_balanced(&pool).await;
}

#[sqlx::test(migrations = false)]
async fn a_rejected_paid_part_is_refunded_and_payouts_pay_once(pool: PgPool) {
    let live = live(pool.clone()).await;
    let a = shop(&pool, "vikapu", "aspirant").await;
    let b = shop(&pool, "vyombo", "aspirant").await;
    let kikapu = variant(&pool, a, "Kikapu", "1500.00", 5).await;
    let sufuria = variant(&pool, b, "Sufuria", "2000.00", 5).await;
    let mut c = shopper(
        live.router.clone(),
        "refund@example.com",
        &[(kikapu, "1"), (sufuria, "1")],
    )
    .await;
    let order = place(&pool, &mut c, "0712000123").await;
    eventually(&pool, &order_status(order), "paid").await;
    let part = |v: Uuid| {
        let pool = pool.clone();
        async move {
            sqlx::query_scalar::<_, Uuid>("select id from vendor_orders where vendor_id = $1")
                .bind(v)
                .fetch_one(&pool)
                .await
                .expect("part")
        }
    };
    let (part_a, part_b) = (part(a).await, part(b).await);
    let mut owner_a = staff(live.router.clone(), &pool, a, "a@example.com", "owner").await;
    let mut owner_b = staff(live.router.clone(), &pool, b, "b@example.com", "owner").await;
    // Payouts go only to shops whose owner logs in with two steps.
    crate::common::two_step(&pool, "a@example.com").await;
    crate::common::two_step(&pool, "b@example.com").await;
    let r = owner_a
        .call(
            "fulfil",
            &[
                ("id", &part_a.to_string()),
                ("action", "reject"),
                ("note", "out of stock"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        scalar::<String>(
            &pool,
            &format!("select status from vendor_orders where id = '{part_a}'")
        )
        .await,
        "refunded"
    );
    // Shop A cannot touch shop B's part.
    let foreign = owner_a
        .call(
            "fulfil",
            &[("id", &part_b.to_string()), ("action", "accept")],
        )
        .await;
    assert_eq!(foreign.status, StatusCode::NOT_FOUND);
    for action in ["accept", "ship", "deliver"] {
        let r = owner_b
            .call("fulfil", &[("id", &part_b.to_string()), ("action", action)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.body);
    }
    let money = owner_b
        .call("shop_money", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(money["pending"], "1840.00", "2,000 less 8 %, held");
    assert_eq!(money["available"], "0");

    // Past the holding period: released, paid out once however often the job runs.
    sqlx::query("update vendor_orders set delivered_at = now() - interval '8 days' where id = $1")
        .bind(part_b)
        .execute(&pool)
        .await
        .expect("age");
    let settings = app::settings::PayoutSettings::default();
    let first = app::payments::payouts::run(&pool, &live.state.mpesa, &settings)
        .await
        .expect("run");
    assert_eq!(
        (first.released, first.queued, first.sent),
        (1, 1, 2),
        "B's payout and A's refund"
    );
    eventually(
        &pool,
        "select string_agg(status, ',' order by purpose) from payouts",
        "paid,paid",
    )
    .await;
    let again = app::payments::payouts::run(&pool, &live.state.mpesa, &settings)
        .await
        .expect("run");
    assert_eq!((again.released, again.queued, again.sent), (0, 0, 0));
    assert_eq!(live.sim.payouts(), 2);
    let money = owner_b
        .call("shop_money", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(
        (money["pending"].as_str(), money["available"].as_str()),
        (Some("0"), Some("0"))
    );
    assert_eq!(money["payouts"][0]["status"], "paid");
    let statement_net: Decimal = money["statement"]
        .as_array()
        .expect("lines")
        .iter()
        .map(|l| Decimal::from_str(l["net"].as_str().expect("net")).expect("dec"))
        .sum();
    assert_eq!(
        statement_net,
        Decimal::from(1840),
        "the statement explains the payout"
    );
    // Shop A sees only its own (refunded, nothing owed or held).
    let money_a = owner_a
        .call("shop_money", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(money_a["statement"].as_array().map(Vec::len), Some(1));
    assert_eq!(money_a["statement"][0]["net"], "0");
    assert_eq!(
        account_sum(&pool, "refunds_payable", None).await,
        Decimal::ZERO
    );
    assert_eq!(
        account_sum(&pool, "payout_clearing", None).await,
        Decimal::ZERO
    );
    assert_eq!(
        account_sum(&pool, "platform_commission", None).await,
        Decimal::from(-160),
        "commission on the rejected part reversed"
    );
    assert_ledger_balanced(&pool).await;
}

#[sqlx::test(migrations = false)]
async fn a_single_item_is_refunded_and_the_rest_is_paid_out(pool: PgPool) {
    let live = live(pool.clone()).await;
    let a = shop(&pool, "vikapu", "aspirant").await; // 8 %
    let kikapu = variant(&pool, a, "Kikapu", "1500.00", 5).await;
    let mkeka = variant(&pool, a, "Mkeka", "500.00", 5).await;
    let mut c = shopper(
        live.router.clone(),
        "item@example.com",
        &[(kikapu, "1"), (mkeka, "2")],
    )
    .await;
    let order = place(&pool, &mut c, "0712000123").await;
    eventually(&pool, &order_status(order), "paid").await;
    let part: Uuid = scalar(&pool, "select id from vendor_orders").await;
    let item: Uuid = scalar(&pool, "select id from order_items where title = 'Mkeka'").await;
    let mut owner = staff(live.router.clone(), &pool, a, "owner@example.com", "owner").await;
    crate::common::two_step(&pool, "owner@example.com").await;
    let mut other = staff(
        live.router.clone(),
        &pool,
        shop(&pool, "other", "aspirant").await,
        "other@example.com",
        "owner",
    )
    .await;
    let args = [("id", part.to_string()), ("item_id", item.to_string())];
    let pairs: Vec<(&str, &str)> = args.iter().map(|(a, b)| (*a, b.as_str())).collect();
    assert_eq!(
        other.call("refund_item", &pairs).await.status,
        StatusCode::NOT_FOUND,
        "another shop cannot refund it"
    );
    let r = owner.call("refund_item", &pairs).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        owner.call("refund_item", &pairs).await.error().field(),
        Some("item"),
        "not twice"
    );
    let stock: i32 = sqlx::query_scalar("select stock from listing_variants where id = $1")
        .bind(mkeka)
        .fetch_one(&pool)
        .await
        .expect("stock");
    assert_eq!(stock, 5, "back in stock");
    let refund: Decimal =
        scalar(&pool, "select amount from payouts where purpose = 'refund'").await;
    assert_eq!(refund, Decimal::from(1000));
    for action in ["accept", "ship", "deliver"] {
        let r = owner
            .call("fulfil", &[("id", &part.to_string()), ("action", action)])
            .await;
        assert_eq!(r.status, StatusCode::OK, "{action}: {}", r.body);
    }
    sqlx::query("update vendor_orders set delivered_at = now() - interval '8 days'")
        .execute(&pool)
        .await
        .expect("age");
    let settings = app::settings::PayoutSettings::default();
    let run = app::payments::payouts::run(&pool, &live.state.mpesa, &settings)
        .await
        .expect("run");
    assert_eq!((run.released, run.queued), (1, 1));
    let paid_out: Decimal = scalar(
        &pool,
        "select amount from payouts where purpose = 'shop_payout'",
    )
    .await;
    assert_eq!(
        paid_out,
        Decimal::from(1380),
        "1,500 less 8 %; the refunded mats are not paid"
    );
    let money = owner
        .call("shop_money", &[])
        .await
        .json::<serde_json::Value>();
    assert_eq!(
        (money["pending"].as_str(), money["available"].as_str()),
        (Some("0"), Some("0"))
    );
    assert_eq!(money["statement"][0]["net"], "1380.00");
    assert_ledger_balanced(&pool).await;
}

/// A part waiting for its M-Pesa payment cannot be cancelled on its own. An order left in that
/// state by older code (a part dropped while the order waited) is not charged for it: its
/// payment is taken in and refunded. And it does not stop the expiry job for other orders.
#[sqlx::test(migrations = false)]
async fn an_unpaid_part_cannot_be_cancelled_and_a_stuck_order_never_stalls_expiry(pool: PgPool) {
    let live = live(pool.clone()).await;
    let token = live.state.mpesa.callback_token().to_owned();
    let a = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 5).await;
    let mut first = shopper(live.router.clone(), "first@example.com", &[(radio, "1")]).await;
    let stuck = place(&pool, &mut first, "0712000037").await; // unreachable: no callback
    let part: Uuid = scalar(
        &pool,
        &format!("select id from vendor_orders where order_id = '{stuck}'"),
    )
    .await;
    let refused = first
        .call("cancel_part", &[("id", &part.to_string())])
        .await;
    assert_eq!(refused.error().field(), Some("action"));
    let part_status = format!("select status from vendor_orders where id = '{part}'");
    assert_eq!(
        scalar::<String>(&pool, &part_status).await,
        "pending_payment"
    );

    // What the old rule allowed: the part cancelled (its unit back) while the order waits.
    sqlx::query("update vendor_orders set status = 'cancelled' where id = $1")
        .bind(part)
        .execute(&pool)
        .await
        .expect("old state");
    sqlx::query("update listing_variants set stock = stock + 1")
        .execute(&pool)
        .await
        .expect("unit back");
    let request: String = scalar(
        &pool,
        &format!("select checkout_request_id from payments where order_id = '{stuck}'"),
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let status = post_callback(
        &live,
        &token,
        &paid_body(&request, "1000", "254712000037", "RSTUCK1"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "the payment is recorded, not a 500");
    let flag: String = scalar(
        &pool,
        "select flag from mpesa_callbacks where outcome = 'flagged'",
    )
    .await;
    assert!(flag.contains("refund queued"), "{flag}");
    assert_eq!(scalar::<String>(&pool, &part_status).await, "cancelled");
    assert_ledger_balanced(&pool).await;

    // Another unpaid order; both reservations run out; the job expires both.
    let mut second = shopper(live.router.clone(), "second@example.com", &[(radio, "2")]).await;
    let other = place(&pool, &mut second, "0712000037").await;
    sqlx::query("update orders set reserved_until = now() - interval '1 second'")
        .execute(&pool)
        .await
        .expect("age");
    let expired = app::payments::collect::expire_due(&pool, &live.state.mpesa)
        .await
        .expect("expire");
    assert_eq!(expired, 2);
    for order in [stuck, other] {
        assert_eq!(
            scalar::<String>(&pool, &order_status(order)).await,
            "cancelled"
        );
    }
    assert_eq!(
        scalar::<i32>(&pool, "select stock from listing_variants").await,
        5,
        "every unit back"
    );
}

/// Rejecting a paid part and refunding one of its items at the same moment refund the part
/// once: whichever runs second sees the other's work (the part's row is locked and its status
/// checked inside the transaction), so the shopper never gets more back than they paid.
#[sqlx::test(migrations = false)]
async fn an_item_refund_racing_a_rejection_refunds_once(pool: PgPool) {
    let live = live(pool.clone()).await;
    let a = shop(&pool, "vikapu", "aspirant").await;
    let kikapu = variant(&pool, a, "Kikapu", "1500.00", 50).await;
    let mkeka = variant(&pool, a, "Mkeka", "500.00", 50).await;
    for n in 0..4 {
        let mut c = shopper(
            live.router.clone(),
            &format!("race{n}@example.com"),
            &[(kikapu, "1"), (mkeka, "1")],
        )
        .await;
        let order = place(&pool, &mut c, "0712000123").await;
        eventually(&pool, &order_status(order), "paid").await;
        let part: Uuid = scalar(
            &pool,
            &format!("select id from vendor_orders where order_id = '{order}'"),
        )
        .await;
        let item: Uuid = scalar(
            &pool,
            &format!(
                "select id from order_items where vendor_order_id = '{part}' and title = 'Mkeka'"
            ),
        )
        .await;
        let status = app::domain::order::VendorOrderStatus::AwaitingAcceptance;
        let reject = app::fulfilment::step(
            &pool,
            None,
            part,
            status,
            app::domain::order::VendorOrderEvent::Reject,
            Some("out of stock"),
        );
        let refund = app::fulfilment::refund_item(&pool, None, part, item, None);
        let (rejected, refunded) = tokio::join!(reject, refund);
        assert!(
            rejected.is_ok() || refunded.is_ok(),
            "{rejected:?} {refunded:?}"
        );
        let owed: Decimal = scalar(
            &pool,
            &format!(
                "select coalesce(sum(amount), 0) from payouts where purpose = 'refund'
                 and (vendor_order_id = '{part}' or order_item_id in (select id from order_items where vendor_order_id = '{part}'))"
            ),
        )
        .await;
        assert_eq!(
            owed,
            Decimal::from(2000),
            "race {n}: refunded exactly what was paid"
        );
    }
    assert_ledger_balanced(&pool).await;
}

/// Three senders at once (the job, "Run payouts now" and a second server instance) send each
/// queued payout exactly once: counted at the simulator, duplicates included.
#[sqlx::test(migrations = false)]
async fn concurrent_payout_runs_send_each_payout_once(pool: PgPool) {
    let live = live(pool.clone()).await;
    let mut queued = Vec::new();
    for n in 0..6 {
        let vendor = shop(&pool, &format!("duka-{n}"), "aspirant").await;
        let id = Uuid::new_v4();
        sqlx::query(
            "insert into payouts (id, purpose, vendor_id, amount, currency, phone, status)
             values ($1, 'shop_payout', $2, 500, 'KES', '254712000123', 'requested')",
        )
        .bind(id)
        .bind(vendor)
        .execute(&pool)
        .await
        .expect("queued payout");
        queued.push(id);
    }
    let mpesa = &live.state.mpesa;
    let (a, b, c) = tokio::join!(
        app::payments::payouts::send_unsent(&pool, mpesa),
        app::payments::payouts::send_unsent(&pool, mpesa),
        app::payments::payouts::send_unsent(&pool, mpesa),
    );
    let sent = a.expect("run a") + b.expect("run b") + c.expect("run c");
    assert_eq!(sent, queued.len());
    assert_eq!(
        live.sim.payout_requests(),
        queued.len(),
        "no payout requested twice"
    );
    assert_eq!(
        app::payments::payouts::send_unsent(&pool, mpesa)
            .await
            .expect("rerun"),
        0,
        "a later run finds nothing to send"
    );
    assert_eq!(live.sim.payout_requests(), queued.len());
}

#[sqlx::test(migrations = false)]
async fn pin_prompts_and_payment_checks_are_limited(pool: PgPool) {
    use app::domain::Invalid;
    use app::domain::payment::{
        PROMPTS_PER_ORDER_PER_HOUR, PROMPTS_PER_PHONE_PER_HOUR, SECS_BETWEEN_QUERIES,
    };
    use app::error::AppError;
    let live = live(pool.clone()).await;
    let a = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, a, "Radio", "1000.00", 50).await;
    let mut c = shopper(live.router.clone(), "ring@example.com", &[(radio, "1")]).await;

    // `032`: the shopper cancels every prompt; they (or someone with their order) ask again.
    let order = place(&pool, &mut c, "0712000032").await;
    let retry = |c: &mut Client| {
        let mut c = c.clone();
        let id = order.to_string();
        async move {
            c.call("pay_order", &[("id", &id), ("phone", "0712000032")])
                .await
        }
    };
    for sent in 1..PROMPTS_PER_ORDER_PER_HOUR {
        eventually(&pool, &payment_status(order), "failed").await;
        let r = retry(&mut c).await;
        assert_eq!(r.status, StatusCode::OK, "prompt {}: {}", sent + 1, r.body);
    }
    eventually(&pool, &payment_status(order), "failed").await;
    let refused = retry(&mut c).await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        refused.error(),
        AppError::invalid(
            "phone",
            Invalid::PromptLimit {
                per_hour: PROMPTS_PER_ORDER_PER_HOUR
            }
        )
    );
    assert_eq!(live.sim.pushes(), PROMPTS_PER_ORDER_PER_HOUR as usize);
    assert_eq!(
        scalar::<i64>(&pool, "select count(*) from payments").await,
        PROMPTS_PER_ORDER_PER_HOUR,
        "nothing written for the refused prompt"
    );

    // One phone, many orders: the phone's own limit.
    sqlx::query(
        "insert into payments (id, order_id, status, amount, requested, phone)
         select gen_random_uuid(), $1, 'failed', 1, 1, '254712000555' from generate_series(1, $2)",
    )
    .bind(order)
    .bind(PROMPTS_PER_PHONE_PER_HOUR as i32)
    .execute(&pool)
    .await
    .expect("earlier prompts to the phone");
    let mut other = shopper(live.router.clone(), "other@example.com", &[(radio, "1")]).await;
    let (_, r) = place_order(&mut other, &[("phone", "0712000555"), ("payment", "mpesa")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST, "{}", r.body);
    assert_eq!(
        r.error(),
        AppError::invalid(
            "phone",
            Invalid::PromptLimit {
                per_hour: PROMPTS_PER_PHONE_PER_HOUR
            }
        )
    );

    // "Check again" asks Daraja at most once per SECS_BETWEEN_QUERIES.
    let mut waiting = shopper(live.router.clone(), "wait@example.com", &[(radio, "1")]).await;
    let pending = place(&pool, &mut waiting, "0712000999").await;
    let check = |c: &mut Client| {
        let mut c = c.clone();
        async move {
            c.call("check_payment", &[("id", &pending.to_string())])
                .await
        }
    };
    assert_eq!(check(&mut waiting).await.status, StatusCode::OK);
    let again = check(&mut waiting).await;
    assert_eq!(again.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        again.error(),
        AppError::invalid(
            "payment",
            Invalid::CheckTooSoon {
                secs: SECS_BETWEEN_QUERIES
            }
        )
    );
}

//! Faults: database connections cut in the middle of work (as a PostgreSQL restart or a
//! crashed server cuts them). Every transaction either happened whole or not at all, and the
//! retry that follows — the browser's resubmitted checkout, Daraja's repeated callback —
//! finishes the work exactly once.

use crate::common::{
    Client, ORIGIN, checkout_form, checkout_key, live, scalar, shop, shopper, variant,
};
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use serde_json::json;
use sqlx::PgPool;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;
use tower::ServiceExt;

/// Cuts every other connection to this test's database, the way a restart does.
async fn cut_connections(pool: &PgPool) -> i64 {
    sqlx::query_scalar(
        "select count(*) from (select pg_terminate_backend(pid) from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()) t",
    )
    .fetch_one(pool)
    .await
    .unwrap_or(0)
}

async fn assert_consistent(pool: &PgPool) {
    let off: i64 = scalar(
        pool,
        "select count(*) from (select 1 from ledger_entries group by transaction_id, currency having sum(amount) <> 0) t",
    )
    .await;
    assert_eq!(off, 0, "every ledger transaction balances");
    let hollow: i64 = scalar(
        pool,
        "select count(*) from orders o where not exists (select 1 from vendor_orders vo where vo.order_id = o.id)
            or exists (select 1 from vendor_orders vo where vo.order_id = o.id
                       and not exists (select 1 from order_items i where i.vendor_order_id = vo.id))",
    )
    .await;
    assert_eq!(hollow, 0, "no order without its parts and items");
}

#[sqlx::test(migrations = false)]
async fn checkouts_survive_connections_cut_under_load(pool: PgPool) {
    let live = live(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, duka, "Radio", "1000.00", 100).await;
    const SHOPPERS: usize = 16;
    let mut clients = Vec::new();
    for n in 0..SHOPPERS {
        let mut c = shopper(
            live.router.clone(),
            &format!("s{n}@example.com"),
            &[(radio, "2")],
        )
        .await;
        let key = checkout_key(&mut c).await;
        clients.push((c, key));
    }

    // Connections are cut every few milliseconds while every shopper places their order.
    let cutting = Arc::new(AtomicBool::new(true));
    let cutter = {
        let (pool, cutting) = (pool.clone(), cutting.clone());
        tokio::spawn(async move {
            let mut cut = 0;
            while cutting.load(Ordering::Relaxed) {
                cut += cut_connections(&pool).await;
                tokio::time::sleep(Duration::from_millis(15)).await;
            }
            cut
        })
    };
    let place = |mut c: Client, key: String| async move {
        let form = checkout_form(&key, &[]);
        let pairs: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let reply = c.call("place_order", &pairs).await;
        (c, key, reply.status)
    };
    let handles: Vec<_> = clients
        .into_iter()
        .map(|(c, key)| tokio::spawn(place(c, key)))
        .collect();
    let mut first = Vec::new();
    for h in handles {
        first.push(h.await.expect("task"));
    }
    cutting.store(false, Ordering::Relaxed);
    let cut = cutter.await.expect("cutter");
    assert!(cut > 0, "connections were cut");
    let acknowledged: Vec<String> = first
        .iter()
        .filter(|(_, _, s)| *s == StatusCode::OK)
        .map(|(_, k, _)| k.clone())
        .collect();
    let failed = SHOPPERS - acknowledged.len();
    eprintln!("{cut} connections cut; {failed} of {SHOPPERS} checkouts failed and are retried");

    // Nothing acknowledged was lost, nothing is half-written.
    for key in &acknowledged {
        let found: i64 =
            sqlx::query_scalar("select count(*) from orders where checkout_key = $1::uuid")
                .bind(key)
                .fetch_one(&pool)
                .await
                .expect("order");
        assert_eq!(found, 1, "acknowledged order {key} is there");
    }
    assert_consistent(&pool).await;

    // The shoppers whose checkout failed send it again (same key): each order exists once.
    for (c, key, status) in first {
        if status == StatusCode::OK {
            continue;
        }
        let (_, _, again) = place(c, key).await;
        assert_eq!(again, StatusCode::OK);
    }
    let orders: i64 = scalar(&pool, "select count(*) from orders").await;
    assert_eq!(orders, SHOPPERS as i64, "one order per shopper");
    let stock: i32 = sqlx::query_scalar("select stock from listing_variants where id = $1")
        .bind(radio)
        .fetch_one(&pool)
        .await
        .expect("stock");
    assert_eq!(
        stock,
        100 - 2 * SHOPPERS as i32,
        "stock taken once per order"
    );
    assert_consistent(&pool).await;
}

async fn post_callback(router: &axum::Router, token: &str, body: &str) -> StatusCode {
    let req = Request::post(format!("/mpesa/{token}/stk"))
        .header(header::CONTENT_TYPE, "application/json")
        .header(header::ORIGIN, ORIGIN)
        .body(Body::from(body.to_owned()))
        .expect("request");
    router
        .clone()
        .oneshot(req)
        .await
        .expect("infallible")
        .status()
}

/// The server dies while it applies a paid callback (its connection cut mid-transaction, after
/// it has begun writing): Daraja gets no "Accepted", sends the callback again, and the payment
/// is applied once.
#[sqlx::test(migrations = false)]
async fn a_callback_cut_off_midway_is_applied_once_when_daraja_retries(pool: PgPool) {
    let live = live(pool.clone()).await;
    let token = live.state.mpesa.callback_token().to_owned();
    let duka = shop(&pool, "duka", "aspirant").await;
    let radio = variant(&pool, duka, "Radio", "1000.00", 5).await;
    let mut c = shopper(live.router.clone(), "cb@example.com", &[(radio, "1")]).await;
    // `999`: the simulator takes the money and sends no callback; we play Safaricom.
    let key = checkout_key(&mut c).await;
    let form = checkout_form(&key, &[("phone", "0712000999"), ("payment", "mpesa")]);
    let pairs: Vec<(&str, &str)> = form.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(c.call("place_order", &pairs).await.status, StatusCode::OK);
    let request: String = scalar(&pool, "select checkout_request_id from payments").await;
    let body = json!({ "Body": { "stkCallback": {
        "MerchantRequestID": "m", "CheckoutRequestID": request, "ResultCode": 0, "ResultDesc": "ok",
        "CallbackMetadata": { "Item": [
            { "Name": "Amount", "Value": 1000 }, { "Name": "MpesaReceiptNumber", "Value": "RKILL1" },
            { "Name": "PhoneNumber", "Value": 254712000999_u64 },
        ]}
    }}})
    .to_string();

    // Hold the order's row so the callback stops partway through its transaction.
    let mut holder = pool.begin().await.expect("holder");
    sqlx::query("select 1 from orders for update")
        .execute(&mut *holder)
        .await
        .expect("hold");
    let call = {
        let (router, token, body) = (live.router.clone(), token.clone(), body.clone());
        tokio::spawn(async move { post_callback(&router, &token, &body).await })
    };
    let mut stuck = None;
    for _ in 0..100 {
        stuck = sqlx::query_scalar::<_, i32>(
            "select pid from pg_stat_activity where datname = current_database()
             and wait_event_type = 'Lock' and pid <> pg_backend_pid() limit 1",
        )
        .fetch_optional(&pool)
        .await
        .expect("activity");
        if stuck.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let stuck = stuck.expect("the callback waits inside its transaction");
    let wrote: bool =
        sqlx::query_scalar("select backend_xid is not null from pg_stat_activity where pid = $1")
            .bind(stuck)
            .fetch_one(&pool)
            .await
            .expect("xid");
    assert!(wrote, "it had begun writing when it was cut");
    sqlx::query("select pg_terminate_backend($1)")
        .bind(stuck)
        .execute(&pool)
        .await
        .expect("cut");
    assert_eq!(
        call.await.expect("task"),
        StatusCode::INTERNAL_SERVER_ERROR,
        "no Accepted: Daraja will send it again"
    );
    holder.rollback().await.expect("release");
    let nothing = [
        "select count(*) from payments where status <> 'pending'",
        "select count(*) from orders where status <> 'pending_payment'",
        "select count(*) from ledger_transactions",
        "select count(*) from mpesa_callbacks",
    ];
    for sql in nothing {
        assert_eq!(
            scalar::<i64>(&pool, sql).await,
            0,
            "{sql}: the cut work left nothing"
        );
    }

    // Daraja's retries: applied once, then recognised as the same payment.
    for _ in 0..2 {
        assert_eq!(
            post_callback(&live.router, &token, &body).await,
            StatusCode::OK
        );
    }
    assert_eq!(
        scalar::<String>(&pool, "select status from payments").await,
        "paid"
    );
    assert_eq!(
        scalar::<String>(
            &pool,
            "select string_agg(outcome, ',' order by received_at) from mpesa_callbacks"
        )
        .await,
        "applied,duplicate"
    );
    let payments_posted: i64 = scalar(
        &pool,
        "select count(*) from ledger_transactions where kind = 'mpesa_payment'",
    )
    .await;
    assert_eq!(payments_posted, 1, "the money is booked once");
    assert_consistent(&pool).await;
}

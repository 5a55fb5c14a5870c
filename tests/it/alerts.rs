//! Saved items and notifications: a price drop is told exactly once (and again only after a
//! day), by the channels the person chose — nothing to someone who chose none; a restock is
//! told after the item ran out; the app's list counts unread until read; text messages need a
//! phone; a failing send backs off, becomes a dead letter after ten tries, and an admin can
//! send it again.

use crate::common::{Client, app, make_admin, scalar, shop, shopper, variant};
use app::db::notifications::{self as outbox, Channel};
use app::domain::Invalid;
use app::error::AppError;
use app::wire::auth::NotificationsView;
use sqlx::PgPool;
use uuid::Uuid;

async fn told(pool: &PgPool, email: &str) -> Vec<(String, String)> {
    sqlx::query_as(
        "select n.channel, n.subject from notifications n join users u on u.email = $1
         where (n.recipient = u.email or n.user_id = u.id) and n.subject not like 'Confirm your email%'
         order by n.channel, n.created_at",
    )
    .bind(email)
    .fetch_all(pool)
    .await
    .expect("notifications")
}

#[sqlx::test(migrations = false)]
async fn saved_items_alert_once_by_the_chosen_channels(pool: PgPool) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    variant(&pool, duka, "Sufuria", "1500.00", 3).await;
    let listing: Uuid = scalar(&pool, "select id from listings").await;
    let mut amina = shopper(router.clone(), "amina@example.com", &[]).await;
    let mut quiet = shopper(router.clone(), "quiet@example.com", &[]).await;
    for c in [&mut amina, &mut quiet] {
        let r = c
            .call(
                "set_saved",
                &[
                    ("listing_id", &listing.to_string()),
                    ("save", "true"),
                    ("back_to", "/"),
                ],
            )
            .await;
        assert!(!r.status.is_client_error(), "{}", r.body);
    }
    // The quiet one wants nothing at all; a phone is needed for text messages.
    let r = quiet.call("save_channels", &[("sms", "on")]).await;
    assert_eq!(r.error(), AppError::invalid("sms", Invalid::PhoneMissing));
    let r = quiet.call("save_channels", &[]).await;
    assert!(!r.status.is_client_error(), "{}", r.body);

    // Nothing changed: nothing to tell.
    assert_eq!(app::wishlist::alert(&pool, None).await.expect("alerts"), 0);
    sqlx::query("update listings set price = 1200.00")
        .execute(&pool)
        .await
        .expect("price drop");
    assert_eq!(app::wishlist::alert(&pool, None).await.expect("alerts"), 2);
    assert_eq!(
        app::wishlist::alert(&pool, None).await.expect("alerts"),
        0,
        "once"
    );
    assert_eq!(
        told(&pool, "amina@example.com").await,
        vec![
            ("app".to_owned(), "Price drop: Sufuria".to_owned()),
            ("email".to_owned(), "Price drop: Sufuria".to_owned()),
        ]
    );
    assert!(
        told(&pool, "quiet@example.com").await.is_empty(),
        "opted out"
    );

    // A further drop the same day waits for the next day.
    sqlx::query("update listings set price = 1100.00")
        .execute(&pool)
        .await
        .expect("price drop");
    assert_eq!(app::wishlist::alert(&pool, None).await.expect("alerts"), 0);
    sqlx::query("update wishlist set alerted_at = now() - interval '25 hours'")
        .execute(&pool)
        .await
        .expect("a day later");
    assert_eq!(app::wishlist::alert(&pool, None).await.expect("alerts"), 2);

    // Sold out, then back: told once it is back.
    sqlx::query("update listings set stock = 0")
        .execute(&pool)
        .await
        .expect("sold out");
    sqlx::query("update wishlist set alerted_at = now() - interval '25 hours'")
        .execute(&pool)
        .await
        .expect("a day later");
    assert_eq!(app::wishlist::alert(&pool, None).await.expect("alerts"), 0);
    sqlx::query("update listings set stock = 5")
        .execute(&pool)
        .await
        .expect("restocked");
    assert_eq!(app::wishlist::alert(&pool, None).await.expect("alerts"), 2);
    let subjects: Vec<String> = told(&pool, "amina@example.com")
        .await
        .into_iter()
        .filter(|(c, _)| c == "app")
        .map(|(_, s)| s)
        .collect();
    assert_eq!(subjects.len(), 3);
    assert!(subjects.contains(&"Back in stock: Sufuria".to_owned()));

    // The app's list: three unread, counted in the session's user; reading marks them read.
    let me: Option<app::wire::auth::UserView> = amina.call("current_user", &[]).await.json();
    assert_eq!(me.map(|u| u.unread), Some(3));
    let page: NotificationsView = amina.call("my_notifications", &[]).await.json();
    assert_eq!(page.items.len(), 3);
    assert!(page.items.iter().all(|n| n.unread));
    assert!(page.email && page.app && !page.sms);
    let me: Option<app::wire::auth::UserView> = amina.call("current_user", &[]).await.json();
    assert_eq!(me.map(|u| u.unread), Some(0));
}

#[sqlx::test(migrations = false)]
async fn failed_sends_back_off_then_wait_for_an_admin(pool: PgPool) {
    let router = app(pool.clone()).await;
    let mut tx = pool.begin().await.expect("tx");
    outbox::queue(&mut tx, "nobody@example.com", "Hello", "Body")
        .await
        .expect("queue");
    tx.commit().await.expect("commit");
    let failing = |_| async { Err::<(), _>("mailbox full".to_owned()) };
    assert_eq!(
        outbox::deliver(&pool, Channel::Email, None, failing)
            .await
            .expect("deliver"),
        0
    );
    // Backed off: the next run does not try it again at once.
    outbox::deliver(&pool, Channel::Email, None, failing)
        .await
        .expect("deliver");
    let (attempts, waits): (i32, bool) = sqlx::query_as(
        "select attempts, next_attempt_at > now() + interval '30 seconds' from notifications",
    )
    .fetch_one(&pool)
    .await
    .expect("row");
    assert_eq!((attempts, waits), (1, true));

    // After ten tries it is a dead letter the admins see, and can send again.
    sqlx::query("update notifications set attempts = 10")
        .execute(&pool)
        .await
        .expect("ten tries");
    let mut admin = Client::new(router.clone());
    admin.register("admin@sokoni.example", "Admin").await;
    make_admin(&pool, "admin@sokoni.example").await;
    let dead: Vec<app::wire::notifications::DeadLetter> =
        admin.call("dead_letters", &[]).await.json();
    assert_eq!(dead.len(), 1);
    assert_eq!(dead[0].last_error.as_deref(), Some("mailbox full"));
    let r = admin
        .call("retry_notification", &[("id", &dead[0].id.to_string())])
        .await;
    assert!(!r.status.is_client_error(), "{}", r.body);
    let sent = outbox::deliver(&pool, Channel::Email, Some(dead[0].id), |_| async {
        Ok(())
    })
    .await
    .expect("deliver");
    assert_eq!(sent, 1);
}

#[sqlx::test(migrations = false)]
async fn a_listing_running_low_is_told_to_its_shop_once(pool: PgPool) {
    let router = app(pool.clone()).await;
    let duka = shop(&pool, "duka", "aspirant").await;
    let unga = variant(&pool, duka, "Unga", "200.00", 7).await;
    crate::common::staff(router.clone(), &pool, duka, "owner@duka.example", "owner").await;
    let low = || {
        scalar::<i64>(
            &pool,
            "select count(*) from notifications where channel = 'email' and subject = 'Low stock: Unga'",
        )
    };
    // 7 → 6: above the line (5), nothing; 6 → 4: crossed, told; 4 → 3: still low, not again.
    for (n, (email, told)) in [
        ("a@example.com", 0),
        ("b@example.com", 1),
        ("c@example.com", 1),
    ]
    .into_iter()
    .enumerate()
    {
        let quantity = if n == 1 { "2" } else { "1" };
        let mut c = shopper(router.clone(), email, &[(unga, quantity)]).await;
        let (_, r) = crate::common::place_order(&mut c, &[]).await;
        assert_eq!(r.status, axum::http::StatusCode::OK, "{}", r.body);
        assert_eq!(low().await, told, "after {email}");
    }
}

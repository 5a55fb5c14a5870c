//! The background jobs: two server instances on one database never do the shared work twice,
//! and the mail outbox keeps a message an SMTP server refused until it can be sent.

use crate::common::state_on;
use app::mail::Mailer;
use app::settings::MailSettings;
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use uuid::Uuid;

fn mail_settings(smtp_url: Option<&str>) -> (MailSettings, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("sokoni-jobs-{}", Uuid::new_v4()));
    let settings = MailSettings {
        from: "Sokoni <orders@sokoni.test>".into(),
        smtp_url: smtp_url.map(str::to_owned),
        dir: dir.to_string_lossy().into_owned(),
    };
    (settings, dir)
}

fn mailbox(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

async fn queue_mail(pool: &PgPool, n: usize) {
    for i in 0..n {
        sqlx::query(
            "insert into notifications (id, recipient, subject, body) values ($1, $2, 'Hello', 'Body')",
        )
        .bind(Uuid::new_v4())
        .bind(format!("person{i}@example.com"))
        .execute(pool)
        .await
        .expect("queued");
    }
}

async fn unsent(pool: &PgPool) -> i64 {
    sqlx::query_scalar("select count(*) from notifications where sent_at is null")
        .fetch_one(pool)
        .await
        .expect("count")
}

#[sqlx::test(migrations = false)]
async fn two_instances_never_run_the_shared_jobs_twice(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrations");
    // A second instance: its own connection pool to the same database.
    let other_pool = PgPoolOptions::new()
        .max_connections(5)
        .connect_with((*pool.connect_options()).clone())
        .await
        .expect("second pool");
    let (a, b) = (state_on(pool.clone()), state_on(other_pool));
    let (settings_a, dir_a) = mail_settings(None);
    let (settings_b, dir_b) = mail_settings(None);
    let (mailer_a, mailer_b) = (
        Mailer::new(&settings_a).expect("mailer a"),
        Mailer::new(&settings_b).expect("mailer b"),
    );

    // While one instance leads, the other does none of the shared work.
    queue_mail(&pool, 5).await;
    let held = app::db::leader::lead(&pool)
        .await
        .expect("lock")
        .expect("free");
    assert!(!sokoni::jobs::round(&b, Some(&mailer_b), true).await);
    assert_eq!(mailbox(&dir_b), 0);
    assert_eq!(unsent(&pool).await, 5);
    held.rollback().await.expect("release");
    assert!(sokoni::jobs::round(&b, Some(&mailer_b), false).await);
    assert_eq!(mailbox(&dir_b), 5);

    // Both at once, however they interleave: every message goes out exactly once.
    queue_mail(&pool, 40).await;
    tokio::join!(
        sokoni::jobs::round(&a, Some(&mailer_a), true),
        sokoni::jobs::round(&b, Some(&mailer_b), true),
    );
    assert_eq!(unsent(&pool).await, 0);
    assert_eq!(
        mailbox(&dir_a) + mailbox(&dir_b),
        45,
        "no message sent twice"
    );
    let _ = std::fs::remove_dir_all(dir_a);
    let _ = std::fs::remove_dir_all(dir_b);
}

#[sqlx::test(migrations = false)]
async fn a_message_the_smtp_server_refused_is_sent_on_a_later_run(pool: PgPool) {
    sokoni::startup::migrate(&pool).await.expect("migrations");
    queue_mail(&pool, 1).await;
    // Nothing listens on port 9: the connection is refused, as from an SMTP server that is down.
    let (down, _) = mail_settings(Some("smtp://127.0.0.1:9"));
    let down = Mailer::new(&down).expect("smtp mailer");
    let sent = app::mail::send_pending(&pool, &down, "Sokoni <orders@sokoni.test>")
        .await
        .expect("run");
    assert_eq!(sent, 0);
    let attempts: i32 = sqlx::query_scalar("select attempts from notifications")
        .fetch_one(&pool)
        .await
        .expect("attempts");
    assert_eq!(
        (unsent(&pool).await, attempts),
        (1, 1),
        "kept, one try counted"
    );

    // The server is back; the failed message waits out its backoff (a minute after one try).
    let (up, dir) = mail_settings(None);
    let up = Mailer::new(&up).expect("dir mailer");
    let sent = app::mail::send_pending(&pool, &up, "Sokoni <orders@sokoni.test>")
        .await
        .expect("too soon");
    assert_eq!(sent, 0, "backing off");
    sqlx::query("update notifications set next_attempt_at = now() - interval '1 second'")
        .execute(&pool)
        .await
        .expect("a minute later");
    let sent = app::mail::send_pending(&pool, &up, "Sokoni <orders@sokoni.test>")
        .await
        .expect("retry");
    assert_eq!((sent, unsent(&pool).await, mailbox(&dir)), (1, 0, 1));
    let _ = std::fs::remove_dir_all(dir);
}

//! Delivering the notifications outbox. Production speaks SMTP (`[mail] smtp-url`); development
//! writes each message as an `.eml` file into `[mail] dir` — the dev mailbox, readable with
//! any mail client or `cat`. Built on lettre.

use crate::db::notifications as outbox;
use lettre::message::Mailbox;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::PgPool;

pub enum Mailer {
    Dir(AsyncFileTransport<Tokio1Executor>),
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
}

impl Mailer {
    pub fn new(settings: &crate::settings::MailSettings) -> Result<Self, String> {
        match settings.smtp_url.as_deref().filter(|u| !u.is_empty()) {
            Some(url) => AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                .map(|b| Self::Smtp(b.build()))
                .map_err(|e| format!("[mail] smtp-url: {e}")),
            None => {
                std::fs::create_dir_all(&settings.dir)
                    .map_err(|e| format!("[mail] dir {}: {e}", settings.dir))?;
                Ok(Self::Dir(AsyncFileTransport::new(&settings.dir)))
            }
        }
    }

    async fn send(&self, message: Message) -> Result<(), String> {
        match self {
            Self::Dir(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
            Self::Smtp(t) => t.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
        }
    }
}

/// Sends the emails the outbox holds (see `outbox::deliver`: claimed one at a time, a failed
/// message retried next time, up to ten tries).
pub async fn send_pending(
    pool: &PgPool,
    mailer: &Mailer,
    from: &str,
) -> Result<usize, sqlx::Error> {
    let Ok(from) = from.parse::<Mailbox>() else {
        tracing::error!(%from, "[mail] from is not an address");
        return Ok(0);
    };
    let from = &from;
    outbox::deliver(pool, outbox::Channel::Email, None, |n| async move {
        let to = n.recipient.parse::<Mailbox>().map_err(|e| e.to_string())?;
        let message = Message::builder()
            .from(from.clone())
            .to(to)
            .subject(n.subject)
            .body(n.body)
            .map_err(|e| e.to_string())?;
        mailer.send(message).await
    })
    .await
}

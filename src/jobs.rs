//! Background housekeeping that runs inside the server process.

use app::state::AppState;
use std::time::Duration;
use tokio::task::JoinHandle;
use tower_sessions::ExpiredDeletion;
use tower_sessions_sqlx_store::PostgresStore;

/// How often counted product views are written.
const VIEW_FLUSH: Duration = Duration::from_secs(30);
/// Housekeeping runs every this many view flushes (10 minutes).
const HOUSEKEEPING_EVERY: u32 = 20;

/// Starts the periodic jobs; abort the handle to stop them.
pub fn spawn(state: AppState) -> JoinHandle<()> {
    tokio::spawn(async move {
        let sessions = PostgresStore::new(state.pool.clone());
        let expired = tokio::spawn(sessions.continuously_delete_expired(Duration::from_secs(3600)));
        let mailer = app::mail::Mailer::new(&state.settings.mail)
            .inspect_err(|e| tracing::error!(error = %e, "notifications will not be mailed"))
            .ok();
        let mut tick = tokio::time::interval(VIEW_FLUSH);
        let mut n: u32 = 0;
        loop {
            tick.tick().await;
            round(
                &state,
                mailer.as_ref(),
                n.is_multiple_of(HOUSEKEEPING_EVERY),
            )
            .await;
            n = n.wrapping_add(1);
            if expired.is_finished() {
                tracing::warn!("expired-session deletion stopped");
            }
        }
    })
}

/// One round of the jobs. Product views are counted in this process's memory, so every
/// instance writes its own; everything else is shared work that one instance at a time does
/// (`db::leader`): two instances on one database never send a mail, a payout or an STK query
/// twice. Returns whether this instance led the round.
pub async fn round(
    state: &AppState,
    mailer: Option<&app::mail::Mailer>,
    housekeeping: bool,
) -> bool {
    let pool = &state.pool;
    if let Err(e) = state.views.flush(pool).await {
        tracing::warn!(error = %e, "writing product views failed; kept for the next flush");
    }
    let lead = match app::db::leader::lead(pool).await {
        Ok(Some(lead)) => lead,
        Ok(None) => return false,
        Err(e) => {
            tracing::warn!(error = %e, "taking the jobs lock failed");
            return false;
        }
    };
    payment_upkeep(state).await;
    deadlines(state).await;
    if let Some(mailer) = mailer {
        match app::mail::send_pending(pool, mailer, &state.settings.mail.from).await {
            Ok(n) if n > 0 => tracing::info!(sent = n, "notifications mailed"),
            Ok(_) => {}
            Err(e) => tracing::warn!(error = %e, "mailing notifications failed"),
        }
    }
    match app::sms::send_pending(pool, &state.sms, None).await {
        Ok(n) if n > 0 => tracing::info!(sent = n, "text messages sent"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "sending text messages failed"),
    }
    match app::db::analytics_rollup::refresh(pool, app::db::analytics_rollup::Busy::Skip).await {
        Ok(n) if n > 0 => tracing::debug!(days = n, "analytics rollups rebuilt"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "rebuilding the analytics rollups failed"),
    }
    if housekeeping {
        housekeep(state).await;
    }
    // Ending the transaction lets another instance lead the next round.
    if let Err(e) = lead.rollback().await {
        tracing::warn!(error = %e, "releasing the jobs lock failed");
    }
    true
}

/// Buyer protection: parts their shops let the acceptance deadline pass are cancelled and
/// refunded; disputes they left unanswered past the deadline go to the admins. And alerts on
/// saved items that got cheaper or came back in stock.
async fn deadlines(state: &AppState) {
    let pool = &state.pool;
    let hours = match app::db::platform::get(pool, &state.settings).await {
        Ok(s) => s.accept_hours,
        Err(e) => {
            tracing::warn!(error = %e, "reading the order deadlines failed");
            return;
        }
    };
    match app::fulfilment::cancel_unaccepted(pool, hours).await {
        Ok(n) if n > 0 => tracing::info!(parts = n, "cancelled parts not accepted in time"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "cancelling parts not accepted in time failed"),
    }
    match app::wishlist::alert(pool, None).await {
        Ok(n) if n > 0 => tracing::info!(alerts = n, "saved-item alerts sent"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "saved-item alerts failed"),
    }
    match app::disputes::escalate_unanswered(pool).await {
        Ok(n) if n > 0 => tracing::info!(disputes = n, "escalated disputes not answered in time"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "escalating unanswered disputes failed"),
    }
}

/// Every ten minutes: the search vocabulary, old rows, payouts.
async fn housekeep(state: &AppState) {
    let pool = &state.pool;
    // The typo-correction vocabulary follows the approved catalog (approvals add words at
    // once; this also drops words of listings that left).
    if let Err(e) = app::db::search::refresh_statistics(pool).await {
        tracing::warn!(error = %e, "refreshing the search vocabulary failed");
    }
    match app::db::login_failures::prune(pool).await {
        Ok(n) if n > 0 => tracing::info!(rows = n, "pruned old login failures"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "pruning login failures failed"),
    }
    match app::db::user_sessions::prune(pool, state.settings.auth.session_idle_days).await {
        Ok(n) if n > 0 => tracing::info!(rows = n, "pruned ended sessions from the sessions list"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "pruning the sessions list failed"),
    }
    match app::db::password_resets::prune(pool).await {
        Ok(n) if n > 0 => tracing::info!(rows = n, "pruned old password reset requests and links"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "pruning password resets failed"),
    }
    match app::db::email_verifications::prune(pool).await {
        Ok(n) if n > 0 => tracing::info!(rows = n, "pruned old email verification links"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "pruning email verification links failed"),
    }
    match app::db::carts::prune_guest(pool).await {
        Ok(n) if n > 0 => tracing::info!(carts = n, "pruned abandoned guest carts"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "pruning guest carts failed"),
    }
    match collect_media(state).await {
        Ok(n) if n > 0 => tracing::info!(files = n, "unused media deleted"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "collecting unused media failed"),
    }
    let rules = match app::db::platform::payout_rules(pool, &state.settings).await {
        Ok(rules) => rules,
        Err(e) => return tracing::warn!(error = %e, "reading the payout rules failed"),
    };
    match app::payments::payouts::run(pool, &state.mpesa, &rules).await {
        Ok(r) if r != Default::default() => tracing::info!(?r, "payouts run"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = ?e, "payouts run failed"),
    }
}

/// Media nothing has used for this long is deleted: photos of refused uploads, replaced
/// logos, removed documents. The wait covers an upload between storing its file and
/// attaching it.
const MEDIA_UNUSED_HOURS: i32 = 24;

/// Deletes unused media: the rows first, then their files (a file whose deletion fails is
/// only disk space; a row without its file would be a broken image). The number forgotten.
pub async fn collect_media(state: &AppState) -> Result<usize, sqlx::Error> {
    let unused = app::db::media::forget_unused(&state.pool, MEDIA_UNUSED_HOURS, 500).await?;
    for (key, public) in &unused {
        for name in app::media::process::stored_names(key, *public) {
            if let Err(e) = state.media.delete(&name).await {
                tracing::warn!(%name, error = %e, "unused media file not deleted");
            }
        }
    }
    Ok(unused.len())
}

/// Attempts whose callback is this late are asked about by STK query.
const CALLBACK_GRACE_SECS: i64 = 60;

/// Every tick: reconcile M-Pesa prompts whose callback never came, flag callbacks that match
/// no prompt, and release the stock of unpaid orders whose reservation ran out.
async fn payment_upkeep(state: &AppState) {
    use app::payments::collect;
    let pool = &state.pool;
    match app::db::payments::stale_pending(pool, CALLBACK_GRACE_SECS).await {
        Ok(requests) => {
            for request in requests {
                if let Err(e) = collect::reconcile(pool, &state.mpesa, &request).await {
                    tracing::warn!(%request, error = ?e, "STK query failed");
                }
            }
        }
        Err(e) => tracing::warn!(error = %e, "listing late M-Pesa attempts failed"),
    }
    match app::db::payments::flag_unmatched(pool, collect::UNMATCHED_GRACE_SECS).await {
        Ok(n) if n > 0 => tracing::warn!(
            callbacks = n,
            "M-Pesa callbacks for no attempt of ours flagged"
        ),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = %e, "flagging unmatched M-Pesa callbacks failed"),
    }
    match collect::expire_due(pool, &state.mpesa).await {
        Ok(n) if n > 0 => tracing::info!(orders = n, "unpaid orders expired; stock released"),
        Ok(_) => {}
        Err(e) => tracing::warn!(error = ?e, "expiring unpaid orders failed"),
    }
}

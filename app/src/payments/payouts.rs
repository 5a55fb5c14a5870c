//! Shop payouts: sales become available after delivery plus the holding period; available
//! balances at or above the minimum are paid to the shop's M-Pesa phone by B2C. The payout row
//! and its ledger posting are written before anything is sent, under a row lock on the shop,
//! and a shop has at most one payout in flight — a rerun of the job cannot pay twice. The B2C
//! result settles the payout, or reverses it back into the shop's balance.

use crate::db::{ledger, payments, payouts};
use crate::domain::ledger::{self as postings, TxKind};
use crate::domain::payment::{PayoutPurpose, PayoutStatus};
use crate::error::AppError;
use crate::mpesa::{Daraja, DarajaError, protocol};
use crate::settings::PayoutSettings;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

/// What one run did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RunReport {
    pub released: usize,
    pub queued: usize,
    pub sent: usize,
}

/// Releases held sales, queues payouts for balances above the minimum, sends what is queued.
pub async fn run(
    pool: &PgPool,
    mpesa: &Daraja,
    settings: &PayoutSettings,
) -> Result<RunReport, AppError> {
    let mut report = RunReport::default();
    for (part, vendor, net, currency) in payouts::releasable(pool, settings.holding_days).await? {
        let mut tx = pool.begin().await?;
        let posting = postings::release(net, &currency)?;
        if ledger::post(
            &mut tx,
            TxKind::Release,
            part,
            "available for payout",
            Some(vendor),
            &posting,
        )
        .await?
        {
            report.released += 1;
        }
        tx.commit().await?;
    }
    for (vendor, phone) in payouts::candidates(pool).await? {
        if queue_shop_payout(pool, vendor, &phone, settings.minimum).await? {
            report.queued += 1;
        }
    }
    report.sent = send_unsent(pool, mpesa).await?;
    Ok(report)
}

/// Queues one payout of the shop's available balance (less what it owes for cash sales),
/// in whole shillings, if that reaches `minimum`.
async fn queue_shop_payout(
    pool: &PgPool,
    vendor: Uuid,
    phone: &str,
    minimum: Decimal,
) -> Result<bool, AppError> {
    let currency = "KES";
    let mut tx = pool.begin().await?;
    // One payout decision per shop at a time.
    crate::db::vendors::lock(&mut tx, vendor).await?;
    let b = ledger::shop_balances(&mut *tx, vendor, currency).await?;
    let (available, owed) = (b.available, b.owed.max(Decimal::ZERO));
    let amount = (available - owed).floor();
    if amount < minimum || amount < Decimal::TEN {
        return Ok(false);
    }
    let msisdn = phone.trim_start_matches('+');
    let Some(id) = payouts::open_shop_payout(&mut tx, vendor, amount, currency, msisdn).await?
    else {
        return Ok(false);
    };
    let posting = postings::payout_sent(amount, owed, currency)?;
    ledger::post(
        &mut tx,
        TxKind::PayoutSent,
        id,
        "payout to the shop",
        Some(vendor),
        &posting,
    )
    .await?;
    tx.commit().await?;
    Ok(true)
}

/// Sends queued payouts and refunds. Each is claimed first (`claim_unsent`), so concurrent
/// runs — the job, "Run payouts now", another server instance — never send one twice at once;
/// and each keeps its id as OriginatorConversationID on every try, so a payout Daraja already
/// took is refused as a duplicate, not paid again.
pub async fn send_unsent(pool: &PgPool, mpesa: &Daraja) -> Result<usize, AppError> {
    let mut sent = 0;
    for p in payouts::claim_unsent(pool).await? {
        let amount = super::collect::shillings(p.amount);
        let remarks = if p.purpose == PayoutPurpose::Refund {
            "Sokoni refund"
        } else {
            "Sokoni payout"
        };
        match mpesa
            .b2c(&p.id.to_string(), &p.phone, amount, remarks)
            .await
        {
            Ok(conversation) => {
                payouts::set_conversation(pool, p.id, &conversation).await?;
                sent += 1;
            }
            Err(DarajaError::Refused { code, .. }) if code.starts_with("409") => {
                payouts::set_conversation(pool, p.id, "duplicate").await?;
            }
            Err(e) => {
                tracing::warn!(payout = %p.id, error = %e, "B2C not sent; retried next run");
                payouts::release_claim(pool, p.id).await?;
            }
        }
    }
    Ok(sent)
}

/// Applies a B2C result (or queue time-out) body. The raw body is kept whatever happens.
pub async fn on_result(pool: &PgPool, kind: &str, raw: &str) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    let parsed = protocol::parse_b2c_result(raw);
    let (request, outcome, flag) = match &parsed {
        Err(e) => (None, "flagged", Some(format!("unreadable: {e}"))),
        Ok(r) => {
            let (outcome, flag) = match Uuid::parse_str(&r.originator_id) {
                Err(_) => (
                    "flagged",
                    Some("unknown OriginatorConversationID".to_owned()),
                ),
                Ok(id) => match payouts::lock(&mut tx, id).await? {
                    None => (
                        "flagged",
                        Some("unknown OriginatorConversationID".to_owned()),
                    ),
                    Some(p) if p.status != PayoutStatus::Requested => ("duplicate", None),
                    // A queue time-out does not say the money stayed: an admin checks it in
                    // the M-Pesa portal rather than risk paying twice.
                    Some(_) if kind == "b2c_timeout" => (
                        "flagged",
                        Some("queue time-out: check this payout in the M-Pesa portal".to_owned()),
                    ),
                    Some(p) => {
                        settle(&mut tx, &p, r).await?;
                        ("applied", None)
                    }
                },
            };
            (Some(r.originator_id.clone()), outcome, flag)
        }
    };
    payments::record_callback(
        &mut *tx,
        kind,
        raw,
        request.as_deref(),
        outcome,
        flag.as_deref(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

async fn settle(
    tx: &mut sqlx::PgConnection,
    p: &payouts::PayoutRow,
    r: &protocol::B2cResult,
) -> Result<(), AppError> {
    let sent_kind = match p.purpose {
        PayoutPurpose::Refund => TxKind::RefundSent,
        PayoutPurpose::ShopPayout => TxKind::PayoutSent,
    };
    if r.result_code == 0 {
        payouts::resolve(
            tx,
            p.id,
            PayoutStatus::Paid,
            0,
            &r.result_desc,
            &r.transaction_id,
        )
        .await?;
        let posting = postings::b2c_settled(p.amount, &p.currency)?;
        ledger::post(
            tx,
            TxKind::B2cSettled,
            p.id,
            "B2C confirmed",
            None,
            &posting,
        )
        .await?;
    } else {
        // A failure or a queue time-out: the money did not leave; it goes back where it was.
        payouts::resolve(
            tx,
            p.id,
            PayoutStatus::Failed,
            r.result_code,
            &r.result_desc,
            "",
        )
        .await?;
        ledger::reverse(tx, sent_kind, p.id, TxKind::B2cReversed).await?;
    }
    if p.purpose == PayoutPurpose::ShopPayout
        && let Some(vendor) = p.vendor_id
    {
        let amount = format!("{} {}", p.currency, p.amount);
        let failed = (r.result_code != 0).then_some(r.result_desc.as_str());
        crate::notifications::payout_result(tx, vendor, &amount, failed).await?;
    }
    Ok(())
}

//! Buyer protection disputes, each step in one transaction: who may take it (the part's buyer,
//! its shop, an admin, or the platform's jobs), the state machine's say, the money it moves
//! (a full refund through the part's refund flow, a partial one with its share of the
//! commission), the audit row, the timeline note and the other side told.

use crate::db::audit::{self, Actor};
use crate::db::disputes::{self, Move, NewDispute};
use crate::domain::Invalid;
use crate::domain::audit::Action;
use crate::domain::dispute::{DisputeEvent, DisputeOutcome, DisputeReason, DisputeStatus};
use crate::domain::moderation::InboxKind;
use crate::domain::order::{PaymentMethod, VendorOrderEvent};
use crate::error::AppError;
use rust_decimal::Decimal;
use sqlx::PgPool;
use uuid::Uuid;

/// At most this many photos with a dispute.
pub const MAX_PHOTOS: usize = 3;

/// What the shopper says when opening a dispute.
pub struct Claim<'a> {
    pub reason: DisputeReason,
    pub body: &'a str,
    /// Content keys of photos already stored.
    pub photos: &'a [String],
}

/// The buyer opens a dispute about their part: it must be shipped or delivered (as the
/// reason requires), paid by M-Pesa, and its money not yet released to the shop.
pub async fn open(
    pool: &PgPool,
    buyer: &Actor,
    part: Uuid,
    claim: Claim<'_>,
    answer_hours: i64,
) -> Result<Uuid, AppError> {
    let mut tx = pool.begin().await?;
    audit::act_as(&mut tx, Some(buyer)).await?;
    let facts = disputes::part_for_buyer(&mut tx, buyer.id, part)
        .await?
        .ok_or(AppError::NotFound)?;
    if facts.disputed {
        return Err(AppError::invalid("reason", Invalid::AlreadyDisputed));
    }
    if facts.payment_method != PaymentMethod::Mpesa
        || !facts.money_held
        || !claim.reason.fits(facts.status, facts.return_declined)
    {
        return Err(AppError::invalid("reason", Invalid::NotDisputable));
    }
    let id = Uuid::new_v4();
    let new = NewDispute {
        id,
        part,
        by: buyer.id,
        reason: claim.reason,
        body: claim.body,
        answer_hours,
    };
    if !disputes::insert(&mut tx, &new).await? {
        return Err(AppError::invalid("reason", Invalid::AlreadyDisputed));
    }
    for (position, key) in claim.photos.iter().take(MAX_PHOTOS).enumerate() {
        disputes::add_photo(&mut tx, id, position as i16, key).await?;
    }
    audit::record(
        &mut tx,
        buyer,
        Action::DisputeOpened,
        id,
        claim.reason.as_str(),
    )
    .await?;
    let note = format!(
        "dispute opened: {}",
        claim.reason.as_str().replace('_', " ")
    );
    crate::db::orders::add_event_note(&mut tx, part, &note).await?;
    crate::notifications::dispute_moved(&mut tx, part, claim.reason.opens_as(), None).await?;
    tx.commit().await?;
    tracing::info!(dispute = %id, vendor_order = %part, "dispute opened");
    Ok(id)
}

/// Who takes a step; each may take only its own.
#[derive(Clone, Copy, Debug)]
pub enum Party {
    Buyer(Uuid),
    Shop(Uuid),
    Admin,
    /// The jobs, escalating what a shop left unanswered.
    Platform,
}

impl Party {
    fn may(self, event: DisputeEvent, d: &disputes::LockedDispute) -> bool {
        use DisputeEvent as E;
        match self {
            Party::Buyer(user) => {
                user == d.buyer_id && matches!(event, E::AcceptAnswer | E::Escalate)
            }
            Party::Shop(vendor) => {
                vendor == d.vendor_id && matches!(event, E::Answer | E::ShopRefund)
            }
            Party::Admin => matches!(event, E::Decide(_)),
            Party::Platform => event == E::Escalate,
        }
    }
}

/// A step on dispute `id`. `words` is the shop's answer or the admin's reasons; `amount` a
/// partial refund's. Another party's dispute reads like a missing one.
pub async fn act(
    pool: &PgPool,
    by: Option<&Actor>,
    party: Party,
    id: Uuid,
    event: DisputeEvent,
    words: Option<&str>,
    amount: Option<Decimal>,
) -> Result<(), AppError> {
    let mut tx = pool.begin().await?;
    audit::act_as(&mut tx, by).await?;
    let d = disputes::lock(&mut tx, id)
        .await?
        .ok_or(AppError::NotFound)?;
    if !party.may(event, &d) {
        return Err(AppError::NotFound);
    }
    if let (Party::Admin, Some(admin)) = (party, by) {
        crate::moderation::unclaimed_or_mine(&mut tx, InboxKind::Dispute, id, admin).await?;
    }
    let (to, outcome) = d
        .status
        .transition(event)
        .map_err(|why| AppError::invalid("dispute", why))?;
    let part = d.vendor_order_id;
    let mut timeline = match event {
        DisputeEvent::Answer => "the shop answered the dispute".to_owned(),
        DisputeEvent::AcceptAnswer => "the shopper accepted the shop's answer".to_owned(),
        DisputeEvent::Escalate => "the dispute went to Sokoni's team".to_owned(),
        DisputeEvent::ShopRefund => "the shop refunded the disputed part".to_owned(),
        DisputeEvent::Decide(_) => String::new(),
    };
    let mut refunded = None;
    match outcome {
        Some(DisputeOutcome::ShopRefunded | DisputeOutcome::FullRefund) => {
            crate::fulfilment::step_in(
                &mut tx,
                by,
                part,
                d.part_status,
                VendorOrderEvent::RefundDisputed,
                Some("refunded on a dispute"),
            )
            .await?;
        }
        Some(DisputeOutcome::PartialRefund) => {
            let amount = amount.ok_or_else(|| AppError::invalid("amount", Invalid::Required))?;
            crate::payments::refunds::refund_partly(&mut tx, id, part, amount).await?;
            refunded = Some(amount);
        }
        _ => {}
    }
    if let DisputeEvent::Decide(o) = event {
        timeline = match o {
            DisputeOutcome::FullRefund => "Sokoni decided: full refund".to_owned(),
            DisputeOutcome::PartialRefund => format!(
                "Sokoni decided: partial refund of {}",
                refunded.unwrap_or_default()
            ),
            _ => "Sokoni decided: claim refused".to_owned(),
        };
        if let Some(w) = words {
            timeline = format!("{timeline} ({w})");
        }
    }
    let moved = Move {
        outcome,
        answer: matches!(event, DisputeEvent::Answer)
            .then_some(words)
            .flatten(),
        refund_amount: refunded,
        note: matches!(event, DisputeEvent::Decide(_))
            .then_some(words)
            .flatten(),
        decided_by: matches!(party, Party::Admin)
            .then(|| by.map(|a| a.id))
            .flatten(),
    };
    if !disputes::update(&mut tx, id, d.status, to, moved).await? {
        return Err(AppError::invalid("dispute", Invalid::DisputeMoved));
    }
    let action = match event {
        DisputeEvent::Answer => Action::DisputeAnswered,
        DisputeEvent::AcceptAnswer => Action::DisputeAccepted,
        DisputeEvent::Escalate => Action::DisputeEscalated,
        DisputeEvent::ShopRefund | DisputeEvent::Decide(_) => Action::DisputeDecided,
    };
    let summary = outcome.map_or(to.as_str(), DisputeOutcome::as_str);
    audit::record_as(&mut tx, by, action, id, summary).await?;
    crate::db::orders::add_event_note(&mut tx, part, &timeline).await?;
    if to == DisputeStatus::Resolved {
        crate::db::inbox::release(&mut tx, InboxKind::Dispute, id).await?;
    }
    crate::notifications::dispute_moved(&mut tx, part, to, outcome).await?;
    tx.commit().await?;
    tracing::info!(dispute = %id, ?event, "dispute moved");
    Ok(())
}

/// Sends the disputes their shops left unanswered past the deadline to the admins. Returns
/// how many; one answered meanwhile is left alone.
pub async fn escalate_unanswered(pool: &PgPool) -> Result<usize, AppError> {
    let mut escalated = 0;
    for id in disputes::unanswered(pool).await? {
        match act(
            pool,
            None,
            Party::Platform,
            id,
            DisputeEvent::Escalate,
            None,
            None,
        )
        .await
        {
            Ok(()) => escalated += 1,
            Err(e) => tracing::info!(dispute = %id, error = %e, "left an overdue dispute alone"),
        }
    }
    Ok(escalated)
}

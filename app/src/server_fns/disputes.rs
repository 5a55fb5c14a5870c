//! Moving a dispute: the shop answers or refunds, the shopper accepts the answer or escalates,
//! an admin decides. Who may act comes from the session (the buyer of the part, a member of
//! its shop who handles orders, an admin); a dispute not theirs reads like a missing one.
//! Opening one takes photos, so it is a plain multipart form (`POST /account/disputes`).

use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

pub use crate::wire::disputes::*;

/// The shop answers the shopper's dispute (before the deadline; then it is with the admins).
#[server(endpoint = "answer_dispute")]
pub async fn answer_dispute(id: Uuid, answer: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::dispute::DisputeEvent;
    use crate::domain::text::bounded;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Orders).await?;
        let answer = bounded(&answer, 3, 2000, true).map_err(|w| AppError::invalid("answer", w))?;
        crate::disputes::act(
            &context::state()?.pool,
            Some(&context::actor(&user)),
            crate::disputes::Party::Shop(member.vendor_id),
            id,
            DisputeEvent::Answer,
            Some(&answer),
            None,
        )
        .await?;
        leptos_axum::redirect("/seller/orders");
        Ok(())
    })
    .await
}

/// The shop gives the whole disputed part's money back, which settles the dispute.
#[server(endpoint = "refund_dispute")]
pub async fn refund_dispute(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::dispute::DisputeEvent;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Orders).await?;
        crate::disputes::act(
            &context::state()?.pool,
            Some(&context::actor(&user)),
            crate::disputes::Party::Shop(member.vendor_id),
            id,
            DisputeEvent::ShopRefund,
            None,
            None,
        )
        .await?;
        leptos_axum::redirect("/seller/orders");
        Ok(())
    })
    .await
}

/// The shopper settles their dispute on the shop's answer (`accept`) or sends it to the
/// admins (`escalate`).
#[server(endpoint = "reply_to_answer")]
pub async fn reply_to_answer(id: Uuid, reply: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::dispute::DisputeEvent;
    context::respond(async move {
        let user = context::require_user().await?;
        let event = match reply.as_str() {
            "accept" => DisputeEvent::AcceptAnswer,
            "escalate" => DisputeEvent::Escalate,
            _ => return Err(AppError::invalid("reply", Invalid::NotFound)),
        };
        let pool = &context::state()?.pool;
        crate::disputes::act(
            pool,
            Some(&context::actor(&user)),
            crate::disputes::Party::Buyer(user.id),
            id,
            event,
            None,
            None,
        )
        .await?;
        let order = crate::db::disputes::order_of(pool, id).await?;
        leptos_axum::redirect(&format!("/account/orders/{order}"));
        Ok(())
    })
    .await
}

/// An admin decides an escalated dispute: `full` refund, `partial` (an `amount` less than
/// what was paid for the part), or `refuse`; the reasons are required and both sides read them.
#[server(endpoint = "decide_dispute")]
pub async fn decide_dispute(
    id: Uuid,
    decision: String,
    #[server(default)] amount: String,
    note: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::dispute::{DisputeEvent, DisputeOutcome, partial_amount};
    use crate::domain::text::bounded;
    context::respond(async move {
        let actor = crate::server_fns::moderation::actor().await?;
        let outcome = match decision.as_str() {
            "full" => DisputeOutcome::FullRefund,
            "partial" => DisputeOutcome::PartialRefund,
            "refuse" => DisputeOutcome::Refused,
            _ => return Err(AppError::invalid("decision", Invalid::NotFound)),
        };
        let note = bounded(&note, 3, 1000, true).map_err(|w| AppError::invalid("note", w))?;
        let pool = &context::state()?.pool;
        let amount = if outcome == DisputeOutcome::PartialRefund {
            let owed = crate::db::disputes::owed(pool, id)
                .await?
                .ok_or(AppError::NotFound)?;
            Some(partial_amount(&amount, owed).map_err(|w| AppError::invalid("amount", w))?)
        } else {
            None
        };
        crate::disputes::act(
            pool,
            Some(&actor),
            crate::disputes::Party::Admin,
            id,
            DisputeEvent::Decide(outcome),
            Some(&note),
            amount,
        )
        .await?;
        leptos_axum::redirect(&crate::server_fns::moderation::back_to(
            &back,
            "/admin/inbox?kind=dispute",
        ));
        Ok(())
    })
    .await
}

//! Selling on Sokoni: the shop application, its documents and staff (for the shop's owner),
//! and the admin's review of applications and membership tiers.

// Form server functions take one argument per form field (that is what a plain HTML form
// posts), so the long forms have long argument lists.
#![allow(
    clippy::too_many_arguments,
    reason = "a form server function takes one argument per form field"
)]

use crate::error::AppError;
use leptos::prelude::*;
#[cfg(feature = "ssr")]
use rust_decimal::Decimal;
use uuid::Uuid;

pub use crate::wire::vendor::*;

/// The signed-in user's shop, or `None` if they have not applied and work for no shop.
#[server(endpoint = "my_shop")]
pub async fn my_shop() -> Result<Option<ShopMembership>, AppError> {
    use crate::auth::context;
    use crate::db::vendors;
    context::respond(async move {
        let Some(user) = context::current_user().await? else {
            return Ok(None);
        };
        let pool = &context::state()?.pool;
        let Some(member) = vendors::membership(pool, user.id).await? else {
            return Ok(None);
        };
        let shop = vendors::shop(pool, member.vendor_id)
            .await?
            .ok_or(AppError::NotFound)?;
        // Documents and the payout phone are the owner's business only.
        let owner = member.role == "owner";
        let documents = if owner {
            vendors::documents(pool, member.vendor_id).await?
        } else {
            Vec::new()
        };
        let payout_phone = if owner && shop.verification_status == "verified" {
            use crate::db::payout_phone as codes;
            Some(PayoutPhoneState {
                code_sent_to: codes::open_code(pool, member.vendor_id)
                    .await?
                    .map(|c| c.new_phone),
                held_until: codes::held_until(pool, member.vendor_id).await?,
            })
        } else {
            None
        };
        Ok(Some(ShopMembership {
            shop,
            my_role: member.role,
            documents,
            payout_phone,
        }))
    })
    .await
}

/// Files the application, or (for a shop's owner) saves the shop's details. A rejected
/// application returns to the review queue when it is saved again.
#[server(endpoint = "save_shop")]
pub async fn save_shop(
    business_name: String,
    slug: String,
    phone: String,
    business_type: String,
    #[server(default)] description: String,
    county: String,
    town: String,
    lat: String,
    lng: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::{Constraint, RefusedAs, vendors};
    use crate::domain::Invalid;
    context::respond(async move {
        let user = context::require_user().await?;
        let app = crate::domain::vendor::ApplicationInput {
            business_name,
            slug,
            phone,
            business_type,
            description,
            county,
            town,
            lat,
            lng,
        }
        .validate()?;
        let pool = &context::state()?.pool;
        let mut tx = pool.begin().await?;
        let result = match vendors::membership(&mut *tx, user.id).await? {
            // A shop's owner is reached by email about its orders and money: a confirmed
            // address first.
            None if !user.email_verified => {
                return Err(AppError::invalid("email", Invalid::EmailUnverified));
            }
            None => vendors::apply(&mut tx, user.id, &app).await.map(|_| ()),
            Some(m) if m.role == "owner" => {
                // The phone is where payouts go: once the shop is verified it changes only
                // with a code sent to the new phone (`send_payout_phone_code`).
                let shop = vendors::shop(&mut *tx, m.vendor_id)
                    .await?
                    .ok_or(AppError::NotFound)?;
                if shop.verification_status == "verified" && shop.phone != app.phone.as_str() {
                    return Err(AppError::invalid("phone", Invalid::PhoneNeedsCode));
                }
                vendors::update_details(&mut *tx, m.vendor_id, &app).await
            }
            Some(_) => return Err(AppError::Forbidden),
        };
        result.refused_as(&[
            (
                Constraint::Named(vendors::SLUG_UNIQUE),
                "slug",
                Invalid::SlugTaken,
            ),
            (
                Constraint::Named(vendors::ONE_SHOP_PER_USER),
                "business_name",
                Invalid::AlreadyApplied,
            ),
        ])?;
        tx.commit().await?;
        leptos_axum::redirect("/sell?saved=1");
        Ok(())
    })
    .await
}

/// Removes one of the shop's KYC documents (its owner, before the shop is verified: after
/// that they are the record of the verification).
#[server(endpoint = "remove_document")]
pub async fn remove_document(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::Invalid;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Manage).await?;
        let pool = &context::state()?.pool;
        let shop = crate::db::vendors::shop(pool, member.vendor_id)
            .await?
            .ok_or(AppError::NotFound)?;
        if shop.verification_status == "verified" {
            return Err(AppError::invalid("document", Invalid::DocumentsKept));
        }
        if !crate::db::vendors::remove_document(pool, member.vendor_id, id).await? {
            return Err(AppError::NotFound);
        }
        context::redirect_form_post("/sell");
        Ok(())
    })
    .await
}

/// Sends a one-time code to the phone that is to receive the shop's payouts (owner of a
/// verified shop).
#[server(endpoint = "send_payout_phone_code")]
pub async fn send_payout_phone_code(new_phone: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Manage).await?;
        // Where the shop's money goes is changed only by someone who logs in with two steps.
        if !user.two_factor {
            return Err(AppError::invalid(
                "new_phone",
                crate::domain::Invalid::TwoFactorRequired,
            ));
        }
        let state = context::state()?;
        let shop = verified_shop(&state.pool, member.vendor_id).await?;
        crate::payments::payout_phone::send_code(
            &state.pool,
            &state.sms,
            shop.id,
            &shop.business_name,
            &shop.phone,
            &new_phone,
            context::request_locale(),
        )
        .await?;
        context::redirect_form_post("/sell?code_sent=1#payout-phone");
        Ok(())
    })
    .await
}

/// Makes the phone the last code went to the payout phone, if `code` is that code.
#[server(endpoint = "confirm_payout_phone")]
pub async fn confirm_payout_phone(code: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (user, member) = context::require_shop(ShopTask::Manage).await?;
        let state = context::state()?;
        let shop = verified_shop(&state.pool, member.vendor_id).await?;
        crate::payments::payout_phone::confirm(
            &state.pool,
            &state.sms,
            &context::actor(&user),
            shop.id,
            &shop.business_name,
            &code,
        )
        .await?;
        context::redirect_form_post("/sell?phone_changed=1#payout-phone");
        Ok(())
    })
    .await
}

/// The shop, if verified: before that its phone is part of the application and is changed
/// with the details form.
#[cfg(feature = "ssr")]
async fn verified_shop(pool: &sqlx::PgPool, vendor_id: Uuid) -> Result<ShopView, AppError> {
    match crate::db::vendors::shop(pool, vendor_id).await? {
        Some(shop) if shop.verification_status == "verified" => Ok(shop),
        Some(_) => Err(AppError::Forbidden),
        None => Err(AppError::NotFound),
    }
}

#[server(endpoint = "shop_staff")]
pub async fn shop_staff() -> Result<Vec<StaffView>, AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Manage).await?;
        Ok(crate::db::vendors::staff(&context::state()?.pool, member.vendor_id).await?)
    })
    .await
}

/// Invites someone by email to the shop with a role. They join when they accept it from their
/// account page; the answer is the same whether or not the email has an account.
#[server(endpoint = "invite_staff")]
pub async fn invite_staff(email: String, role: String) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::vendors;
    use crate::domain::vendor::{ShopTask, StaffRole};
    use crate::domain::{Email, Invalid};
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Manage).await?;
        let email = Email::parse(&email).map_err(|w| AppError::invalid("email", w))?;
        let role = StaffRole::parse(&role).map_err(|w| AppError::invalid("role", w))?;
        if role == StaffRole::Owner {
            return Err(AppError::invalid("role", Invalid::NotFound));
        }
        vendors::invite(
            &context::state()?.pool,
            member.vendor_id,
            email.as_str(),
            role,
        )
        .await?;
        leptos_axum::redirect("/seller/staff?invited=1");
        Ok(())
    })
    .await
}

/// The shop's invitations nobody has answered yet.
#[server(endpoint = "sent_invitations")]
pub async fn sent_invitations() -> Result<Vec<SentInvitation>, AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Manage).await?;
        Ok(crate::db::vendors::sent_invitations(&context::state()?.pool, member.vendor_id).await?)
    })
    .await
}

#[server(endpoint = "withdraw_invitation")]
pub async fn withdraw_invitation(id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Manage).await?;
        let pool = &context::state()?.pool;
        if !crate::db::vendors::withdraw_invitation(pool, member.vendor_id, id).await? {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect("/seller/staff");
        Ok(())
    })
    .await
}

/// Invitations waiting for the signed-in user's answer.
#[server(endpoint = "my_invitations")]
pub async fn my_invitations() -> Result<Vec<Invitation>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let user = context::require_user().await?;
        Ok(crate::db::vendors::invitations_for(&context::state()?.pool, &user.email).await?)
    })
    .await
}

/// Accepts or declines an invitation addressed to the signed-in user. Accepting joins the
/// shop, unless they already belong to one (they leave it first).
#[server(endpoint = "answer_invitation")]
pub async fn answer_invitation(id: Uuid, accept: bool) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::{Constraint, RefusedAs, vendors};
    use crate::domain::Invalid;
    context::respond(async move {
        let user = context::require_user().await?;
        let mut tx = context::state()?.pool.begin().await?;
        let Some((vendor_id, role)) = vendors::take_invitation(&mut tx, id, &user.email).await?
        else {
            return Err(AppError::NotFound);
        };
        if accept {
            vendors::join(&mut tx, vendor_id, user.id, &role)
                .await
                .refused_as(&[(Constraint::Any, "invitation", Invalid::AlreadyInShop)])?;
        }
        tx.commit().await?;
        leptos_axum::redirect(if accept { "/seller" } else { "/account" });
        Ok(())
    })
    .await
}

/// A staff member leaves the shop they work at (an owner cannot: the shop is theirs).
#[server(endpoint = "leave_shop")]
pub async fn leave_shop() -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::vendors;
    context::respond(async move {
        let user = context::require_user().await?;
        let mut tx = context::state()?.pool.begin().await?;
        let Some(vendor_id) = vendors::staff_shop_of(&mut *tx, user.id).await? else {
            return Err(AppError::NotFound);
        };
        vendors::remove_staff(&mut tx, vendor_id, user.id).await?;
        tx.commit().await?;
        leptos_axum::redirect("/account");
        Ok(())
    })
    .await
}

#[server(endpoint = "remove_staff")]
pub async fn remove_staff(user_id: Uuid) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::vendor::ShopTask;
    context::respond(async move {
        let (_, member) = context::require_shop(ShopTask::Manage).await?;
        let mut tx = context::state()?.pool.begin().await?;
        if !crate::db::vendors::remove_staff(&mut tx, member.vendor_id, user_id).await? {
            return Err(AppError::NotFound);
        }
        tx.commit().await?;
        leptos_axum::redirect("/seller/staff");
        Ok(())
    })
    .await
}

/// Shops waiting for review (and suspended ones), for the admin console.
#[server(endpoint = "shop_applications")]
pub async fn shop_applications() -> Result<Vec<(Applicant, Vec<DocumentView>)>, AppError> {
    use crate::auth::context;
    use crate::db::vendors;
    use crate::domain::role::Area;
    context::respond(async move {
        context::require_area(Area::Admin).await?;
        let pool = &context::state()?.pool;
        let mut out = Vec::new();
        for applicant in vendors::applications(pool).await? {
            let docs = vendors::documents(pool, applicant.id).await?;
            out.push((applicant, docs));
        }
        Ok(out)
    })
    .await
}

/// An admin's decision on a shop: `verify`, `reject` (with a reason), `suspend` (with a
/// reason) or `reinstate`.
#[server(endpoint = "review_shop")]
pub async fn review_shop(
    vendor_id: Uuid,
    decision: String,
    #[server(default)] reason: String,
    #[server(default)] back: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::db::vendors;
    use crate::domain::text::bounded;
    use crate::domain::vendor::VerificationStatus::*;
    use crate::domain::{Invalid, vendor::VerificationStatus};
    use crate::server_fns::moderation::{actor, back_to};
    context::respond(async move {
        let actor = actor().await?;
        let pool = &context::state()?.pool;
        let (from, to, needs_reason) = match decision.as_str() {
            "verify" => (Pending, Verified, false),
            "reject" => (Pending, Rejected, true),
            "suspend" => (Verified, Suspended, true),
            "reinstate" => (Suspended, Verified, false),
            _ => return Err(AppError::invalid("decision", Invalid::NotFound)),
        };
        let reason = if needs_reason {
            Some(bounded(&reason, 3, 500, true).map_err(|w| AppError::invalid("reason", w))?)
        } else {
            None
        };
        debug_assert!(VerificationStatus::may_become(from, to));
        if to == Verified
            && from == Pending
            && vendors::documents(pool, vendor_id).await?.is_empty()
        {
            // Verification is of documents: none uploaded, nothing to verify.
            return Err(AppError::invalid("decision", Invalid::Required));
        }
        let mut tx = pool.begin().await?;
        crate::moderation::decide_shop(&mut tx, &actor, vendor_id, (from, to), reason.as_deref())
            .await?;
        tx.commit().await?;
        tracing::info!(vendor = %vendor_id, %decision, admin = %actor.id, "shop reviewed");
        leptos_axum::redirect(&back_to(&back, "/admin/shops"));
        Ok(())
    })
    .await
}

#[server(endpoint = "membership_tiers")]
pub async fn membership_tiers() -> Result<Vec<Tier>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        Ok(crate::db::vendors::tiers(&context::state()?.pool).await?)
    })
    .await
}

/// Admins change a tier's listing limit and commission rate (a percentage, e.g. "6" or "6.5").
#[server(endpoint = "update_tier")]
pub async fn update_tier(
    code: String,
    listing_limit: String,
    commission_percent: String,
) -> Result<(), AppError> {
    use crate::auth::context;
    use crate::domain::text::number;
    context::respond(async move {
        context::require_area(crate::domain::role::Area::Admin).await?;
        let limit: i32 = number(&listing_limit, 0..=1_000_000)
            .map_err(|w| AppError::invalid("listing_limit", w))?;
        let percent: Decimal = number(&commission_percent, Decimal::ZERO..=Decimal::from(99))
            .map_err(|w| AppError::invalid("commission_percent", w))?;
        let rate = (percent / Decimal::from(100)).round_dp(4);
        if !crate::db::vendors::update_tier(&context::state()?.pool, &code, limit, rate).await? {
            return Err(AppError::NotFound);
        }
        leptos_axum::redirect("/admin/shops");
        Ok(())
    })
    .await
}

/// Moves a shop to another membership tier (its listing limit and commission follow).
#[server(endpoint = "set_shop_tier")]
pub async fn set_shop_tier(vendor_id: Uuid, tier: String) -> Result<(), AppError> {
    use crate::domain::Invalid;
    use crate::domain::audit::Action;
    super::admin::audited_edit("/admin/shops", move |tx, actor| {
        Box::pin(async move {
            let (slug, from) = crate::db::vendors::lock_tier(tx, vendor_id)
                .await?
                .ok_or(AppError::invalid("vendor_id", Invalid::NotFound))?;
            if from == tier {
                return Ok(());
            }
            if !crate::db::vendors::set_tier(&mut **tx, vendor_id, &tier).await? {
                return Err(AppError::invalid("tier", Invalid::NotFound));
            }
            let summary = format!("{slug}: {from} → {tier}");
            crate::db::audit::record(tx, actor, Action::ShopTierSet, vendor_id, &summary).await?;
            Ok(())
        })
    })
    .await
}

//! Shops: applications and their review, staff, documents, tiers. Every query that acts for a
//! seller takes the vendor id from the session's membership (see `auth::context::require_shop`).

use crate::domain::pricing::DeliveryTerms;
use crate::domain::vendor::{Application, StaffRole, VerificationStatus};
use crate::wire::cart::DeliveryOffer;
use crate::wire::vendor::{Applicant, DocumentView, ShopView, StaffView, Tier};
use rust_decimal::Decimal;
use sqlx::{FromRow, PgConnection, PgExecutor};
use uuid::Uuid;

pub const SLUG_UNIQUE: &str = "vendors_slug_key";
pub const APPLICANT_UNIQUE: &str = "vendors_applicant_key";
pub const ONE_SHOP_PER_USER: &str = "vendor_staff_one_shop";

/// The session user's place in a shop.
#[derive(Clone, Debug, FromRow)]
pub struct Membership {
    pub vendor_id: Uuid,
    pub role: String,
    pub verification_status: String,
    pub tier: String,
}

impl Membership {
    pub fn role(&self) -> Option<StaffRole> {
        StaffRole::parse(&self.role).ok()
    }
    pub fn status(&self) -> VerificationStatus {
        VerificationStatus::parse(&self.verification_status)
            .unwrap_or(VerificationStatus::Suspended)
    }
}

pub async fn membership(
    db: impl PgExecutor<'_>,
    user_id: Uuid,
) -> Result<Option<Membership>, sqlx::Error> {
    sqlx::query_as(
        "select s.vendor_id, s.role, v.verification_status, v.tier
         from vendor_staff s join vendors v on v.id = s.vendor_id
         where s.user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(db)
    .await
}

const SHOP_COLUMNS: &str = "v.id, v.business_name, v.slug, v.phone, v.business_type, v.description,
    v.county, v.town, v.lat, v.lng, v.verification_status, v.rejection_reason, v.tier, v.rating,
    v.logo_key, t.listing_limit, t.commission_rate,
    (select count(*) from listings l where l.vendor_id = v.id and l.status <> 'archived') as active_listings";

pub async fn shop(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Option<ShopView>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {SHOP_COLUMNS} from vendors v join membership_tiers t on t.code = v.tier where v.id = $1"
    ))
    .bind(vendor_id)
    .fetch_optional(db)
    .await
}

/// A verified shop by its public address (suspended and unreviewed shops have no storefront).
pub async fn public_shop(
    db: impl PgExecutor<'_>,
    slug: &str,
) -> Result<Option<ShopView>, sqlx::Error> {
    sqlx::query_as(&format!(
        "select {SHOP_COLUMNS} from vendors v join membership_tiers t on t.code = v.tier
         where v.slug = $1 and v.verification_status = 'verified'"
    ))
    .bind(slug)
    .fetch_optional(db)
    .await
}

type PgQuery<'q> = sqlx::query::Query<'q, sqlx::Postgres, sqlx::postgres::PgArguments>;

/// Binds the application's fields in the order both the insert and the update list them.
fn bind_application<'q>(q: PgQuery<'q>, app: &'q Application) -> PgQuery<'q> {
    q.bind(&app.business_name)
        .bind(app.slug.as_str())
        .bind(app.phone.as_str())
        .bind(app.business_type)
        .bind(&app.description)
        .bind(&app.county)
        .bind(&app.town)
        .bind(app.lat)
        .bind(app.lng)
}

/// Files a new application: the shop (pending) and its applicant as owner, in one transaction.
pub async fn apply(
    tx: &mut PgConnection,
    user_id: Uuid,
    app: &Application,
) -> Result<Uuid, sqlx::Error> {
    let id = Uuid::new_v4();
    let q = sqlx::query(
        "insert into vendors (id, applicant_id, business_name, slug, phone, business_type, description, county, town, lat, lng)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id)
    .bind(user_id);
    bind_application(q, app).execute(&mut *tx).await?;
    sqlx::query("insert into vendor_staff (vendor_id, user_id, role) values ($1, $2, 'owner')")
        .bind(id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
    Ok(id)
}

/// Updates the shop's details. A rejected application goes back to the queue; a verified
/// shop keeps its status (its details are not what was verified: its documents are).
pub async fn update_details(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    app: &Application,
) -> Result<(), sqlx::Error> {
    let q = sqlx::query(
        "update vendors set business_name = $2, slug = $3, phone = $4, business_type = $5, description = $6,
                county = $7, town = $8, lat = $9, lng = $10,
                verification_status = case when verification_status = 'rejected' then 'pending' else verification_status end,
                rejection_reason = case when verification_status = 'rejected' then null else rejection_reason end
         where id = $1",
    )
    .bind(vendor_id);
    bind_application(q, app).execute(db).await?;
    Ok(())
}

pub async fn set_logo(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    key: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("update vendors set logo_key = $2 where id = $1")
        .bind(vendor_id)
        .bind(key)
        .execute(db)
        .await?;
    Ok(())
}

/// Adds a KYC document unless the shop already holds `max`: `None` then. Call it with the
/// shop row locked (`lock`), so parallel uploads cannot pass the limit together.
pub async fn add_document(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    kind: &str,
    key: &str,
    file_name: &str,
    max: i64,
) -> Result<Option<Uuid>, sqlx::Error> {
    let id = Uuid::new_v4();
    let added = sqlx::query(
        "insert into vendor_documents (id, vendor_id, kind, media_key, file_name)
         select $1, $2, $3, $4, $5
         where (select count(*) from vendor_documents where vendor_id = $2) < $6",
    )
    .bind(id)
    .bind(vendor_id)
    .bind(kind)
    .bind(key)
    .bind(file_name)
    .bind(max)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok((added == 1).then_some(id))
}

/// Removes one of the shop's documents; whether it was there. Its file goes with the next
/// collection of unused media.
pub async fn remove_document(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    id: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query("delete from vendor_documents where id = $1 and vendor_id = $2")
        .bind(id)
        .bind(vendor_id)
        .execute(db)
        .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn documents(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<DocumentView>, sqlx::Error> {
    sqlx::query_as(
        "select d.id, d.kind, d.file_name, m.mime, m.bytes, d.created_at::text as uploaded_at
         from vendor_documents d join media m on m.key = d.media_key
         where d.vendor_id = $1 order by d.created_at",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

/// The stored file of a document, with the shop it belongs to.
pub async fn document_file(
    db: impl PgExecutor<'_>,
    id: Uuid,
) -> Result<Option<(Uuid, String, String)>, sqlx::Error> {
    sqlx::query_as(
        "select d.vendor_id, d.media_key, m.mime from vendor_documents d join media m on m.key = d.media_key where d.id = $1",
    )
    .bind(id)
    .fetch_optional(db)
    .await
}

/// Every shop for the admin: applications waiting for review first (oldest first), then the
/// rest, with what the reviewer needs to see.
pub async fn applications(db: impl PgExecutor<'_>) -> Result<Vec<Applicant>, sqlx::Error> {
    sqlx::query_as(
        "select v.id, v.business_name, v.slug, v.phone, v.business_type, v.description, v.county, v.town,
                v.verification_status, v.tier, u.email as applicant_email, v.created_at::text as applied_at,
                (select count(*) from vendor_documents d where d.vendor_id = v.id) as documents
         from vendors v left join users u on u.id = v.applicant_id
         order by v.verification_status <> 'pending', v.verification_status <> 'suspended', v.created_at, v.id
         limit 200",
    )
    .fetch_all(db)
    .await
}

/// Moves a shop from `from` to `to` if it is still in `from` (a concurrent review loses).
/// On verification the shop's staff become vendor staff, so the seller dashboard opens.
pub async fn review(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    from: VerificationStatus,
    to: VerificationStatus,
    reason: Option<&str>,
    admin_id: Uuid,
) -> Result<bool, sqlx::Error> {
    let done = sqlx::query(
        "update vendors set verification_status = $3, rejection_reason = $4, reviewed_at = now(), reviewed_by = $5
         where id = $1 and verification_status = $2",
    )
    .bind(vendor_id)
    .bind(from.as_str())
    .bind(to.as_str())
    .bind(reason)
    .bind(admin_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if done && to == VerificationStatus::Verified {
        sqlx::query(
            "update users set role = 'vendor_staff'
             where role = 'customer' and id in (select user_id from vendor_staff where vendor_id = $1)",
        )
        .bind(vendor_id)
        .execute(&mut *tx)
        .await?;
    }
    // Shoppers see a shop's listings only while it may sell: suspension holds the approved
    // ones, reinstatement releases them.
    let (hold_from, hold_to) = match (from, to) {
        (VerificationStatus::Verified, VerificationStatus::Suspended) => ("approved", "suspended"),
        (VerificationStatus::Suspended, VerificationStatus::Verified) => ("suspended", "approved"),
        _ => return Ok(done),
    };
    if done {
        sqlx::query("update listings set status = $3 where vendor_id = $1 and status = $2")
            .bind(vendor_id)
            .bind(hold_from)
            .bind(hold_to)
            .execute(&mut *tx)
            .await?;
    }
    Ok(done)
}

pub async fn status(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    sqlx::query_scalar("select verification_status from vendors where id = $1")
        .bind(vendor_id)
        .fetch_optional(db)
        .await
}

pub async fn staff(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<StaffView>, sqlx::Error> {
    sqlx::query_as(
        "select u.id as user_id, u.name, u.email, s.role from vendor_staff s join users u on u.id = s.user_id
         where s.vendor_id = $1 order by s.role = 'owner' desc, u.name",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

/// Invites `email` to the shop with `role` (again: the role is updated). Nothing is revealed
/// about whether the email has an account.
pub async fn invite(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    email: &str,
    role: StaffRole,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "insert into staff_invitations (id, vendor_id, email, role) values ($1, $2, $3, $4)
         on conflict on constraint staff_invitations_once do update set role = excluded.role",
    )
    .bind(Uuid::new_v4())
    .bind(vendor_id)
    .bind(email)
    .bind(role.as_str())
    .execute(db)
    .await?;
    Ok(())
}

pub async fn sent_invitations(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
) -> Result<Vec<crate::wire::vendor::SentInvitation>, sqlx::Error> {
    sqlx::query_as(
        "select id, email, role from staff_invitations where vendor_id = $1 order by created_at",
    )
    .bind(vendor_id)
    .fetch_all(db)
    .await
}

/// Withdraws one of the shop's invitations; false if it has no such invitation.
pub async fn withdraw_invitation(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    id: Uuid,
) -> Result<bool, sqlx::Error> {
    Ok(
        sqlx::query("delete from staff_invitations where id = $1 and vendor_id = $2")
            .bind(id)
            .bind(vendor_id)
            .execute(db)
            .await?
            .rows_affected()
            == 1,
    )
}

/// Invitations waiting for the owner of `email`, from shops that are not suspended.
pub async fn invitations_for(
    db: impl PgExecutor<'_>,
    email: &str,
) -> Result<Vec<crate::wire::vendor::Invitation>, sqlx::Error> {
    sqlx::query_as(
        "select i.id, v.business_name, i.role from staff_invitations i join vendors v on v.id = i.vendor_id
         where i.email = $1 and v.verification_status <> 'suspended' order by i.created_at",
    )
    .bind(email)
    .fetch_all(db)
    .await
}

/// Takes an invitation addressed to `email` out of the table: its shop and role, or None
/// when there is no such invitation for this person.
pub async fn take_invitation(
    tx: &mut PgConnection,
    id: Uuid,
    email: &str,
) -> Result<Option<(Uuid, String)>, sqlx::Error> {
    sqlx::query_as(
        "delete from staff_invitations where id = $1 and email = $2 returning vendor_id, role",
    )
    .bind(id)
    .bind(email)
    .fetch_optional(&mut *tx)
    .await
}

/// Makes `user` a member of the shop with `role` (the caller took their invitation).
pub async fn join(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    user: Uuid,
    role: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query("insert into vendor_staff (vendor_id, user_id, role) values ($1, $2, $3)")
        .bind(vendor_id)
        .bind(user)
        .bind(role)
        .execute(&mut *tx)
        .await?;
    sqlx::query("update users set role = 'vendor_staff' where id = $1 and role = 'customer'")
        .bind(user)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The shop `user` is a non-owner member of, if any (to leave it).
pub async fn staff_shop_of(
    db: impl PgExecutor<'_>,
    user: Uuid,
) -> Result<Option<Uuid>, sqlx::Error> {
    sqlx::query_scalar("select vendor_id from vendor_staff where user_id = $1 and role <> 'owner'")
        .bind(user)
        .fetch_optional(db)
        .await
}

/// Removes a non-owner member; they go back to being a customer.
pub async fn remove_staff(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    user_id: Uuid,
) -> Result<bool, sqlx::Error> {
    let removed = sqlx::query(
        "delete from vendor_staff where vendor_id = $1 and user_id = $2 and role <> 'owner'",
    )
    .bind(vendor_id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if removed {
        sqlx::query("update users set role = 'customer' where id = $1 and role = 'vendor_staff'")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
    }
    Ok(removed)
}

pub async fn tiers(db: impl PgExecutor<'_>) -> Result<Vec<Tier>, sqlx::Error> {
    sqlx::query_as(
        "select code, name, listing_limit, commission_rate from membership_tiers order by position",
    )
    .fetch_all(db)
    .await
}

pub async fn update_tier(
    db: impl PgExecutor<'_>,
    code: &str,
    listing_limit: i32,
    commission_rate: rust_decimal::Decimal,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query(
        "update membership_tiers set listing_limit = $2, commission_rate = $3 where code = $1",
    )
    .bind(code)
    .bind(listing_limit)
    .bind(commission_rate)
    .execute(db)
    .await?
    .rows_affected()
        == 1)
}

/// The membership tier a shop is on.
pub async fn tier_of(db: impl PgExecutor<'_>, vendor_id: Uuid) -> Result<Tier, sqlx::Error> {
    sqlx::query_as(
        "select t.code, t.name, t.listing_limit, t.commission_rate
         from vendors v join membership_tiers t on t.code = v.tier where v.id = $1",
    )
    .bind(vendor_id)
    .fetch_one(db)
    .await
}

/// A shop's slug and tier code, locked for the rest of the transaction.
pub async fn lock_tier(
    conn: &mut PgConnection,
    vendor_id: Uuid,
) -> Result<Option<(String, String)>, sqlx::Error> {
    sqlx::query_as("select slug, tier from vendors where id = $1 for update")
        .bind(vendor_id)
        .fetch_optional(conn)
        .await
}

pub async fn set_tier(
    db: impl PgExecutor<'_>,
    vendor_id: Uuid,
    tier: &str,
) -> Result<bool, sqlx::Error> {
    Ok(sqlx::query("update vendors set tier = $2 where id = $1 and exists (select 1 from membership_tiers where code = $2)")
        .bind(vendor_id)
        .bind(tier)
        .execute(db)
        .await?
        .rows_affected()
        == 1)
}

/// The delivery and payment terms of these shops (the one way they are read: the cart,
/// checkout's pricing and the shop's own settings page).
pub async fn delivery_terms(
    conn: &mut PgConnection,
    shops: &[Uuid],
) -> Result<Vec<DeliveryOffer>, sqlx::Error> {
    let rows: Vec<(Uuid, bool, bool, Option<Decimal>)> = sqlx::query_as(
        "select id, offers_pickup, accepts_cod, delivery_fee from vendors where id = any($1) order by id",
    )
    .bind(shops)
    .fetch_all(&mut *conn)
    .await?;
    let zones: Vec<(Uuid, String, Decimal)> = sqlx::query_as(
        "select vendor_id, county, fee from delivery_zones where vendor_id = any($1) order by county",
    )
    .bind(shops)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(
            |(vendor_id, pickup, cash_on_delivery, flat_fee)| DeliveryOffer {
                vendor_id,
                terms: DeliveryTerms {
                    pickup,
                    cash_on_delivery,
                    flat_fee,
                    zones: zones
                        .iter()
                        .filter(|z| z.0 == vendor_id)
                        .map(|(_, county, fee)| (county.clone(), *fee))
                        .collect(),
                },
            },
        )
        .collect())
}

/// Replaces a shop's terms, in the caller's transaction.
pub async fn save_delivery_terms(
    tx: &mut PgConnection,
    vendor_id: Uuid,
    t: &DeliveryTerms,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update vendors set offers_pickup = $2, accepts_cod = $3, delivery_fee = $4 where id = $1",
    )
    .bind(vendor_id)
    .bind(t.pickup)
    .bind(t.cash_on_delivery)
    .bind(t.flat_fee)
    .execute(&mut *tx)
    .await?;
    sqlx::query("delete from delivery_zones where vendor_id = $1")
        .bind(vendor_id)
        .execute(&mut *tx)
        .await?;
    for (county, fee) in &t.zones {
        sqlx::query("insert into delivery_zones (vendor_id, county, fee) values ($1, $2, $3)")
            .bind(vendor_id)
            .bind(county)
            .bind(fee)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Locks a shop's row: one money decision (e.g. a payout) per shop at a time.
pub async fn lock(tx: &mut PgConnection, vendor_id: Uuid) -> Result<(), sqlx::Error> {
    sqlx::query("select 1 from vendors where id = $1 for update")
        .bind(vendor_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

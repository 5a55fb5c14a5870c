//! The platform settings row (migration ..16): read on each use, so an admin's edit takes
//! effect on the next request; created on first use from Leptos.toml's defaults.

use crate::domain::platform::PlatformSettings;
use crate::settings::Settings;
use rust_decimal::Decimal;
use sqlx::{PgConnection, PgPool};

type Row = (Decimal, i32, i32, i32, Decimal, i32, i32, i32, bool, String);

const COLUMNS: &str = "vat_rate, reservation_minutes, return_days, holding_days, payout_minimum,
                       accept_hours, ship_days, answer_hours, orders_paused, pause_message";

fn from_row(
    (vat, reservation, returns, holding, minimum, accept, ship, answer, paused, message): Row,
) -> PlatformSettings {
    PlatformSettings {
        vat_rate: vat.normalize(),
        reservation_minutes: reservation.into(),
        return_days: returns.into(),
        holding_days: holding.into(),
        payout_minimum: minimum.normalize(),
        accept_hours: accept.into(),
        ship_days: ship.into(),
        answer_hours: answer.into(),
        orders_paused: paused,
        pause_message: message,
    }
}

/// The settings in force; on a fresh install, first written from `defaults` (Leptos.toml).
pub async fn get(pool: &PgPool, defaults: &Settings) -> Result<PlatformSettings, sqlx::Error> {
    let row: Option<Row> = sqlx::query_as(&format!("select {COLUMNS} from platform_settings"))
        .fetch_optional(pool)
        .await?;
    if let Some(row) = row {
        return Ok(from_row(row));
    }
    let inserted: Option<Row> = sqlx::query_as(&format!(
        "insert into platform_settings (vat_rate, reservation_minutes, return_days, holding_days, payout_minimum)
         values ($1, $2, $3, $4, $5) on conflict (id) do nothing returning {COLUMNS}"
    ))
    .bind(defaults.checkout.vat_rate)
    .bind(defaults.checkout.reservation_minutes as i32)
    .bind(defaults.checkout.return_days as i32)
    .bind(defaults.payouts.holding_days as i32)
    .bind(defaults.payouts.minimum)
    .fetch_optional(pool)
    .await?;
    match inserted {
        Some(row) => Ok(from_row(row)),
        // Another request created it first; read theirs (a new statement sees it).
        None => sqlx::query_as(&format!("select {COLUMNS} from platform_settings"))
            .fetch_one(pool)
            .await
            .map(from_row),
    }
}

/// What the payout run needs of the settings in force.
pub async fn payout_rules(
    pool: &PgPool,
    defaults: &Settings,
) -> Result<crate::settings::PayoutSettings, sqlx::Error> {
    let s = get(pool, defaults).await?;
    Ok(crate::settings::PayoutSettings {
        minimum: s.payout_minimum,
        holding_days: s.holding_days,
    })
}

/// The settings, locked for an edit (after `get` has made sure the row exists).
pub async fn lock(conn: &mut PgConnection) -> Result<PlatformSettings, sqlx::Error> {
    let row: Row = sqlx::query_as(&format!(
        "select {COLUMNS} from platform_settings for update"
    ))
    .fetch_one(conn)
    .await?;
    Ok(from_row(row))
}

pub async fn save(conn: &mut PgConnection, s: &PlatformSettings) -> Result<(), sqlx::Error> {
    sqlx::query(
        "update platform_settings set vat_rate = $1, reservation_minutes = $2, return_days = $3,
                holding_days = $4, payout_minimum = $5, orders_paused = $6, pause_message = $7,
                accept_hours = $8, ship_days = $9, answer_hours = $10, updated_at = now()",
    )
    .bind(s.vat_rate)
    .bind(s.reservation_minutes as i32)
    .bind(s.return_days as i32)
    .bind(s.holding_days as i32)
    .bind(s.payout_minimum)
    .bind(s.orders_paused)
    .bind(&s.pause_message)
    .bind(s.accept_hours as i32)
    .bind(s.ship_days as i32)
    .bind(s.answer_hours as i32)
    .execute(conn)
    .await?;
    Ok(())
}

//! What every request handler and server function shares: the pool, Leptos' options, the
//! runtime settings (`settings.rs`) and the clients built from them. This is the composition
//! root; adapters below it read only their own settings struct.

use crate::settings::Settings;
use axum::extract::FromRef;
use leptos::prelude::*;
use sqlx::PgPool;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub pool: PgPool,
    /// Searches' own connections (`db::search::pool`): generic plans, and a burst of searches
    /// cannot take the connections checkout needs.
    pub search: PgPool,
    pub leptos_options: LeptosOptions,
    pub settings: Arc<Settings>,
    /// Where uploaded files live.
    pub media: Arc<dyn crate::media::MediaStore>,
    /// Product page views waiting to be written.
    pub views: Arc<crate::views::ViewCounter>,
    /// The M-Pesa Daraja client (the simulator in development and tests).
    pub mpesa: Arc<crate::mpesa::Daraja>,
    /// The SMS provider's client (the simulator in development and tests).
    pub sms: Arc<crate::sms::SmsSender>,
}

impl AppState {
    /// The state a server runs with: media on disk under the configured directory, and an
    /// empty view counter.
    pub fn new(pool: PgPool, leptos_options: LeptosOptions, settings: Settings) -> Self {
        let media = Arc::new(crate::media::DiskStore::new(&settings.media.dir));
        // An empty token is development's: a random one per process (callbacks of pushes sent
        // before a restart are then refused, and reconciled by STK query instead).
        let token = if settings.mpesa.callback_token.is_empty() {
            uuid::Uuid::new_v4().simple().to_string()
        } else {
            settings.mpesa.callback_token.clone()
        };
        let mut mpesa_settings = settings.mpesa.clone();
        if mpesa_settings.callback_base_url.is_empty() {
            mpesa_settings.callback_base_url = settings.http.public_url.clone();
        }
        let mpesa = Arc::new(crate::mpesa::Daraja::new(mpesa_settings, token));
        let sms = Arc::new(crate::sms::SmsSender::new(settings.sms.clone()));
        Self {
            mpesa,
            sms,
            search: crate::db::search::pool(&pool),
            pool,
            leptos_options,
            settings: Arc::new(settings),
            media,
            views: Arc::default(),
        }
    }
}

/// Lets Leptos' axum handlers pull their options out of our state.
impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

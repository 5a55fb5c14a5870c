//! The runtime settings read from `Leptos.toml` and the environment (see `src/config.rs`):
//! plain data, so low-level adapters (the Daraja client, the mailer, the payout job) can read
//! theirs without importing the application state that builds them.

use crate::i18n::Locale;
use serde::Deserialize;

/// Application settings: the tables of `Leptos.toml` (`[http]`, `[auth]`, `[i18n]`, `[media]`,
/// `[checkout]`, `[mpesa]`, `[payouts]`, `[mail]`, `[sms]`), overridden by the environment.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct Settings {
    pub http: HttpSettings,
    pub auth: AuthSettings,
    pub i18n: I18nSettings,
    pub media: MediaSettings,
    #[serde(default)]
    pub checkout: CheckoutSettings,
    pub mpesa: MpesaSettings,
    #[serde(default)]
    pub payouts: PayoutSettings,
    pub mail: MailSettings,
    pub sms: SmsSettings,
}

/// Where notifications go.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct MailSettings {
    /// The sender, e.g. `Sokoni <orders@sokoni.co.ke>`.
    pub from: String,
    /// `smtps://user:pass@host` in production; empty: write `.eml` files into `dir`.
    #[serde(default)]
    pub smtp_url: Option<String>,
    pub dir: String,
}

impl std::fmt::Debug for MailSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("from", &self.from)
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// Text messages through Africa's Talking's SMS API (or the loopback simulator that speaks it).
#[derive(Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct SmsSettings {
    /// `https://api.africastalking.com`, the sandbox, or the simulator.
    pub base_url: String,
    /// The Africa's Talking application's username (`sandbox` for the sandbox).
    pub username: String,
    pub api_key: String,
    /// An approved sender id or short code; empty: the account's default.
    #[serde(default)]
    pub sender_id: String,
    /// Start the loopback SMS simulator with the server (development only).
    #[serde(default)]
    pub simulator: bool,
}

impl std::fmt::Debug for SmsSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmsSettings")
            .field("base_url", &self.base_url)
            .field("username", &self.username)
            .field("simulator", &self.simulator)
            .finish_non_exhaustive()
    }
}

/// Daraja credentials and endpoints. Secrets come from the environment in production
/// (`SOKONI_MPESA__CONSUMER_SECRET`, …); `Leptos.toml` holds the simulator's.
#[derive(Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct MpesaSettings {
    /// `https://api.safaricom.co.ke`, the sandbox, or the simulator.
    pub base_url: String,
    pub consumer_key: String,
    pub consumer_secret: String,
    /// Paybill or till number (BusinessShortCode / PartyB / B2C PartyA).
    pub shortcode: String,
    pub passkey: String,
    /// `CustomerPayBillOnline` or `CustomerBuyGoodsOnline`.
    pub transaction_type: String,
    /// Where Daraja can reach us (https in production); empty: the public URL.
    #[serde(default)]
    pub callback_base_url: String,
    /// The secret path segment of callback URLs; at least 32 characters in production.
    #[serde(default)]
    pub callback_token: String,
    pub initiator_name: String,
    pub security_credential: String,
    /// Start the loopback Daraja simulator with the server (development only).
    #[serde(default)]
    pub simulator: bool,
    /// Seconds before a Daraja call is given up.
    pub timeout_secs: u64,
}

impl std::fmt::Debug for MpesaSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MpesaSettings")
            .field("base_url", &self.base_url)
            .field("shortcode", &self.shortcode)
            .field("simulator", &self.simulator)
            .finish_non_exhaustive()
    }
}

/// Vendor payouts through M-Pesa B2C.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct PayoutSettings {
    /// Balances below this are kept for the next run (KES).
    pub minimum: rust_decimal::Decimal,
    /// Days after delivery before a sale's money becomes available.
    pub holding_days: i64,
}

impl Default for PayoutSettings {
    fn default() -> Self {
        Self {
            minimum: rust_decimal::Decimal::from(100),
            holding_days: 7,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct CheckoutSettings {
    /// VAT rate included in every price (Kenya: 16%).
    pub vat_rate: rust_decimal::Decimal,
    /// Minutes stock stays reserved for an unpaid M-Pesa order.
    pub reservation_minutes: i64,
    /// Days after delivery a shopper may ask to return a part.
    pub return_days: i64,
}

impl Default for CheckoutSettings {
    fn default() -> Self {
        Self {
            vat_rate: rust_decimal::Decimal::new(16, 2),
            reservation_minutes: 10,
            return_days: 7,
        }
    }
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct MediaSettings {
    /// Directory of the disk media store (photos, logos, KYC documents).
    pub dir: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct HttpSettings {
    /// The origin browsers see, e.g. `https://sokoni.co.ke`. State-changing requests must come
    /// from it, and cookies are `Secure` when it is https.
    pub public_url: String,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    #[serde(default)]
    pub trust_forwarded_for: bool,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct AuthSettings {
    /// Failed logins allowed per account per hour (OWASP ASVS 2.2.1 asks for at most 100).
    pub max_failures_per_account: i64,
    /// Failed logins allowed per client address per hour.
    pub max_failures_per_ip: i64,
    /// Accounts one client address may register per hour.
    pub max_signups_per_ip: i64,
    /// Sessions end after this many days without a request.
    pub session_idle_days: i64,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct I18nSettings {
    pub default_locale: String,
}

impl Settings {
    pub fn default_locale(&self) -> Locale {
        Locale::parse(&self.i18n.default_locale).unwrap_or_default()
    }

    pub fn secure_cookies(&self) -> bool {
        self.http.public_url.starts_with("https://")
    }
}

//! Typed configuration: `Leptos.toml` (or the file named by `SOKONI_CONFIG`) overlaid by the
//! environment. `LEPTOS_*` variables (set by cargo-leptos and by deployments) override the
//! `[leptos]` table, `SOKONI_<TABLE>__<KEY>` any other key, and `DATABASE_URL` is read from
//! the environment only, because it holds a secret.

use app::settings::Settings;
use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use leptos::config::{Env as LeptosEnv, LeptosOptions};
use serde::Deserialize;

#[derive(Clone, Debug)]
pub struct Config {
    pub leptos: LeptosOptions,
    pub database: DatabaseConfig,
    /// Every other table.
    pub settings: Settings,
}

#[derive(Clone, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct DatabaseConfig {
    /// From `DATABASE_URL`; never defaulted.
    pub url: Option<String>,
    pub max_connections: u32,
    pub acquire_timeout_secs: u64,
}

impl std::fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &self.url.as_ref().map(|_| "<set>"))
            .field("max_connections", &self.max_connections)
            .finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Invalid(#[from] Box<figment::Error>),
    #[error("{0} is not set; it has no default")]
    Missing(&'static str),
    #[error("{var} must be an https:// URL in production (got {value:?})")]
    InsecurePublicUrl { var: &'static str, value: String },
    #[error("{0}")]
    Production(&'static str),
}

impl Config {
    pub fn load() -> Result<Self, ConfigError> {
        let path = std::env::var("SOKONI_CONFIG").unwrap_or_else(|_| "Leptos.toml".into());
        Self::from_figment(Figment::new().merge(Toml::file_exact(path)))
    }

    /// Layers the environment over `base` and checks what production requires.
    pub fn from_figment(base: Figment) -> Result<Self, ConfigError> {
        let env = [
            Env::prefixed("LEPTOS_")
                .map(|k| format!("leptos.{}", k.as_str().replace('_', "-")).into()),
            Env::prefixed("SOKONI_")
                .ignore(&["config"])
                .map(|k| k.as_str().replace("__", ".").replace('_', "-").into()),
            Env::raw()
                .only(&["DATABASE_URL"])
                .map(|_| "database.url".into()),
        ];
        // Every variable is taken as text: figment's `Env` would read `174379` as a number,
        // which a text setting (an M-Pesa shortcode, a passkey, a phone) then refuses. A
        // setting that wants a number or a flag reads it from the text (`extract_lossy`).
        let figment = env
            .iter()
            .flat_map(Env::iter)
            .fold(base, |f, (key, value)| {
                f.merge(Serialized::default(key.as_str(), value))
            });
        // Part by part: serde's `flatten` would hide the wanted types from `extract_lossy`.
        let config = Config {
            leptos: figment.extract_inner_lossy("leptos").map_err(Box::new)?,
            database: figment.extract_inner_lossy("database").map_err(Box::new)?,
            settings: figment.extract_lossy().map_err(Box::new)?,
        };
        if config.database.url.as_deref().is_none_or(str::is_empty) {
            return Err(ConfigError::Missing("DATABASE_URL"));
        }
        if config.leptos.env == LeptosEnv::PROD && !config.settings.secure_cookies() {
            return Err(ConfigError::InsecurePublicUrl {
                var: "SOKONI_HTTP__PUBLIC_URL",
                value: config.settings.http.public_url.clone(),
            });
        }
        if config.leptos.env == LeptosEnv::PROD {
            let m = &config.settings.mpesa;
            if m.simulator {
                return Err(ConfigError::Production(
                    "SOKONI_MPESA__SIMULATOR must be false in production",
                ));
            }
            if config.settings.sms.simulator {
                return Err(ConfigError::Production(
                    "SOKONI_SMS__SIMULATOR must be false in production",
                ));
            }
            if m.callback_token.len() < 32 {
                return Err(ConfigError::Production(
                    "SOKONI_MPESA__CALLBACK_TOKEN must be at least 32 random characters in production",
                ));
            }
            if !m.callback_base_url.is_empty() && !m.callback_base_url.starts_with("https://") {
                return Err(ConfigError::Production(
                    "SOKONI_MPESA__CALLBACK_BASE_URL must be https in production",
                ));
            }
        }
        Ok(config)
    }

    pub fn database_url(&self) -> &str {
        self.database.url.as_deref().unwrap_or_default()
    }
}

#[cfg(test)]
#[expect(
    clippy::result_large_err,
    reason = "figment::Jail fixes the closure's error type"
)]
mod tests {
    use super::*;
    use figment::Jail;

    fn project_file() -> Figment {
        Figment::new().merge(Toml::file_exact(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/Leptos.toml"
        )))
    }

    #[test]
    fn reads_leptos_toml_and_environment() {
        Jail::expect_with(|jail| {
            jail.set_env("DATABASE_URL", "postgres://x@localhost/db");
            jail.set_env("LEPTOS_SITE_ADDR", "127.0.0.1:4444");
            jail.set_env("SOKONI_AUTH__MAX_FAILURES_PER_ACCOUNT", "7");
            let config = Config::from_figment(project_file()).map_err(|e| e.to_string())?;
            assert_eq!(config.leptos.site_addr.port(), 4444);
            assert_eq!(config.settings.auth.max_failures_per_account, 7);
            assert_eq!(config.database_url(), "postgres://x@localhost/db");
            Ok(())
        });
    }

    #[test]
    fn digits_are_text_where_a_setting_is_text() {
        Jail::expect_with(|jail| {
            jail.set_env("DATABASE_URL", "postgres://x@localhost/db");
            jail.set_env("SOKONI_MPESA__SHORTCODE", "174379");
            jail.set_env("SOKONI_MPESA__PASSKEY", "0123456789");
            jail.set_env("LEPTOS_RELOAD_PORT", "3101");
            jail.set_env("LEPTOS_HASH_FILES", "false");
            let config = Config::from_figment(project_file()).map_err(|e| e.to_string())?;
            assert_eq!(config.settings.mpesa.shortcode, "174379");
            assert_eq!(config.settings.mpesa.passkey, "0123456789");
            assert_eq!(config.leptos.reload_port, 3101);
            assert!(!config.leptos.hash_files);
            Ok(())
        });
    }

    #[test]
    fn database_url_has_no_default() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            let err = Config::from_figment(project_file()).expect_err("must fail");
            assert!(err.to_string().contains("DATABASE_URL"), "{err}");
            Ok(())
        });
    }

    #[test]
    fn production_requires_https_public_url() {
        Jail::expect_with(|jail| {
            jail.clear_env();
            jail.set_env("DATABASE_URL", "postgres://x@localhost/db");
            jail.set_env("LEPTOS_ENV", "PROD");
            let err = Config::from_figment(project_file()).expect_err("must fail");
            assert!(err.to_string().contains("SOKONI_HTTP__PUBLIC_URL"), "{err}");
            jail.set_env("SOKONI_HTTP__PUBLIC_URL", "https://sokoni.example");
            let err = Config::from_figment(project_file()).expect_err("simulator in production");
            assert!(err.to_string().contains("SOKONI_MPESA__SIMULATOR"), "{err}");
            jail.set_env("SOKONI_MPESA__SIMULATOR", "false");
            let err = Config::from_figment(project_file()).expect_err("SMS simulator");
            assert!(err.to_string().contains("SOKONI_SMS__SIMULATOR"), "{err}");
            jail.set_env("SOKONI_SMS__SIMULATOR", "false");
            jail.set_env("SOKONI_MPESA__CALLBACK_TOKEN", "short");
            let err = Config::from_figment(project_file()).expect_err("weak token");
            assert!(err.to_string().contains("CALLBACK_TOKEN"), "{err}");
            jail.set_env(
                "SOKONI_MPESA__CALLBACK_TOKEN",
                "0123456789abcdef0123456789abcdef",
            );
            jail.set_env("SOKONI_MPESA__CALLBACK_BASE_URL", "https://sokoni.example");
            let config = Config::from_figment(project_file()).map_err(|e| e.to_string())?;
            assert!(config.settings.secure_cookies());
            Ok(())
        });
    }
}

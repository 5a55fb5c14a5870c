//! Start-up and shutdown: logging, the pool, migrations, the listener and background jobs.

use crate::config::Config;
use crate::{BoxError, http, jobs};
use app::state::AppState;
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use std::net::SocketAddr;
use std::str::FromStr;
use std::time::Duration;
use tower_sessions_sqlx_store::PostgresStore;

pub fn init_tracing() {
    use tracing_subscriber::{EnvFilter, fmt};
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=info"));
    fmt().with_env_filter(filter).with_target(false).init();
}

/// How Sokoni talks to PostgreSQL. JIT compilation and parallel workers are off: both pay off
/// for long analytic queries, but ours are short. Facet counts over many rows cross the
/// planner's JIT cost threshold and then spend more time compiling than running; and a search
/// the planner expects to read a few thousand rows started two workers to read none ("solar"
/// within Electronics at 1M listings: 8.2 ms, 5.5 of them starting the workers; 0.2 ms without).
pub fn connect_options(url: &str) -> Result<PgConnectOptions, sqlx::Error> {
    Ok(PgConnectOptions::from_str(url)?
        .options([("jit", "off"), ("max_parallel_workers_per_gather", "0")]))
}

/// Connects and brings the schema up to date: our migrations, then the session store's table.
pub async fn connect_and_migrate(config: &Config) -> Result<PgPool, BoxError> {
    let pool = PgPoolOptions::new()
        .max_connections(config.database.max_connections)
        .acquire_timeout(Duration::from_secs(config.database.acquire_timeout_secs))
        .connect_with(connect_options(config.database_url())?)
        .await?;
    migrate(&pool).await?;
    Ok(pool)
}

pub async fn migrate(pool: &PgPool) -> Result<(), BoxError> {
    sqlx::migrate!("./migrations").run(pool).await?;
    PostgresStore::new(pool.clone()).migrate().await?;
    Ok(())
}

pub fn app_state(config: &Config, pool: PgPool) -> AppState {
    AppState::new(pool, config.leptos.clone(), config.settings.clone())
}

pub async fn serve(config: Config) -> Result<(), BoxError> {
    if config.settings.mpesa.simulator {
        start_simulator(&config.settings.mpesa).await?;
    }
    if config.settings.sms.simulator {
        let addr = loopback(&config.settings.sms.base_url, "[sms] base-url")?;
        crate::sms_simulator::SmsSimulator::new(&config.settings.sms)
            .spawn(addr)
            .await?;
    }
    let pool = connect_and_migrate(&config).await?;
    let state = app_state(&config, pool);
    let background = jobs::spawn(state.clone());
    let addr = config.leptos.site_addr;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!("Sokoni listening on http://{addr}");
    let state_for_shutdown = state.clone();
    axum::serve(
        listener,
        http::router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    background.abort();
    // Views counted since the last flush are written before the process exits.
    if let Err(e) = state_for_shutdown
        .views
        .flush(&state_for_shutdown.pool)
        .await
    {
        tracing::warn!(error = %e, "could not write the last product views");
    }
    tracing::info!("Sokoni stopped");
    Ok(())
}

/// Development: the Daraja simulator on the loopback address `[mpesa] base-url` names.
async fn start_simulator(settings: &app::settings::MpesaSettings) -> Result<(), BoxError> {
    let addr = loopback(&settings.base_url, "[mpesa] base-url")?;
    crate::simulator::Simulator::new(crate::simulator::SimConfig::for_settings(settings))
        .spawn(addr)
        .await?;
    Ok(())
}

/// The loopback address a simulator's `http://127.0.0.1:<port>` URL names: simulators never
/// listen beyond this machine.
fn loopback(url: &str, setting: &str) -> Result<SocketAddr, BoxError> {
    let addr: SocketAddr = url
        .strip_prefix("http://")
        .ok_or_else(|| format!("{setting} must be http://127.0.0.1:<port> when simulator = true"))?
        .trim_end_matches('/')
        .parse()?;
    if !addr.ip().is_loopback() {
        return Err(format!("{setting}: simulators only listen on loopback").into());
    }
    Ok(addr)
}

/// Resolves on Ctrl-C or SIGTERM; in-flight requests then finish before the process exits.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutdown requested");
}

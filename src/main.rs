//! The `sokoni` command: serve the marketplace, migrate, seed demo data, create an admin.

use clap::{Parser, Subcommand};
use sokoni::{cli, config, seed, startup};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "sokoni", version, about = "Sokoni multi-vendor marketplace")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (the default when no command is given).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Fill an empty database with a deterministic Kenyan demo marketplace.
    Seed(seed::SeedArgs),
    /// Create an admin account, or make an existing account an admin. The password is read
    /// from the terminal (asked twice) or from standard input; there is no default.
    CreateAdmin(cli::CreateAdminArgs),
}

#[tokio::main]
async fn main() -> ExitCode {
    startup::init_tracing();
    let cli = Cli::parse();
    let config = match config::Config::load() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    let outcome = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => startup::serve(config).await,
        Command::Migrate => startup::connect_and_migrate(&config).await.map(|_| ()),
        Command::Seed(args) => seed::run(&config, args).await,
        Command::CreateAdmin(args) => cli::create_admin(&config, args).await,
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

//! Command-line tasks other than serving and seeding.

use crate::BoxError;
use crate::config::Config;
use crate::startup::connect_and_migrate;
use app::db::users;
use app::domain::{Email, Password, PersonName, Role};
use std::io::{BufRead, IsTerminal};

#[derive(clap::Args)]
pub struct CreateAdminArgs {
    #[arg(long)]
    pub email: String,
    #[arg(long, default_value = "Sokoni Admin")]
    pub name: String,
}

pub async fn create_admin(config: &Config, args: CreateAdminArgs) -> Result<(), BoxError> {
    let email = Email::parse(&args.email).map_err(|e| format!("--email: {e:?}"))?;
    let name = PersonName::parse(&args.name).map_err(|e| format!("--name: {e:?}"))?;
    let password = read_password()?;
    let password = Password::parse(password).map_err(|e| format!("password: {e:?}"))?;
    let hash = app::auth::password::hash(password.expose().to_owned())
        .await
        .map_err(|e| e.to_string())?;
    let pool = connect_and_migrate(config).await?;
    if users::promote_to_admin(&pool, &email, &hash).await? {
        println!("{email} is now an admin; password updated.");
    } else {
        let new = users::NewUser {
            email: &email,
            name: &name,
            phone: None,
            password_hash: &hash,
            role: Role::Admin,
            locale: config.settings.default_locale(),
        };
        users::insert(&pool, new).await?;
        println!("Admin {email} created.");
    }
    Ok(())
}

/// Asks twice on a terminal (without echo); reads one line from a pipe.
fn read_password() -> Result<String, BoxError> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Admin password (10+ characters): ")?;
        let second = rpassword::prompt_password("Repeat it: ")?;
        if first != second {
            return Err("the passwords do not match".into());
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

//! The admin console's data. Every function here checks the admin role itself, whatever the
//! page guard did.

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::wire::admin::*;

#[server(endpoint = "admin_overview")]
pub async fn admin_overview() -> Result<PlatformCounts, AppError> {
    use crate::auth::context;
    use crate::domain::role::Area;
    context::respond(async move {
        context::require_area(Area::Admin).await?;
        Ok(crate::db::stats::platform_counts(&context::state()?.pool).await?)
    })
    .await
}

//! Browsing the catalog. (Listings and search arrive with the catalog work.)

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct CategoryCard {
    pub slug: String,
    pub name: String,
    pub subcategories: i64,
}

#[server(endpoint = "top_categories")]
pub async fn top_categories() -> Result<Vec<CategoryCard>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let state = context::state()?;
        Ok(crate::db::categories::top_level(&state.pool, context::request_locale()).await?)
    })
    .await
}

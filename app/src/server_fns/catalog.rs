//! Browsing and searching the catalog.

use crate::domain::search::RawSearch;
use crate::error::AppError;
use leptos::prelude::*;

pub use crate::wire::catalog::*;

#[server(endpoint = "top_categories")]
pub async fn top_categories() -> Result<Vec<CategoryCard>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let state = context::state()?;
        Ok(crate::db::categories::top_level(&state.pool, context::request_locale()).await?)
    })
    .await
}

#[server(endpoint = "category_choices")]
pub async fn category_choices() -> Result<Vec<CategoryChoice>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let state = context::state()?;
        Ok(crate::db::categories::choices(&state.pool, context::request_locale()).await?)
    })
    .await
}

#[server(endpoint = "search_listings")]
pub async fn search_listings(raw: RawSearch) -> Result<SearchResults, AppError> {
    use crate::auth::context;
    use crate::domain::search::SearchQuery;
    context::respond(async move {
        let query =
            SearchQuery::parse(&raw).map_err(|(field, why)| AppError::invalid(field, why))?;
        Ok(crate::db::search::search(&context::state()?.search, &query).await?)
    })
    .await
}

/// Autocomplete for the header search box.
#[server(endpoint = "suggest", output = crate::wire::IslandCodec)]
pub async fn suggest(prefix: String) -> Result<Vec<String>, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let words = crate::domain::search::terms(&prefix);
        let Some(last) = words.last() else {
            return Ok(Vec::new());
        };
        if last.chars().count() < 2 {
            return Ok(Vec::new());
        }
        let head = words[..words.len() - 1].join(" ");
        let found = crate::db::search::suggest(&context::state()?.search, last).await?;
        Ok(found
            .into_iter()
            .map(|w| {
                if head.is_empty() {
                    w
                } else {
                    format!("{head} {w}")
                }
            })
            .collect())
    })
    .await
}

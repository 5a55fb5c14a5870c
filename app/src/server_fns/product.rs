//! What shoppers see of one listing and of one shop.

use crate::domain::search::RawSearch;
use crate::error::AppError;
use leptos::prelude::*;

pub use crate::wire::product::*;

/// An approved listing by its slug, or `NotFound` (also for pending, rejected, archived ones).
#[server(endpoint = "product_page")]
pub async fn product_page(
    slug: String,
    #[server(default)] reviews: String,
) -> Result<ProductDetails, AppError> {
    use crate::auth::context;
    use crate::db::{listings, products};
    context::respond(async move {
        let state = context::state()?;
        let pool = &state.pool;
        let product = products::by_slug(pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        // Counted in memory and written in batches: a page view costs no write here.
        state.views.record(product.id);
        let base = state
            .settings
            .http
            .public_url
            .trim_end_matches('/')
            .to_owned();
        let photos = listings::photos(pool, product.id).await?;
        let saved = match context::current_user().await? {
            Some(user) => Some(crate::db::wishlist::is_saved(pool, user.id, product.id).await?),
            None => None,
        };
        Ok(ProductDetails {
            description_html: crate::markdown::to_safe_html(&product.description),
            canonical: format!("{base}/p/{}", product.slug),
            image: photos.first().map(|k| {
                format!(
                    "{base}{}",
                    crate::domain::media::photo_url(k, crate::domain::media::PhotoSize::Large)
                )
            }),
            photos,
            variants: listings::variants(pool, product.id).await?,
            more_from_vendor: products::more_from_vendor(pool, product.vendor_id, product.id)
                .await?,
            reviews: reviews_of(
                pool,
                crate::db::reviews::Scope::Listing(product.id),
                &reviews,
            )
            .await?,
            saved,
            product,
        })
    })
    .await
}

/// A verified shop's storefront: its profile and its approved listings, searched and filtered
/// like the main search.
/// A page of reviews (`sort`: `newest` or `helpful`) with the distribution of stars.
#[cfg(feature = "ssr")]
async fn reviews_of(
    pool: &sqlx::PgPool,
    scope: crate::db::reviews::Scope,
    sort: &str,
) -> Result<crate::wire::reviews::Reviews, AppError> {
    let sort = crate::domain::review::ReviewSort::parse(sort);
    Ok(crate::wire::reviews::Reviews {
        distribution: crate::db::reviews::distribution(pool, scope).await?,
        sort,
        reviews: crate::db::reviews::list(pool, scope, sort, false, 20).await?,
    })
}

#[server(endpoint = "store_page")]
pub async fn store_page(
    slug: String,
    raw: RawSearch,
    #[server(default)] reviews: String,
) -> Result<Storefront, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let state = context::state()?;
        let pool = &state.pool;
        let shop = crate::db::vendors::public_shop(pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let raw = RawSearch {
            vendor: Some(shop.slug.clone()),
            ..raw
        };
        let query = crate::domain::search::SearchQuery::parse(&raw)?;
        let results = crate::db::search::search(&state.search, &query).await?;
        let reviews = reviews_of(pool, crate::db::reviews::Scope::Shop(shop.id), &reviews).await?;
        Ok(Storefront {
            shop,
            results,
            reviews,
        })
    })
    .await
}

#[server(endpoint = "home_shelves")]
pub async fn home_shelves(
    #[server(default)] lat: Option<f64>,
    #[server(default)] lng: Option<f64>,
) -> Result<Shelves, AppError> {
    use crate::auth::context;
    use crate::db::products;
    context::respond(async move {
        let pool = &context::state()?.pool;
        let near = match (lat, lng) {
            (Some(lat), Some(lng))
                if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lng) =>
            {
                products::popular_near(pool, lat, lng, 50.0).await?
            }
            _ => Vec::new(),
        };
        Ok(Shelves {
            featured: products::featured(pool).await?,
            newest: products::newest(pool).await?,
            near,
        })
    })
    .await
}

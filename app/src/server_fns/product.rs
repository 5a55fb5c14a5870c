//! What shoppers see of one listing and of one shop.

use crate::domain::search::RawSearch;
use crate::error::AppError;
use crate::server_fns::catalog::{ListingCard, SearchResults};
use crate::server_fns::seller::VariantView;
use crate::server_fns::vendor::ShopView;
use leptos::prelude::*;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(sqlx::FromRow))]
pub struct ProductRow {
    pub id: Uuid,
    pub vendor_id: Uuid,
    pub slug: String,
    pub title: String,
    pub description: String,
    pub price: Decimal,
    pub compare_at_price: Option<Decimal>,
    pub currency: String,
    pub stock: i32,
    pub county: String,
    pub town: String,
    pub category_slug: String,
    pub category_en: String,
    pub category_sw: String,
    pub weight_grams: Option<i32>,
    pub featured: bool,
    pub vendor_name: String,
    pub vendor_slug: String,
    pub vendor_rating: Decimal,
    pub vendor_town: String,
    pub vendor_county: String,
    pub vendor_logo: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProductDetails {
    pub product: ProductRow,
    /// The description as sanitised HTML (see `markdown`).
    pub description_html: String,
    pub photos: Vec<String>,
    pub variants: Vec<VariantView>,
    pub more_from_vendor: Vec<ListingCard>,
    /// The page's absolute URL, for `<link rel=canonical>` and Open Graph.
    pub canonical: String,
    /// Absolute URL of the first photo, for Open Graph and JSON-LD.
    pub image: Option<String>,
}

/// An approved listing by its slug, or `NotFound` (also for pending, rejected, archived ones).
#[server(endpoint = "product_page")]
pub async fn product_page(slug: String) -> Result<ProductDetails, AppError> {
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
        Ok(ProductDetails {
            description_html: crate::markdown::to_safe_html(&product.description),
            canonical: format!("{base}/p/{}", product.slug),
            image: photos
                .first()
                .map(|k| format!("{base}{}", crate::components::media::photo_url(k, "large"))),
            photos,
            variants: listings::variants(pool, product.id).await?,
            more_from_vendor: products::more_from_vendor(pool, product.vendor_id, product.id)
                .await?,
            product,
        })
    })
    .await
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Storefront {
    pub shop: ShopView,
    pub results: SearchResults,
}

/// A verified shop's storefront: its profile and its approved listings, searched and filtered
/// like the main search.
#[server(endpoint = "store_page")]
pub async fn store_page(slug: String, raw: RawSearch) -> Result<Storefront, AppError> {
    use crate::auth::context;
    context::respond(async move {
        let pool = &context::state()?.pool;
        let shop = crate::db::vendors::public_shop(pool, &slug)
            .await?
            .ok_or(AppError::NotFound)?;
        let raw = RawSearch {
            vendor: Some(shop.slug.clone()),
            ..raw
        };
        let query = crate::domain::search::SearchQuery::parse(&raw)?;
        let results = crate::db::search::search(pool, &query).await?;
        Ok(Storefront { shop, results })
    })
    .await
}

/// The home page's listing rows.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Shelves {
    pub featured: Vec<ListingCard>,
    pub newest: Vec<ListingCard>,
    /// Popular within 50 km, when the shopper shared a location.
    pub near: Vec<ListingCard>,
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

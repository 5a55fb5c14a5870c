//! The types that cross the server-function boundary, compiled for both the server and the
//! browser. They sit below the data layer: `db/` fills them, `server_fns/` returns them and
//! `pages/` render them, so no layer has to import from the one above it. They import only
//! `domain/` (and each other, without circles).

pub mod admin;
pub mod admin_orders;
pub mod analytics;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod commission;
pub mod coupons;
pub mod disputes;
pub mod moderation;
pub mod notifications;
pub mod orders;
pub mod payments;
pub mod product;
pub mod reviews;
pub mod seller;
pub mod vendor;

/// How server functions that islands call answer: postcard rather than JSON, because a JSON
/// decoder in the browser bundle costs about 30 KB brotli (see `islands/seed.rs`). Errors
/// (`AppError`) use the same encoding.
pub type IslandCodec = server_fn::codec::Postcard;

//! Server functions: thin endpoints that authorise from the session, call the domain and the
//! database, and map errors. Grouped by feature.

pub mod account;
pub mod admin;
pub mod admin_orders;
pub mod analytics;
pub mod auth;
pub mod cart;
pub mod catalog;
pub mod categories;
pub mod checkout;
pub mod commission;
pub mod coupons;
pub mod disputes;
pub mod locale;
pub mod moderation;
pub mod notifications;
pub mod orders;
pub mod payments;
pub mod people;
pub mod product;
pub mod reviews;
pub mod seller;
pub mod shop_orders;
pub mod two_factor;
pub mod vendor;
pub mod wishlist;

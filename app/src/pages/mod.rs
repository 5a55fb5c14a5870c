//! One module per page (or group of closely related pages).

pub mod account;
pub mod admin;
pub mod admin_payments;
pub mod admin_review;
pub mod auth;
pub mod cart;
pub mod checkout;
pub mod error;
pub mod home;
pub mod not_found;
pub mod product;
pub mod search;
pub mod sell;
pub mod seller;
pub mod seller_import;
pub mod seller_listing;
pub mod seller_money;
pub mod seller_orders;
pub mod seller_promotions;
pub mod seller_staff;
pub mod store;

//! One module per page (or group of closely related pages).

pub mod account;
pub mod admin;
pub mod auth;
pub mod cart;
pub mod checkout;
pub mod error;
pub mod home;
pub mod notifications;
pub mod orders;
pub mod product;
pub mod search;
pub mod seller;
pub mod store;
pub mod two_factor;
pub mod wishlist;

//! One module per page (or group of closely related pages).

pub mod account;
pub mod admin;
pub mod auth;
pub mod cart;
pub mod error;
pub mod home;
pub mod not_found;
pub mod search;

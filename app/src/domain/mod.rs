//! Pure domain types and rules: no I/O, shared by the server and the browser.

pub mod address;
pub mod analytics;
pub mod audit;
pub mod cart;
pub mod category;
pub mod csv_row;
pub mod dispute;
pub mod email;
#[cfg(test)]
mod fuzz;
pub mod invalid;
pub mod ledger;
pub mod listing;
pub mod media;
pub mod moderation;
pub mod money;
pub mod name;
pub mod order;
pub mod password;
pub mod payment;
pub mod phone;
pub mod places;
pub mod platform;
pub mod pricing;
pub mod reliability;
pub mod review;
pub mod role;
pub mod search;
pub mod slug;
pub mod spreadsheet;
pub mod text;
pub mod text_enum;
pub mod vendor;

pub use email::Email;
pub use invalid::Invalid;
pub use money::{Currency, Money};
pub use name::PersonName;
pub use password::Password;
pub use phone::Phone;
pub use role::Role;
pub use slug::Slug;

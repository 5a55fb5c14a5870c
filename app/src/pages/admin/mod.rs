//! The admin console: the overview, shop and listing review with commission rules, and the
//! payments desk.

pub mod analytics;
pub mod audit;
pub mod categories;
pub mod inbox;
pub mod orders;
pub mod outbox;
pub mod overview;
pub mod payments;
pub mod people;
pub mod person;
pub mod review;
pub mod settings;

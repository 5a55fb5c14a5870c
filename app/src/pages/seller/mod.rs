//! The seller dashboard: a shop's application and details, listings, imports, orders, money,
//! promotions and staff. Server-rendered forms; owners and staff see what their role allows.

pub mod dashboard;
pub mod import;
pub mod listing;
pub mod money;
pub mod orders;
pub mod promotions;
pub mod reviews;
pub mod shop;
pub mod staff;

//! Sokoni's integration tests, one binary (each test binary links the whole app, so one is
//! built instead of ten). Database tests run on a fresh PostgreSQL database each
//! (`#[sqlx::test]`, from `DATABASE_URL`); `layers` reads the source tree only.

mod access;
mod accounts;
mod admin_orders;
mod alerts;
mod analytics;
mod assets;
mod authz;
mod cart;
mod categories;
mod checkout;
mod common;
mod deadlines;
mod disputes;
mod email_verification;
mod faults;
mod headers;
mod inbox;
mod jobs;
mod layers;
mod ledger_property;
mod money_audit;
mod password_reset;
mod payments;
mod payout_phone;
mod people;
mod pricing;
mod reviews;
mod search;
mod selling;
mod settings;
mod two_factor;

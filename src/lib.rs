//! The Sokoni server: configuration, start-up, HTTP routing and middleware, background jobs,
//! and the command-line tasks. Kept as a library so tests drive the whole app in-process.

#![recursion_limit = "512"]

pub mod cli;
pub mod config;
pub mod http;
pub mod jobs;
pub mod seed;
pub mod simulator;
pub mod sms_simulator;
pub mod startup;

/// Errors of the command-line tasks and start-up; request handling has its own error type.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

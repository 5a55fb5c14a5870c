//! M-Pesa through Safaricom's Daraja API: the wire format and the client.

pub mod client;
pub mod protocol;

pub use client::{Daraja, DarajaError, PushSent};

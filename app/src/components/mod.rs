//! Pieces shared by several pages.

pub mod form;
pub mod language_switch;
pub mod layout;
pub mod loaded;
pub mod media;
pub mod session;

//! Pieces shared by several pages.

pub mod decision;
pub mod dispute;
pub mod email_unconfirmed;
pub mod form;
pub mod labels;
pub mod language_switch;
pub mod layout;
pub mod listing_card;
pub mod loaded;
pub mod media;
pub mod nav;
pub mod not_found;
pub mod reliability;
pub mod reviews;
pub mod route;
pub mod search_results;
pub mod session;

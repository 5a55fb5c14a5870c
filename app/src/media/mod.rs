//! Uploaded files: checked by their content (not their name), photos re-encoded into the sizes
//! pages use, everything stored content-addressed behind [`store::MediaStore`].

pub mod process;
pub mod store;

pub use process::{Document, Photo, PhotoSize};
pub use store::{DiskStore, MediaStore};

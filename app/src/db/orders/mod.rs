//! Orders, vendor orders and items. Reads for shoppers carry the session user's id; the
//! checkout writes everything inside one transaction (see `checkout`).
//!
//! Split by purpose: `place` (checkout writes), `read`, `status` (moves and locks), `items`
//! (a part's money and single items). Callers use `db::orders::…`.

mod deadlines;
mod items;
mod place;
mod read;
mod status;

pub use deadlines::*;
pub use items::*;
pub use place::*;
pub use read::*;
pub use status::*;

//! `/api/v1/offers`: what partners offer (time, treasure, talent). Staff record offers for any
//! partner and a partner for itself; coordinators read them; each is matched to school needs.

pub mod create;
pub mod get;
pub mod list;
pub mod listing;
pub mod matches;
pub mod set_listing;
pub mod transition;
pub mod update;

pub use crate::concurrency::with_etag;

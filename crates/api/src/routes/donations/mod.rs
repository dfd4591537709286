//! `/api/v1/donations`: the donation ledger (treasure). Staff record and void donations;
//! coordinators read their schools', partners their own; totals and a CSV export.

pub mod create;
pub mod export;
pub mod get;
pub mod list;
pub mod totals;
pub mod transition;

pub use crate::concurrency::with_etag;

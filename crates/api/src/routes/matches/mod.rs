//! `/api/v1/matches`: offers the office proposed for schools' needs, and the partners' answers.
//! Staff read and move every match; coordinators read their schools'; a partner reads and
//! answers those proposed to it.

pub mod get;
pub mod list;
pub mod transition;

pub use crate::concurrency::with_etag;

//! `/api/v1/priorities`: the strategic plan's goals and pillar priorities that school needs
//! align with; data an admin edits.

pub mod create;
pub mod list;
pub mod update;

pub use crate::concurrency::with_etag;

//! `/api/v1/schools`: the school directory. Everyone signed in reads; admin and staff write.

pub mod archive;
pub mod create;
pub mod get;
pub mod import;
pub mod list;
pub mod restore;
pub mod update;

pub use crate::concurrency::with_etag;

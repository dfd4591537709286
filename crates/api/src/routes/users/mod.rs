//! `/api/v1/users`: account administration (admin only).

pub mod create;
pub mod deactivate;
pub mod get;
pub mod list;
pub mod reactivate;
pub mod update;

pub use crate::concurrency::with_etag;

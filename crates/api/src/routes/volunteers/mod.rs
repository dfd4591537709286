//! `/api/v1/volunteers` and `/api/v1/public/volunteers`: registration on a phone, profiles with
//! the clearance ledger, clearance decisions by staff. Coordinators see their schools'
//! volunteers; a volunteer sees only themself.

pub mod badge;
pub mod check_badge;
pub mod duplicates;
pub mod end_profile;
pub mod export;
pub mod get;
pub mod import;
pub mod list;
pub mod me;
pub mod merge;
pub mod parent_leader;
pub mod record_clearance;
pub mod register;
pub mod reinstate;
pub mod revoke_badges;
pub mod stop;

pub use crate::concurrency::with_etag;

//! `/api/v1/needs`: schools' needs for a school year (the needs assessment). Coordinators record
//! and rank their schools' needs, staff any school's; partners read the ones shown to partners.

pub mod assessment;
pub mod create;
pub mod get;
pub mod list;
pub mod matches;
pub mod open_assessment;
pub mod propose;
pub mod transition;
pub mod update;

pub use crate::concurrency::with_etag;

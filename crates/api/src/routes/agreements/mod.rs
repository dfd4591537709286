//! `/api/v1/agreements`: MOUs. Staff and admin draft, send, sign for the district, renew and
//! terminate; partners see, sign and report on their own organization's; school coordinators
//! see their schools'.

pub mod attention;
pub mod create;
pub mod download_document;
pub mod export;
pub mod get;
pub mod list;
pub mod review_final_report;
pub mod sign;
pub mod submit_final_report;
pub mod transition;
pub mod update;
pub mod update_deliverable;
pub mod upload_document;

pub use crate::concurrency::with_etag;

//! `/api/v1/applications`: the office's pipeline. Staff and admin act; school coordinators see
//! applications for their schools; partners see their organization's, without staff notes.

pub mod add_note;
pub mod answer_check;
pub mod assign;
pub mod export;
pub mod get;
pub mod list;
pub mod partner_view;
pub mod pipeline;
pub mod require_agreement;
pub mod resolve_match;
pub mod resume_link;
pub mod transition;
pub mod update_subtask;

pub use crate::concurrency::with_etag;

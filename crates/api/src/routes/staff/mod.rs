//! `/api/v1/staff`: the office's people, for owner pickers.

pub mod list;

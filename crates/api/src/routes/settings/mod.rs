//! `/api/v1/settings/…`: values the office edits in the application.

pub mod hour_value;
pub mod school_year;
pub mod set_hour_value;
pub mod set_school_year;

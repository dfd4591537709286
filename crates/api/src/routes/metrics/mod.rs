//! `/api/v1/metrics`: the office's numbers against the district's goals.

pub mod agreements;
pub mod directory;
pub mod needs_coverage;
pub mod volunteers;

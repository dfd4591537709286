//! `/api/v1/goals`: the district's goals (baseline, target, deadline), data an admin edits.

pub mod list;
pub mod update;

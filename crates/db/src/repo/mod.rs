//! Repositories: one module per aggregate, functions named for intent.

pub mod applications;
pub mod audit;
pub mod cursor;
pub mod organizations;
pub mod schools;
pub mod tokens;
pub mod users;

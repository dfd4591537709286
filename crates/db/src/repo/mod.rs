//! Repositories: one module per aggregate, functions named for intent.

pub mod agreements;
pub mod applications;
pub mod audience;
pub mod audit;
pub mod cursor;
pub mod directory;
pub mod donations;
pub mod hours;
pub mod matches;
pub mod needs;
pub mod offers;
pub mod opportunities;
pub mod organizations;
pub mod paging;
pub mod password_tokens;
pub mod schools;
pub mod settings;
pub mod tokens;
pub mod users;
pub mod versioned;
pub mod volunteer_merge;
pub mod volunteer_totals;
pub mod volunteers;

/// A case-sensitive `LIKE '%text%'` with `%`, `_` and `\\` in the text matched literally.
/// Callers pass an already lower-cased (or otherwise normalized) text for their search key.
pub fn contains(text: &str) -> sea_orm::sea_query::LikeExpr {
    let escaped = text
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    sea_orm::sea_query::LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

//! List conventions shared by every collection endpoint.
//!
//! * `limit` (1–100, default 25; anything else is a 422) and an opaque `cursor` taken from the previous page's `next_cursor`.
//! * Keyset pagination: pages are stable while rows are added or changed elsewhere.
//! * Filters are plain query parameters named after the field; `q` is free-text search.
//! * `sort` names one field; results are always tie-broken by id.

use serde::{Deserialize, Serialize};

/// The default page size.
pub const DEFAULT_LIMIT: u64 = 25;
/// The largest page size a caller may ask for.
pub const MAX_LIMIT: u64 = 100;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Page<T> {
    /// The items on this page.
    pub items: Vec<T>,
    /// Pass as `cursor` to get the next page; absent on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
}

/// The page size asked for, or the default; `None` when it is outside 1–[`MAX_LIMIT`].
pub fn page_limit(limit: Option<u64>) -> Option<u64> {
    match limit {
        None => Some(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Some(n),
        Some(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_outside_the_range_are_refused() {
        assert_eq!(page_limit(None), Some(DEFAULT_LIMIT));
        assert_eq!(page_limit(Some(1)), Some(1));
        assert_eq!(page_limit(Some(MAX_LIMIT)), Some(MAX_LIMIT));
        assert_eq!(page_limit(Some(0)), None);
        assert_eq!(page_limit(Some(MAX_LIMIT + 1)), None);
    }
}

//! List conventions shared by every collection endpoint.
//!
//! * `limit` (1–100, default 25) and an opaque `cursor` taken from the previous page's `next_cursor`.
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

/// Clamps a requested page size into the allowed range.
pub fn clamp_limit(limit: Option<u64>) -> u64 {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_clamped() {
        assert_eq!(clamp_limit(None), DEFAULT_LIMIT);
        assert_eq!(clamp_limit(Some(0)), 1);
        assert_eq!(clamp_limit(Some(5000)), MAX_LIMIT);
    }
}

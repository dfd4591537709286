//! Services: the use cases, named for intent. They take domain types, run repositories in a
//! transaction, write the audit trail, and never build HTTP responses.

pub mod agreements;
pub mod applications;
pub mod audit;
pub mod auth;
pub mod csv_table;
pub mod directory;
pub mod donations;
pub mod hours;
pub mod matches;
pub mod matching;
pub mod needs;
pub mod offers;
pub mod opportunities;
pub mod organizations;
pub mod passwords;
pub mod school_import;
pub mod schools;
pub mod users;
pub mod volunteer_import;
pub mod volunteer_metrics;
pub mod volunteers;

use db::repo::cursor::Cursor;
use domain::{Permission, Role, UserId};

use crate::error::{ApiError, ApiResult};

/// Who is acting: what the services check permissions against and the audit log records.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The user, or `None` for the system (command line).
    pub user: Option<UserId>,
    /// The request id.
    pub request_id: Option<String>,
    /// The caller's role; `None` for the system, which may do everything.
    pub role: Option<Role>,
}

impl Actor {
    /// The command line or a background job.
    pub fn system() -> Self {
        Self {
            user: None,
            request_id: None,
            role: None,
        }
    }

    /// `403` unless the caller's role holds the permission (the system holds every one).
    pub fn require(&self, p: Permission) -> ApiResult<()> {
        match self.role {
            Some(role) if !role.can(p) => Err(ApiError::Forbidden),
            _ => Ok(()),
        }
    }
}

impl Actor {
    /// The signed-in caller, or the system when there is none (a job, an anonymous applicant).
    pub fn of(auth: Option<&crate::auth::AuthUser>) -> Self {
        auth.map(Self::from).unwrap_or_else(Self::system)
    }
}

impl From<&crate::auth::AuthUser> for Actor {
    fn from(a: &crate::auth::AuthUser) -> Self {
        Self {
            user: Some(a.id),
            request_id: a.request_id.clone(),
            role: Some(a.role),
        }
    }
}

/// The position a list request continues from; a cursor this API did not issue is a 422.
pub fn parse_cursor(cursor: Option<&str>) -> ApiResult<Option<Cursor>> {
    match cursor.filter(|c| !c.is_empty()) {
        Some(c) => Cursor::decode(c).map(Some).ok_or_else(foreign_cursor),
        None => Ok(None),
    }
}

/// The page size of a list request: 1–100, default 25; anything else is a 422 on `limit`.
pub fn page_limit(limit: Option<u64>) -> ApiResult<u64> {
    domain::page::page_limit(limit).ok_or_else(|| {
        ApiError::invalid_field(
            "limit",
            "range",
            &format!("Use a page size from 1 to {}.", domain::page::MAX_LIMIT),
        )
    })
}

/// `422` on `cursor`: not one this list issued (garbage, or another list's).
pub fn foreign_cursor() -> ApiError {
    ApiError::invalid_field(
        "cursor",
        "invalid",
        "The cursor is not one this API issued; start from the first page.",
    )
}

/// `422 too_many_rows`: an export would hold more than `cap` rows (`exports.max_rows`).
pub fn too_many_rows(cap: usize) -> ApiError {
    ApiError::invalid_field(
        "limit",
        "too_many_rows",
        &format!("More than {cap} rows match: narrow the filters (school, status, dates)."),
    )
}

/// Every item of a paged list, page by page (`fetch` gets the cursor), for an export.
pub async fn every_page<T, F, Fut>(cap: usize, mut fetch: F) -> ApiResult<Vec<T>>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: std::future::Future<Output = ApiResult<domain::page::Page<T>>>,
{
    let mut all = vec![];
    let mut cursor = None;
    loop {
        let page = fetch(cursor).await?;
        all.extend(page.items);
        if all.len() > cap {
            return Err(too_many_rows(cap));
        }
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => return Ok(all),
        }
    }
}

/// A CSV document with a header row. Every cell a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@`, tab, CR first) is prefixed with `'` so it stays text.
pub fn csv_text(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> ApiResult<String> {
    let fail = |e: String| ApiError::Internal(anyhow::anyhow!("csv: {e}"));
    let mut w = csv::Writer::from_writer(vec![]);
    w.write_record(header).map_err(|e| fail(e.to_string()))?;
    for row in rows {
        w.write_record(row.iter().map(|c| inert(c)))
            .map_err(|e| fail(e.to_string()))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| fail(e.to_string()))
}

fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

/// The distinct values, sorted: the ids a batch look-up (`names_of`, `many`) asks for.
pub(crate) fn distinct<T: Ord>(values: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut v: Vec<T> = values.into_iter().collect();
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_made_inert() {
        let csv = csv_text(
            &["a", "b"],
            [vec!["=SUM(A1)".to_string(), "plain".to_string()]],
        )
        .unwrap();
        assert_eq!(csv, "a,b\n'=SUM(A1),plain\n");
    }

    #[test]
    fn foreign_cursors_are_refused() {
        assert!(parse_cursor(Some("garbage")).is_err());
        assert_eq!(parse_cursor(Some("")).ok(), Some(None));
    }
}

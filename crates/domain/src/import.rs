//! Bulk imports of what the office kept in spreadsheets: the volunteer roster and past hours.
//! A file is checked whole; any bad row stops it (422, every bad row by line) and nothing is
//! stored. Rows already in PartnerHub are left out and listed, so importing a file twice does
//! not count anyone twice.

use serde::{Deserialize, Serialize};

/// Options of `POST /api/v1/volunteers/import` and `POST /api/v1/hours/import`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct ImportOptions {
    /// Check the file and answer what would happen, storing nothing (default: no).
    pub dry_run: Option<bool>,
    /// Rosters: email each new volunteer a link to set their password (default: yes).
    pub invite: Option<bool>,
}

/// A row left out, and why (it is already in PartnerHub).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SkippedRow {
    /// The line of the file (the header is line 1).
    pub line: u64,
    /// Why it was left out.
    pub reason: String,
}

/// What an import did — or, in a dry run, would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportOutcome {
    /// Nothing was stored: this is what importing the file would do.
    pub dry_run: bool,
    /// Rows imported (volunteers created, or hour entries recorded as approved).
    pub imported: u32,
    /// Rows left out because they are already there.
    pub skipped: Vec<SkippedRow>,
    /// Rosters: invitations queued (none in a dry run).
    pub invited: u32,
    /// Hours: the approved minutes imported.
    pub minutes: i64,
}

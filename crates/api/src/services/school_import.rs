//! CSV import of the district's school list: header-mapped, checked row by row, all or nothing.
//!
//! Headers are matched case-insensitively, with common aliases (`school_code`, `zip`, …).
//! A file with any bad row reports every bad row with its line number and imports nothing.
//! Rows whose code already exists update that school; the others create one.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use db::repo::schools as repo;
use domain::Permission;
use domain::audit::AuditEntity;
use domain::problem::FieldError;
use domain::school::{Designation, ImportReport, SchoolInput, SchoolLevel};
use sea_orm::DatabaseConnection;
use std::collections::HashSet;
use validator::Validate;

use super::csv_table::{self, Column};
use crate::error::{ApiError, ApiResult};

/// Columns of the import file.
#[rustfmt::skip]
const COLUMNS: &[Column] = &[
    Column::required("code", &["code", "school_code", "school code"]),
    Column::required("name", &["name", "school_name", "school name"]),
    Column::required("level", &["level", "school_level", "type"]),
    Column::required("region", &["region", "learning_community", "learning community", "zone"]),
    Column::optional("title_i", &["title_i", "title i", "title1", "title_1"]),
    Column::optional("designation", &["designation", "csi_tsi", "csi/tsi"]),
    Column::optional("address", &["address", "street", "street_address"]),
    Column::optional("city", &["city"]),
    Column::optional("postal_code", &["postal_code", "zip", "zip_code", "zipcode"]),
];

/// The most rows one file may hold.
const MAX_ROWS: usize = 5_000;

fn parse_level(v: &str) -> Option<SchoolLevel> {
    let v = v.trim().to_ascii_lowercase().replace(['-', ' '], "");
    match v.as_str() {
        "elementary" | "es" | "elem" => Some(SchoolLevel::Elementary),
        "middle" | "ms" => Some(SchoolLevel::Middle),
        "high" | "hs" => Some(SchoolLevel::High),
        "k8" => Some(SchoolLevel::K8),
        "other" => Some(SchoolLevel::Other),
        _ => None,
    }
}

fn parse_bool(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "" | "n" | "no" | "false" | "0" => Some(false),
        "y" | "yes" | "true" | "1" => Some(true),
        _ => None,
    }
}

fn parse_designation(v: &str) -> Option<Designation> {
    match v.trim().to_ascii_lowercase().as_str() {
        "" | "none" | "n/a" => Some(Designation::None),
        other => Designation::parse(other),
    }
}

/// Refuses, before an upload is read, a caller who may not import schools (the office).
pub fn may_import(actor: &Actor) -> ApiResult<()> {
    actor.require(Permission::ManageSchools)
}

/// Parses a whole file into inputs, or every problem found, by line.
pub fn parse(bytes: &[u8]) -> Result<Vec<(u64, SchoolInput)>, Vec<FieldError>> {
    let records = csv_table::read(bytes, COLUMNS, MAX_ROWS)?;
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for rec in records {
        let line = rec.line;
        let get = |c: &str| rec.get(c).to_string();
        let at = |f: &str| format!("line {line}: {f}");
        let level = parse_level(&get("level"));
        if level.is_none() {
            errors.push(FieldError::new(
                at("level"),
                "invalid",
                "Use elementary, middle, high, k8 or other.",
            ));
        }
        let title_i = parse_bool(&get("title_i"));
        if title_i.is_none() {
            errors.push(FieldError::new(at("title_i"), "invalid", "Use yes or no."));
        }
        let designation = parse_designation(&get("designation"));
        if designation.is_none() {
            errors.push(FieldError::new(
                at("designation"),
                "invalid",
                "Use CSI, TSI or leave empty.",
            ));
        }
        let input = SchoolInput {
            code: get("code"),
            name: get("name"),
            level: level.unwrap_or(SchoolLevel::Other),
            region: get("region"),
            title_i: title_i.unwrap_or(false),
            designation: designation.unwrap_or(Designation::None),
            address: get("address"),
            city: get("city"),
            postal_code: get("postal_code"),
        }
        .normalized();
        if let Err(e) = input.validate() {
            for fe in domain::problem::field_errors(&e) {
                errors.push(FieldError {
                    field: at(&fe.field),
                    ..fe
                });
            }
        }
        if !input.code.is_empty() && !seen.insert(input.code.clone()) {
            errors.push(FieldError::new(
                at("code"),
                "duplicate",
                "This code appears on an earlier line.",
            ));
        }
        out.push((line, input));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// Imports a CSV file in one transaction.
pub async fn import(
    db: &DatabaseConnection,
    actor: &Actor,
    bytes: &[u8],
) -> ApiResult<ImportReport> {
    actor.require(Permission::ManageSchools)?;
    let rows = parse(bytes).map_err(|errors| ApiError::Validation {
        detail: format!("{} problem(s) found; nothing was imported.", errors.len()),
        errors,
    })?;
    let txn = db::begin_write(db).await?;
    let mut report = ImportReport {
        created: 0,
        updated: 0,
    };
    for (_, input) in &rows {
        let (action, before, after) = match repo::find_by_code(&txn, &input.code).await? {
            Some(existing) => {
                let after = repo::update(&txn, existing.id, existing.version, input).await?;
                report.updated += 1;
                (
                    AuditAction::ImportUpdate,
                    serde_json::to_value(&existing).unwrap_or_default(),
                    after,
                )
            }
            None => {
                report.created += 1;
                (
                    AuditAction::ImportCreate,
                    serde_json::json!({}),
                    repo::create(&txn, input).await?,
                )
            }
        };
        audit::record(
            &txn,
            actor,
            AuditEntity::School,
            after.id,
            action,
            audit::diff(&before, &serde_json::to_value(&after).unwrap_or_default()),
        )
        .await?;
    }
    txn.commit().await?;
    tracing::info!(
        import.created = report.created,
        import.updated = report.updated,
        "schools imported"
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases_and_values_are_understood() {
        let csv = "School Code,School Name,Level,Learning Community,Title I,CSI/TSI,Zip\ne1,Ashley Park,ES,West,yes,TSI,28208\n";
        let rows = parse(csv.as_bytes()).unwrap();
        assert_eq!(rows.len(), 1);
        let (line, s) = &rows[0];
        assert_eq!(*line, 2);
        assert_eq!(s.code, "E1");
        assert_eq!(s.level, SchoolLevel::Elementary);
        assert!(s.title_i);
        assert_eq!(s.designation, Designation::Tsi);
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let csv = "code,name,level,region\nE1,Good School,elementary,West\nE2,,middle,East\nE1,Dup,high,North\nE4,Bad Level,college,South\n";
        let errs = parse(csv.as_bytes()).unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            vec!["line 3: name", "line 4: code", "line 5: level"]
        );
    }

    #[test]
    fn a_missing_required_column_is_reported() {
        let errs = parse(b"code,name\nE1,X\n").unwrap_err();
        assert_eq!(errs.len(), 2);
        assert!(errs.iter().all(|e| e.code == "missing_column"));
    }
}

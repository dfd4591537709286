//! Schools: the district's ~180 schools, the first resource every other feature points at.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::SchoolId;
use crate::user::InvalidTransition;

wire_enum!(
    /// Grade band of a school.
    SchoolLevel {
        /// Elementary (K–5).
        Elementary => "elementary",
        /// Middle (6–8).
        Middle => "middle",
        /// High (9–12).
        High => "high",
        /// K–8.
        K8 => "k8",
        /// Anything else (alternative, early childhood, special programs).
        Other => "other",
    }
);

wire_enum!(
    /// Federal school improvement designation.
    Designation {
        /// No designation.
        None => "none",
        /// Comprehensive Support and Improvement.
        Csi => "csi",
        /// Targeted Support and Improvement.
        Tsi => "tsi",
    }
);

wire_enum!(
    /// Whether a school is in the active directory.
    SchoolStatus {
        /// Listed and selectable.
        Active => "active",
        /// Kept for history; hidden from pickers.
        Archived => "archived",
    }
);

/// A change of a school's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchoolTransition {
    /// Take the school out of the active directory.
    Archive,
    /// Put an archived school back.
    Restore,
}

impl SchoolStatus {
    /// The one place that decides which status changes are allowed.
    pub fn transition(self, t: SchoolTransition) -> Result<SchoolStatus, InvalidTransition> {
        match (self, t) {
            (SchoolStatus::Active, SchoolTransition::Archive) => Ok(SchoolStatus::Archived),
            (SchoolStatus::Archived, SchoolTransition::Restore) => Ok(SchoolStatus::Active),
            (from, t) => Err(InvalidTransition {
                from: from.as_str(),
                action: match t {
                    SchoolTransition::Archive => "archive",
                    SchoolTransition::Restore => "restore",
                },
            }),
        }
    }
}

/// A school.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct School {
    /// The school's id.
    pub id: SchoolId,
    /// The district's school code (unique), e.g. `E123`.
    pub code: String,
    /// The school's name.
    pub name: String,
    /// Grade band.
    pub level: SchoolLevel,
    /// Region or learning community.
    pub region: String,
    /// Receives Title I funds.
    pub title_i: bool,
    /// CSI/TSI designation.
    pub designation: Designation,
    /// Street address.
    pub address: String,
    /// City.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// Directory status.
    pub status: SchoolStatus,
    /// Optimistic-concurrency version; also sent as the `ETag`.
    pub version: i32,
    /// When the record was created.
    pub created_at: DateTime<Utc>,
    /// When the record last changed.
    pub updated_at: DateTime<Utc>,
}

/// The editable fields of a school, for create (`POST`) and full update (`PUT` with `If-Match`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"code": "E101", "name": "Ashley Park Elementary", "level": "elementary", "region": "West", "title_i": true, "designation": "tsi", "address": "2401 Belfast Dr", "city": "Charlotte", "postal_code": "28208"})))]
pub struct SchoolInput {
    /// The district's school code: 1–16 letters, digits or dashes.
    #[validate(length(min = 1, max = 16, message = "Enter a code of 1 to 16 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 16))]
    #[validate(custom(function = "validate_code"))]
    pub code: String,
    /// The school's name.
    #[validate(length(min = 2, max = 160, message = "Enter a name of 2 to 160 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 160))]
    pub name: String,
    /// Grade band.
    pub level: SchoolLevel,
    /// Region or learning community.
    #[validate(length(min = 1, max = 80, message = "Enter a region (at most 80 characters)."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 80))]
    pub region: String,
    /// Receives Title I funds.
    #[serde(default)]
    pub title_i: bool,
    /// CSI/TSI designation.
    #[serde(default = "no_designation")]
    pub designation: Designation,
    /// Street address.
    #[validate(length(max = 200, message = "Use at most 200 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    #[serde(default)]
    pub address: String,
    /// City.
    #[validate(length(max = 80, message = "Use at most 80 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 80))]
    #[serde(default)]
    pub city: String,
    /// Postal code (5 digits, optionally +4).
    #[validate(custom(function = "validate_postal_code"))]
    #[serde(default)]
    pub postal_code: String,
}

fn no_designation() -> Designation {
    Designation::None
}

fn validate_code(code: &str) -> Result<(), validator::ValidationError> {
    if code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("Use only letters, digits and dashes.".into()))
    }
}

fn validate_postal_code(p: &str) -> Result<(), validator::ValidationError> {
    // Bytes, not characters: a ZIP code is ASCII, and slicing text by byte counts would split
    // a multi-byte character (a panic the contract test found).
    let b = p.as_bytes();
    let digits = |d: &[u8]| d.iter().all(u8::is_ascii_digit);
    let ok = b.is_empty()
        || (b.len() == 5 && digits(b))
        || (b.len() == 10 && digits(&b[..5]) && b[5] == b'-' && digits(&b[6..]));
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("Enter a ZIP code like 28202 or 28202-1234.".into()))
    }
}

impl SchoolInput {
    /// Trims whitespace and upper-cases the code, so equal schools compare equal.
    pub fn normalized(mut self) -> Self {
        self.code = self.code.trim().to_ascii_uppercase();
        self.name = self.name.trim().to_string();
        self.region = self.region.trim().to_string();
        self.address = self.address.trim().to_string();
        self.city = self.city.trim().to_string();
        self.postal_code = self.postal_code.trim().to_string();
        self
    }
}

/// Sort orders of the school list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SchoolSort {
    /// By name, A–Z (default).
    #[default]
    Name,
    /// By code.
    Code,
}

/// Filters of `GET /api/v1/schools`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct SchoolQuery {
    /// Free text: matches name or code, case-insensitive.
    pub q: Option<String>,
    /// Only this level.
    pub level: Option<SchoolLevel>,
    /// Only this region (exact).
    pub region: Option<String>,
    /// Only Title I (true) or non-Title I (false) schools.
    pub title_i: Option<bool>,
    /// Status; default `active`.
    pub status: Option<SchoolStatus>,
    /// Sort order; default `name`.
    pub sort: Option<SchoolSort>,
    /// Page size, 1–100 (default 25); anything else is a 422.
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

/// A school as the public form offers it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SchoolChoice {
    /// The school's id.
    pub id: SchoolId,
    /// The district's code.
    pub code: String,
    /// The school's name.
    pub name: String,
}

/// The result of a CSV import.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportReport {
    /// Schools created.
    pub created: u32,
    /// Existing schools (matched by code) updated.
    pub updated: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use validator::Validate;

    #[test]
    fn zip_codes_are_checked_without_splitting_characters() {
        for ok in ["", "28208", "28208-1234"] {
            assert!(validate_postal_code(ok).is_ok(), "{ok}");
        }
        // Multi-byte text of every length around the cut points: refused, never a panic.
        for bad in [
            "2820",
            "282081",
            "28208-123",
            "Ò\u{9f}ñ28",
            "2820ñ",
            "28208ñ123",
            "ñññññ",
            "28208-ñ12",
        ] {
            assert!(validate_postal_code(bad).is_err(), "{bad}");
        }
    }

    fn input() -> SchoolInput {
        SchoolInput {
            code: " e101 ".into(),
            name: " Ashley Park Elementary ".into(),
            level: SchoolLevel::Elementary,
            region: "West".into(),
            title_i: true,
            designation: Designation::Tsi,
            address: "2401 Belfast Dr".into(),
            city: "Charlotte".into(),
            postal_code: "28208".into(),
        }
    }

    #[test]
    fn normalizing_upper_cases_the_code_and_trims() {
        let s = input().normalized();
        assert_eq!(s.code, "E101");
        assert_eq!(s.name, "Ashley Park Elementary");
        assert!(s.validate().is_ok());
    }

    #[test]
    fn bad_code_and_zip_are_reported_per_field() {
        let mut s = input();
        s.code = "E 1!".into();
        s.postal_code = "2820".into();
        let errs = crate::problem::field_errors(&s.validate().err().unwrap_or_default());
        let fields: Vec<_> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, vec!["code", "postal_code"]);
    }

    #[test]
    fn zip_plus_four_is_accepted() {
        assert!(validate_postal_code("28202-1234").is_ok());
        assert!(validate_postal_code("").is_ok());
        assert!(validate_postal_code("28202-12").is_err());
    }

    #[test]
    fn archiving_twice_is_refused() {
        assert_eq!(
            SchoolStatus::Active.transition(SchoolTransition::Archive),
            Ok(SchoolStatus::Archived)
        );
        assert!(
            SchoolStatus::Archived
                .transition(SchoolTransition::Archive)
                .is_err()
        );
    }

    #[test]
    fn level_names_round_trip() {
        for l in SchoolLevel::ALL {
            assert_eq!(SchoolLevel::parse(l.as_str()), Some(*l));
            assert_eq!(
                serde_json::to_string(l).ok(),
                Some(format!("\"{}\"", l.as_str()))
            );
        }
    }
}

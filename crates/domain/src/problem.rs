//! The error body of every failed request: RFC 9457 `application/problem+json`.

use serde::{Deserialize, Serialize};

/// A problem detail. `code` is stable and meant for programs; `title` and `detail` for people.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Problem {
    /// A URI naming the problem type (`https://partnerhub.example/problems/<code>`).
    #[serde(rename = "type")]
    pub type_: String,
    /// A short summary of the problem type.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// A stable, machine-readable code, e.g. `validation_failed`, `version_mismatch`.
    pub code: String,
    /// Per-field errors (on 422).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// On 409 `possible_duplicate`: the existing records that look the same.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duplicates: Vec<crate::organization::DuplicateCandidate>,
    /// The request id, to quote when reporting the problem.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

/// One invalid field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field's name as sent (`name`, `address.city`, or `line 4: code` for imports).
    pub field: String,
    /// A stable code for the rule that failed (`required`, `length`, `duplicate`).
    pub code: String,
    /// A message for people.
    pub message: String,
}

impl FieldError {
    /// A field error.
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Turns `validator` errors into field errors, with messages people can read.
pub fn field_errors(errors: &validator::ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (field, kind) in errors.errors() {
        collect(field, kind, &mut out);
    }
    out.sort_by(|a, b| a.field.cmp(&b.field));
    out
}

fn collect(field: &str, kind: &validator::ValidationErrorsKind, out: &mut Vec<FieldError>) {
    match kind {
        validator::ValidationErrorsKind::Field(errs) => {
            for e in errs {
                let message = e
                    .message
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or_else(|| format!("{field} is invalid ({})", e.code));
                // A struct-level rule names the field it is about in its code.
                let name = match field.strip_suffix("__all__") {
                    Some(parent) => format!("{parent}{}", e.code),
                    None => field.to_string(),
                };
                out.push(FieldError::new(name, e.code.to_string(), message));
            }
        }
        validator::ValidationErrorsKind::Struct(inner) => {
            for (f, k) in inner.errors() {
                collect(&format!("{field}.{f}"), k, out);
            }
        }
        validator::ValidationErrorsKind::List(items) => {
            for (i, inner) in items {
                for (f, k) in inner.errors() {
                    collect(&format!("{field}[{i}].{f}"), k, out);
                }
            }
        }
    }
}

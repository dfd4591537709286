//! Partner organizations and their contacts: the office's directory.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::intake::{OrganizationStatus, OrganizationType, SupportArea, TaxStatus};
use crate::{ContactId, OrganizationId};

/// An active partner as public forms offer it (the volunteer registration's picker).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartnerChoice {
    /// The organization's id.
    pub id: OrganizationId,
    /// The name it goes by.
    pub name: String,
}

/// An organization.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Organization {
    /// The organization's id.
    pub id: OrganizationId,
    /// Legal name.
    pub legal_name: String,
    /// Kind of organization.
    pub org_type: OrganizationType,
    /// Tax status.
    pub tax_status: TaxStatus,
    /// Employer Identification Number (`12-3456789`), if given.
    pub ein: Option<String>,
    /// Website.
    pub website: String,
    /// Street address.
    pub address: String,
    /// City.
    pub city: String,
    /// Postal code.
    pub postal_code: String,
    /// What the organization does.
    pub description: String,
    /// Support areas it offers.
    pub support_areas: Vec<SupportArea>,
    /// Where it stands with the district.
    pub status: OrganizationStatus,
    /// Contacts, primary first.
    pub contacts: Vec<Contact>,
    /// Optimistic-concurrency version; also the `ETag`.
    pub version: i32,
    /// When the record was created.
    pub created_at: DateTime<Utc>,
    /// When the record last changed.
    pub updated_at: DateTime<Utc>,
}

/// The editable fields of an organization (`POST`, and `PUT` with `If-Match`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationInput {
    /// Legal name.
    #[validate(length(min = 2, max = 200, message = "Enter a name of 2 to 200 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub legal_name: String,
    /// Kind of organization.
    pub org_type: OrganizationType,
    /// Tax status.
    pub tax_status: TaxStatus,
    /// EIN, `12-3456789` (optional).
    #[validate(custom(function = "validate_ein"))]
    #[serde(default)]
    pub ein: Option<String>,
    /// Website (`https://…`, optional).
    #[validate(custom(function = "validate_website"))]
    #[serde(default)]
    pub website: String,
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
    /// Postal code.
    #[validate(length(max = 10, message = "Use at most 10 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 10))]
    #[serde(default)]
    pub postal_code: String,
    /// What the organization does.
    #[validate(length(max = 4000, message = "Use at most 4000 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 4000))]
    #[serde(default)]
    pub description: String,
    /// Support areas it offers.
    #[serde(default)]
    pub support_areas: Vec<SupportArea>,
}

fn validate_ein(ein: &str) -> Result<(), validator::ValidationError> {
    let b = ein.as_bytes();
    let ok = ein.is_empty()
        || (b.len() == 10
            && b[2] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 2 || c.is_ascii_digit()));
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("Enter the EIN as 12-3456789.".into()))
    }
}

fn validate_website(w: &str) -> Result<(), validator::ValidationError> {
    let ok = w.is_empty()
        || ((w.starts_with("https://") || w.starts_with("http://"))
            && w.len() <= 200
            && website_host(w)
                .is_some_and(|h| h.contains('.') && !h.contains(char::is_whitespace)));
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("Enter a web address like https://example.org.".into()))
    }
}

/// The host of a website, lower-cased and without `www.` (for duplicate detection).
pub fn website_host(w: &str) -> Option<String> {
    let rest = w.trim().split("://").nth(1)?;
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

/// A name reduced for comparison: lower-case letters and digits, without legal suffixes.
pub fn name_key(name: &str) -> String {
    const NOISE: &[&str] = &[
        "the",
        "inc",
        "incorporated",
        "llc",
        "ltd",
        "corp",
        "corporation",
        "co",
        "company",
        "of",
    ];
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !NOISE.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

impl OrganizationInput {
    /// Trims text, drops an empty EIN, sorts and de-duplicates support areas.
    pub fn normalized(mut self) -> Self {
        self.legal_name = self.legal_name.trim().to_string();
        self.ein = self
            .ein
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty());
        self.website = self.website.trim().to_string();
        self.address = self.address.trim().to_string();
        self.city = self.city.trim().to_string();
        self.postal_code = self.postal_code.trim().to_string();
        self.description = self.description.trim().to_string();
        self.support_areas.sort();
        self.support_areas.dedup();
        self
    }
}

/// `POST /api/v1/organizations`: the fields, and whether to create despite likely duplicates.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"legal_name": "Reading Buddies, Inc.", "org_type": "nonprofit", "tax_status": "nonprofit", "ein": "12-3456789", "website": "https://readingbuddies.example.org", "city": "Charlotte", "description": "Volunteers read with K-2 students.", "support_areas": ["academics"], "confirm_not_duplicate": false})))]
pub struct CreateOrganization {
    /// The organization.
    #[serde(flatten)]
    pub organization: OrganizationInput,
    /// Create even though likely duplicates were reported (409 `possible_duplicate`).
    #[serde(default)]
    pub confirm_not_duplicate: bool,
}

/// An existing organization that looks like the one being created.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DuplicateCandidate {
    /// Its id.
    pub id: OrganizationId,
    /// Its legal name.
    pub legal_name: String,
    /// Why it matched: `same_ein` or `similar_name_same_website`.
    pub reason: String,
}

/// A contact person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Contact {
    /// The contact's id.
    pub id: ContactId,
    /// Full name.
    pub name: String,
    /// Job title.
    pub title: String,
    /// Email.
    pub email: String,
    /// Phone.
    pub phone: String,
    /// The organization's main contact.
    pub is_primary: bool,
    /// Whether the contact has a partner login.
    pub has_login: bool,
}

/// A contact's fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(example = json!({"name": "Rosa Méndez", "title": "Program director", "email": "rosa@readingbuddies.example.org", "phone": "704-555-0142", "is_primary": true})))]
pub struct ContactInput {
    /// Full name.
    #[validate(length(
        min = 1,
        max = 120,
        message = "Enter a name of at most 120 characters."
    ))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 120))]
    pub name: String,
    /// Job title.
    #[validate(length(max = 120, message = "Use at most 120 characters."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 120))]
    #[serde(default)]
    pub title: String,
    /// Email.
    #[validate(email(message = "Enter a valid email address."))]
    #[cfg_attr(feature = "openapi", schema(format = Email))]
    pub email: String,
    /// Phone: digits, spaces and `+()-.`, 7–20 characters (optional).
    #[validate(custom(function = "validate_phone"))]
    #[serde(default)]
    pub phone: String,
    /// The organization's main contact (only one; setting it moves the flag).
    #[serde(default)]
    pub is_primary: bool,
}

fn validate_phone(p: &str) -> Result<(), validator::ValidationError> {
    let digits = p.chars().filter(char::is_ascii_digit).count();
    let ok = p.is_empty()
        || (p.len() <= 20
            && digits >= 7
            && p.chars()
                .all(|c| c.is_ascii_digit() || " +()-.".contains(c)));
    if ok {
        Ok(())
    } else {
        Err(validator::ValidationError::new("format")
            .with_message("Enter a phone number like 704-555-0100.".into()))
    }
}

/// `POST …/contacts/{id}/login`: give a contact a partner login.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ContactLogin {
    /// Temporary password to hand over, at least 12 characters.
    #[validate(length(min = 12, max = 1024, message = "Use at least 12 characters."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 12, max_length = 1024))]
    pub password: String,
}

/// Filters of `GET /api/v1/organizations` (and its CSV export).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct OrganizationQuery {
    /// Free text: matches the legal name, case-insensitive.
    pub q: Option<String>,
    /// Only this kind.
    pub org_type: Option<OrganizationType>,
    /// Only this status.
    pub status: Option<OrganizationStatus>,
    /// Only organizations offering this support area.
    pub support_area: Option<SupportArea>,
    /// Only organizations that applied to serve this school.
    pub school_id: Option<crate::SchoolId>,
    /// Page size, 1–100 (default 25; anything else is a 422; the CSV export holds every row).
    #[cfg_attr(feature = "openapi", param(minimum = 1, maximum = 100))]
    pub limit: Option<u64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eins_websites_and_phones_are_checked() {
        assert!(validate_ein("12-3456789").is_ok());
        assert!(validate_ein("123456789").is_err());
        assert!(validate_website("https://www.example.org/about").is_ok());
        assert!(validate_website("example.org").is_err());
        assert!(validate_phone("(704) 555-0100").is_ok());
        assert!(validate_phone("call me").is_err());
    }

    #[test]
    fn names_and_hosts_are_reduced_for_duplicate_detection() {
        assert_eq!(
            name_key("The Helping Hands, Inc."),
            name_key("helping hands")
        );
        assert_eq!(
            website_host("https://WWW.Helping.org/x?y"),
            Some("helping.org".into())
        );
        assert_eq!(website_host(""), None);
    }
}

//! Optimistic concurrency over HTTP: `ETag` on reads, `If-Match` required on writes.
//!
//! A record's ETag is its version number in quotes (`"3"`). A write without `If-Match`
//! answers 428; with a version that is no longer current, 412. `If-Match: *` (which RFC 9110
//! lets match any current version) answers 428 too: it cannot say which version the change was
//! made on, so it would bring back the lost update the header is here to prevent. A value that
//! is not an entity tag answers 400.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

use crate::error::ApiError;

/// The ETag of a version.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// A record that carries its optimistic-concurrency version.
pub trait Versioned {
    /// The version its ETag names.
    fn version(&self) -> i32;
}

macro_rules! versioned {
    ($($t:ty),+ $(,)?) => {
        $(impl Versioned for $t {
            fn version(&self) -> i32 {
                self.version
            }
        })+
    };
}

versioned!(
    domain::user::User,
    domain::school::School,
    domain::organization::Organization,
    domain::application::Application,
    domain::application::ApplicantView,
    domain::agreement::Agreement,
    domain::volunteer::Volunteer,
    domain::opportunity::Opportunity,
    domain::needs::Need,
    domain::needs::Priority,
    domain::offers::Offer,
    domain::matches::Match,
    domain::donations::Donation,
    domain::directory::Listing,
);

/// The one way a record is answered: JSON with its `ETag`, and kept by no cache (a record is
/// read by one caller, for one edit; public drafts included).
pub fn with_etag<T: Versioned + serde::Serialize>(
    mut res: actix_web::HttpResponseBuilder,
    record: &T,
) -> actix_web::HttpResponse {
    res.insert_header((header::ETAG, etag(record.version())))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(record)
}

/// The version a client says it read, from `If-Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub i32);

/// `"3"` or `W/"3"`: what [`crate::openapi::IF_MATCH_PATTERN`] declares, and nothing else.
fn parse(v: &str) -> Option<i32> {
    let v = v.strip_prefix("W/").unwrap_or(v);
    let digits = v.strip_prefix('"')?.strip_suffix('"')?;
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let out = match req.headers().get(header::IF_MATCH) {
            None => Err(ApiError::PreconditionRequired),
            Some(v) => match v.to_str().map(str::trim) {
                Ok("*") => Err(ApiError::IfMatchAny),
                Ok(v) => parse(v).map(IfMatch).ok_or_else(|| {
                    ApiError::BadRequest("If-Match must be the ETag you read, like \"3\"".into())
                }),
                Err(_) => Err(ApiError::BadRequest(
                    "If-Match must be the ETag you read, like \"3\"".into(),
                )),
            },
        };
        ready(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_round_trip() {
        assert_eq!(parse(&etag(7)), Some(7));
        assert_eq!(parse("W/\"7\""), Some(7));
        assert_eq!(parse("*"), None);
        assert_eq!(parse("7"), None);
        assert_eq!(parse("\"-1\""), None);
        assert_eq!(parse("\"+1\""), None);
        assert_eq!(parse("\"1234567890\""), None);
        for ok in ["\"0\"", "W/\"12\"", "\"999999999\""] {
            assert!(parse(ok).is_some(), "{ok}");
        }
    }
}

//! Optimistic concurrency over HTTP: `ETag` on reads, `If-Match` required on writes.
//!
//! A record's ETag is its version number in quotes (`"3"`). A write without `If-Match`
//! answers 428; with a version that is no longer current, 412.

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use std::future::{Ready, ready};

use crate::error::ApiError;

/// The ETag of a version.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// The version a client says it read, from `If-Match`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IfMatch(pub i32);

fn parse(v: &str) -> Option<i32> {
    let v = v.trim();
    let v = v.strip_prefix("W/").unwrap_or(v);
    v.strip_prefix('"')?.strip_suffix('"')?.parse().ok()
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let out = match req.headers().get(header::IF_MATCH) {
            None => Err(ApiError::PreconditionRequired),
            Some(v) => match v.to_str().ok().and_then(parse) {
                Some(n) => Ok(IfMatch(n)),
                // `*` or garbage cannot name the version the client read.
                None => Err(ApiError::VersionMismatch),
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
    }
}

//! `/api/v1/public/applications`: the partnership application, no account needed. The resume
//! token in the path is the applicant's key. Rate limited per IP; a honeypot field catches bots.

pub mod check_in_code;
pub mod partners;
pub mod request_links;
pub mod save;
pub mod schools;
pub mod start;
pub mod submit;
pub mod view;
pub mod withdraw;

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse};
use domain::application::ApplicantView;

use crate::concurrency::etag;
use crate::error::ApiResult;
use crate::state::AppState;

/// The applicant view with its `ETag`.
pub fn with_etag(mut res: actix_web::HttpResponseBuilder, v: &ApplicantView) -> HttpResponse {
    res.insert_header((header::ETAG, etag(v.version)))
        .insert_header(("Cache-Control", "no-store"))
        .json(v)
}

/// Counts a public request against the caller's IP.
pub fn throttle(req: &HttpRequest, state: &AppState) -> ApiResult<()> {
    let ip = crate::routes::client_ip(req, &state.settings.server);
    state.public_limiter.check(&ip)
}

/// `es` when the caller's `Accept-Language` puts Spanish first, else `en`.
pub fn language(req: &HttpRequest) -> &'static str {
    let first = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(',').next())
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if first.starts_with("es") { "es" } else { "en" }
}

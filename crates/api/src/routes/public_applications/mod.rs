//! `/api/v1/public/applications`: the partnership application, no account needed. The resume
//! token in the path is the applicant's key. Rate limited per IP; a honeypot field catches bots.

pub mod check_in_code;
pub mod partners;
pub mod request_links;
pub mod resources;
pub mod save;
pub mod schools;
pub mod start;
pub mod submit;
pub mod view;
pub mod withdraw;

pub use crate::concurrency::with_etag;
use actix_web::HttpRequest;
use actix_web::http::header;

use crate::error::ApiResult;
use crate::state::AppState;

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

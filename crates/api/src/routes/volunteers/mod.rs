//! `/api/v1/volunteers` and `/api/v1/public/volunteers`: registration on a phone, profiles with
//! the clearance ledger, clearance decisions by staff. Coordinators see their schools'
//! volunteers; a volunteer sees only themself.

pub mod badge;
pub mod check_badge;
pub mod duplicates;
pub mod end_profile;
pub mod export;
pub mod get;
pub mod import;
pub mod list;
pub mod me;
pub mod merge;
pub mod parent_leader;
pub mod record_clearance;
pub mod register;
pub mod reinstate;
pub mod revoke_badges;
pub mod stop;

use actix_web::HttpResponse;
use actix_web::http::header;
use domain::volunteer::Volunteer;

use crate::concurrency::etag;

/// A profile with its `ETag`.
pub fn with_etag(mut res: actix_web::HttpResponseBuilder, v: &Volunteer) -> HttpResponse {
    res.insert_header((header::ETAG, etag(v.version)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(v)
}

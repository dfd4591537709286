//! `/api/v1/schools`: the school directory. Everyone signed in reads; admin and staff write.

pub mod archive;
pub mod create;
pub mod get;
pub mod import;
pub mod list;
pub mod restore;
pub mod update;

use actix_web::HttpResponse;
use actix_web::http::header;
use domain::school::School;

use crate::concurrency::etag;

/// A school with its `ETag`.
pub fn with_etag(mut res: actix_web::HttpResponseBuilder, school: &School) -> HttpResponse {
    res.insert_header((header::ETAG, etag(school.version)))
        .json(school)
}

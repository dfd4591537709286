//! `/api/v1/users`: account administration (admin only).

pub mod create;
pub mod deactivate;
pub mod get;
pub mod list;
pub mod reactivate;
pub mod update;

use actix_web::HttpResponse;
use actix_web::http::header;
use domain::user::User;

use crate::concurrency::etag;

/// A user with its `ETag`.
pub fn with_etag(mut res: actix_web::HttpResponseBuilder, user: &User) -> HttpResponse {
    res.insert_header((header::ETAG, etag(user.version)))
        .json(user)
}

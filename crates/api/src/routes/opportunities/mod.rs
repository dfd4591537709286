//! `/api/v1/opportunities`: volunteer opportunities at schools and the sign-ups for them.
//! Coordinators post for their schools and staff anywhere; every signed-in user browses;
//! volunteers sign up (a slot or the waitlist) and cancel via `/api/v1/signups/{id}/cancel`.

pub mod cancel;
pub mod create;
pub mod export;
pub mod get;
pub mod list;
pub mod roster;
pub mod sign_up;
pub mod update;

use actix_web::HttpResponse;
use actix_web::http::header;
use domain::opportunity::Opportunity;

use crate::concurrency::etag;

/// An opportunity with its `ETag`.
pub fn with_etag(mut res: actix_web::HttpResponseBuilder, o: &Opportunity) -> HttpResponse {
    res.insert_header((header::ETAG, etag(o.version)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(o)
}

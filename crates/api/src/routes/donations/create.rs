use actix_web::{HttpResponse, web};
use domain::donations::{Donation, DonationInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Record a donation.
///
/// Staff and admin (others: 403). Cash or in kind, with its (estimated) value in whole
/// dollars, received on a day not after today. Name the accepted match it fulfils, the need it
/// met or the approved application of the one-time event it was given at, and the partner,
/// school and support area come from them (a different one given: 422 `mismatch`). Its school
/// year is the office's school year of that day. Recorded in the audit log.
#[utoipa::path(post, path = "/api/v1/donations", tag = "donations", request_body = DonationInput,
    responses((status = 201, description = "Recorded", body = Donation,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<DonationInput>,
) -> ApiResult<HttpResponse> {
    let d = services::donations::record(&state.db, &auth, body.into_inner()).await?;
    Ok(super::with_etag(HttpResponse::Created(), &d))
}

use actix_web::{HttpResponse, web};
use domain::DonationId;
use domain::donations::Donation;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get a donation.
///
/// Staff and admin; coordinators one to their schools; a partner its own (another: 404).
/// Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/donations/{id}", tag = "donations",
    params(("id" = DonationId, Path, description = "The donation's id")),
    responses((status = 200, description = "The donation", body = Donation,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<DonationId>,
) -> ApiResult<HttpResponse> {
    let d = services::donations::get(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &d))
}

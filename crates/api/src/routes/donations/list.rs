use actix_web::{HttpResponse, web};
use domain::donations::{Donation, DonationQuery};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Browse the donation ledger.
///
/// Newest first; filter by partner, school, school year, kind, status, need and match. Staff
/// and admin see every donation, coordinators those to their schools, a partner its own.
/// Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/donations", tag = "donations", params(DonationQuery),
    responses((status = 200, description = "A page of donations", body = Page<Donation>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<DonationQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::donations::browse(&state.db, &auth, &q).await?))
}

use actix_web::{HttpResponse, web};
use domain::donations::{DonationTotals, DonationTotalsQuery};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Totals of the donation ledger.
///
/// The recorded (not voided) donations the caller sees, summed by partner, school, support area
/// or school year, for one school year or all; each group with its cash and in-kind parts.
/// Volunteers: 403.
#[utoipa::path(get, path = "/api/v1/donations/totals", tag = "donations", params(DonationTotalsQuery),
    responses((status = 200, description = "The totals", body = DonationTotals)),
    security(("bearer" = [])))]
pub async fn totals(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<DonationTotalsQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::donations::totals(&state.db, &auth, &q).await?))
}

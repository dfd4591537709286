use actix_web::{HttpResponse, web};
use domain::hours::HourEntry;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Check out.
///
/// Volunteers only: closes the open visit; its minutes are pending approval. Past the
/// configured cap the visit counts only up to the cap and is flagged. Not checked in: 409
/// `not_checked_in`.
#[utoipa::path(post, path = "/api/v1/hours/check-out", tag = "hours",
    responses((status = 200, description = "The closed visit (pending)", body = HourEntry),
        (status = 409, description = "Not checked in", body = domain::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn check_out(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(
        services::hours::check_out(
            &state.db,
            &auth,
            state.settings.volunteers.checkout_cap_hours,
        )
        .await?,
    ))
}

use actix_web::{HttpResponse, web};
use domain::hours::{HourDecision, HourEntry};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Approve or reject hours.
///
/// Coordinators for their schools, staff any; all entries or none. An entry of another school
/// (or that does not exist): 404. One not pending (open, decided or corrected): 409. Rejecting
/// needs a reason (the volunteer sees it).
#[utoipa::path(post, path = "/api/v1/hours/decisions", tag = "hours", request_body = HourDecision,
    responses((status = 200, description = "The decided entries", body = Vec<HourEntry>),
        (status = 404, description = "An entry does not exist or is not yours to decide", body = domain::problem::Problem, content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn decide(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<HourDecision>,
) -> ApiResult<HttpResponse> {
    Ok(
        HttpResponse::Ok()
            .json(services::hours::decide(&state.db, &auth, body.into_inner()).await?),
    )
}

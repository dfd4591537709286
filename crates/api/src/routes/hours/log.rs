use actix_web::{HttpResponse, web};
use domain::hours::{HourEntry, HourInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Log hours.
///
/// Volunteers only (other roles: 403): the day (not in the future, at most a year back), the
/// school, the activity and the minutes. Pending until the school's coordinator decides.
#[utoipa::path(post, path = "/api/v1/hours", tag = "hours", request_body = HourInput,
    responses((status = 201, description = "Logged (pending)", body = HourEntry)),
    security(("bearer" = [])))]
pub async fn log(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<HourInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created()
        .json(services::hours::log(&state.db, &auth, body.into_inner()).await?))
}

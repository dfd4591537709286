use actix_web::{HttpResponse, web};
use domain::user::StaffMember;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List the office staff.
///
/// Staff and admin: every active staff member and admin, by name — who can own an application
/// or an agreement. (The full user list is for admins only.)
#[utoipa::path(get, path = "/api/v1/staff", tag = "users",
    responses((status = 200, description = "Office staff", body = Vec<StaffMember>)),
    security(("bearer" = [])))]
pub async fn list(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::users::office_staff(&state.db, &auth).await?))
}

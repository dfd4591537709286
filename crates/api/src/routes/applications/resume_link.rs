use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::ResumeLink;
use domain::problem::Problem;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Open the application's form (partner).
///
/// For a signed-in partner of the applying organization: a fresh resume token, so they can
/// answer a return for information, or withdraw, from the form at `/apply#{resume_token}`
/// without the emailed link (which stops working). Other roles: 403; another organization's
/// application: 404; a closed one (approved, declined, withdrawn): 409 `application_closed`.
#[utoipa::path(post, path = "/api/v1/applications/{id}/resume-link", tag = "applications",
    params(("id" = ApplicationId, Path, description = "The application's id")),
    responses((status = 200, description = "A fresh resume token", body = ResumeLink),
        (status = 409, description = "The application is closed", body = Problem,
            content_type = "application/problem+json")),
    security(("bearer" = [])))]
pub async fn resume_link(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::applications::reissue_link(&state.db, &auth, *id).await?))
}

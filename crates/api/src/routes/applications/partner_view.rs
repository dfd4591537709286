use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::ApplicantView;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get an application's status (partner view).
///
/// Status, answers, the office's message and the history without staff-only notes. A partner
/// asking for another organization's application gets 404.
#[utoipa::path(get, path = "/api/v1/applications/{id}/status", tag = "applications",
    params(("id" = ApplicationId, Path, description = "The application's id")),
    responses((status = 200, description = "The application", body = ApplicantView)),
    security(("bearer" = [])))]
pub async fn partner_view(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::applications::partner_view(&state.db, &auth, *id).await?))
}

use actix_web::{HttpResponse, web};
use domain::ApplicationId;
use domain::application::Application;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Get an application (office view).
///
/// The answers, the vetting and planning checklists, which formal processes apply and why,
/// their sub-tasks, and the whole history. Staff, admin, and coordinators of a served school.
#[utoipa::path(get, path = "/api/v1/applications/{id}", tag = "applications",
    params(("id" = ApplicationId, Path, description = "The application's id")),
    responses((status = 200, description = "The application", body = Application,
        headers(("ETag" = String, description = "The version")))),
    security(("bearer" = [])))]
pub async fn get(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<ApplicationId>,
) -> ApiResult<HttpResponse> {
    let a = services::applications::detail(&state.db, &auth, *id).await?;
    Ok(super::with_etag(HttpResponse::Ok(), &a))
}

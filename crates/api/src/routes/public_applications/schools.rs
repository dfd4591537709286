use actix_web::{HttpRequest, HttpResponse, web};
use domain::school::SchoolChoice;

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Schools to choose from.
///
/// No account needed: every active school's id, code and name, by name, for the application
/// form's school picker.
#[utoipa::path(get, path = "/api/v1/public/schools", tag = "public",
    responses((status = 200, description = "Active schools", body = Vec<SchoolChoice>)))]
pub async fn schools(req: HttpRequest, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let list = services::applications::school_choices(&state.db).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=300"))
        .json(list))
}

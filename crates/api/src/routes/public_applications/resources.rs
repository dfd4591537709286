use actix_web::{HttpRequest, HttpResponse, web};
use domain::directory::{Resource, ResourceQuery};

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The family resource directory.
///
/// No account needed, no cookie set: the community resources the office publishes for
/// families, in English and Spanish, by category and title. Search by words, category,
/// language, school (an unknown school: 422) or support area. Each request is counted, as a
/// view without filters or a search with one, per month and nothing else.
#[utoipa::path(get, path = "/api/v1/public/resources", tag = "public", params(ResourceQuery),
    responses((status = 200, description = "Resources for families", body = Vec<Resource>)))]
pub async fn resources(
    req: HttpRequest,
    state: web::Data<AppState>,
    q: web::Query<ResourceQuery>,
) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let list = services::directory::search(&state.db, &q).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(list))
}

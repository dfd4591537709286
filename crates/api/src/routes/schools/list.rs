use actix_web::{HttpResponse, web};
use domain::page::Page;
use domain::school::{School, SchoolQuery};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List schools.
///
/// Search (`q` matches name or code), filter, sort and page with a cursor (see the list
/// conventions in the API description). Archived schools only with `status=archived`.
#[utoipa::path(get, path = "/api/v1/schools", tag = "schools", params(SchoolQuery),
    responses((status = 200, description = "A page of schools", body = Page<School>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<SchoolQuery>,
) -> ApiResult<HttpResponse> {
    let page = services::schools::browse(&state.db, &(&auth).into(), &q).await?;
    Ok(HttpResponse::Ok().json(page))
}

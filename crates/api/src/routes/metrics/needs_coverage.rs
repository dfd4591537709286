use actix_web::{HttpResponse, web};
use domain::needs::{Coverage, CoverageQuery};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Schools with three primary needs, against the goal.
///
/// For a school year (default: the current one). A school is covered when it has at least
/// three primary needs (ranked 1–3) for the year that are not withdrawn; the share is over the
/// schools active today. By region, level, Title I and designation, with the schools that lack
/// them; the filters narrow every number to a drill-down. With the goal (`needs_coverage`).
/// Staff and admin see the district, coordinators their schools.
#[utoipa::path(get, path = "/api/v1/metrics/needs-coverage", tag = "metrics", params(CoverageQuery),
    responses((status = 200, description = "Coverage of the needs assessment", body = Coverage)),
    security(("bearer" = [])))]
pub async fn needs_coverage(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<CoverageQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::needs::coverage(&state.db, &auth, &q).await?))
}

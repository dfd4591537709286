use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::volunteer_metrics::SchoolYearSetting;

use crate::auth::AuthUser;
use crate::concurrency::etag;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// When the school year starts.
///
/// The window of "active volunteer": the school year, starting on the first of this month
/// (July until an admin changes it), with the definition as the dashboard words it. Everyone
/// who reads the dashboards.
#[utoipa::path(get, path = "/api/v1/settings/school-year", tag = "metrics",
    responses((status = 200, description = "The school year", body = SchoolYearSetting,
        headers(("ETag" = String, description = "The version (\"0\" while it is the default)")))),
    security(("bearer" = [])))]
pub async fn school_year(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    let v = services::volunteer_metrics::show_school_year(&state.db, &auth).await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(v.version)))
        .json(v))
}

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::volunteer_metrics::{SchoolYearInput, SchoolYearSetting};

use crate::auth::AuthUser;
use crate::concurrency::{IfMatch, etag};
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change when the school year starts.
///
/// Admin only; audited. Requires `If-Match` with the version read (`"0"` while it is the
/// default). Every volunteer's school years are counted again from the approved hour log in
/// the same transaction, so the dashboard's "active" follows the new window at once.
#[utoipa::path(put, path = "/api/v1/settings/school-year", tag = "metrics", request_body = SchoolYearInput,
    params(("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The school year", body = SchoolYearSetting,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn set_school_year(
    state: web::Data<AppState>,
    auth: AuthUser,
    if_match: IfMatch,
    body: web::Json<SchoolYearInput>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteer_metrics::set_school_year(
        &state.db,
        &auth,
        if_match.0,
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(v.version)))
        .json(v))
}

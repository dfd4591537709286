use actix_web::{HttpResponse, web};
use domain::needs::{AssessmentOpened, OpenAssessment};

use crate::auth::AuthUser;
use crate::concurrency::{IfMatch, etag};
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Open the needs assessment for a school year.
///
/// Office staff and admin. In one transaction: the school year is recorded as open, and one
/// reminder is queued (outbox) to each active coordinator of the active schools that lack
/// three primary needs for that year, naming those schools. Opening it again (for the same or
/// another year) reminds again. Requires `If-Match` with the version read (`"0"` while never
/// opened). Audited.
#[utoipa::path(put, path = "/api/v1/needs/assessment", tag = "needs", request_body = OpenAssessment,
    params(("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "Opened; the reminders queued", body = AssessmentOpened,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn open_assessment(
    state: web::Data<AppState>,
    auth: AuthUser,
    if_match: IfMatch,
    body: web::Json<OpenAssessment>,
) -> ApiResult<HttpResponse> {
    let o =
        services::needs::open_assessment(&state.db, &auth, if_match.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(o.assessment.version)))
        .json(o))
}

use actix_web::{HttpResponse, web};
use domain::VolunteerId;
use domain::volunteer::{ClearanceInput, Volunteer};

use crate::auth::AuthUser;
use crate::concurrency::IfMatch;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Record a clearance decision.
///
/// Staff and admin: the kind, status (pending, cleared, denied, expired), dates and the
/// reference in the external screening system — never the report itself. A cleared clearance
/// needs both dates. Appends to the ledger (earlier records are kept). Requires `If-Match`.
#[utoipa::path(post, path = "/api/v1/volunteers/{id}/clearances", tag = "volunteers", request_body = ClearanceInput,
    params(("id" = VolunteerId, Path, description = "The volunteer's id"),
        ("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The profile with the new record", body = Volunteer,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn record_clearance(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<VolunteerId>,
    if_match: IfMatch,
    body: web::Json<ClearanceInput>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteers::record_clearance(
        &state.db,
        &auth,
        *id,
        if_match.0,
        body.into_inner(),
        state.settings.volunteers.clearance_grace_days,
    )
    .await?;
    Ok(super::with_etag(HttpResponse::Ok(), &v))
}

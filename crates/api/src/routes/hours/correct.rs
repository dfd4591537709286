use actix_web::{HttpResponse, web};
use domain::HourEntryId;
use domain::hours::{CorrectionInput, HourEntry};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Correct an entry.
///
/// The volunteer their own, coordinators their schools', staff any (others' entries: 404). The
/// entry is not edited: a new pending entry supersedes it and both are kept. Already corrected:
/// 409 `already_corrected`; a visit still open: 409 `visit_open`.
#[utoipa::path(post, path = "/api/v1/hours/{id}/corrections", tag = "hours", request_body = CorrectionInput,
    params(("id" = HourEntryId, Path, description = "The entry to correct")),
    responses((status = 201, description = "The correcting entry (pending)", body = HourEntry)),
    security(("bearer" = [])))]
pub async fn correct(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<HourEntryId>,
    body: web::Json<CorrectionInput>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Created()
        .json(services::hours::correct(&state.db, &auth, *id, body.into_inner()).await?))
}

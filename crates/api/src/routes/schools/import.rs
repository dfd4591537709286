use actix_web::{HttpRequest, HttpResponse, web};
use domain::school::ImportReport;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Import schools from CSV.
///
/// Admin and staff. Send the file as the body with `Content-Type: text/csv`. Columns (header
/// names are matched case-insensitively): `code`, `name`, `level`, `region` (required),
/// `title_i`, `designation`, `address`, `city`, `postal_code`. Existing codes are updated.
/// Any bad row: 422 listing every bad row as `line N: field`, and nothing is imported.
#[utoipa::path(post, path = "/api/v1/schools/import", tag = "schools",
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    responses((status = 200, description = "Imported", body = ImportReport)),
    security(("bearer" = [])))]
pub async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: AuthUser,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let actor = (&auth).into();
    services::school_import::may_import(&actor)?;
    let body = crate::routes::csv_body(&req, &state, payload).await?;
    let report = services::school_import::import(&state.db, &actor, &body).await?;
    Ok(HttpResponse::Ok().json(report))
}

use actix_web::{HttpRequest, HttpResponse, web};
use domain::import::{ImportOptions, ImportOutcome};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Import past volunteer hours from CSV.
///
/// Office staff and admins. Send the file as the body with `Content-Type: text/csv` (at most
/// 10,000 rows). Headers, case-insensitive, English or Spanish: `email` (a registered
/// volunteer's), `school` (code), `date` (`2026-03-14` or `3/14/2026`; not in the future),
/// `activity`, and `hours` (like 1.5) or `minutes`; optional `note`. Entries are recorded as
/// approved by the importer, with source `imported`, and counted on the dashboards.
///
/// Any bad row: 422 listing every problem as `line N: column`, and nothing is imported.
/// Entries already recorded (same volunteer, school, day, activity and duration) are left out
/// and listed under `skipped`. With `dry_run=true` nothing is stored.
#[utoipa::path(post, path = "/api/v1/hours/import", tag = "hours",
    params(ImportOptions),
    request_body(content = String, content_type = "text/csv", description = "The hours"),
    responses((status = 200, description = "Imported (or, in a dry run, what would be)", body = ImportOutcome)),
    security(("bearer" = [])))]
pub async fn import(
    req: HttpRequest,
    state: web::Data<AppState>,
    auth: AuthUser,
    opts: web::Query<ImportOptions>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    services::volunteer_import::may_import(&auth)?;
    let body = crate::routes::csv_body(&req, &state, payload).await?;
    let outcome = services::volunteer_import::import_hours(&state.db, &auth, &body, &opts).await?;
    Ok(HttpResponse::Ok().json(outcome))
}

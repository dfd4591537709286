use actix_web::{HttpRequest, HttpResponse, web};
use domain::import::{ImportOptions, ImportOutcome};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Import a volunteer roster from CSV.
///
/// Office staff and admins. Send the file as the body with `Content-Type: text/csv` (at most
/// 10,000 rows). Headers are matched case-insensitively, in English or Spanish: `email`,
/// `phone`, `kind` and `schools` (codes, `;` between several) are required, with `name` or
/// `first_name` + `last_name`; optional `language` (en/es), `organization` (partner
/// organization's legal name; required for partner-affiliated), `interests`, `availability`,
/// `registered_on`, `cleared_on` + `expires_on` + `clearance_reference` (a current clearance;
/// otherwise a pending one), `parent_leader_role`. Days as `2026-03-14` or `3/14/2026`.
///
/// Any bad row: 422 listing every problem as `line N: column`, and nothing is imported. People
/// already registered (same email, or same name and phone) are left out and listed under
/// `skipped`. With `dry_run=true` nothing is stored. Each new volunteer is emailed a one-time
/// link to choose a password (`invite=false` to skip).
#[utoipa::path(post, path = "/api/v1/volunteers/import", tag = "volunteers",
    params(ImportOptions),
    request_body(content = String, content_type = "text/csv", description = "The roster"),
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
    let outcome = services::volunteer_import::import_roster(
        &state.db,
        &auth,
        &state.settings.server.public_url,
        &body,
        &opts,
    )
    .await?;
    Ok(HttpResponse::Ok().json(outcome))
}

use actix_web::{HttpResponse, web};
use domain::volunteer::VolunteerQuery;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Export volunteers as CSV.
///
/// Staff and admin; coordinators their schools'. The list's filters, every match: id, name,
/// kind, school codes, parent leader, registration time — no contact details.
#[utoipa::path(get, path = "/api/v1/volunteers/export", tag = "volunteers", params(VolunteerQuery),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<VolunteerQuery>,
) -> ApiResult<HttpResponse> {
    let csv =
        services::volunteers::export_csv(&state.db, &auth, &q, state.settings.exports.max_rows)
            .await?;
    Ok(crate::routes::csv_attachment("volunteers.csv", csv))
}

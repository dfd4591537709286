use actix_web::{HttpResponse, web};
use domain::application::ApplicationQuery;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Export applications as CSV.
///
/// Staff and admin. The list's filters, every match, with school codes and days in status.
#[utoipa::path(get, path = "/api/v1/applications/export", tag = "applications", params(ApplicationQuery),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<ApplicationQuery>,
) -> ApiResult<HttpResponse> {
    let csv =
        services::applications::export_csv(&state.db, &auth, &q, state.settings.exports.max_rows)
            .await?;
    Ok(crate::routes::csv_attachment("applications.csv", csv))
}

use actix_web::{HttpResponse, web};
use domain::organization::OrganizationQuery;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Export organizations as CSV.
///
/// Admin and staff. The same filters as the list, every match (no paging), with the primary
/// contact. Cells that a spreadsheet would run as formulas are prefixed with `'`.
#[utoipa::path(get, path = "/api/v1/organizations/export", tag = "organizations", params(OrganizationQuery),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<OrganizationQuery>,
) -> ApiResult<HttpResponse> {
    let csv =
        services::organizations::export_csv(&state.db, &auth, &q, state.settings.exports.max_rows)
            .await?;
    Ok(crate::routes::csv_attachment("organizations.csv", csv))
}

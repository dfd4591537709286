use actix_web::{HttpResponse, web};
use domain::hours::HourQuery;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Export hour entries as CSV.
///
/// What the caller may see (a volunteer their own, coordinators their schools', staff all), with
/// the list's filters, every match (more than 100,000: 422 `too_many_rows`).
#[utoipa::path(get, path = "/api/v1/hours/export", tag = "hours", params(HourQuery),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<HourQuery>,
) -> ApiResult<HttpResponse> {
    let csv =
        services::hours::export_csv(&state.db, &auth, &q, state.settings.exports.max_rows).await?;
    Ok(crate::routes::csv_attachment("hours.csv", csv))
}

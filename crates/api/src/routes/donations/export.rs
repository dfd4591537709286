use actix_web::{HttpResponse, web};
use domain::donations::DonationQuery;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Export the donation ledger as CSV.
///
/// What the caller may see (staff all, coordinators their schools', a partner its own), with
/// the list's filters, every match (more than the export cap: 422 `too_many_rows`). Voided
/// donations are in it, with their status and reason.
#[utoipa::path(get, path = "/api/v1/donations/export", tag = "donations", params(DonationQuery),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<DonationQuery>,
) -> ApiResult<HttpResponse> {
    let csv =
        services::donations::export_csv(&state.db, &auth, &q, state.settings.exports.max_rows)
            .await?;
    Ok(crate::routes::csv_attachment("donations.csv", csv))
}

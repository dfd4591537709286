use actix_web::{HttpResponse, web};
use domain::opportunity::OpportunityQuery;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Export opportunities as CSV.
///
/// Every signed-in user, with the list's filters, every match (more than 100,000: 422
/// `too_many_rows`).
#[utoipa::path(get, path = "/api/v1/opportunities/export", tag = "opportunities", params(OpportunityQuery),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<OpportunityQuery>,
) -> ApiResult<HttpResponse> {
    let csv =
        services::opportunities::export_csv(&state.db, &auth, &q, state.settings.exports.max_rows)
            .await?;
    Ok(crate::routes::csv_attachment("opportunities.csv", csv))
}

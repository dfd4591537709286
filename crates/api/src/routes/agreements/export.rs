use actix_web::{HttpResponse, web};
use domain::agreement::AgreementQuery;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Export agreements as CSV.
///
/// The list's filters and scope, every match, with school codes.
#[utoipa::path(get, path = "/api/v1/agreements/export", tag = "agreements", params(AgreementQuery),
    responses((status = 200, description = "CSV with a header row", content_type = "text/csv", body = String)),
    security(("bearer" = [])))]
pub async fn export(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<AgreementQuery>,
) -> ApiResult<HttpResponse> {
    let csv =
        services::agreements::export(&state.db, &auth, &q, state.settings.exports.max_rows).await?;
    Ok(crate::routes::csv_attachment("agreements.csv", csv))
}

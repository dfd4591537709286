use actix_web::{HttpResponse, web};
use domain::agreement::{AgreementQuery, AgreementSummary};
use domain::page::Page;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// List agreements.
///
/// Newest first. Filter by status, kind, school, owner, partner, `expiring_within_days`
/// (agreements in force whose last day is within that many days), text. Scoped: a coordinator
/// sees their schools' agreements, a partner their organization's; volunteers get 403.
#[utoipa::path(get, path = "/api/v1/agreements", tag = "agreements", params(AgreementQuery),
    responses((status = 200, description = "A page of agreements", body = Page<AgreementSummary>)),
    security(("bearer" = [])))]
pub async fn list(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<AgreementQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::agreements::browse(&state.db, &auth, &q).await?))
}

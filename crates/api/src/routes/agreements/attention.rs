use actix_web::{HttpResponse, web};
use domain::agreement::AttentionItem;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Agreements that need attention.
///
/// Agreements in force whose last day is within 90 days, soonest first, each with the renewal
/// reminder raised for it (90, 60 or 30 days), if any. Scoped like the list.
#[utoipa::path(get, path = "/api/v1/agreements/attention", tag = "agreements",
    responses((status = 200, description = "Expiring agreements", body = Vec<AttentionItem>)),
    security(("bearer" = [])))]
pub async fn attention(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::agreements::attention(&state.db, &auth).await?))
}

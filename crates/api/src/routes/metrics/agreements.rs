use actix_web::{HttpResponse, web};
use domain::agreement::{AgreementMetrics, MetricsQuery};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Active MOUs per quarter against the goal.
///
/// A partner counts as having an active MOU in a quarter when at least one of its agreements
/// was in force (active, or active with its renewal pending) on the quarter's last day. The
/// count reads the dated history of status changes, so a past quarter's number never changes
/// later. Per quarter: partners counted, and the agreements in force, new, renewed, expired
/// and terminated (ids; `agreements` names them for drill-down). With the goal (baseline,
/// target, deadline). `from` defaults to a year before `to`, `to` to today; `group_by` is
/// `quarter`. Staff, admin and school coordinators.
#[utoipa::path(get, path = "/api/v1/metrics/agreements", tag = "metrics", params(MetricsQuery),
    responses((status = 200, description = "Counts per quarter", body = AgreementMetrics)),
    security(("bearer" = [])))]
pub async fn agreements(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<MetricsQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(services::agreements::metrics(&state.db, &auth, &q).await?))
}

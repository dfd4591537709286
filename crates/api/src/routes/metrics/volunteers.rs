use actix_web::{HttpResponse, web};
use domain::volunteer_metrics::{VolunteerMetrics, VolunteerMetricsQuery};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Volunteers against the goal.
///
/// Registered: has a volunteer profile and a current clearance (cleared, not expired) on
/// `as_of`. Active: at least one approved hour in the school year (July 1 to June 30) through
/// `as_of`. Parent leader: flagged by a coordinator. With approved hours and their value (the
/// configured hourly rate), new registrations, month by month through `as_of`, and a table
/// grouped by school, month, activity or kind; with the goal (`active_volunteers`). Read from
/// summaries kept with each approval, never the hour log. Staff and admin see the district,
/// coordinators their schools (another school: 403).
#[utoipa::path(get, path = "/api/v1/metrics/volunteers", tag = "metrics", params(VolunteerMetricsQuery),
    responses((status = 200, description = "The volunteer dashboard", body = VolunteerMetrics)),
    security(("bearer" = [])))]
pub async fn volunteers(
    state: web::Data<AppState>,
    auth: AuthUser,
    q: web::Query<VolunteerMetricsQuery>,
) -> ApiResult<HttpResponse> {
    Ok(HttpResponse::Ok().json(
        services::volunteer_metrics::dashboard(
            &state.db,
            &auth,
            &q,
            state.settings.volunteers.hourly_value_cents,
        )
        .await?,
    ))
}

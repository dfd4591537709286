use actix_web::{HttpResponse, web};
use domain::volunteer_metrics::{VolunteerMetrics, VolunteerMetricsQuery};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Volunteers against the goal.
///
/// Counted on `as_of`, each person once. Registered: a volunteer profile registered by then and
/// not ended, with a current clearance (cleared, not expired). Active: a profile not ended on
/// `as_of` and at least one approved hour in the school year (July 1 to June 30) through
/// `as_of`. Parent leaders: active volunteers holding a parent-leader role on `as_of` (already
/// among the active). A profile that ended stops counting on the day it ended; its hours stay
/// in the minutes. With approved hours and their value (the configured hourly rate), new
/// registrations, month by month through `as_of` (active as of each month's end), and a table
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

//! The volunteer dashboard: read from the summaries (`db::repo::volunteer_totals`), counted by
//! the definitions in `domain::volunteer_metrics`.

use chrono::{NaiveDate, Utc};
use db::repo::{agreements, volunteer_totals};
use domain::volunteer_metrics::{
    self as rules, VolunteerGrouping, VolunteerMetrics, VolunteerMetricsQuery,
};
use domain::{Permission, Role, SchoolId};
use sea_orm::DatabaseConnection;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};

/// The goal the dashboard measures against.
pub const ACTIVE_VOLUNTEERS_GOAL: &str = "active_volunteers";

/// The dashboard for what the caller may see.
pub async fn dashboard(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &VolunteerMetricsQuery,
    hourly_cents: i64,
) -> ApiResult<VolunteerMetrics> {
    auth.require(Permission::ReadMetrics)?;
    let schools: Option<Vec<SchoolId>> = match (auth.role, q.school_id) {
        (Role::SchoolCoordinator, Some(s)) if !auth.school_ids.contains(&s) => {
            return Err(ApiError::Forbidden);
        }
        (Role::SchoolCoordinator, Some(s)) | (_, Some(s)) => Some(vec![s]),
        (Role::SchoolCoordinator, None) => Some(auth.school_ids.clone()),
        (_, None) => None,
    };
    compute(
        db,
        schools.as_deref(),
        q.as_of.unwrap_or_else(|| Utc::now().date_naive()),
        q.group_by.unwrap_or(VolunteerGrouping::School),
        hourly_cents,
    )
    .await
}

/// The dashboard for these schools (none: the district), counted on `as_of`.
pub async fn compute(
    db: &DatabaseConnection,
    schools: Option<&[SchoolId]>,
    as_of: NaiveDate,
    group_by: VolunteerGrouping,
    hourly_cents: i64,
) -> ApiResult<VolunteerMetrics> {
    let agg = volunteer_totals::aggregates(db, as_of, group_by, schools).await?;
    let mut m = rules::assemble(&agg, as_of, group_by, hourly_cents);
    m.goal = agreements::get_goal(db, ACTIVE_VOLUNTEERS_GOAL).await.ok();
    Ok(m)
}

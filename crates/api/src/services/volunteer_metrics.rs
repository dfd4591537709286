//! The volunteer dashboard: read from the summaries (`db::repo::volunteer_totals`), counted by
//! the definitions in `domain::volunteer_metrics`.

use chrono::{NaiveDate, Utc};
use db::repo::{agreements, settings, volunteer_totals};
use domain::audit::AuditEntity;
use domain::volunteer::SchoolYear;
use domain::volunteer_metrics::{
    self as rules, HourValue, HourValueInput, SchoolYearInput, SchoolYearSetting,
    VolunteerGrouping, VolunteerMetrics, VolunteerMetricsQuery,
};
use domain::{Permission, Role, SchoolId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult};
use crate::services::Actor;
use crate::services::audit::{self, AuditAction};

/// The setting that holds the value of a volunteer hour.
pub const HOUR_VALUE_KEY: &str = "volunteer_hour_value_cents";

/// What a volunteer hour is worth in reports: the office's setting, else the deployment's
/// default.
pub async fn hour_value(db: &impl ConnectionTrait, default_cents: i64) -> ApiResult<HourValue> {
    Ok(match settings::get(db, HOUR_VALUE_KEY).await? {
        Some(row) => HourValue {
            cents: row.value.parse().map_err(|_| {
                ApiError::from(db::DbError::Corrupt(format!(
                    "{HOUR_VALUE_KEY} {:?}",
                    row.value
                )))
            })?,
            is_default: false,
            version: row.version,
            updated_at: Some(row.updated_at),
        },
        None => HourValue {
            cents: default_cents,
            is_default: true,
            version: 0,
            updated_at: None,
        },
    })
}

/// Changes the value of a volunteer hour (admin; `If-Match` with the version read, 0 while it
/// is the default). Audited. Reports value every approved hour at the current rate.
pub async fn set_hour_value(
    db: &DatabaseConnection,
    auth: &AuthUser,
    version: i32,
    input: HourValueInput,
    default_cents: i64,
) -> ApiResult<HourValue> {
    auth.require(Permission::ManageGoals)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = hour_value(&txn, default_cents).await?;
    settings::put(
        &txn,
        HOUR_VALUE_KEY,
        &input.cents.to_string(),
        version,
        auth.id,
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Setting,
        HOUR_VALUE_KEY,
        AuditAction::Update,
        serde_json::json!({ "cents": { "before": before.cents, "after": input.cents } }),
    )
    .await?;
    txn.commit().await?;
    hour_value(db, default_cents).await
}

/// `GET /api/v1/settings/volunteer-hour-value`: for whoever reads the dashboards.
pub async fn show_hour_value(
    db: &DatabaseConnection,
    auth: &AuthUser,
    default_cents: i64,
) -> ApiResult<HourValue> {
    auth.require(Permission::ReadMetrics)?;
    hour_value(db, default_cents).await
}

/// `GET /api/v1/settings/school-year`: for whoever reads the dashboards.
pub async fn show_school_year(
    db: &DatabaseConnection,
    auth: &AuthUser,
) -> ApiResult<SchoolYearSetting> {
    auth.require(Permission::ReadMetrics)?;
    school_year(db).await
}

/// When the school year starts, as the office set it.
pub async fn school_year(db: &impl ConnectionTrait) -> ApiResult<SchoolYearSetting> {
    let year = volunteer_totals::school_year(db).await?;
    let row = settings::get(db, volunteer_totals::SCHOOL_YEAR_KEY).await?;
    Ok(SchoolYearSetting {
        start_month: year.start_month(),
        current_start: year.start(Utc::now().date_naive()),
        active_definition: year.active(),
        is_default: row.is_none(),
        version: row.as_ref().map_or(0, |r| r.version),
        updated_at: row.map(|r| r.updated_at),
    })
}

/// Changes the month the school year starts (admin; `If-Match` with the version read, 0 while
/// it is the default) and counts every volunteer's school years again from the hour log, in
/// one transaction: the dashboard's "active" follows at once. Audited.
pub async fn set_school_year(
    db: &DatabaseConnection,
    auth: &AuthUser,
    version: i32,
    input: SchoolYearInput,
) -> ApiResult<SchoolYearSetting> {
    auth.require(Permission::ManageGoals)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let year = SchoolYear::starting_in(input.start_month).ok_or_else(|| {
        ApiError::invalid_field(
            "start_month",
            "range",
            "Choose a month from 1 (January) to 12 (December).",
        )
    })?;
    let txn = db::begin_write(db).await?;
    let before = volunteer_totals::school_year(&txn).await?;
    settings::put(
        &txn,
        volunteer_totals::SCHOOL_YEAR_KEY,
        &year.start_month().to_string(),
        version,
        auth.id,
    )
    .await?;
    volunteer_totals::rebuild_years(&txn, year).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Setting,
        volunteer_totals::SCHOOL_YEAR_KEY,
        AuditAction::Update,
        serde_json::json!({ "start_month": {
                "before": before.start_month(), "after": year.start_month() } }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        school_year.start_month = year.start_month(),
        "school year changed; summaries counted again"
    );
    school_year(db).await
}

/// The goal the dashboard measures against.
pub const ACTIVE_VOLUNTEERS_GOAL: &str = "active_volunteers";

/// The dashboard for what the caller may see.
pub async fn dashboard(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &VolunteerMetricsQuery,
    default_hourly_cents: i64,
) -> ApiResult<VolunteerMetrics> {
    auth.require(Permission::ReadMetrics)?;
    let hourly_cents = hour_value(db, default_hourly_cents).await?.cents;
    let schools: Option<Vec<SchoolId>> = match (auth.role, q.school_id) {
        (Role::SchoolCoordinator, Some(s)) if !auth.school_ids().contains(&s) => {
            return Err(ApiError::Forbidden);
        }
        (Role::SchoolCoordinator, Some(s)) | (_, Some(s)) => Some(vec![s]),
        (Role::SchoolCoordinator, None) => Some(auth.school_ids().to_vec()),
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
    let year = volunteer_totals::school_year(db).await?;
    let agg = volunteer_totals::aggregates(db, as_of, group_by, schools, year).await?;
    let mut m = rules::assemble(&agg, as_of, group_by, hourly_cents, year);
    m.goal = agreements::get_goal(db, ACTIVE_VOLUNTEERS_GOAL).await.ok();
    Ok(m)
}

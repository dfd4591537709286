use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::volunteer_metrics::HourValue;

use crate::auth::AuthUser;
use crate::concurrency::etag;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The value of a volunteer hour.
///
/// What reports value an approved hour at, in cents: the office's setting, or the
/// deployment's default (`volunteers.hourly_value_cents`) until an admin changes it. Everyone
/// who reads the dashboards.
#[utoipa::path(get, path = "/api/v1/settings/volunteer-hour-value", tag = "metrics",
    responses((status = 200, description = "The value", body = HourValue,
        headers(("ETag" = String, description = "The version (\"0\" while it is the default)")))),
    security(("bearer" = [])))]
pub async fn hour_value(state: web::Data<AppState>, auth: AuthUser) -> ApiResult<HttpResponse> {
    let v = services::volunteer_metrics::show_hour_value(
        &state.db,
        &auth,
        state.settings.volunteers.hourly_value_cents,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(v.version)))
        .json(v))
}

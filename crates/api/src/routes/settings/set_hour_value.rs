use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::volunteer_metrics::{HourValue, HourValueInput};

use crate::auth::AuthUser;
use crate::concurrency::{IfMatch, etag};
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Change the value of a volunteer hour.
///
/// Admin only; audited. Requires `If-Match` with the version read (`"0"` while it is the
/// default). Reports value every approved hour at the current value.
#[utoipa::path(put, path = "/api/v1/settings/volunteer-hour-value", tag = "metrics", request_body = HourValueInput,
    params(("If-Match" = String, Header, description = "The ETag you read")),
    responses((status = 200, description = "The value", body = HourValue,
        headers(("ETag" = String, description = "The new version")))),
    security(("bearer" = [])))]
pub async fn set_hour_value(
    state: web::Data<AppState>,
    auth: AuthUser,
    if_match: IfMatch,
    body: web::Json<HourValueInput>,
) -> ApiResult<HttpResponse> {
    let v = services::volunteer_metrics::set_hour_value(
        &state.db,
        &auth,
        if_match.0,
        body.into_inner(),
        state.settings.volunteers.hourly_value_cents,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, etag(v.version)))
        .json(v))
}

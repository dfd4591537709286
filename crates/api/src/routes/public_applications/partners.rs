use actix_web::{HttpRequest, HttpResponse, web};
use domain::organization::PartnerChoice;

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Partner organizations to choose from.
///
/// No account needed: every active partner's id and name, by name, for the volunteer
/// registration's "I volunteer with a partner organization" picker.
#[utoipa::path(get, path = "/api/v1/public/partners", tag = "public",
    responses((status = 200, description = "Active partners", body = Vec<PartnerChoice>)))]
pub async fn partners(req: HttpRequest, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let list = services::organizations::partner_choices(&state.db).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=300"))
        .json(list))
}

use actix_web::{HttpRequest, HttpResponse, web};
use domain::organization::PartnerChoice;

use crate::error::ApiResult;
use crate::state::AppState;

/// Partners to choose from.
///
/// No account needed: every active partner organization's id and name, by name, for the
/// volunteer registration form ("I volunteer with a partner organization"). Rate limited per IP.
#[utoipa::path(get, path = "/api/v1/public/partners", tag = "public",
    responses((status = 200, description = "Active partners", body = Vec<PartnerChoice>)))]
pub async fn partners(req: HttpRequest, state: web::Data<AppState>) -> ApiResult<HttpResponse> {
    super::throttle(&req, &state)?;
    let list = db::repo::organizations::active_partner_choices(&state.db).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "public, max-age=300"))
        .json(list))
}

use actix_web::{HttpRequest, HttpResponse, web};
use domain::volunteer::{Volunteer, VolunteerRegistration};

use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Register as a volunteer.
///
/// No account needed: creates the volunteer login (sign in with the email and password), the
/// profile and a pending annual background check, which staff clear. The answer is the same
/// for an email that already has an account (nothing is stored; the address's owner is told by
/// message to sign in or reset their password), so it never tells who has one. Leave
/// `fax_number` empty. Rate limited per IP (429).
/// Field messages are in Spanish when `Accept-Language` puts Spanish first.
#[utoipa::path(post, path = "/api/v1/public/volunteers", tag = "volunteers", request_body = VolunteerRegistration,
    responses((status = 201, description = "Registered", body = Volunteer)))]
pub async fn register(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: web::Json<VolunteerRegistration>,
) -> ApiResult<HttpResponse> {
    crate::routes::public_applications::throttle(&req, &state)?;
    let v = services::volunteers::register(
        &state.db,
        &state.settings.server.public_url,
        state.settings.volunteers.clearance_grace_days,
        body.into_inner(),
    )
    .await
    .map_err(|e| e.in_language(crate::routes::public_applications::language(&req)))?;
    Ok(super::with_etag(HttpResponse::Created(), &v))
}

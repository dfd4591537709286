use actix_web::{HttpResponse, web};
use domain::agreement::{Agreement, AgreementInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Draft an agreement.
///
/// Staff and admin. From an approved application (`application_id`; its organization must be
/// the agreement's, else 422; not approved: 409 `application_not_approved`) or on its own.
/// The owner must be office staff, the signatory a contact of the partner.
#[utoipa::path(post, path = "/api/v1/agreements", tag = "agreements", request_body = AgreementInput,
    responses((status = 201, description = "The draft", body = Agreement,
        headers(("ETag" = String, description = "The version"),
            ("Location" = String, description = "The agreement's address")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<AgreementInput>,
) -> ApiResult<HttpResponse> {
    let a = services::agreements::create(&state.db, &auth, body.into_inner()).await?;
    let mut res = HttpResponse::Created();
    res.insert_header(("Location", format!("/api/v1/agreements/{}", a.id)));
    Ok(super::with_etag(res, &a))
}

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use domain::school::{School, SchoolInput};

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Add a school.
///
/// Admin and staff. The code must be unique (422 `duplicate` on `code` otherwise).
#[utoipa::path(post, path = "/api/v1/schools", tag = "schools", request_body = SchoolInput,
    responses((status = 201, description = "Created", body = School,
        headers(("ETag" = String, description = "The version"), ("Location" = String, description = "The new school's URL")))),
    security(("bearer" = [])))]
pub async fn create(
    state: web::Data<AppState>,
    auth: AuthUser,
    body: web::Json<SchoolInput>,
) -> ApiResult<HttpResponse> {
    let school = services::schools::add(&state.db, &(&auth).into(), body.into_inner()).await?;
    let mut res = HttpResponse::Created();
    res.insert_header((header::LOCATION, format!("/api/v1/schools/{}", school.id)));
    Ok(super::with_etag(res, &school))
}

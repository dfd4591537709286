use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
use actix_web::{HttpResponse, web};
use domain::AgreementId;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// Download a version of the agreement file.
///
/// Staff, admin, or the partner's own logins (coordinators: 403; an agreement you cannot see:
/// 404). Answers the file with its detected type, `ETag` = its SHA-256.
#[utoipa::path(get, path = "/api/v1/agreements/{id}/documents/{version}", tag = "agreements",
    params(("id" = AgreementId, Path, description = "The agreement's id"),
        ("version" = i32, Path, description = "The version, 1 for the first upload")),
    responses((status = 200, description = "The file", content_type = "application/octet-stream", body = Vec<u8>)),
    security(("bearer" = [])))]
pub async fn download_document(
    state: web::Data<AppState>,
    auth: AuthUser,
    path: web::Path<(AgreementId, i32)>,
) -> ApiResult<HttpResponse> {
    let (id, version) = path.into_inner();
    let (meta, bytes) =
        services::agreements::download(&state.db, state.documents.as_ref(), &auth, id, version)
            .await?;
    Ok(HttpResponse::Ok()
        .content_type(meta.content_type.as_str())
        .insert_header((header::ETAG, format!("\"{}\"", meta.sha256)))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(meta.filename)],
        })
        .body(bytes))
}

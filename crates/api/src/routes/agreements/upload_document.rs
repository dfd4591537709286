use actix_web::{HttpResponse, web};
use domain::AgreementId;
use domain::agreement::DocumentVersion;
use serde::Deserialize;

use crate::auth::AuthUser;
use crate::error::ApiResult;
use crate::services;
use crate::state::AppState;

/// The file's name, given in the query string.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct UploadQuery {
    /// The file's name, e.g. `mou-2026.pdf` (for downloads; the type is found from the content).
    pub filename: String,
}

/// Upload a version of the agreement file.
///
/// Staff, admin, or the partner's own logins. Send the file as the body (any
/// `Content-Type`); it must be a PDF or a Word .docx, recognized from its first bytes, not
/// its name (else 415). Larger than the configured limit (10 MB by default): 413. Each upload
/// is a new version with uploader, time, SHA-256 and size.
#[utoipa::path(post, path = "/api/v1/agreements/{id}/documents", tag = "agreements",
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The file"),
    params(("id" = AgreementId, Path, description = "The agreement's id"), UploadQuery),
    responses((status = 201, description = "The new version", body = DocumentVersion)),
    security(("bearer" = [])))]
pub async fn upload_document(
    state: web::Data<AppState>,
    auth: AuthUser,
    id: web::Path<AgreementId>,
    q: web::Query<UploadQuery>,
    payload: web::Payload,
) -> ApiResult<HttpResponse> {
    let body =
        super::super::read_body(payload, state.settings.storage.document_limit_bytes).await?;
    let v = services::agreements::upload(
        &state.db,
        state.documents.as_ref(),
        &auth,
        *id,
        &q.filename,
        body,
    )
    .await?;
    Ok(HttpResponse::Created().json(v))
}

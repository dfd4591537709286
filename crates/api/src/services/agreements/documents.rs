//! Agreement documents: uploads recognised by content, stored with their SHA-256, downloads.

use super::*;

/// File types accepted, decided from the content's first bytes.
pub(super) const ACCEPTED: [&str; 2] = [
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

/// What the content is, from its magic bytes (the name and the declared type are ignored).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    let t = infer::get(bytes)?.mime_type();
    ACCEPTED.into_iter().find(|a| *a == t)
}

pub(super) fn clean_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let s: String = base.chars().filter(|c| !c.is_control()).take(200).collect();
    if s.trim().is_empty() {
        "agreement".into()
    } else {
        s.trim().to_string()
    }
}

/// Stores a new version of the agreement file (staff, or the partner's own contacts).
pub async fn upload(
    db: &DatabaseConnection,
    store: &dyn DocumentStore,
    auth: &AuthUser,
    id: AgreementId,
    filename: &str,
    bytes: Vec<u8>,
) -> ApiResult<DocumentVersion> {
    let row = load_visible(db, auth, id).await?;
    staff_or_own_partner(auth, &row)?;
    document_unlocked(&row)?;
    let Some(content_type) = sniff(&bytes) else {
        return Err(ApiError::UnsupportedMediaType(
            "the file is not a PDF or a Word (.docx) document",
        ));
    };
    let sha256 = hex(&Sha256::digest(&bytes));
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    // Content-addressed: the key is the hash, so the same file is stored once.
    store.put(&sha256, bytes).await?;
    let txn = db::begin_write(db).await?;
    // Again inside the write: a send for signature may have happened meanwhile.
    document_unlocked(&repo::get(&txn, id).await.or_not_found("agreement")?)?;
    let name = clean_filename(filename);
    let v = repo::add_document(
        &txn,
        id,
        NewDocument {
            filename: &name,
            content_type,
            size_bytes: size,
            sha256: &sha256,
            storage_key: &sha256,
            uploaded_by: Some(auth.id),
        },
    )
    .await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "upload",
            from: None,
            to: None,
            note: Some(v.filename.clone()),
            effective_on: today(),
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Agreement,
        id,
        AuditAction::Upload,
        serde_json::json!({ "version": v.version, "sha256": v.sha256, "size": v.size_bytes }),
    )
    .await?;
    txn.commit().await?;
    Ok(v)
}

/// `409 document_locked` once signatures are requested: both parties sign one version.
pub(super) fn document_unlocked(row: &repo::Row) -> ApiResult<()> {
    if row.status.is_editable() {
        Ok(())
    } else {
        Err(ApiError::Conflict {
            code: ErrorCode::DocumentLocked,
            detail: "the file cannot change once signatures are requested; return the agreement \
                     to draft for a new version (and a new round of signatures)"
                .into(),
        })
    }
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// One version of the agreement file (staff, or the partner's own contacts).
pub async fn download(
    db: &DatabaseConnection,
    store: &dyn DocumentStore,
    auth: &AuthUser,
    id: AgreementId,
    version: i32,
) -> ApiResult<(DocumentVersion, Vec<u8>)> {
    let row = load_visible(db, auth, id).await?;
    staff_or_own_partner(auth, &row)?;
    let (meta, key) = repo::document(db, id, version)
        .await
        .or_not_found("document")?;
    let bytes = store.get(&key).await?;
    Ok((meta, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_are_recognized_by_content_not_name() {
        assert_eq!(
            sniff(include_bytes!("../../../tests/fixtures/mou.pdf")),
            Some("application/pdf")
        );
        assert_eq!(
            sniff(include_bytes!("../../../tests/fixtures/mou.docx")),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n0000000000000000"), None);
        assert_eq!(sniff(b"just text, named mou.pdf"), None);
    }

    #[test]
    fn file_names_lose_their_paths_and_control_characters() {
        assert_eq!(clean_filename("../../etc/mou.pdf"), "mou.pdf");
        assert_eq!(clean_filename("C:\\docs\\a\u{0}b.pdf"), "ab.pdf");
        assert_eq!(clean_filename("  "), "agreement");
    }
}

//! Registration from a phone, without an account.

use super::*;

/// Registers a volunteer: a volunteer login, the profile and a pending annual background check.
///
/// The answer never tells who has an account: an email that already has one gets the same
/// answer as a new registration, nothing is stored, and the address's owner is told by message
/// (sign in, or choose a new password). A filled-in honeypot also gets that answer.
pub async fn register(
    db: &DatabaseConnection,
    public_url: &str,
    grace_days: u32,
    mut req: VolunteerRegistration,
) -> ApiResult<Volunteer> {
    req.validate().map_err(|e| ApiError::validation(&e))?;
    req.email = req.email.trim().to_lowercase();
    if !req.fax_number.trim().is_empty() {
        tracing::warn!("volunteer honeypot filled in; dropped");
        return Ok(unstored(req));
    }
    for s in &req.school_ids {
        if schools::get(db, *s).await.is_err() {
            return Err(ApiError::invalid_field(
                "school_ids",
                "unknown",
                "One of the schools does not exist.",
            ));
        }
    }
    if let Some(o) = req.organization_id
        && organizations::get(db, o).await.is_err()
    {
        return Err(ApiError::invalid_field(
            "organization_id",
            "unknown",
            "No such partner organization.",
        ));
    }
    if users::find_by_email(db, &req.email).await?.is_some() {
        // The same work as a registration (a password hash), so the time does not tell either.
        password::hash_async(std::mem::take(&mut req.password)).await?;
        let (subject, body) =
            already_registered_message(public_url, req.preferred_language == "es");
        db::repo::applications::queue_message(
            db,
            "already_registered",
            &req.email,
            &subject,
            &body,
        )
        .await?;
        tracing::info!("registration with an address that has an account; owner told by message");
        return Ok(unstored(req));
    }
    let hash = password::hash_async(std::mem::take(&mut req.password)).await?;
    let txn = db::begin_write(db).await?;
    let user = users::create(
        &txn,
        users::NewUser {
            email: &req.email,
            display_name: req.name.trim(),
            role: Role::Volunteer,
            school_ids: &[],
            password_hash: hash,
            change_required: false,
        },
    )
    .await?;
    let row = repo::insert(&txn, user.id, &req).await?;
    let id = row.id;
    repo::add_clearance(
        &txn,
        id,
        &ClearanceInput {
            kind: ClearanceType::AnnualBackgroundCheck,
            status: ClearanceStatus::Pending,
            cleared_on: None,
            expires_on: None,
            reference: "registration".into(),
        },
        None,
    )
    .await?;
    // No names, emails or phones in the audit trail: the ids say who.
    audit::record(
        &txn,
        &Actor {
            user: Some(user.id),
            ..Actor::system()
        },
        AuditEntity::Volunteer,
        id,
        AuditAction::Register,
        serde_json::json!({ "kind": req.kind, "schools": req.school_ids }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(volunteer.id = %id, "volunteer registered");
    assemble(db, &row, grace_days).await
}

/// What a registration answers when nothing is stored: the shape of a new registration.
pub(super) fn unstored(req: VolunteerRegistration) -> Volunteer {
    let now = Utc::now();
    Volunteer {
        id: VolunteerId::new(),
        user_id: UserId::new(),
        name: req.name.trim().to_string(),
        email: req.email,
        phone: req.phone,
        preferred_language: req.preferred_language,
        kind: req.kind,
        organization_id: req.organization_id,
        school_ids: req.school_ids,
        interests: req.interests,
        availability: req.availability,
        parent_leader: false,
        parent_leader_role: None,
        parent_leader_roles: vec![],
        ended: None,
        clearances: vec![domain::volunteer::Clearance {
            id: domain::ClearanceId::new(),
            kind: ClearanceType::AnnualBackgroundCheck,
            status: ClearanceStatus::Pending,
            cleared_on: None,
            expires_on: None,
            reference: "registration".into(),
            recorded_by: None,
            recorded_at: now,
        }],
        standing: Standing::Pending,
        version: 1,
        created_at: now,
    }
}

/// The message to the owner of an address that someone registered again.
pub(super) fn already_registered_message(public_url: &str, spanish: bool) -> (String, String) {
    let base = public_url.trim_end_matches('/');
    if spanish {
        (
            "Ya tiene una cuenta de PartnerHub".into(),
            format!(
                "Alguien (quizás usted) intentó registrarse como voluntario con este correo, \
                 que ya tiene una cuenta de PartnerHub. Inicie sesión en {base}/login; si olvidó \
                 su contraseña, elija una nueva en {base}/forgot-password. Si no fue usted, \
                 ignore este mensaje: no se cambió nada."
            ),
        )
    } else {
        (
            "You already have a PartnerHub account".into(),
            format!(
                "Someone (perhaps you) tried to register as a volunteer with this email address, \
                 which already has a PartnerHub account. Sign in at {base}/login; if you forgot \
                 your password, choose a new one at {base}/forgot-password. If it was not you, \
                 ignore this message: nothing was changed."
            ),
        )
    }
}

//! The office's process: steps with their gates, vetting and planning answers, formal-process
//! sub-tasks, owners and notes.

use super::*;

/// Takes a step of the process (staff), checking the gates of each step.
pub async fn transition(
    db: &DatabaseConnection,
    public_url: &str,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: TransitionRequest,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if row.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let app = assemble(&txn, &row).await?;
    let from = app.status;
    let to = intake::next_status(from, req.action, intake::Actor::Staff, req.note.as_deref())
        .map_err(step_error)?;
    let mut note = req
        .note
        .clone()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty());
    match req.action {
        ApplicationAction::StartPlanning => {
            let unmet: Vec<_> = app
                .vetting
                .iter()
                .filter(|c| c.answer != CheckAnswer::Yes)
                .map(|c| c.criterion.as_str())
                .collect();
            if !unmet.is_empty() {
                if !req.override_criteria {
                    return Err(ApiError::Conflict {
                        code: ErrorCode::CriteriaNotMet,
                        detail: format!(
                            "every eligibility criterion must be confirmed first; open: {}",
                            unmet.join(", ")
                        ),
                    });
                }
                if auth.role != Role::Admin {
                    return Err(ApiError::Forbidden);
                }
                let why = note.clone().unwrap_or_default();
                note = Some(
                    format!(
                        "Admin override of unconfirmed criteria ({}). {why}",
                        unmet.join(", ")
                    )
                    .trim()
                    .to_string(),
                );
            }
        }
        ApplicationAction::StartFormalizing => {
            let open: Vec<_> = app
                .planning
                .iter()
                .filter(|p| p.applies && p.answer != CheckAnswer::Yes)
                .map(|p| p.item.as_str())
                .collect();
            if !open.is_empty() {
                return Err(ApiError::Conflict {
                    code: ErrorCode::PlanningIncomplete,
                    detail: format!(
                        "every applicable planning item must be done first; open: {}",
                        open.join(", ")
                    ),
                });
            }
            for r in &app.routing {
                if !app.subtasks.iter().any(|s| s.process == r.process) {
                    repo::put_subtask(
                        &txn,
                        id,
                        &Subtask {
                            process: r.process,
                            status: SubtaskStatus::Open,
                            owner_id: app.owner_id,
                            note: String::new(),
                        },
                    )
                    .await?;
                }
            }
        }
        ApplicationAction::Approve => {
            let open: Vec<_> = app
                .routing
                .iter()
                .filter(|r| {
                    !app.subtasks
                        .iter()
                        .any(|s| s.process == r.process && s.status.is_settled())
                })
                .map(|r| r.process.as_str())
                .collect();
            if !open.is_empty() {
                return Err(ApiError::Conflict {
                    code: ErrorCode::SubtasksOpen,
                    detail: format!(
                        "every formal process must be done (or not needed) first; open: {}",
                        open.join(", ")
                    ),
                });
            }
            let Some(org) = app.organization_id else {
                return Err(ApiError::Conflict {
                    code: ErrorCode::OrganizationMatchPending,
                    detail: "confirm the possible match with an existing organization, or create \
                             a new one, before approving"
                        .into(),
                });
            };
            organizations::set_status(&txn, org, OrganizationStatus::ActivePartner).await?;
            offers_from_answers(&txn, auth, id, org, &app.form.program).await?;
        }
        _ => {}
    }
    let message = (req.action == ApplicationAction::ReturnForInformation)
        .then(|| note.clone().unwrap_or_default());
    repo::set_status(&txn, id, version, to, message.clone(), false).await?;
    if let Some(m) = &message {
        // A fresh link: the old one is not stored in a readable form.
        let token = new_token();
        repo::set_resume_token(&txn, id, hash_token(&token), link_expiry()).await?;
        queue_resume_link(&txn, public_url, &app.form, &token, Some(m)).await?;
    }
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: req.action.as_str(),
            from: Some(from),
            to: Some(to),
            note: note.clone(),
            staff_only: false,
        },
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Application,
        id,
        req.action,
        serde_json::json!({ "status": { "before": from, "after": to }, "note": note }),
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

/// The offers an approved application's answers make (`domain::offers::from_application`),
/// recorded as the approver's, each audited with the application it came from.
async fn offers_from_answers(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    application: ApplicationId,
    org: domain::OrganizationId,
    program: &domain::application::ProposedProgram,
) -> ApiResult<()> {
    for input in domain::offers::from_application(org, program) {
        let row = db::repo::offers::insert(db, auth.id, &input).await?;
        let mut changes = audit::created(&serde_json::to_value(&input).unwrap_or_default());
        changes["from_application"] = serde_json::json!(application);
        audit::record(
            db,
            &Actor::from(auth),
            AuditEntity::Offer,
            row.id,
            AuditAction::Create,
            changes,
        )
        .await?;
    }
    Ok(())
}

/// Answers a vetting criterion (while submitted or vetting) or a planning item (while planning).
pub async fn answer_check(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    item: &str,
    req: ChecklistAnswer,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    let status = row.status;
    let form = repo::form_of(&row)?;
    if let Some(c) = EligibilityCriterion::parse(item) {
        if !matches!(
            status,
            ApplicationStatus::Submitted | ApplicationStatus::Vetting
        ) {
            return Err(ApiError::Conflict {
                code: ErrorCode::WrongStep,
                detail: "eligibility criteria are answered while vetting".into(),
            });
        }
        if req.answer == CheckAnswer::NotApplicable {
            return Err(ApiError::invalid_field(
                "answer",
                "invalid",
                "Every eligibility criterion applies.",
            ));
        }
        let _ = c;
    } else if let Some(p) = PlanningItem::parse(item) {
        if status != ApplicationStatus::Planning {
            return Err(ApiError::Conflict {
                code: ErrorCode::WrongStep,
                detail: "planning items are answered while planning".into(),
            });
        }
        let (applies, _) = intake::planning_item_applies(p, &effective_answers(&form));
        if !applies && req.answer != CheckAnswer::NotApplicable {
            return Err(ApiError::invalid_field(
                "answer",
                "not_applicable",
                "This item does not apply to this program.",
            ));
        }
    } else {
        return Err(ApiError::NotFound("checklist item"));
    }
    repo::touch(&txn, id, version).await?;
    repo::set_check(&txn, id, item, req.answer, &req.note, auth.id).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "checklist",
            from: None,
            to: None,
            note: Some(format!("{item}: {}", req.answer.as_str())),
            staff_only: true,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

/// Updates a formal-process sub-task (while formalizing).
pub async fn update_subtask(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    process: FormalProcess,
    req: SubtaskUpdate,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if row.status != ApplicationStatus::Formalizing {
        return Err(ApiError::Conflict {
            code: ErrorCode::WrongStep,
            detail: "sub-tasks are worked on while formalizing".into(),
        });
    }
    if !repo::subtasks(&txn, id)
        .await?
        .iter()
        .any(|s| s.process == process)
    {
        return Err(ApiError::NotFound("sub-task"));
    }
    if let Some(owner) = req.owner_id {
        check_staff(&txn, owner).await?;
    }
    repo::touch(&txn, id, version).await?;
    repo::put_subtask(
        &txn,
        id,
        &Subtask {
            process,
            status: req.status,
            owner_id: req.owner_id,
            note: req.note.clone(),
        },
    )
    .await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "subtask",
            from: None,
            to: None,
            note: Some(format!("{}: {}", process.as_str(), req.status.as_str())),
            staff_only: true,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

pub(super) async fn check_staff(db: &impl ConnectionTrait, user: domain::UserId) -> ApiResult<()> {
    match users::get(db, user).await {
        Ok(a) if matches!(a.user.role, Role::Admin | Role::Staff) => Ok(()),
        _ => Err(ApiError::invalid_field(
            "owner_id",
            "unknown",
            "The owner must be a member of the office staff.",
        )),
    }
}

/// Assigns the staff owner and the collaborating department.
pub async fn assign(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: Assignment,
) -> ApiResult<Application> {
    office(auth)?;
    let txn = db::begin_write(db).await?;
    let row = load_visible(&txn, auth, id).await?;
    if let Some(owner) = req.owner_id {
        check_staff(&txn, owner).await?;
    }
    if let Some(school) = req.collaborating_school_id
        && schools::get(&txn, school).await.is_err()
    {
        return Err(ApiError::invalid_field(
            "collaborating_school_id",
            "unknown",
            "No such school.",
        ));
    }
    repo::set_assignment(
        &txn,
        id,
        version,
        req.owner_id,
        req.collaborating_department.trim(),
        req.collaborating_school_id,
    )
    .await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Application,
        id,
        AuditAction::Assign,
        serde_json::json!({
            "owner_id": { "before": row.owner_id, "after": req.owner_id },
            "collaborating_department": { "before": row.collaborating_department,
                "after": req.collaborating_department.trim() },
            "collaborating_school_id": { "before": row.collaborating_school_id,
                "after": req.collaborating_school_id },
        }),
    )
    .await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "assign",
            from: None,
            to: None,
            note: None,
            staff_only: true,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

/// Adds a note (staff-only unless said otherwise).
pub async fn add_note(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: ApplicationId,
    version: i32,
    req: NewNote,
) -> ApiResult<Application> {
    office(auth)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    load_visible(&txn, auth, id).await?;
    repo::touch(&txn, id, version).await?;
    repo::add_history(
        &txn,
        id,
        NewHistory {
            actor: Some(auth.id),
            action: "note",
            from: None,
            to: None,
            note: Some(req.text.trim().into()),
            staff_only: req.staff_only,
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("application")?;
    assemble(db, &row).await
}

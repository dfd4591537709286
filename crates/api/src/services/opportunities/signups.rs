//! Signing up for an opportunity: the clearance gate, the waiting list, cancelling, the roster.

use super::*;

pub(super) fn signup_view(row: &SignupRow, queue: &[SignupRow], name: String) -> ApiResult<Signup> {
    let status = row.status;
    Ok(Signup {
        id: row.id,
        opportunity_id: row.opportunity_id,
        volunteer_id: row.volunteer_id,
        volunteer_name: name,
        status,
        waitlist_position: if status == SignupStatus::Waitlisted {
            position_in(queue, row.id)
        } else {
            None
        },
        created_at: row.queued_at,
    })
}

/// The volunteer's profile (not ended) and clearance standing today, refused with a stable code
/// when they may not serve.
pub async fn require_clearance(
    db: &impl ConnectionTrait,
    v: VolunteerId,
    grace_days: u32,
) -> ApiResult<()> {
    let today = Utc::now().date_naive();
    crate::services::volunteers::require_not_ended(&volunteers::get(db, v).await?, today)?;
    let standing =
        vrules::serving_standing(&volunteers::clearances(db, v).await?, today, grace_days);
    match standing.refusal() {
        None => Ok(()),
        Some((code, message)) => Err(ApiError::Conflict {
            code,
            detail: message.into(),
        }),
    }
}

/// A volunteer signs up: a slot if one is free, otherwise the end of the waitlist.
pub async fn sign_up(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OpportunityId,
    req: SignupRequest,
    grace_days: u32,
) -> ApiResult<Signup> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    let me = caller_volunteer(db, auth)
        .await?
        .ok_or(ApiError::NotFound("volunteer"))?;
    let txn = db::begin_write(db).await?;
    let opp = repo::lock(&txn, id).await.or_not_found("opportunity")?;
    if opp.status == OpportunityStatus::Cancelled {
        return Err(ApiError::Conflict {
            code: ErrorCode::OpportunityCancelled,
            detail: format!(
                "this opportunity was cancelled: {}",
                opp.cancel_reason.as_deref().unwrap_or("")
            ),
        });
    }
    if opp.last_at < Utc::now() {
        return Err(ApiError::Conflict {
            code: ErrorCode::OpportunityPast,
            detail: "This opportunity has already taken place.".into(),
        });
    }
    if let Some(age) = opp.minimum_age
        && !req.confirms_minimum_age
    {
        return Err(ApiError::invalid_field(
            "confirms_minimum_age",
            "required",
            &format!("Confirm that you are at least {age} years old."),
        ));
    }
    if opp.clearance_required {
        require_clearance(&txn, me, grace_days).await?;
    }
    let existing = repo::signup_of(&txn, id, me).await?;
    if let Some(s) = &existing
        && s.status != SignupStatus::Cancelled
    {
        return Err(ApiError::Conflict {
            code: ErrorCode::AlreadySignedUp,
            detail: "You are already signed up for this opportunity.".into(),
        });
    }
    let queue = repo::queue(&txn, id).await?;
    let confirmed = queue
        .iter()
        .filter(|s| s.status == SignupStatus::Confirmed)
        .count() as u32;
    let waitlisted = queue.len() as u32 - confirmed;
    let status = match vrules::next_place(u32_of(opp.slots), confirmed, waitlisted) {
        SignupPlace::Confirmed => SignupStatus::Confirmed,
        SignupPlace::Waitlisted(_) => SignupStatus::Waitlisted,
    };
    let row = repo::enqueue(&txn, id, me, status, existing).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Signup,
        row.id,
        AuditAction::SignUp,
        serde_json::json!({ "opportunity": id, "volunteer": me, "status": status }),
    )
    .await?;
    let queue = repo::queue(&txn, id).await?;
    txn.commit().await?;
    let name = volunteers::names_of(db, &[auth.id])
        .await?
        .remove(&auth.id)
        .unwrap_or_default();
    signup_view(&row, &queue, name)
}

/// Cancels a sign-up: the volunteer their own, a coordinator of the school or staff any. The
/// freed slot goes to the first on the waitlist.
pub async fn cancel_signup(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: SignupId,
    req: CancelRequest,
) -> ApiResult<Signup> {
    // Roles that may never cancel one are told so before anything is looked up.
    if auth.role != Role::Volunteer {
        auth.require(Permission::ManageOpportunities)?;
    }
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let row = repo::signup(db, id).await.or_not_found("signup")?;
    let opp_id = row.opportunity_id;
    if auth.role == Role::Volunteer {
        let me = caller_volunteer(db, auth).await?;
        if me != Some(row.volunteer_id) {
            return Err(ApiError::NotFound("signup"));
        }
    } else {
        let opp = repo::get(db, opp_id).await.or_not_found("opportunity")?;
        require_school(auth, opp.school_id)?;
    }
    let txn = db::begin_write(db).await?;
    let opp = repo::lock(&txn, opp_id).await.or_not_found("opportunity")?;
    let row = repo::signup(&txn, id).await.or_not_found("signup")?;
    let to = rules::next_signup_status(row.status, SignupAction::Cancel)
        .map_err(ApiError::transition)?;
    let reason = req.reason.trim();
    let row = repo::set_signup_status(&txn, id, to, (!reason.is_empty()).then_some(reason)).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Signup,
        id,
        AuditAction::Cancel,
        serde_json::json!({ "opportunity": opp_id, "volunteer": row.volunteer_id,
                "reason": reason }),
    )
    .await?;
    if opp.status == OpportunityStatus::Open {
        fill_free_slots(&txn, auth, opp_id, u32_of(opp.slots)).await?;
    }
    txn.commit().await?;
    let name = volunteers::display_names(db, &[row.volunteer_id])
        .await?
        .remove(&row.volunteer_id)
        .unwrap_or_default();
    signup_view(&row, &[], name)
}

/// The roster: confirmed first, then the waitlist in order (coordinators of the school, staff).
pub async fn roster(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OpportunityId,
) -> ApiResult<Vec<Signup>> {
    let opp = repo::get(db, id).await.or_not_found("opportunity")?;
    require_school(auth, opp.school_id)?;
    let queue = repo::queue(db, id).await?;
    let names = volunteers::display_names(
        db,
        &queue.iter().map(|s| s.volunteer_id).collect::<Vec<_>>(),
    )
    .await?;
    let mut out = queue
        .iter()
        .map(|s| {
            signup_view(
                s,
                &queue,
                names.get(&s.volunteer_id).cloned().unwrap_or_default(),
            )
        })
        .collect::<ApiResult<Vec<_>>>()?;
    out.sort_by_key(|s| (s.status != SignupStatus::Confirmed, s.waitlist_position));
    Ok(out)
}

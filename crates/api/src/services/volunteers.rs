//! Volunteers: self-registration (a volunteer login, a profile and a pending clearance), the
//! profile with its clearance ledger and today's standing, scoped lists, and clearance
//! decisions recorded by staff. The rules live in `domain::volunteer`.

use chrono::Utc;
use db::repo::audit::{self as audit, NewAuditEvent};
use db::repo::volunteers::{self as repo, Scope};
use db::repo::{organizations, schools, users};
use domain::audit::AuditEntity;
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::volunteer::{
    self as rules, Badge, BadgeCheck, BadgeRevocation, ClearanceInput, ClearanceStatus,
    ClearanceType, DuplicateGroup, MergeRequest, ParentLeaderInput, Standing, Volunteer,
    VolunteerQuery, VolunteerRegistration, VolunteerSummary,
};
use domain::{Permission, Role, UserId, VolunteerId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::tokens::TokenKeys;
use crate::auth::{AuthUser, password};
use crate::error::{ApiError, ApiResult, OrNotFound};

async fn assemble(
    db: &impl ConnectionTrait,
    row: &repo::Row,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    let id = VolunteerId(row.id);
    let account = users::get(db, UserId(row.user_id)).await?;
    let clearances = repo::clearances(db, id).await?;
    Ok(Volunteer {
        id,
        user_id: account.user.id,
        name: account.user.display_name,
        email: account.user.email,
        phone: row.phone.clone(),
        preferred_language: row.preferred_language.clone(),
        kind: repo::kind_of(row)?,
        organization_id: repo::organization(row),
        school_ids: repo::schools(db, id).await?,
        interests: repo::interests(db, id).await?,
        availability: row.availability.clone(),
        parent_leader: row.parent_leader,
        parent_leader_role: row.parent_leader_role.clone(),
        parent_leader_roles: repo::roles(db, id).await?,
        ended: repo::ended(row),
        standing: rules::serving_standing(&clearances, Utc::now().date_naive(), grace_days),
        clearances,
        version: row.version,
        created_at: row.created_at,
    })
}

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
    let id = VolunteerId(row.id);
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
        NewAuditEvent {
            actor: Some(user.id),
            action: "register",
            entity: AuditEntity::Volunteer,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "kind": req.kind, "schools": req.school_ids }),
            request_id: None,
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(volunteer.id = %id, "volunteer registered");
    assemble(db, &row, grace_days).await
}

/// What a registration answers when nothing is stored: the shape of a new registration.
fn unstored(req: VolunteerRegistration) -> Volunteer {
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
fn already_registered_message(public_url: &str, spanish: bool) -> (String, String) {
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

/// Keeps the profile's last day of clearance (what the dashboard's "registered" counts) in step
/// with the ledger; call in the transaction that changed the ledger.
pub async fn keep_cleared_until(db: &impl ConnectionTrait, id: VolunteerId) -> ApiResult<()> {
    let today = Utc::now().date_naive();
    let until = match rules::serving_standing(&repo::clearances(db, id).await?, today, 0) {
        // Without an end date: far in the future, and storable in every database.
        Standing::Current { until, .. } => {
            Some(until.min(chrono::NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(until)))
        }
        Standing::InGrace { expired_on, .. } | Standing::Expired { expired_on } => Some(expired_on),
        Standing::Pending | Standing::Denied | Standing::Missing => None,
    };
    repo::set_cleared_until(db, id, until).await?;
    Ok(())
}

fn scope(auth: &AuthUser) -> ApiResult<Scope> {
    auth.require(Permission::ReadVolunteers)?;
    Ok(if auth.role == Role::SchoolCoordinator {
        Scope::Schools(auth.school_ids.clone())
    } else {
        Scope::All
    })
}

/// The signed-in volunteer's own profile.
pub async fn me(db: &DatabaseConnection, auth: &AuthUser, grace_days: u32) -> ApiResult<Volunteer> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    let row = repo::by_user(db, auth.id).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}

/// One profile: the volunteer themself, staff, or a coordinator of one of their schools.
/// Anyone else gets 404 (a volunteer asking for another) or 403 (roles without access).
pub async fn get(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    if auth.role == Role::Volunteer {
        if row.user_id != auth.id.0 {
            return Err(ApiError::NotFound("volunteer"));
        }
    } else if !repo::in_scope(db, id, &scope(auth)?).await? {
        return Err(ApiError::NotFound("volunteer"));
    }
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}

/// The profile as the caller may read it: the clearance ledger (decisions, denials, external
/// screening references) is for the office and the volunteer; a coordinator sees the standing.
fn as_seen_by(mut v: Volunteer, auth: &AuthUser) -> Volunteer {
    if !auth.role.can(Permission::ManageVolunteers) && v.user_id != auth.id {
        v.clearances.clear();
    }
    v
}

/// A page of volunteers the caller may see.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &VolunteerQuery,
) -> ApiResult<Page<VolunteerSummary>> {
    let s = scope(auth)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(db, q, &s, super::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// Records a clearance decision (staff).
pub async fn record_clearance(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: ClearanceInput,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    repo::get(&txn, id).await.or_not_found("volunteer")?;
    repo::touch(&txn, id, version).await?;
    repo::add_clearance(&txn, id, &input, Some(auth.id)).await?;
    keep_cleared_until(&txn, id).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: "record_clearance",
            entity: AuditEntity::Volunteer,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "kind": input.kind, "status": input.status,
                "cleared_on": input.cleared_on, "expires_on": input.expires_on }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}

/// Flags or unflags a parent leader: a coordinator of one of the volunteer's schools (another
/// school's volunteer: 404) or staff. Flagging starts a dated role (a new role name ends the one
/// held and starts it on the same day); unflagging ends it, on `on` (default today). Audited
/// with the role and the day.
pub async fn flag_parent_leader(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: ParentLeaderInput,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::FlagParentLeaders)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let today = Utc::now().date_naive();
    let on = input.on.unwrap_or(today);
    let txn = db::begin_write(db).await?;
    let row = repo::get(&txn, id).await.or_not_found("volunteer")?;
    if !repo::in_scope(&txn, id, &scope(auth)?).await? {
        return Err(ApiError::NotFound("volunteer"));
    }
    if row.ended_on.is_some() && input.parent_leader {
        return Err(ended_conflict());
    }
    let open = repo::open_role(&txn, id).await?;
    let change = rules::role_change(open.as_ref(), &input, on, today)
        .map_err(|(field, msg)| ApiError::invalid_field(field, "invalid", msg))?;
    match &change {
        rules::RoleChange::Start(role) => {
            repo::start_role(&txn, id, role, on, Some(auth.id)).await?;
        }
        rules::RoleChange::Replace(role) => {
            repo::end_roles(&txn, id, on).await?;
            repo::start_role(&txn, id, role, on, Some(auth.id)).await?;
        }
        rules::RoleChange::End => repo::end_roles(&txn, id, on).await?,
        rules::RoleChange::Unchanged => {}
    }
    let role = repo::open_role(&txn, id).await?.map(|r| r.role);
    repo::set_parent_leader(&txn, id, version, role.as_deref()).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: if input.parent_leader {
                "flag_parent_leader"
            } else {
                "unflag_parent_leader"
            },
            entity: AuditEntity::Volunteer,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "parent_leader": input.parent_leader, "role": role,
                "on": on, "changed": change != rules::RoleChange::Unchanged }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}

fn ended_conflict() -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::VolunteerEnded,
        detail: "This volunteer profile has ended. Office staff can reinstate it.".into(),
    }
}

/// Refuses what only a current volunteer may do (sign up, check in, log hours after the day
/// they left).
pub fn require_not_ended(row: &repo::Row, day: chrono::NaiveDate) -> ApiResult<()> {
    match row.ended_on {
        Some(end) if day >= end => Err(ended_conflict()),
        _ => Ok(()),
    }
}

/// Ends a profile: the volunteer left the program on `on`. From that day they are not counted
/// as registered, active or a parent leader (the roles they held end that day), they cannot
/// sign up or check in, and their hours stay in the history. Staff end any profile; the
/// volunteer ends their own (today). Audited with who and why.
async fn end(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: Option<i32>,
    on: chrono::NaiveDate,
    reason: String,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    let today = Utc::now().date_naive();
    let txn = db::begin_write(db).await?;
    let row = repo::get(&txn, id).await.or_not_found("volunteer")?;
    rules::end_profile(
        repo::ended(&row).as_ref(),
        on,
        row.created_at.date_naive(),
        today,
    )
    .map_err(|e| match e {
        rules::ProfileRefusal::AlreadyEnded => ApiError::Conflict {
            code: ErrorCode::VolunteerAlreadyEnded,
            detail: "This volunteer profile has ended already.".into(),
        },
        rules::ProfileRefusal::Day((field, msg)) => ApiError::invalid_field(field, "invalid", msg),
    })?;
    if db::repo::hours::open_visit(&txn, id).await?.is_some() {
        return Err(ApiError::Conflict {
            code: ErrorCode::CheckedIn,
            detail: "The volunteer is checked in right now; check them out first.".into(),
        });
    }
    let end = domain::volunteer::ProfileEnd {
        ended_on: on,
        reason,
        ended_by: Some(auth.id),
    };
    repo::end_roles(&txn, id, on).await?;
    let version = version.unwrap_or(row.version);
    repo::set_end(&txn, id, version, Some(&end)).await?;
    repo::set_parent_leader(&txn, id, version + 1, None).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: if auth.role == Role::Volunteer {
                "stop_volunteering"
            } else {
                "end_profile"
            },
            entity: AuditEntity::Volunteer,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "ended_on": on, "reason": end.reason }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}

/// Office staff end a volunteer's profile (see [`end`]).
pub async fn end_profile(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: domain::volunteer::EndProfile,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let on = input.on.unwrap_or_else(|| Utc::now().date_naive());
    end(
        db,
        auth,
        id,
        Some(version),
        on,
        input.reason.trim().into(),
        grace_days,
    )
    .await
}

/// A volunteer stops volunteering, today (see [`end`]).
pub async fn stop_volunteering(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: domain::volunteer::StopVolunteering,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let row = repo::by_user(db, auth.id).await.or_not_found("volunteer")?;
    let reason = match input.reason.trim() {
        "" => "Stopped volunteering".to_string(),
        r => r.to_string(),
    };
    let id = VolunteerId(row.id);
    end(
        db,
        auth,
        id,
        None,
        Utc::now().date_naive(),
        reason,
        grace_days,
    )
    .await
}

/// Office staff take back a profile's end (a mistake, or the volunteer returns): counted again
/// from today's records; the end stays in the audit trail. Their parent-leader roles stay ended.
pub async fn reinstate(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: domain::volunteer::Reinstate,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let row = repo::get(&txn, id).await.or_not_found("volunteer")?;
    let Some(was) = repo::ended(&row) else {
        return Err(ApiError::Conflict {
            code: ErrorCode::VolunteerNotEnded,
            detail: "This volunteer profile has not ended.".into(),
        });
    };
    repo::set_end(&txn, id, version, None).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: "reinstate_profile",
            entity: AuditEntity::Volunteer,
            entity_id: id.to_string(),
            changes: serde_json::json!({ "was_ended_on": was.ended_on,
                "was_reason": was.reason, "reason": input.reason.trim() }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    Ok(as_seen_by(assemble(db, &row, grace_days).await?, auth))
}

/// Revokes every badge the volunteer was issued (a lost or stolen badge): they stop checking
/// out at once; the volunteer's page shows a new one. Office staff; audited with the reason.
pub async fn revoke_badges(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: VolunteerId,
    version: i32,
    input: BadgeRevocation,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = repo::get(&txn, id).await.or_not_found("volunteer")?;
    repo::revoke_badges(&txn, id, version).await?;
    audit::record(
        &txn,
        NewAuditEvent {
            actor: Some(auth.id),
            action: "revoke_badges",
            entity: AuditEntity::Volunteer,
            entity_id: id.to_string(),
            changes: serde_json::json!({
                "badge_version": { "before": before.badge_version, "after": before.badge_version + 1 },
                "reason": input.reason.trim(),
            }),
            request_id: auth.request_id.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    tracing::info!(volunteer.id = %id, "volunteer badges revoked");
    let row = repo::get(db, id).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}

/// The signed-in volunteer's badge: name, today's standing and a QR code of the address where
/// anyone at a school can check it.
pub async fn badge(
    db: &DatabaseConnection,
    auth: &AuthUser,
    keys: &TokenKeys,
    public_url: &str,
    grace_days: u32,
) -> ApiResult<Badge> {
    if auth.role != Role::Volunteer {
        return Err(ApiError::Forbidden);
    }
    let row = repo::by_user(db, auth.id).await.or_not_found("volunteer")?;
    let v = assemble(db, &row, grace_days).await?;
    let token = keys.badge(v.id, row.badge_version)?;
    let verify_url = format!("{}/badge/{token}", public_url.trim_end_matches('/'));
    Ok(Badge {
        volunteer_id: v.id,
        token,
        name: v.name,
        standing: v.standing,
        qr_svg: crate::qr::svg(&verify_url)?,
        verify_url,
    })
}

/// What a scanned badge shows: the name as on a badge and whether they may serve today (never
/// why not: a denial is nobody's business at the front desk). A token that is not one of ours,
/// or names no volunteer, is a 404.
pub async fn check_badge(
    db: &DatabaseConnection,
    keys: &TokenKeys,
    token: &str,
    grace_days: u32,
) -> ApiResult<BadgeCheck> {
    let (id, version) = keys
        .badge_subject(token)
        .ok_or(ApiError::NotFound("badge"))?;
    let row = repo::get(db, id).await.or_not_found("badge")?;
    // A revoked badge (lost, stolen) is no badge at all.
    if version != row.badge_version {
        return Err(ApiError::NotFound("badge"));
    }
    let account = users::get(db, UserId(row.user_id)).await?;
    let today = Utc::now().date_naive();
    let standing = rules::serving_standing(&repo::clearances(db, id).await?, today, grace_days);
    let active = account.user.status == domain::user::UserStatus::Active;
    let valid_through = match standing {
        Standing::Current { until, .. } => Some(until),
        Standing::InGrace { grace_until, .. } => Some(grace_until),
        _ => None,
    }
    .filter(|_| active);
    Ok(BadgeCheck {
        name: rules::badge_name(&account.user.display_name),
        may_serve: active && standing.may_serve(),
        valid_through,
        checked_on: today,
    })
}

/// Queues a renewal reminder, in the volunteer's language, for every clearance ending within
/// the renewal window (`RENEWAL_WINDOW_DAYS`) of `today` — once per volunteer and expiry date,
/// however often it runs. Answers how many were queued.
pub async fn remind_renewals(db: &DatabaseConnection, today: chrono::NaiveDate) -> ApiResult<u32> {
    let last = today + chrono::Days::new(rules::RENEWAL_WINDOW_DAYS.unsigned_abs());
    let mut queued = 0;
    for row in repo::clearances_ending(db, today, last).await? {
        let Some(until) = row.cleared_until else {
            continue;
        };
        let txn = db::begin_write(db).await?;
        if !repo::raise_renewal_reminder(&txn, VolunteerId(row.id), until).await? {
            txn.rollback().await?;
            continue;
        }
        let account = users::get(&txn, UserId(row.user_id)).await?;
        let (subject, body) = if row.preferred_language == "es" {
            (
                format!("Renueve su autorización de voluntario antes del {until}"),
                format!(
                    "Su autorización de voluntario vence el {until}. Renueve su registro para \
                     seguir inscribiéndose en oportunidades: /volunteer/me"
                ),
            )
        } else {
            (
                format!("Renew your volunteer clearance before {until}"),
                format!(
                    "Your volunteer clearance expires on {until}. Renew your registration to keep \
                     signing up for opportunities: /volunteer/me"
                ),
            )
        };
        db::repo::applications::queue_message(
            &txn,
            "clearance_renewal",
            &account.user.email,
            &subject,
            &body,
        )
        .await?;
        txn.commit().await?;
        queued += 1;
    }
    Ok(queued)
}

/// Profiles that are likely one person: the same name and phone number (the same email cannot
/// register twice). Staff.
pub async fn duplicates(
    db: &DatabaseConnection,
    auth: &AuthUser,
) -> ApiResult<Vec<DuplicateGroup>> {
    auth.require(Permission::ManageVolunteers)?;
    let mut groups: std::collections::BTreeMap<(String, String), Vec<uuid::Uuid>> =
        Default::default();
    for (id, name, phone) in repo::name_phone_keys(db).await? {
        let phone = rules::phone_key(&phone);
        if name.is_empty() || phone.is_empty() {
            continue;
        }
        groups.entry((name, phone)).or_default().push(id);
    }
    let groups: Vec<Vec<uuid::Uuid>> = groups.into_values().filter(|ids| ids.len() > 1).collect();
    // One read for every group's profiles.
    let mut lines: std::collections::HashMap<uuid::Uuid, VolunteerSummary> =
        repo::summaries(db, &groups.concat())
            .await?
            .into_iter()
            .map(|v| (v.id.0, v))
            .collect();
    let mut out: Vec<DuplicateGroup> = groups
        .into_iter()
        .map(|mut ids| {
            ids.sort();
            DuplicateGroup {
                why: "same_name_and_phone".into(),
                volunteers: ids.iter().filter_map(|id| lines.remove(id)).collect(),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        let first = |g: &DuplicateGroup| g.volunteers.first().map(|v| v.created_at);
        first(a).cmp(&first(b))
    });
    Ok(out)
}

/// Folds a duplicate profile into `keep` (staff), in one transaction: hours, sign-ups,
/// clearances, schools and interests move; the summaries are counted again for the school
/// years touched; a parent-leader flag carries over; the duplicate profile is removed and its
/// login deactivated (its sessions end). A second sign-up for the same opportunity keeps the
/// better one (a freed slot goes to the waitlist). Audited on both profiles.
pub async fn merge(
    db: &DatabaseConnection,
    auth: &AuthUser,
    keep: VolunteerId,
    version: i32,
    req: MergeRequest,
    grace_days: u32,
) -> ApiResult<Volunteer> {
    auth.require(Permission::ManageVolunteers)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let dup = req.duplicate_id;
    if dup == keep {
        return Err(ApiError::invalid_field(
            "duplicate_id",
            "same",
            "Choose another profile: a profile cannot be merged into itself.",
        ));
    }
    let txn = db::begin_write(db).await?;
    let k = repo::get(&txn, keep).await.or_not_found("volunteer")?;
    let d = repo::get(&txn, dup).await.or_not_found("volunteer")?;
    if db::repo::hours::open_visit(&txn, keep).await?.is_some()
        && db::repo::hours::open_visit(&txn, dup).await?.is_some()
    {
        return Err(ApiError::Conflict {
            code: ErrorCode::BothCheckedIn,
            detail: "Both profiles are checked in right now; check one out first.".into(),
        });
    }
    repo::touch(&txn, keep, version).await?;
    let school_year = db::repo::volunteer_totals::counting_year(&txn).await?;
    let moved = db::repo::volunteer_merge::move_all(&txn, keep, dup, school_year).await?;
    for start in &moved.years {
        db::repo::volunteer_totals::recount_year(&txn, keep, *start, school_year).await?;
    }
    db::repo::volunteer_totals::move_kind(&txn, &moved.approved, &d.kind, &k.kind).await?;
    if d.parent_leader && !k.parent_leader {
        // The duplicate's roles moved with their dates; the kept profile holds its open one.
        let role = repo::open_role(&txn, keep).await?.map(|r| r.role);
        repo::set_parent_leader(&txn, keep, version + 1, role.as_deref()).await?;
    }
    keep_cleared_until(&txn, keep).await?;
    let login = users::get(&txn, UserId(d.user_id)).await?;
    if login.user.status == domain::user::UserStatus::Active {
        users::set_status(
            &txn,
            UserId(d.user_id),
            login.user.version,
            domain::user::UserStatus::Deactivated,
        )
        .await?;
    }
    db::repo::tokens::revoke_user(&txn, UserId(d.user_id)).await?;
    repo::remove(&txn, dup).await?;
    for opp in &moved.freed {
        let o = db::repo::opportunities::lock(&txn, domain::OpportunityId(*opp)).await?;
        if o.status == domain::opportunity::OpportunityStatus::Open.as_str() {
            super::opportunities::fill_free_slots(
                &txn,
                auth,
                domain::OpportunityId(*opp),
                u32::try_from(o.slots).unwrap_or(0),
            )
            .await?;
        }
    }
    let reason = req.reason.trim();
    for (entity_id, action, changes) in [
        (
            keep,
            "merge",
            serde_json::json!({ "merged": dup, "reason": reason, "hours": moved.hours,
                "signups": moved.signups, "clearances": moved.clearances,
                "dropped_signups": moved.dropped }),
        ),
        (
            dup,
            "merged_into",
            serde_json::json!({ "into": keep, "login": d.user_id, "reason": reason }),
        ),
    ] {
        audit::record(
            &txn,
            NewAuditEvent {
                actor: Some(auth.id),
                action,
                entity: AuditEntity::Volunteer,
                entity_id: entity_id.to_string(),
                changes,
                request_id: auth.request_id.clone(),
            },
        )
        .await?;
    }
    txn.commit().await?;
    tracing::info!(volunteer.id = %keep, merged = %dup, hours = moved.hours, "volunteer profiles merged");
    let row = repo::get(db, keep).await.or_not_found("volunteer")?;
    assemble(db, &row, grace_days).await
}

/// The volunteers the caller may see, as CSV: the list's filters, every match. No contact
/// details (the profile has them, for those who may see it).
pub async fn export_csv(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &VolunteerQuery,
    cap: usize,
) -> ApiResult<String> {
    // The page size is not used (an export holds every row) but is checked like a list's.
    super::page_limit(q.limit)?;
    let items = super::every_page(cap, |cursor| {
        let q = VolunteerQuery {
            limit: Some(domain::page::MAX_LIMIT),
            cursor,
            ..q.clone()
        };
        async move { browse(db, auth, &q).await }
    })
    .await?;
    let codes: std::collections::HashMap<_, _> = schools::all_active(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.code))
        .collect();
    let header = [
        "id",
        "name",
        "kind",
        "schools",
        "parent_leader",
        "registered_at",
    ];
    let rows = items.into_iter().map(|v| {
        vec![
            v.id.to_string(),
            v.name,
            v.kind.as_str().to_string(),
            v.school_ids
                .iter()
                .filter_map(|s| codes.get(s).cloned())
                .collect::<Vec<_>>()
                .join(";"),
            v.parent_leader.to_string(),
            v.created_at.to_rfc3339(),
        ]
    });
    super::csv_text(&header, rows)
}

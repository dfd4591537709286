//! Opportunities and sign-ups: coordinators post for their schools (staff anywhere), every
//! signed-in user browses, volunteers sign up (a slot or the waitlist, gated by their
//! clearance) and cancel; a freed slot goes to the first on the waitlist in the same
//! transaction. The rules live in `domain::opportunity` and `domain::volunteer`.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use chrono::Utc;
use db::repo::opportunities::{self as repo, Listing, Row, SignupRow};
use db::repo::{schools, volunteers};
use domain::audit::AuditEntity;
use domain::opportunity::{
    self as rules, CancelRequest, MySignup, Opportunity, OpportunityInput, OpportunityQuery,
    OpportunityStatus, Signup, SignupAction, SignupRequest, SignupStatus,
};
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::volunteer::{self as vrules, SignupPlace};
use domain::{OpportunityId, Permission, Role, SchoolId, SignupId, VolunteerId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use std::collections::HashMap;
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};

mod signups;
pub use signups::*;

/// May the caller manage opportunities at this school? Staff anywhere, coordinators theirs.
fn require_school(auth: &AuthUser, school: SchoolId) -> ApiResult<()> {
    auth.require(Permission::ManageOpportunities)?;
    if auth.role == Role::SchoolCoordinator && !auth.school_ids().contains(&school) {
        return Err(ApiError::Forbidden);
    }
    Ok(())
}

fn u32_of(n: i32) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// The volunteer profile of a volunteer login (none for other roles).
async fn caller_volunteer(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
) -> ApiResult<Option<VolunteerId>> {
    if auth.role != Role::Volunteer {
        return Ok(None);
    }
    match volunteers::by_user(db, auth.id).await {
        Ok(v) => Ok(Some(v.id)),
        Err(db::DbError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Position on the waitlist (1 = next) of a waitlisted row, from the queue.
fn position_in(queue: &[SignupRow], id: SignupId) -> Option<u32> {
    queue
        .iter()
        .filter(|s| s.status == SignupStatus::Waitlisted)
        .position(|s| s.id == id)
        .map(|p| p as u32 + 1)
}

async fn assemble_many(
    db: &impl ConnectionTrait,
    rows: Vec<Row>,
    me: Option<VolunteerId>,
) -> ApiResult<Vec<Opportunity>> {
    let ids: Vec<OpportunityId> = rows.iter().map(|r| r.id).collect();
    let counts = repo::counts(db, &ids).await?;
    let mine = match me {
        Some(v) => repo::signups_of(db, &ids, v).await?,
        None => HashMap::new(),
    };
    let mut school_ids: Vec<SchoolId> = rows.iter().map(|r| r.school_id).collect();
    school_ids.sort();
    school_ids.dedup();
    let names = schools::names_of(db, &school_ids).await?;
    let mut out = Vec::with_capacity(rows.len());
    for r in rows {
        let (confirmed, waitlisted) = counts.get(&r.id).copied().unwrap_or_default();
        let my_signup = match mine.get(&r.id) {
            Some(s) => {
                let status = s.status;
                let waitlist_position = if status == SignupStatus::Waitlisted {
                    position_in(&repo::queue(db, r.id).await?, s.id)
                } else {
                    None
                };
                Some(MySignup {
                    id: s.id,
                    status,
                    waitlist_position,
                })
            }
            None => None,
        };
        out.push(Opportunity {
            id: r.id,
            activity: r.activity,
            status: r.status,
            school_id: r.school_id,
            school_name: names.get(&r.school_id).cloned().unwrap_or_default(),
            title: r.title,
            starts_at: r.starts_at,
            ends_at: r.ends_at,
            repeats_weekly_until: r.repeats_weekly_until,
            slots: u32_of(r.slots),
            confirmed,
            waitlisted,
            clearance_required: r.clearance_required,
            minimum_age: r.minimum_age.and_then(|a| u8::try_from(a).ok()),
            description: r.description,
            cancel_reason: r.cancel_reason,
            my_signup,
            created_by: r.created_by,
            version: r.version,
            created_at: r.created_at,
        });
    }
    Ok(out)
}

async fn assemble(
    db: &impl ConnectionTrait,
    row: Row,
    me: Option<VolunteerId>,
) -> ApiResult<Opportunity> {
    assemble_many(db, vec![row], me)
        .await?
        .pop()
        .ok_or(ApiError::NotFound("opportunity"))
}

async fn check_input(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    i: &OpportunityInput,
) -> ApiResult<()> {
    i.validate().map_err(|e| ApiError::validation(&e))?;
    if schools::get(db, i.school_id).await.is_err() {
        return Err(ApiError::invalid_field(
            "school_id",
            "unknown",
            "No such school.",
        ));
    }
    require_school(auth, i.school_id)
}

/// Posts an opportunity (coordinators for their schools, staff anywhere).
pub async fn post(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: OpportunityInput,
) -> ApiResult<Opportunity> {
    auth.require(Permission::ManageOpportunities)?;
    check_input(db, auth, &input).await?;
    let txn = db::begin_write(db).await?;
    let row = repo::insert(&txn, auth.id, &input).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Opportunity,
        row.id,
        AuditAction::Post,
        serde_json::to_value(&input).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(opportunity.id = %row.id, "opportunity posted");
    assemble(db, row, None).await
}

/// Promotes the first waitlisted sign-ups into the free slots; audited one by one.
pub(crate) async fn fill_free_slots(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    id: OpportunityId,
    slots: u32,
) -> ApiResult<()> {
    let queue = repo::queue(db, id).await?;
    let confirmed = queue
        .iter()
        .filter(|s| s.status == SignupStatus::Confirmed)
        .count() as u32;
    let free = slots.saturating_sub(confirmed) as usize;
    for s in queue
        .iter()
        .filter(|s| s.status == SignupStatus::Waitlisted)
        .take(free)
    {
        let to = rules::next_signup_status(s.status, SignupAction::Promote)
            .map_err(ApiError::transition)?;
        repo::set_signup_status(db, s.id, to, None).await?;
        audit::record(
            db,
            &Actor::from(auth),
            AuditEntity::Signup,
            s.id,
            AuditAction::Promote,
            serde_json::json!({ "opportunity": id, "volunteer": s.volunteer_id,
                    "to": to }),
        )
        .await?;
    }
    Ok(())
}

/// Changes an opportunity's terms. Fewer slots than confirmed sign-ups: 409; more slots move
/// the first on the waitlist up.
pub async fn revise(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OpportunityId,
    version: i32,
    input: OpportunityInput,
) -> ApiResult<Opportunity> {
    auth.require(Permission::ManageOpportunities)?;
    let current = repo::get(db, id).await.or_not_found("opportunity")?;
    require_school(auth, current.school_id)?;
    check_input(db, auth, &input).await?;
    let txn = db::begin_write(db).await?;
    let current = repo::lock(&txn, id).await.or_not_found("opportunity")?;
    if current.status == OpportunityStatus::Cancelled {
        return Err(ApiError::Conflict {
            code: ErrorCode::OpportunityCancelled,
            detail: "this opportunity was cancelled; post a new one".into(),
        });
    }
    let (confirmed, _) = repo::counts(&txn, &[id])
        .await?
        .get(&id)
        .copied()
        .unwrap_or_default();
    if input.slots < confirmed {
        return Err(ApiError::Conflict {
            code: ErrorCode::SlotsBelowConfirmed,
            detail: format!(
                "{confirmed} volunteers hold a slot; cancel sign-ups before lowering the slots below that"
            ),
        });
    }
    repo::update(&txn, id, version, &input).await?;
    fill_free_slots(&txn, auth, id, input.slots).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Opportunity,
        id,
        AuditAction::Revise,
        serde_json::to_value(&input).unwrap_or_default(),
    )
    .await?;
    txn.commit().await?;
    assemble(db, repo::get(db, id).await?, None).await
}

/// Cancels an opportunity (a reason is required); its sign-ups are cancelled with it.
pub async fn cancel(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OpportunityId,
    version: i32,
    req: CancelRequest,
) -> ApiResult<Opportunity> {
    auth.require(Permission::ManageOpportunities)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let reason = req.reason.trim();
    if reason.is_empty() {
        return Err(ApiError::invalid_field(
            "reason",
            "required",
            "Say why the opportunity is cancelled; volunteers see it.",
        ));
    }
    let current = repo::get(db, id).await.or_not_found("opportunity")?;
    require_school(auth, current.school_id)?;
    let txn = db::begin_write(db).await?;
    let current = repo::lock(&txn, id).await.or_not_found("opportunity")?;
    rules::cancel_opportunity(current.status).map_err(ApiError::transition)?;
    repo::set_cancelled(&txn, id, version, reason).await?;
    for s in repo::queue(&txn, id).await? {
        repo::set_signup_status(
            &txn,
            s.id,
            SignupStatus::Cancelled,
            Some("opportunity cancelled"),
        )
        .await?;
    }
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Opportunity,
        id,
        AuditAction::Cancel,
        serde_json::json!({ "reason": reason }),
    )
    .await?;
    txn.commit().await?;
    assemble(db, repo::get(db, id).await?, None).await
}

/// A page of opportunities, soonest first (any signed-in user).
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &OpportunityQuery,
) -> ApiResult<Page<Opportunity>> {
    let me = caller_volunteer(db, auth).await?;
    let listing = match (q.mine.unwrap_or(false), me) {
        (false, _) => Listing::All,
        (true, Some(v)) => Listing::SignedUpBy(v),
        (true, None) => {
            return Ok(Page {
                items: vec![],
                next_cursor: None,
            });
        }
    };
    let from = q
        .from
        .unwrap_or_else(|| Utc::now().date_naive())
        .and_hms_opt(0, 0, 0)
        .map(|d| d.and_utc())
        .unwrap_or_else(Utc::now);
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (rows, next) = repo::list(db, q, from, listing, super::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items: assemble_many(db, rows, me).await?,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// One opportunity (any signed-in user).
pub async fn get(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: OpportunityId,
) -> ApiResult<Opportunity> {
    let row = repo::get(db, id).await.or_not_found("opportunity")?;
    let me = caller_volunteer(db, auth).await?;
    assemble(db, row, me).await
}

/// The opportunities the caller may see, as CSV: the list's filters, every match.
pub async fn export_csv(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &OpportunityQuery,
    cap: usize,
) -> ApiResult<String> {
    // The page size is not used (an export holds every row) but is checked like a list's.
    super::page_limit(q.limit)?;
    let items = super::every_page(cap, |cursor| {
        let q = OpportunityQuery {
            limit: Some(domain::page::MAX_LIMIT),
            cursor,
            ..q.clone()
        };
        async move { browse(db, auth, &q).await }
    })
    .await?;
    let header = [
        "id",
        "title",
        "school",
        "activity",
        "starts_at",
        "ends_at",
        "repeats_weekly_until",
        "slots",
        "confirmed",
        "waitlisted",
        "clearance_required",
        "minimum_age",
        "status",
        "cancel_reason",
    ];
    let rows = items.into_iter().map(|o| {
        vec![
            o.id.to_string(),
            o.title,
            o.school_name,
            o.activity.as_str().to_string(),
            o.starts_at.to_rfc3339(),
            o.ends_at.to_rfc3339(),
            o.repeats_weekly_until
                .map(|d| d.to_string())
                .unwrap_or_default(),
            o.slots.to_string(),
            o.confirmed.to_string(),
            o.waitlisted.to_string(),
            o.clearance_required.to_string(),
            o.minimum_age.map(|a| a.to_string()).unwrap_or_default(),
            o.status.as_str().to_string(),
            o.cancel_reason.unwrap_or_default(),
        ]
    });
    super::csv_text(&header, rows)
}

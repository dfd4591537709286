//! School needs (the needs assessment) and the strategic-plan priorities they align with.
//! Coordinators record and rank their schools' needs, staff any school's; partners read the
//! needs shown to partners, without the school's internal notes; coverage counts the schools
//! with three primary needs. The rules live in `domain::needs`.

use chrono::Utc;
use db::repo::audience::Audience;
use db::repo::needs as repo;
use db::repo::{
    agreements as goals, applications, schools, settings, users, versioned, volunteer_totals,
};
use domain::audit::AuditEntity;
use domain::needs::{
    self as rules, AssessmentOpened, Coverage, CoverageQuery, Need, NeedInput, NeedQuery,
    NeedStatus, NeedTransition, NeedsAssessment, OpenAssessment, Priority, PriorityInput,
    SchoolCoverage,
};
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::{NeedId, Permission, PriorityId, SchoolId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::AuthUser;
use crate::error::{ApiError, ApiResult, OrNotFound};
use crate::services::Actor;
use crate::services::audit::{self, AuditAction};

type NeedRow = db::entities::school_needs::Model;
type NeedEntity = db::entities::school_needs::Entity;
type PriorityRow = db::entities::plan_priorities::Model;

fn priority_of(r: PriorityRow) -> Priority {
    Priority {
        id: r.id,
        code: r.code,
        name: r.name,
        name_es: r.name_es,
        kind: r.kind,
        active: r.active,
        position: u32::try_from(r.position).unwrap_or(0),
        version: r.version,
    }
}

// ---------- priorities ----------

/// The strategic plan's goals and priorities, in list order (any signed-in user).
pub async fn priorities(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<Vec<Priority>> {
    auth.require(Permission::ReadSchools)?;
    Ok(repo::priorities(db)
        .await?
        .into_iter()
        .map(priority_of)
        .collect())
}

fn code_taken(e: db::DbError) -> ApiError {
    match e {
        db::DbError::Duplicate(_) => ApiError::Conflict {
            code: ErrorCode::Duplicate,
            detail: "another priority has this code".into(),
        },
        e => e.into(),
    }
}

/// Adds a priority (admin).
pub async fn add_priority(
    db: &DatabaseConnection,
    auth: &AuthUser,
    input: PriorityInput,
) -> ApiResult<Priority> {
    auth.require(Permission::ManageGoals)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let row = repo::insert_priority(&txn, &input)
        .await
        .map_err(code_taken)?;
    let p = priority_of(row);
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Priority,
        p.id,
        AuditAction::Create,
        audit::created(&serde_json::to_value(&p).unwrap_or_default()),
    )
    .await?;
    txn.commit().await?;
    Ok(p)
}

/// Changes (or retires, with `active: false`) a priority (admin).
pub async fn revise_priority(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: PriorityId,
    version: i32,
    input: PriorityInput,
) -> ApiResult<Priority> {
    auth.require(Permission::ManageGoals)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = priority_of(repo::priority(&txn, id).await.or_not_found("priority")?);
    repo::update_priority(&txn, id, version, &input)
        .await
        .map_err(code_taken)?;
    let after = priority_of(repo::priority(&txn, id).await?);
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Priority,
        id,
        AuditAction::Update,
        audit::diff(
            &serde_json::to_value(&before).unwrap_or_default(),
            &serde_json::to_value(&after).unwrap_or_default(),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

// ---------- needs ----------

/// Needs as the audience may read them: each with its school's and priority's names; a
/// partner never gets the school's internal notes.
pub(crate) async fn assemble_many(
    db: &impl ConnectionTrait,
    audience: &Audience,
    rows: Vec<NeedRow>,
) -> ApiResult<Vec<Need>> {
    let mut needs = unnamed(audience, rows);
    name(db, &mut needs).await?;
    Ok(needs)
}

/// Needs as the audience may read them, not yet with their school's and priority's names:
/// what scoring reads, before [`name`] names the few that are kept.
pub(crate) fn unnamed(audience: &Audience, rows: Vec<NeedRow>) -> Vec<Need> {
    let internal = !matches!(audience, Audience::Organization(_));
    rows.into_iter()
        .map(|r| {
            let rank = u32::try_from(r.rank).unwrap_or(0);
            Need {
                id: r.id,
                school_id: r.school_id,
                school_name: String::new(),
                school_year: r.school_year,
                support_area: r.support_area,
                priority_id: r.priority_id,
                priority_name: String::new(),
                priority_name_es: String::new(),
                help_kind: r.help_kind,
                description: r.description,
                ask_unit: r.ask_unit,
                ask_quantity: u32::try_from(r.ask_quantity).unwrap_or(u32::MAX),
                timeframe: r.timeframe,
                rank,
                primary: rules::is_primary(rank),
                status: r.status,
                status_reason: r.status_reason,
                visible_to_partners: r.visible_to_partners,
                internal_notes: internal.then_some(r.internal_notes),
                recorded_by: r.recorded_by,
                version: r.version,
                created_at: r.created_at,
                updated_at: r.updated_at,
            }
        })
        .collect()
}

/// Gives each need its school's and its priority's names.
pub(crate) async fn name(db: &impl ConnectionTrait, needs: &mut [Need]) -> ApiResult<()> {
    let school_ids: Vec<SchoolId> = super::distinct(needs.iter().map(|n| n.school_id));
    let names = schools::names_of(db, &school_ids).await?;
    let priority_ids: Vec<PriorityId> = super::distinct(needs.iter().map(|n| n.priority_id));
    let priorities = repo::priorities_of(db, &priority_ids).await?;
    for n in needs {
        n.school_name = names.get(&n.school_id).cloned().unwrap_or_default();
        if let Some(p) = priorities.get(&n.priority_id) {
            n.priority_name.clone_from(&p.name);
            n.priority_name_es.clone_from(&p.name_es);
        }
    }
    Ok(())
}

async fn assemble(db: &impl ConnectionTrait, audience: &Audience, row: NeedRow) -> ApiResult<Need> {
    assemble_many(db, audience, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("need"))
}

/// The need, when the caller sees it (another school's, for a coordinator: 404).
pub(crate) async fn visible(
    db: &impl ConnectionTrait,
    auth: &AuthUser,
    id: NeedId,
) -> ApiResult<NeedRow> {
    auth.require(Permission::ReadNeeds)?;
    let row = repo::get(db, id).await.or_not_found("need")?;
    if !repo::sees(&auth.audience(), &row) {
        return Err(ApiError::NotFound("need"));
    }
    Ok(row)
}

/// A school the caller records needs for: staff any, coordinators theirs (another: 404).
pub(crate) fn require_school(auth: &AuthUser, school: SchoolId) -> ApiResult<()> {
    auth.require(Permission::ManageNeeds)?;
    match auth.audience() {
        Audience::All => Ok(()),
        Audience::Schools(ids) if ids.contains(&school) => Ok(()),
        _ => Err(ApiError::NotFound("school")),
    }
}

/// The input's references exist: the school, and the priority (active, unless unchanged).
async fn check_input(
    db: &impl ConnectionTrait,
    input: &NeedInput,
    current_priority: Option<PriorityId>,
) -> ApiResult<()> {
    input.validate().map_err(|e| ApiError::validation(&e))?;
    if schools::get(db, input.school_id).await.is_err() {
        return Err(ApiError::invalid_field(
            "school_id",
            "unknown",
            "No such school.",
        ));
    }
    match repo::priority(db, input.priority_id).await {
        Err(db::DbError::NotFound) => Err(ApiError::invalid_field(
            "priority_id",
            "unknown",
            "No such priority.",
        )),
        Err(e) => Err(e.into()),
        Ok(p) if !p.active && current_priority != Some(p.id) => Err(ApiError::invalid_field(
            "priority_id",
            "retired",
            "This priority is retired; choose an active one.",
        )),
        Ok(_) => Ok(()),
    }
}

/// 409 `rank_taken` when another need of the school and year (not withdrawn) holds the rank.
async fn check_rank(
    db: &impl ConnectionTrait,
    school: SchoolId,
    school_year: i32,
    rank: u32,
    except: Option<NeedId>,
) -> ApiResult<()> {
    if repo::holder_of_rank(db, school, school_year, rank, except)
        .await?
        .is_some()
    {
        return Err(rank_taken(rank));
    }
    Ok(())
}

fn rank_taken(rank: u32) -> ApiError {
    ApiError::Conflict {
        code: ErrorCode::RankTaken,
        detail: format!(
            "another need of this school and school year is ranked {rank}; change that one first"
        ),
    }
}

/// The unique index is the safety net behind [`check_rank`] (two writers at once).
fn or_rank_taken(rank: u32) -> impl Fn(db::DbError) -> ApiError {
    move |e| match e {
        db::DbError::Duplicate(_) => rank_taken(rank),
        e => e.into(),
    }
}

/// Records a need (coordinators for their schools, staff for any).
pub async fn record(db: &DatabaseConnection, auth: &AuthUser, input: NeedInput) -> ApiResult<Need> {
    require_school(auth, input.school_id)?;
    check_input(db, &input, None).await?;
    let txn = db::begin_write(db).await?;
    check_rank(&txn, input.school_id, input.school_year, input.rank, None).await?;
    let row = repo::insert(&txn, auth.id, &input)
        .await
        .map_err(or_rank_taken(input.rank))?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Need,
        row.id,
        AuditAction::Create,
        audit::created(&serde_json::to_value(&input).unwrap_or_default()),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(need.id = %row.id, "need recorded");
    assemble(db, &Audience::All, row).await
}

/// Changes a need's terms (its school and year stay).
pub async fn revise(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: NeedId,
    version: i32,
    input: NeedInput,
) -> ApiResult<Need> {
    let current = visible(db, auth, id).await?;
    require_school(auth, current.school_id)?;
    if input.school_id != current.school_id || input.school_year != current.school_year {
        return Err(ApiError::invalid_field(
            if input.school_id != current.school_id {
                "school_id"
            } else {
                "school_year"
            },
            "immutable",
            "A need stays with its school and school year; record a new one instead.",
        ));
    }
    check_input(db, &input, Some(current.priority_id)).await?;
    let txn = db::begin_write(db).await?;
    if current.status != NeedStatus::Withdrawn {
        check_rank(
            &txn,
            current.school_id,
            current.school_year,
            input.rank,
            Some(id),
        )
        .await?;
    }
    let before = assemble(&txn, &Audience::All, current).await?;
    repo::update(&txn, id, version, &input)
        .await
        .map_err(or_rank_taken(input.rank))?;
    let after = assemble(&txn, &Audience::All, repo::get(&txn, id).await?).await?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Need,
        id,
        AuditAction::Update,
        audit::diff(
            &serde_json::to_value(&before).unwrap_or_default(),
            &serde_json::to_value(&after).unwrap_or_default(),
        ),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Moves a need along its statuses (met, partly met, withdrawn, reopened), with a reason.
pub async fn transition(
    db: &DatabaseConnection,
    auth: &AuthUser,
    id: NeedId,
    version: i32,
    t: NeedTransition,
) -> ApiResult<Need> {
    t.validate().map_err(|e| ApiError::validation(&e))?;
    let current = visible(db, auth, id).await?;
    require_school(auth, current.school_id)?;
    let to = rules::next_need_status(current.status, t.action).map_err(ApiError::transition)?;
    let txn = db::begin_write(db).await?;
    if current.status == NeedStatus::Withdrawn {
        let rank = u32::try_from(current.rank).unwrap_or(0);
        check_rank(&txn, current.school_id, current.school_year, rank, Some(id)).await?;
    }
    versioned::set_status::<NeedEntity>(&txn, id, version, to, &t.reason)
        .await
        .map_err(or_rank_taken(u32::try_from(current.rank).unwrap_or(0)))?;
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Need,
        id,
        t.action,
        audit::status_change(current.status, to, &t.reason),
    )
    .await?;
    if to == NeedStatus::Withdrawn {
        super::matches::withdraw_open(&txn, auth, id).await?;
    }
    txn.commit().await?;
    assemble(db, &Audience::All, repo::get(db, id).await?).await
}

/// One need the caller sees.
pub async fn get(db: &DatabaseConnection, auth: &AuthUser, id: NeedId) -> ApiResult<Need> {
    let row = visible(db, auth, id).await?;
    assemble(db, &auth.audience(), row).await
}

/// A page of the needs the caller sees, newest first.
pub async fn browse(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &NeedQuery,
) -> ApiResult<Page<Need>> {
    auth.require(Permission::ReadNeeds)?;
    let limit = super::page_limit(q.limit)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let audience = auth.audience();
    let (rows, next) = repo::list(db, q, &audience, limit, after).await?;
    Ok(Page {
        items: assemble_many(db, &audience, rows).await?,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// The school year (by the year it starts in) that holds today, by the office's setting.
pub async fn current_school_year(db: &impl ConnectionTrait) -> ApiResult<i32> {
    use chrono::Datelike;
    let year = volunteer_totals::school_year(db).await?;
    Ok(year.start(Utc::now().date_naive()).year())
}

/// A school year a query names, when it is in range (a 422 otherwise).
pub(crate) fn school_year_in_range(asked: Option<i32>) -> ApiResult<Option<i32>> {
    match asked {
        Some(y) if !(2000..=2100).contains(&y) => Err(ApiError::invalid_field(
            "school_year",
            "range",
            "Enter a school year between 2000 and 2100.",
        )),
        other => Ok(other),
    }
}

/// The school year a query names (in range), or the current one.
pub(crate) async fn school_year_asked(
    db: &impl ConnectionTrait,
    asked: Option<i32>,
) -> ApiResult<i32> {
    match school_year_in_range(asked)? {
        Some(y) => Ok(y),
        None => current_school_year(db).await,
    }
}

/// Coverage of the goal "three primary needs at every school": staff for the district,
/// coordinators for their schools; the drill-down's filters narrow the schools.
pub async fn coverage(
    db: &DatabaseConnection,
    auth: &AuthUser,
    q: &CoverageQuery,
) -> ApiResult<Coverage> {
    auth.require(Permission::ReadMetrics)?;
    let school_year = school_year_asked(db, q.school_year).await?;
    let audience = auth.audience();
    let scope = match &audience {
        Audience::All => None,
        Audience::Schools(ids) => Some(ids.as_slice()),
        _ => return Err(ApiError::Forbidden),
    };
    let schools = repo::coverage(db, school_year, q, scope).await?;
    let goal = match goals::get_goal(db, rules::COVERAGE_GOAL).await {
        Ok(g) => Some(g),
        Err(db::DbError::NotFound) => None,
        Err(e) => return Err(e.into()),
    };
    Ok(rules::coverage(school_year, schools, goal))
}

// ---------- the needs assessment ----------

/// The setting that holds the school year the needs assessment is open for.
pub const ASSESSMENT_KEY: &str = "needs_assessment_year";

fn assessment_of(row: Option<db::entities::settings::Model>) -> NeedsAssessment {
    let year = row.as_ref().and_then(|r| r.value.parse::<i32>().ok());
    NeedsAssessment {
        school_year: year,
        school_year_label: year.map(rules::school_year_label),
        opened_at: row.as_ref().map(|r| r.updated_at),
        version: row.map_or(0, |r| r.version),
    }
}

/// The school year the office opened the needs assessment for (staff and coordinators).
pub async fn assessment(db: &DatabaseConnection, auth: &AuthUser) -> ApiResult<NeedsAssessment> {
    auth.require(Permission::ReadNeeds)?;
    Ok(assessment_of(settings::get(db, ASSESSMENT_KEY).await?))
}

/// Opens the needs assessment for a school year (office staff; `If-Match`, 0 when never
/// opened) and, in the same transaction, queues one reminder to each active coordinator of
/// the active schools that lack three primary needs for it, naming those schools. Audited.
pub async fn open_assessment(
    db: &DatabaseConnection,
    auth: &AuthUser,
    version: i32,
    input: OpenAssessment,
) -> ApiResult<AssessmentOpened> {
    auth.require(Permission::ManageSchools)?;
    input.validate().map_err(|e| ApiError::validation(&e))?;
    let year = input.school_year;
    let txn = db::begin_write(db).await?;
    let before = assessment_of(settings::get(&txn, ASSESSMENT_KEY).await?);
    settings::put(&txn, ASSESSMENT_KEY, &year.to_string(), version, auth.id).await?;
    let lacking: Vec<SchoolCoverage> = repo::coverage(&txn, year, &CoverageQuery::default(), None)
        .await?
        .into_iter()
        .filter(|s| !s.covered())
        .collect();
    let ids: Vec<SchoolId> = lacking.iter().map(|s| s.school_id).collect();
    let mut by_coordinator: std::collections::BTreeMap<String, Vec<&SchoolCoverage>> =
        Default::default();
    for (email, school) in users::coordinators_of(&txn, &ids).await? {
        if let Some(s) = lacking.iter().find(|s| s.school_id == school) {
            by_coordinator.entry(email).or_default().push(s);
        }
    }
    let label = rules::school_year_label(year);
    for (email, schools) in &by_coordinator {
        let list: Vec<String> = schools
            .iter()
            .map(|s| {
                format!(
                    "- {} ({}): {} of 3 primary needs",
                    s.name, s.code, s.primary_needs
                )
            })
            .collect();
        applications::queue_message(
            &txn,
            "needs_assessment",
            email,
            &format!("The {label} needs assessment is open"),
            &format!(
                "The Community Partnerships office opened the needs assessment for {label}. \
                 Record and rank three primary needs for each of your schools that still lacks \
                 them:\n{}\n\n/needs?year={year}",
                list.join("\n")
            ),
        )
        .await?;
    }
    audit::record(
        &txn,
        &Actor::from(auth),
        AuditEntity::Setting,
        ASSESSMENT_KEY,
        AuditAction::Update,
        serde_json::json!({ "school_year": { "before": before.school_year, "after": year },
            "reminders_queued": by_coordinator.len() }),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(
        school_year = year,
        reminders = by_coordinator.len(),
        "needs assessment opened"
    );
    Ok(AssessmentOpened {
        assessment: assessment_of(settings::get(db, ASSESSMENT_KEY).await?),
        schools_lacking: u32::try_from(lacking.len()).unwrap_or(u32::MAX),
        reminders_queued: u32::try_from(by_coordinator.len()).unwrap_or(u32::MAX),
    })
}

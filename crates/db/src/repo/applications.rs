//! Applications: drafts by resume token, the pipeline with filters and scoping, history,
//! checklists, sub-tasks, and the outbox.

use chrono::{DateTime, Utc};
use domain::application::{
    ApplicationForm, ApplicationQuery, ApplicationSummary, CheckAnswer, HistoryEntry, Subtask,
};
use domain::intake::ApplicationStatus;
use domain::{ApplicationId, OrganizationId, SchoolId, UserId};
use sea_orm::sea_query::{Expr, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use super::audience::{Audience, nothing};
use super::versioned;
use crate::entities::{
    application_checks as ck, application_history as h, application_schools as asch,
    application_subtasks as st, application_support_areas as asa, applications as a, outbox as ob,
};
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Keyset, id_cursor};
use crate::{DbError, DbResult};

/// A stored application, typed: its ids and enums map through the domain types.
pub type Row = a::Model;

/// The form stored with a row.
pub fn form_of(m: &Row) -> DbResult<ApplicationForm> {
    serde_json::from_str(&m.form)
        .map_err(|e| DbError::Corrupt(format!("application {} form: {e}", m.id)))
}

fn search_key(form: &ApplicationForm) -> String {
    format!("{} {}", form.organization.legal_name, form.program.title)
        .to_lowercase()
        .chars()
        .take(420)
        .collect()
}

fn clip(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

async fn index(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    form: &ApplicationForm,
) -> DbResult<()> {
    asch::Entity::delete_many()
        .filter(asch::Column::ApplicationId.eq(id))
        .exec(db)
        .await?;
    asa::Entity::delete_many()
        .filter(asa::Column::ApplicationId.eq(id))
        .exec(db)
        .await?;
    let mut schools = form.program.school_ids.clone();
    schools.sort();
    schools.dedup();
    for s in schools {
        asch::ActiveModel {
            application_id: Set(id),
            school_id: Set(s),
        }
        .insert(db)
        .await?;
    }
    let mut areas = form.program.support_areas.clone();
    areas.sort();
    areas.dedup();
    for area in areas {
        asa::ActiveModel {
            application_id: Set(id),
            area: Set(area),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Starts a draft.
pub async fn insert_draft(
    db: &impl ConnectionTrait,
    token_hash: String,
    expires_at: DateTime<Utc>,
    form: &ApplicationForm,
) -> DbResult<Row> {
    let now = Utc::now();
    let id = ApplicationId::new();
    let m = a::ActiveModel {
        id: Set(id),
        resume_token_hash: Set(token_hash),
        resume_token_expires_at: Set(Some(expires_at)),
        status: Set(ApplicationStatus::Draft),
        form: Set(serde_json::to_string(form).unwrap_or_default()),
        organization_name: Set(clip(&form.organization.legal_name, 200)),
        program_title: Set(clip(&form.program.title, 200)),
        search_key: Set(search_key(form)),
        organization_id: Set(None),
        matched_organization_id: Set(None),
        agreement_required: Set(false),
        owner_id: Set(None),
        collaborating_department: Set(String::new()),
        collaborating_school_id: Set(None),
        return_message: Set(None),
        submitted_at: Set(None),
        status_changed_at: Set(now),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    index(db, id, form).await?;
    Ok(m)
}

/// The application a resume token opens.
pub async fn find_by_token_hash(db: &impl ConnectionTrait, token_hash: &str) -> DbResult<Row> {
    a::Entity::find()
        .filter(a::Column::ResumeTokenHash.eq(token_hash))
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// The applications still open to their applicant (a draft, or returned for information),
/// oldest first: bounded by the office's open intake, read to find an applicant's by email.
pub async fn open_to_applicant(db: &impl ConnectionTrait) -> DbResult<Vec<Row>> {
    Ok(a::Entity::find()
        .filter(a::Column::Status.is_in([
            ApplicationStatus::Draft.as_str(),
            ApplicationStatus::ReturnedForInformation.as_str(),
        ]))
        .order_by_asc(a::Column::CreatedAt)
        .all(db)
        .await?)
}

/// One application.
pub async fn get(db: &impl ConnectionTrait, id: ApplicationId) -> DbResult<Row> {
    a::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Bumps the version if it is still `expected_version`, applying `changes`.
async fn bump(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    expected_version: i32,
    changes: Vec<(a::Column, Expr)>,
) -> DbResult<()> {
    let upd = changes
        .into_iter()
        .fold(a::Entity::update_many(), |u, (c, e)| u.col_expr(c, e));
    versioned::update(db, id.0, expected_version, upd).await
}

/// Replaces the form.
pub async fn save_form(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    expected_version: i32,
    form: &ApplicationForm,
) -> DbResult<()> {
    bump(
        db,
        id,
        expected_version,
        vec![
            (
                a::Column::Form,
                Expr::value(serde_json::to_string(form).unwrap_or_default()),
            ),
            (
                a::Column::OrganizationName,
                Expr::value(clip(&form.organization.legal_name, 200)),
            ),
            (
                a::Column::ProgramTitle,
                Expr::value(clip(&form.program.title, 200)),
            ),
            (a::Column::SearchKey, Expr::value(search_key(form))),
        ],
    )
    .await?;
    index(db, id, form).await
}

/// Moves to a status (and records when); `message` is kept for a return for information.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    expected_version: i32,
    status: ApplicationStatus,
    message: Option<String>,
    submitted: bool,
) -> DbResult<()> {
    let now = Utc::now();
    let mut changes = vec![
        (a::Column::Status, Expr::value(status)),
        (a::Column::StatusChangedAt, Expr::value(now)),
        (a::Column::ReturnMessage, Expr::value(message)),
    ];
    if submitted {
        changes.push((a::Column::SubmittedAt, Expr::value(Some(now))));
    }
    bump(db, id, expected_version, changes).await
}

/// Links the organization the application was matched to or created as.
pub async fn set_organization(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    org: OrganizationId,
) -> DbResult<()> {
    a::Entity::update_many()
        .col_expr(a::Column::OrganizationId, Expr::value(Some(org)))
        .filter(a::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Keeps (or forgets) the directory's organization that a submitted application seems to
/// belong to, until staff decide.
pub async fn set_match(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    org: Option<OrganizationId>,
) -> DbResult<()> {
    a::Entity::update_many()
        .col_expr(
            a::Column::MatchedOrganizationId,
            Expr::value(org.map(|o| o.0)),
        )
        .filter(a::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Records that staff require the partnership agreement (a one-time event).
pub async fn set_agreement_required(db: &impl ConnectionTrait, id: ApplicationId) -> DbResult<()> {
    a::Entity::update_many()
        .col_expr(a::Column::AgreementRequired, Expr::value(true))
        .filter(a::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// Sets the owner and collaborating department.
pub async fn set_assignment(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    expected_version: i32,
    owner: Option<UserId>,
    department: &str,
    school: Option<SchoolId>,
) -> DbResult<()> {
    bump(
        db,
        id,
        expected_version,
        vec![
            (a::Column::OwnerId, Expr::value(owner.map(|o| o.0))),
            (
                a::Column::CollaboratingSchoolId,
                Expr::value(school.map(|s| s.0)),
            ),
            (
                a::Column::CollaboratingDepartment,
                Expr::value(clip(department, 200)),
            ),
        ],
    )
    .await
}

/// Marks a change that lives in a child table (checklist, sub-task, note).
pub async fn touch(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    expected_version: i32,
) -> DbResult<()> {
    bump(db, id, expected_version, vec![]).await
}

/// A history row to add.
pub struct NewHistory<'a> {
    /// Who (None: the applicant or the system).
    pub actor: Option<UserId>,
    /// What.
    pub action: &'a str,
    /// Status before.
    pub from: Option<ApplicationStatus>,
    /// Status after.
    pub to: Option<ApplicationStatus>,
    /// Note.
    pub note: Option<String>,
    /// Hidden from the partner.
    pub staff_only: bool,
}

/// Appends to the history.
pub async fn add_history(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    n: NewHistory<'_>,
) -> DbResult<()> {
    h::ActiveModel {
        id: Set(Uuid::now_v7()),
        application_id: Set(id),
        at: Set(Utc::now()),
        actor_id: Set(n.actor),
        action: Set(n.action.into()),
        from_status: Set(n.from),
        to_status: Set(n.to),
        note: Set(n.note),
        staff_only: Set(n.staff_only),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The history, oldest first; without staff-only rows unless asked.
pub async fn history(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    with_staff_only: bool,
) -> DbResult<Vec<HistoryEntry>> {
    let mut q = h::Entity::find().filter(h::Column::ApplicationId.eq(id));
    if !with_staff_only {
        q = q.filter(h::Column::StaffOnly.eq(false));
    }
    Ok(q.order_by_asc(h::Column::At)
        .order_by_asc(h::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|m| HistoryEntry {
            at: m.at,
            actor_id: m.actor_id,
            action: m.action,
            from: m.from_status,
            to: m.to_status,
            note: m.note,
            staff_only: m.staff_only,
        })
        .collect())
}

/// Checklist answers by item name.
pub async fn checks(
    db: &impl ConnectionTrait,
    id: ApplicationId,
) -> DbResult<HashMap<String, (CheckAnswer, String)>> {
    Ok(ck::Entity::find()
        .filter(ck::Column::ApplicationId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.item, (m.answer, m.note)))
        .collect())
}

/// Sets a checklist answer.
pub async fn set_check(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    item: &str,
    answer: CheckAnswer,
    note: &str,
    by: UserId,
) -> DbResult<()> {
    ck::Entity::delete_many()
        .filter(ck::Column::ApplicationId.eq(id))
        .filter(ck::Column::Item.eq(item))
        .exec(db)
        .await?;
    ck::ActiveModel {
        application_id: Set(id),
        item: Set(item.into()),
        answer: Set(answer),
        note: Set(clip(note, 2000)),
        updated_by: Set(Some(by)),
        updated_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The formal-process sub-tasks.
pub async fn subtasks(db: &impl ConnectionTrait, id: ApplicationId) -> DbResult<Vec<Subtask>> {
    Ok(st::Entity::find()
        .filter(st::Column::ApplicationId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|m| {
            let task = Subtask {
                process: m.process,
                status: m.status,
                owner_id: m.owner_id,
                note: m.note,
            };
            (m.process, task)
        })
        .collect::<std::collections::BTreeMap<_, _>>()
        .into_values()
        .collect())
}

/// Creates or replaces a sub-task.
pub async fn put_subtask(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    t: &Subtask,
) -> DbResult<()> {
    st::Entity::delete_many()
        .filter(st::Column::ApplicationId.eq(id))
        .filter(st::Column::Process.eq(t.process))
        .exec(db)
        .await?;
    st::ActiveModel {
        application_id: Set(id),
        process: Set(t.process),
        status: Set(t.status),
        owner_id: Set(t.owner_id),
        note: Set(clip(&t.note, 2000)),
        updated_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

fn visible(v: &Audience) -> Condition {
    match v {
        Audience::All => Condition::all(),
        Audience::Schools(ids) => Condition::all().add(
            a::Column::Id.in_subquery(
                Query::select()
                    .column(asch::Column::ApplicationId)
                    .from(asch::Entity)
                    .and_where(asch::Column::SchoolId.is_in(ids.iter().copied()))
                    .to_owned(),
            ),
        ),
        Audience::Organization(o) => Condition::all().add(a::Column::OrganizationId.eq(*o)),
        Audience::Volunteer(_) => nothing(),
    }
}

/// A page of the pipeline (never drafts), newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &ApplicationQuery,
    v: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<ApplicationSummary>, Option<Cursor>)> {
    let rows = list_query(q, v, limit, after)?.all(db).await?;
    let (rows, next) = ORDER.page(rows, Some(limit), |r| id_cursor(r.id));
    let out = rows.iter().map(summary).collect::<DbResult<Vec<_>>>()?;
    Ok((out, next))
}

const ORDER: Keyset<a::Column> = Keyset::newest_first(a::Column::Id);

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &ApplicationQuery,
    v: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<a::Entity>> {
    let mut sel = a::Entity::find()
        .filter(a::Column::Status.ne(ApplicationStatus::Draft))
        .filter(visible(v));
    if let Some(s) = q.status {
        sel = sel.filter(a::Column::Status.eq(s));
    }
    if let Some(area) = q.support_area {
        sel = sel.filter(
            a::Column::Id.in_subquery(
                Query::select()
                    .column(asa::Column::ApplicationId)
                    .from(asa::Entity)
                    .and_where(asa::Column::Area.eq(area))
                    .to_owned(),
            ),
        );
    }
    if let Some(school) = q.school_id {
        sel = sel.filter(
            a::Column::Id.in_subquery(
                Query::select()
                    .column(asch::Column::ApplicationId)
                    .from(asch::Entity)
                    .and_where(asch::Column::SchoolId.eq(school))
                    .to_owned(),
            ),
        );
    }
    if let Some(owner) = q.owner_id {
        sel = sel.filter(a::Column::OwnerId.eq(owner));
    }
    if let Some(days) = q.min_days_in_status {
        let since = Utc::now() - chrono::Duration::days(i64::from(std::cmp::Ord::min(days, 3650)));
        sel = sel.filter(a::Column::StatusChangedAt.lte(since));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        sel =
            sel.filter(Expr::col(a::Column::SearchKey).like(super::contains(&text.to_lowercase())));
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// The pipeline line of a row.
pub fn summary(m: &Row) -> DbResult<ApplicationSummary> {
    let form = form_of(m)?;
    Ok(ApplicationSummary {
        id: m.id,
        status: m.status,
        organization_name: m.organization_name.clone(),
        program_title: m.program_title.clone(),
        support_areas: form.program.support_areas,
        school_ids: form.program.school_ids,
        owner_id: m.owner_id,
        status_changed_at: m.status_changed_at,
        submitted_at: m.submitted_at,
    })
}

/// How many visible applications are in each status (drafts excluded), with the oldest
/// status change per status (ageing).
pub async fn counts(
    db: &impl ConnectionTrait,
    v: &Audience,
) -> DbResult<Vec<(ApplicationStatus, u64, Option<DateTime<Utc>>)>> {
    let mut out = vec![];
    for s in ApplicationStatus::ALL
        .iter()
        .filter(|s| **s != ApplicationStatus::Draft)
    {
        let base = a::Entity::find()
            .filter(a::Column::Status.eq(*s))
            .filter(visible(v));
        let n = base.clone().count(db).await?;
        let oldest = if n > 0 {
            base.order_by_asc(a::Column::StatusChangedAt)
                .one(db)
                .await?
                .map(|m| m.status_changed_at)
        } else {
            None
        };
        out.push((*s, n, oldest));
    }
    Ok(out)
}

/// Queues a message.
pub async fn queue_message(
    db: &impl ConnectionTrait,
    kind: &str,
    recipient: &str,
    subject: &str,
    body: &str,
) -> DbResult<()> {
    ob::ActiveModel {
        id: Set(Uuid::now_v7()),
        kind: Set(kind.into()),
        recipient: Set(clip(recipient, 254)),
        subject: Set(clip(subject, 200)),
        body: Set(body.into()),
        created_at: Set(Utc::now()),
        sent_at: Set(None),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Messages queued for a recipient, newest first (dev tools and tests).
pub async fn messages_for(db: &impl ConnectionTrait, recipient: &str) -> DbResult<Vec<ob::Model>> {
    Ok(messages_query(recipient).all(db).await?)
}

/// The query behind [`messages_for`]; public so that a test can ask the database for its plan.
pub fn messages_query(recipient: &str) -> sea_orm::Select<ob::Entity> {
    ob::Entity::find()
        .filter(ob::Column::Recipient.eq(recipient))
        .order_by_desc(ob::Column::Id)
}

/// Replaces the resume token (a return for information sends a fresh link).
pub async fn set_resume_token(
    db: &impl ConnectionTrait,
    id: ApplicationId,
    token_hash: String,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    a::Entity::update_many()
        .col_expr(a::Column::ResumeTokenHash, Expr::value(token_hash))
        .col_expr(a::Column::ResumeTokenExpiresAt, Expr::value(expires_at))
        .filter(a::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

//! Agreements: terms, schools, deliverables, dated history, signatures, document versions,
//! renewal reminders, the status changes the quarterly count reads, and the district goals.

use chrono::{NaiveDate, Utc};
use domain::agreement::{
    AgreementAction, AgreementHistoryEntry, AgreementInput, AgreementKind, AgreementQuery,
    AgreementRef, AgreementStatus, AgreementSummary, Deliverable, DeliverableStatus,
    DocumentVersion, Goal, GoalInput, Signature, StatusChange,
};
use domain::{AgreementId, ContactId, DeliverableId, OrganizationId, SchoolId, UserId};
use sea_orm::sea_query::{Expr, OnConflict, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use super::audience::{Audience, nothing};
use super::versioned;
use crate::entities::{
    agreement_deliverables as dl, agreement_documents as doc, agreement_history as h,
    agreement_reminders as rem, agreement_schools as sch, agreement_signatures as sig,
    agreements as ag, goals as g,
};
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Keyset, id_cursor};
use crate::{DbError, DbResult};

/// A stored agreement, typed: its ids and enums map through the domain types.
pub type Row = ag::Model;

fn search_key(title: &str, org_name: &str) -> String {
    format!("{title} {org_name}")
        .to_lowercase()
        .chars()
        .take(420)
        .collect()
}

fn small(n: Option<u16>) -> Option<i32> {
    n.map(i32::from)
}

/// Stores a new draft with its schools and deliverables.
pub async fn insert(
    db: &impl ConnectionTrait,
    input: &AgreementInput,
    organization_name: &str,
) -> DbResult<Row> {
    let now = Utc::now();
    let id = AgreementId::new();
    let row = ag::ActiveModel {
        id: Set(id),
        title: Set(input.title.trim().into()),
        kind: Set(input.kind),
        status: Set(AgreementStatus::Draft),
        organization_id: Set(input.organization_id),
        application_id: Set(input.application_id),
        department: Set(input.department.trim().into()),
        owner_id: Set(input.owner_id),
        partner_contact_id: Set(input.partner_contact_id),
        effective_from: Set(input.effective_from),
        expires_on: Set(input.expires_on),
        renewal_term_months: Set(small(input.renewal_term_months)),
        notice_period_days: Set(small(input.notice_period_days)),
        end_reason: Set(None),
        final_report: Set(None),
        search_key: Set(search_key(&input.title, organization_name)),
        status_changed_at: Set(now),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    put_schools(db, id, &input.school_ids).await?;
    put_deliverables(db, id, input).await?;
    Ok(row)
}

async fn put_schools(
    db: &impl ConnectionTrait,
    id: AgreementId,
    schools: &[SchoolId],
) -> DbResult<()> {
    sch::Entity::delete_many()
        .filter(sch::Column::AgreementId.eq(id))
        .exec(db)
        .await?;
    let mut schools = schools.to_vec();
    schools.sort();
    schools.dedup();
    for s in schools {
        sch::ActiveModel {
            agreement_id: Set(id),
            school_id: Set(s),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Keeps deliverables by id (their progress stays), adds new ones, removes the rest.
async fn put_deliverables(
    db: &impl ConnectionTrait,
    id: AgreementId,
    input: &AgreementInput,
) -> DbResult<()> {
    let existing: HashMap<DeliverableId, dl::Model> = dl::Entity::find()
        .filter(dl::Column::AgreementId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d))
        .collect();
    let kept: Vec<DeliverableId> = input
        .deliverables
        .iter()
        .filter_map(|d| d.id)
        .filter(|i| existing.contains_key(i))
        .collect();
    dl::Entity::delete_many()
        .filter(dl::Column::AgreementId.eq(id))
        .filter(dl::Column::Id.is_not_in(kept))
        .exec(db)
        .await?;
    for (pos, d) in input.deliverables.iter().enumerate() {
        let old = d.id.and_then(|i| existing.get(&i));
        let am = dl::ActiveModel {
            id: Set(old.map(|o| o.id).unwrap_or_else(DeliverableId::new)),
            agreement_id: Set(id),
            position: Set(i32::try_from(pos).unwrap_or(i32::MAX)),
            description: Set(d.description.trim().into()),
            responsible: Set(d.responsible),
            metric: Set(d.metric.trim().into()),
            target: Set(d.target.trim().into()),
            due_on: Set(d.due_on),
            cadence: Set(d.cadence.trim().into()),
            status: Set(old.map_or(DeliverableStatus::Planned, |o| o.status)),
            evidence: Set(old.map(|o| o.evidence.clone()).unwrap_or_default()),
        };
        if old.is_some() {
            am.update(db).await?;
        } else {
            am.insert(db).await?;
        }
    }
    Ok(())
}

/// One agreement.
pub async fn get(db: &impl ConnectionTrait, id: AgreementId) -> DbResult<Row> {
    ag::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Bumps the version when it is still `expected_version`, applying the changes.
async fn bump(
    db: &impl ConnectionTrait,
    id: AgreementId,
    expected_version: i32,
    changes: Vec<(ag::Column, Expr)>,
) -> DbResult<()> {
    let upd = changes
        .into_iter()
        .fold(ag::Entity::update_many(), |u, (c, e)| u.col_expr(c, e));
    versioned::update(db, id.0, expected_version, upd).await
}

/// Marks a change that is not a column of the agreement (a signature, a document).
pub async fn touch(
    db: &impl ConnectionTrait,
    id: AgreementId,
    expected_version: i32,
) -> DbResult<()> {
    bump(db, id, expected_version, vec![]).await
}

/// Replaces the terms (draft and in review).
pub async fn replace_terms(
    db: &impl ConnectionTrait,
    id: AgreementId,
    expected_version: i32,
    input: &AgreementInput,
    organization_name: &str,
) -> DbResult<()> {
    bump(
        db,
        id,
        expected_version,
        vec![
            (ag::Column::Title, Expr::value(input.title.trim())),
            (ag::Column::Kind, Expr::value(input.kind)),
            (
                ag::Column::OrganizationId,
                Expr::value(input.organization_id),
            ),
            (
                ag::Column::ApplicationId,
                Expr::value(input.application_id.map(|a| a.0)),
            ),
            (ag::Column::Department, Expr::value(input.department.trim())),
            (
                ag::Column::OwnerId,
                Expr::value(input.owner_id.map(|o| o.0)),
            ),
            (
                ag::Column::PartnerContactId,
                Expr::value(input.partner_contact_id.map(|c| c.0)),
            ),
            (ag::Column::EffectiveFrom, Expr::value(input.effective_from)),
            (ag::Column::ExpiresOn, Expr::value(input.expires_on)),
            (
                ag::Column::RenewalTermMonths,
                Expr::value(small(input.renewal_term_months)),
            ),
            (
                ag::Column::NoticePeriodDays,
                Expr::value(small(input.notice_period_days)),
            ),
            (
                ag::Column::SearchKey,
                Expr::value(search_key(&input.title, organization_name)),
            ),
        ],
    )
    .await?;
    put_schools(db, id, &input.school_ids).await?;
    put_deliverables(db, id, input).await
}

/// Moves to a status (with the version check); `expires_on` replaces the expiry (renewal),
/// `end_reason` is kept for termination.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: AgreementId,
    expected_version: i32,
    status: AgreementStatus,
    expires_on: Option<NaiveDate>,
    end_reason: Option<String>,
) -> DbResult<()> {
    let mut changes = vec![
        (ag::Column::Status, Expr::value(status)),
        (ag::Column::StatusChangedAt, Expr::value(Utc::now())),
    ];
    if let Some(d) = expires_on {
        changes.push((ag::Column::ExpiresOn, Expr::value(Some(d))));
    }
    if end_reason.is_some() {
        changes.push((ag::Column::EndReason, Expr::value(end_reason)));
    }
    bump(db, id, expected_version, changes).await
}

/// Stores the final report (JSON).
pub async fn set_final_report(
    db: &impl ConnectionTrait,
    id: AgreementId,
    expected_version: i32,
    report_json: String,
) -> DbResult<()> {
    bump(
        db,
        id,
        expected_version,
        vec![(ag::Column::FinalReport, Expr::value(Some(report_json)))],
    )
    .await
}

/// A step to record.
pub struct NewHistory<'a> {
    /// Who (None: the system).
    pub actor: Option<UserId>,
    /// What.
    pub action: &'a str,
    /// Status before.
    pub from: Option<AgreementStatus>,
    /// Status after.
    pub to: Option<AgreementStatus>,
    /// Note or reason.
    pub note: Option<String>,
    /// The day it took effect.
    pub effective_on: NaiveDate,
}

/// Appends a history row.
pub async fn add_history(
    db: &impl ConnectionTrait,
    id: AgreementId,
    e: NewHistory<'_>,
) -> DbResult<()> {
    h::ActiveModel {
        id: Set(Uuid::now_v7()),
        agreement_id: Set(id),
        at: Set(Utc::now()),
        effective_on: Set(e.effective_on),
        actor_id: Set(e.actor),
        action: Set(e.action.into()),
        from_status: Set(e.from),
        to_status: Set(e.to),
        note: Set(e.note),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The query behind [`history`]; public so that a test can ask the database for its plan.
pub fn history_query(id: AgreementId) -> sea_orm::Select<h::Entity> {
    h::Entity::find()
        .filter(h::Column::AgreementId.eq(id))
        .order_by_asc(h::Column::At)
        .order_by_asc(h::Column::Id)
}

/// An agreement's history, oldest first.
pub async fn history(
    db: &impl ConnectionTrait,
    id: AgreementId,
) -> DbResult<Vec<AgreementHistoryEntry>> {
    let rows = history_query(id).all(db).await?;
    Ok(rows
        .into_iter()
        .map(|r| AgreementHistoryEntry {
            at: r.at,
            effective_on: r.effective_on,
            actor_id: r.actor_id,
            action: r.action,
            from: r.from_status,
            to: r.to_status,
            note: r.note,
        })
        .collect())
}

/// Collaborating schools of many agreements at once.
pub async fn schools_of(
    db: &impl ConnectionTrait,
    ids: &[AgreementId],
) -> DbResult<HashMap<AgreementId, Vec<SchoolId>>> {
    let mut out: HashMap<AgreementId, Vec<SchoolId>> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    for r in sch::Entity::find()
        .filter(sch::Column::AgreementId.is_in(ids.iter().copied()))
        .order_by_asc(sch::Column::SchoolId)
        .all(db)
        .await?
    {
        out.entry(r.agreement_id).or_default().push(r.school_id);
    }
    Ok(out)
}

/// An agreement's deliverables, in order.
pub async fn deliverables(
    db: &impl ConnectionTrait,
    id: AgreementId,
) -> DbResult<Vec<Deliverable>> {
    dl::Entity::find()
        .filter(dl::Column::AgreementId.eq(id))
        .order_by_asc(dl::Column::Position)
        .all(db)
        .await?
        .into_iter()
        .map(|d| {
            Ok(Deliverable {
                id: d.id,
                responsible: d.responsible,
                status: d.status,
                description: d.description,
                metric: d.metric,
                target: d.target,
                due_on: d.due_on,
                cadence: d.cadence,
                evidence: d.evidence,
            })
        })
        .collect()
}

/// Records progress on one deliverable of the agreement.
pub async fn set_deliverable_progress(
    db: &impl ConnectionTrait,
    id: AgreementId,
    deliverable: DeliverableId,
    status: DeliverableStatus,
    evidence: &str,
) -> DbResult<()> {
    let res = dl::Entity::update_many()
        .col_expr(dl::Column::Status, Expr::value(status))
        .col_expr(dl::Column::Evidence, Expr::value(evidence.trim()))
        .filter(dl::Column::AgreementId.eq(id))
        .filter(dl::Column::Id.eq(deliverable))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(DbError::NotFound);
    }
    Ok(())
}

/// Signatures recorded on an agreement.
pub async fn signatures(db: &impl ConnectionTrait, id: AgreementId) -> DbResult<Vec<Signature>> {
    sig::Entity::find()
        .filter(sig::Column::AgreementId.eq(id))
        .order_by_asc(sig::Column::SignedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| {
            Ok(Signature {
                party: s.party,
                signer_name: s.signer_name,
                signer_id: s.signer_id,
                signed_at: s.signed_at,
                ip: s.ip,
                document_sha256: s.document_sha256,
            })
        })
        .collect()
}

/// Records a signature (a second one for the same party is a `Duplicate`).
pub async fn add_signature(
    db: &impl ConnectionTrait,
    id: AgreementId,
    s: &Signature,
) -> DbResult<()> {
    sig::ActiveModel {
        agreement_id: Set(id),
        party: Set(s.party),
        signer_name: Set(s.signer_name.trim().chars().take(120).collect()),
        signer_id: Set(s.signer_id),
        signed_at: Set(s.signed_at),
        ip: Set(s.ip.chars().take(64).collect()),
        document_sha256: Set(s.document_sha256.clone()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Forgets the signatures (the agreement went back to draft: the text may change).
pub async fn clear_signatures(db: &impl ConnectionTrait, id: AgreementId) -> DbResult<()> {
    sig::Entity::delete_many()
        .filter(sig::Column::AgreementId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

fn document_version(d: doc::Model) -> DocumentVersion {
    DocumentVersion {
        version: d.version,
        filename: d.filename,
        content_type: d.content_type,
        size_bytes: d.size_bytes,
        sha256: d.sha256,
        uploaded_by: d.uploaded_by,
        uploaded_at: d.uploaded_at,
    }
}

/// Document versions of an agreement, oldest first.
pub async fn documents(
    db: &impl ConnectionTrait,
    id: AgreementId,
) -> DbResult<Vec<DocumentVersion>> {
    Ok(doc::Entity::find()
        .filter(doc::Column::AgreementId.eq(id))
        .order_by_asc(doc::Column::Version)
        .all(db)
        .await?
        .into_iter()
        .map(document_version)
        .collect())
}

/// One document version and where its content is stored.
pub async fn document(
    db: &impl ConnectionTrait,
    id: AgreementId,
    version: i32,
) -> DbResult<(DocumentVersion, String)> {
    let d = doc::Entity::find_by_id((id, version))
        .one(db)
        .await?
        .ok_or(DbError::NotFound)?;
    let key = d.storage_key.clone();
    Ok((document_version(d), key))
}

/// A new document version to record.
pub struct NewDocument<'a> {
    /// Name given at upload.
    pub filename: &'a str,
    /// Type found from the content.
    pub content_type: &'a str,
    /// Size.
    pub size_bytes: i64,
    /// SHA-256, hex.
    pub sha256: &'a str,
    /// Where the store keeps it.
    pub storage_key: &'a str,
    /// Who.
    pub uploaded_by: Option<UserId>,
}

/// Records the next version (1, 2, 3…) of the agreement's file.
pub async fn add_document(
    db: &impl ConnectionTrait,
    id: AgreementId,
    d: NewDocument<'_>,
) -> DbResult<DocumentVersion> {
    let last = doc::Entity::find()
        .filter(doc::Column::AgreementId.eq(id))
        .order_by_desc(doc::Column::Version)
        .one(db)
        .await?
        .map(|d| d.version)
        .unwrap_or(0);
    let m = doc::ActiveModel {
        agreement_id: Set(id),
        version: Set(last + 1),
        filename: Set(d.filename.chars().take(200).collect()),
        content_type: Set(d.content_type.into()),
        size_bytes: Set(d.size_bytes),
        sha256: Set(d.sha256.into()),
        storage_key: Set(d.storage_key.into()),
        uploaded_by: Set(d.uploaded_by),
        uploaded_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(document_version(m))
}

fn visible(v: &Audience) -> Condition {
    match v {
        Audience::All => Condition::all(),
        Audience::Schools(ids) => Condition::all().add(
            ag::Column::Id.in_subquery(
                Query::select()
                    .column(sch::Column::AgreementId)
                    .from(sch::Entity)
                    .and_where(sch::Column::SchoolId.is_in(ids.iter().copied()))
                    .to_owned(),
            ),
        ),
        Audience::Organization(o) => Condition::all().add(ag::Column::OrganizationId.eq(*o)),
        Audience::Volunteer(_) => nothing(),
    }
}

/// Whether the caller may see the agreement.
pub async fn is_visible(
    db: &impl ConnectionTrait,
    id: AgreementId,
    v: &Audience,
) -> DbResult<bool> {
    Ok(ag::Entity::find()
        .filter(ag::Column::Id.eq(id))
        .filter(visible(v))
        .one(db)
        .await?
        .is_some())
}

const IN_FORCE: [&str; 2] = ["active", "renewal_pending"];

/// A page of agreements, newest first. `today` anchors `expiring_within_days`.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &AgreementQuery,
    v: &Audience,
    today: NaiveDate,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<AgreementSummary>, Option<Cursor>)> {
    let rows = list_query(q, v, today, limit, after)?.all(db).await?;
    let (rows, next) = ORDER.page(rows, Some(limit), |r| id_cursor(r.id));
    Ok((summaries(db, &rows).await?, next))
}

const ORDER: Keyset<ag::Column> = Keyset::newest_first(ag::Column::Id);

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &AgreementQuery,
    v: &Audience,
    today: NaiveDate,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<ag::Entity>> {
    let mut sel = ag::Entity::find().filter(visible(v));
    if let Some(s) = q.status {
        sel = sel.filter(ag::Column::Status.eq(s));
    }
    if let Some(k) = q.kind {
        sel = sel.filter(ag::Column::Kind.eq(k));
    }
    if let Some(school) = q.school_id {
        sel = sel.filter(
            ag::Column::Id.in_subquery(
                Query::select()
                    .column(sch::Column::AgreementId)
                    .from(sch::Entity)
                    .and_where(sch::Column::SchoolId.eq(school))
                    .to_owned(),
            ),
        );
    }
    if let Some(owner) = q.owner_id {
        sel = sel.filter(ag::Column::OwnerId.eq(owner));
    }
    if let Some(org) = q.organization_id {
        sel = sel.filter(ag::Column::OrganizationId.eq(org));
    }
    if let Some(days) = q.expiring_within_days {
        let until = today + chrono::Days::new(u64::from(days));
        sel = sel
            .filter(ag::Column::Status.is_in(IN_FORCE))
            .filter(ag::Column::ExpiresOn.lte(until));
    }
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        sel = sel
            .filter(Expr::col(ag::Column::SearchKey).like(super::contains(&text.to_lowercase())));
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// List lines for rows, with their schools and partner names in two queries.
pub async fn summaries(db: &impl ConnectionTrait, rows: &[Row]) -> DbResult<Vec<AgreementSummary>> {
    let ids: Vec<AgreementId> = rows.iter().map(|r| r.id).collect();
    let mut schools = schools_of(db, &ids).await?;
    let names = super::organizations::names_of(
        db,
        &rows.iter().map(|r| r.organization_id).collect::<Vec<_>>(),
    )
    .await?;
    rows.iter()
        .map(|m| {
            Ok(AgreementSummary {
                id: m.id,
                title: m.title.clone(),
                kind: m.kind,
                status: m.status,
                organization_id: m.organization_id,
                organization_name: names.get(&m.organization_id).cloned().unwrap_or_default(),
                school_ids: schools.remove(&m.id).unwrap_or_default(),
                owner_id: m.owner_id,
                effective_from: m.effective_from,
                expires_on: m.expires_on,
            })
        })
        .collect()
}

/// Agreements awaiting signatures whose effective date has come (signatures checked by the
/// caller).
pub async fn awaiting_from(db: &impl ConnectionTrait, today: NaiveDate) -> DbResult<Vec<Row>> {
    Ok(ag::Entity::find()
        .filter(ag::Column::Status.eq(AgreementStatus::AwaitingSignatures))
        .filter(ag::Column::EffectiveFrom.lte(today))
        .all(db)
        .await?)
}

/// Agreements in force whose last day is before `today`.
pub async fn past_expiry(db: &impl ConnectionTrait, today: NaiveDate) -> DbResult<Vec<Row>> {
    Ok(ag::Entity::find()
        .filter(ag::Column::Status.is_in(IN_FORCE))
        .filter(ag::Column::ExpiresOn.lt(today))
        .all(db)
        .await?)
}

/// Agreements in force that expire on or before `until`, soonest first.
pub async fn in_force_expiring_by(
    db: &impl ConnectionTrait,
    until: NaiveDate,
    v: &Audience,
) -> DbResult<Vec<Row>> {
    Ok(ag::Entity::find()
        .filter(ag::Column::Status.is_in(IN_FORCE))
        .filter(ag::Column::ExpiresOn.lte(until))
        .filter(visible(v))
        .order_by_asc(ag::Column::ExpiresOn)
        .order_by_asc(ag::Column::Id)
        .all(db)
        .await?)
}

/// Whether the organization has another agreement in force.
pub async fn organization_has_other_in_force(
    db: &impl ConnectionTrait,
    org: OrganizationId,
    except: AgreementId,
) -> DbResult<bool> {
    Ok(ag::Entity::find()
        .filter(ag::Column::OrganizationId.eq(org))
        .filter(ag::Column::Id.ne(except))
        .filter(ag::Column::Status.is_in(IN_FORCE))
        .one(db)
        .await?
        .is_some())
}

/// Raises the reminder unless it was raised before (any server, any time): true when new.
pub async fn raise_reminder(
    db: &impl ConnectionTrait,
    id: AgreementId,
    threshold_days: i32,
    expires_on: NaiveDate,
    owner: Option<UserId>,
) -> DbResult<bool> {
    let am = rem::ActiveModel {
        agreement_id: Set(id),
        threshold_days: Set(threshold_days),
        expires_on: Set(expires_on),
        owner_id: Set(owner),
        created_at: Set(Utc::now()),
    };
    let n = rem::Entity::insert(am)
        .on_conflict(
            OnConflict::columns([
                rem::Column::AgreementId,
                rem::Column::ThresholdDays,
                rem::Column::ExpiresOn,
            ])
            .do_nothing()
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(n > 0)
}

/// The smallest reminder threshold raised for each agreement's current expiry date.
pub async fn reminders_for(
    db: &impl ConnectionTrait,
    rows: &[Row],
) -> DbResult<HashMap<AgreementId, i32>> {
    let mut out: HashMap<AgreementId, i32> = HashMap::new();
    if rows.is_empty() {
        return Ok(out);
    }
    let expiry: HashMap<AgreementId, Option<NaiveDate>> =
        rows.iter().map(|r| (r.id, r.expires_on)).collect();
    for r in rem::Entity::find()
        .filter(rem::Column::AgreementId.is_in(rows.iter().map(|r| r.id)))
        .all(db)
        .await?
    {
        if expiry.get(&r.agreement_id).copied().flatten() == Some(r.expires_on) {
            let e = out.entry(r.agreement_id).or_insert(r.threshold_days);
            *e = std::cmp::Ord::min(*e, r.threshold_days);
        }
    }
    Ok(out)
}

/// Every dated status change (what the quarterly count reads), in recording order.
pub async fn status_changes(
    db: &impl ConnectionTrait,
    up_to: NaiveDate,
    kinds: &[AgreementKind],
) -> DbResult<Vec<StatusChange>> {
    let mut agreements = ag::Entity::find();
    if !kinds.is_empty() {
        agreements = agreements.filter(ag::Column::Kind.is_in(kinds.iter().copied()));
    }
    // Only the counted kinds' agreements: the others' history rows find no organization below.
    let orgs: HashMap<AgreementId, OrganizationId> = agreements
        .select_only()
        .column(ag::Column::Id)
        .column(ag::Column::OrganizationId)
        .into_tuple::<(AgreementId, OrganizationId)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let rows = h::Entity::find()
        .filter(h::Column::ToStatus.is_not_null())
        .filter(h::Column::EffectiveOn.lte(up_to))
        .order_by_asc(h::Column::At)
        .order_by_asc(h::Column::Id)
        .all(db)
        .await?;
    let mut out = vec![];
    for (seq, r) in rows.into_iter().enumerate() {
        let (Some(action), Some(to), Some(org)) = (
            AgreementAction::parse(&r.action),
            r.to_status,
            orgs.get(&r.agreement_id),
        ) else {
            continue;
        };
        out.push(StatusChange {
            agreement_id: r.agreement_id,
            organization_id: *org,
            effective_on: r.effective_on,
            seq: i64::try_from(seq).unwrap_or(i64::MAX),
            action,
            to,
        });
    }
    Ok(out)
}

/// Titles and partner names for a drill-down.
pub async fn refs(db: &impl ConnectionTrait, ids: &[AgreementId]) -> DbResult<Vec<AgreementRef>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows = ag::Entity::find()
        .filter(ag::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(ag::Column::Title)
        .all(db)
        .await?;
    let names = super::organizations::names_of(
        db,
        &rows.iter().map(|r| r.organization_id).collect::<Vec<_>>(),
    )
    .await?;
    rows.iter()
        .map(|m| {
            Ok(AgreementRef {
                id: m.id,
                title: m.title.clone(),
                organization_name: names.get(&m.organization_id).cloned().unwrap_or_default(),
                status: m.status,
            })
        })
        .collect()
}

/// The partner signatory of a row.
pub fn partner_contact(m: &Row) -> Option<ContactId> {
    m.partner_contact_id
}

// ---------- goals ----------

fn goal(m: g::Model) -> Goal {
    Goal {
        key: m.key,
        baseline: m.baseline,
        target: m.target,
        deadline: m.deadline,
        counted_kinds: m
            .counted_kinds
            .split_whitespace()
            .filter_map(AgreementKind::parse)
            .collect(),
        version: m.version,
    }
}

/// One goal.
pub async fn get_goal(db: &impl ConnectionTrait, key: &str) -> DbResult<Goal> {
    g::Entity::find_by_id(key.to_string())
        .one(db)
        .await?
        .map(goal)
        .ok_or(DbError::NotFound)
}

/// Every goal, by key.
pub async fn goals(db: &impl ConnectionTrait) -> DbResult<Vec<Goal>> {
    Ok(g::Entity::find()
        .order_by_asc(g::Column::Key)
        .all(db)
        .await?
        .into_iter()
        .map(goal)
        .collect())
}

/// Changes a goal when it is still at `expected_version`.
pub async fn set_goal(
    db: &impl ConnectionTrait,
    key: &str,
    expected_version: i32,
    input: &GoalInput,
    by: UserId,
) -> DbResult<()> {
    let mut upd = g::Entity::update_many();
    if let Some(kinds) = &input.counted_kinds {
        let mut kinds = kinds.clone();
        kinds.sort();
        kinds.dedup();
        let text = kinds
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        upd = upd.col_expr(g::Column::CountedKinds, Expr::value(text));
    }
    let upd = upd
        .col_expr(g::Column::Baseline, Expr::value(input.baseline))
        .col_expr(g::Column::Target, Expr::value(input.target))
        .col_expr(g::Column::Deadline, Expr::value(input.deadline))
        .col_expr(g::Column::UpdatedBy, Expr::value(Some(by)));
    versioned::update(db, key, expected_version, upd).await
}

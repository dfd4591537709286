//! Opportunities and sign-ups. Sign-ups are counted and placed inside the caller's write
//! transaction after `lock` (a row lock on PostgreSQL; SQLite's `BEGIN IMMEDIATE` already
//! serializes writers), so two sign-ups for the last slot cannot both be confirmed.

use chrono::{DateTime, Utc};
use domain::opportunity::{
    self as rules, OpportunityInput, OpportunityQuery, OpportunityStatus, SignupStatus,
};
use domain::{OpportunityId, SignupId, UserId, VolunteerId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

use super::versioned;
use crate::entities::{opportunities as o, signups as s};
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Key, Keyset, time_cursor};
use crate::{DbError, DbResult};

/// A stored opportunity, typed: its ids and enums map through the domain types.
pub type Row = o::Model;
/// A stored sign-up.
pub type SignupRow = s::Model;

fn last_at(i: &OpportunityInput) -> DateTime<Utc> {
    rules::last_moment(i.starts_at, i.ends_at, i.repeats_weekly_until)
}

/// Posts an opportunity (open).
pub async fn insert(db: &impl ConnectionTrait, by: UserId, i: &OpportunityInput) -> DbResult<Row> {
    let now = Utc::now();
    Ok(o::ActiveModel {
        id: Set(OpportunityId::new()),
        title: Set(i.title.trim().into()),
        activity: Set(i.activity),
        school_id: Set(i.school_id),
        starts_at: Set(i.starts_at),
        ends_at: Set(i.ends_at),
        repeats_weekly_until: Set(i.repeats_weekly_until),
        last_at: Set(last_at(i)),
        slots: Set(i.slots as i32),
        clearance_required: Set(i.clearance_required),
        minimum_age: Set(i.minimum_age.map(i32::from)),
        description: Set(i.description.trim().into()),
        status: Set(OpportunityStatus::Open),
        cancel_reason: Set(None),
        created_by: Set(by),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// One opportunity.
pub async fn get(db: &impl ConnectionTrait, id: OpportunityId) -> DbResult<Row> {
    o::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// One opportunity, locked for the rest of the transaction (`FOR UPDATE` on PostgreSQL).
pub async fn lock(db: &impl ConnectionTrait, id: OpportunityId) -> DbResult<Row> {
    o::Entity::find_by_id(id.0)
        .lock_exclusive()
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Replaces the terms when the row is still at `expected_version`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: OpportunityId,
    expected_version: i32,
    i: &OpportunityInput,
) -> DbResult<()> {
    versioned::update(
        db,
        id.0,
        expected_version,
        o::Entity::update_many()
            .col_expr(o::Column::Title, Expr::value(i.title.trim()))
            .col_expr(o::Column::Activity, Expr::value(i.activity))
            .col_expr(o::Column::SchoolId, Expr::value(i.school_id))
            .col_expr(o::Column::StartsAt, Expr::value(i.starts_at))
            .col_expr(o::Column::EndsAt, Expr::value(i.ends_at))
            .col_expr(
                o::Column::RepeatsWeeklyUntil,
                Expr::value(i.repeats_weekly_until),
            )
            .col_expr(o::Column::LastAt, Expr::value(last_at(i)))
            .col_expr(o::Column::Slots, Expr::value(i.slots as i32))
            .col_expr(
                o::Column::ClearanceRequired,
                Expr::value(i.clearance_required),
            )
            .col_expr(
                o::Column::MinimumAge,
                Expr::value(i.minimum_age.map(i32::from)),
            )
            .col_expr(o::Column::Description, Expr::value(i.description.trim())),
    )
    .await
}

/// Marks the opportunity cancelled when still at `expected_version`.
pub async fn set_cancelled(
    db: &impl ConnectionTrait,
    id: OpportunityId,
    expected_version: i32,
    reason: &str,
) -> DbResult<()> {
    versioned::update(
        db,
        id.0,
        expected_version,
        o::Entity::update_many()
            .col_expr(o::Column::Status, Expr::value(OpportunityStatus::Cancelled))
            .col_expr(o::Column::CancelReason, Expr::value(reason)),
    )
    .await
}

/// Who sees which opportunities in a list.
#[derive(Debug, Clone, Copy)]
pub enum Listing {
    /// Everything matching the filters.
    All,
    /// Only those this volunteer holds a (not cancelled) sign-up for.
    SignedUpBy(VolunteerId),
}

/// A page of opportunities still happening on or after `from`, soonest first.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &OpportunityQuery,
    from: DateTime<Utc>,
    listing: Listing,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<Row>, Option<Cursor>)> {
    let rows = list_query(q, from, listing, limit, after)?.all(db).await?;
    Ok(ORDER.page(rows, Some(limit), |r| time_cursor(r.starts_at, r.id)))
}

/// Soonest first.
const ORDER: Keyset<o::Column> = Keyset::by(o::Column::StartsAt, Key::Time, o::Column::Id, false);

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &OpportunityQuery,
    from: DateTime<Utc>,
    listing: Listing,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<o::Entity>> {
    let mut sel = o::Entity::find().filter(o::Column::LastAt.gte(from));
    if !q.include_cancelled.unwrap_or(false) {
        sel = sel.filter(o::Column::Status.eq(OpportunityStatus::Open));
    }
    if let Some(school) = q.school_id {
        sel = sel.filter(o::Column::SchoolId.eq(school));
    }
    if let Some(a) = q.activity {
        sel = sel.filter(o::Column::Activity.eq(a));
    }
    if let Listing::SignedUpBy(v) = listing {
        sel = sel.filter(
            o::Column::Id.in_subquery(
                sea_orm::sea_query::Query::select()
                    .column(s::Column::OpportunityId)
                    .from(s::Entity)
                    .and_where(s::Column::VolunteerId.eq(v))
                    .and_where(s::Column::Status.ne(SignupStatus::Cancelled))
                    .to_owned(),
            ),
        );
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// Confirmed and waitlisted counts of many opportunities at once.
pub async fn counts(
    db: &impl ConnectionTrait,
    ids: &[OpportunityId],
) -> DbResult<HashMap<OpportunityId, (u32, u32)>> {
    let mut out: HashMap<OpportunityId, (u32, u32)> = HashMap::new();
    if ids.is_empty() {
        return Ok(out);
    }
    let rows: Vec<(OpportunityId, SignupStatus, i64)> = s::Entity::find()
        .select_only()
        .column(s::Column::OpportunityId)
        .column(s::Column::Status)
        .column_as(s::Column::Id.count(), "n")
        .filter(s::Column::OpportunityId.is_in(ids.iter().copied()))
        .filter(s::Column::Status.ne(SignupStatus::Cancelled))
        .group_by(s::Column::OpportunityId)
        .group_by(s::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    for (id, status, n) in rows {
        let e = out.entry(id).or_default();
        let n = u32::try_from(n).unwrap_or(u32::MAX);
        if status == SignupStatus::Confirmed {
            e.0 = n;
        } else {
            e.1 = n;
        }
    }
    Ok(out)
}

/// The sign-ups that are not cancelled, in queue order (confirmed and waitlisted mixed).
pub async fn queue(db: &impl ConnectionTrait, id: OpportunityId) -> DbResult<Vec<SignupRow>> {
    Ok(queue_query(id).all(db).await?)
}

/// The query behind [`queue`]; public so that a test can ask the database for its plan.
pub fn queue_query(id: OpportunityId) -> sea_orm::Select<s::Entity> {
    s::Entity::find()
        .filter(s::Column::OpportunityId.eq(id))
        .filter(s::Column::Status.ne(SignupStatus::Cancelled))
        .order_by_asc(s::Column::QueuedAt)
        .order_by_asc(s::Column::Id)
}

/// One sign-up.
pub async fn signup(db: &impl ConnectionTrait, id: SignupId) -> DbResult<SignupRow> {
    s::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// The volunteer's sign-up row for an opportunity (any status).
pub async fn signup_of(
    db: &impl ConnectionTrait,
    id: OpportunityId,
    v: VolunteerId,
) -> DbResult<Option<SignupRow>> {
    Ok(s::Entity::find()
        .filter(s::Column::OpportunityId.eq(id))
        .filter(s::Column::VolunteerId.eq(v))
        .one(db)
        .await?)
}

/// The volunteer's sign-ups (not cancelled) for many opportunities at once.
pub async fn signups_of(
    db: &impl ConnectionTrait,
    ids: &[OpportunityId],
    v: VolunteerId,
) -> DbResult<HashMap<OpportunityId, SignupRow>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(s::Entity::find()
        .filter(s::Column::OpportunityId.is_in(ids.iter().copied()))
        .filter(s::Column::VolunteerId.eq(v))
        .filter(s::Column::Status.ne(SignupStatus::Cancelled))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.opportunity_id, r))
        .collect())
}

/// Places a volunteer in the queue: a new row, or the old cancelled one revived at the end.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    id: OpportunityId,
    v: VolunteerId,
    status: SignupStatus,
    existing: Option<SignupRow>,
) -> DbResult<SignupRow> {
    let now = Utc::now();
    match existing {
        Some(row) => {
            let mut m: s::ActiveModel = row.into();
            m.status = Set(status);
            m.cancel_reason = Set(None);
            m.queued_at = Set(now);
            m.updated_at = Set(now);
            Ok(m.update(db).await?)
        }
        None => Ok(s::ActiveModel {
            id: Set(SignupId::new()),
            opportunity_id: Set(id),
            volunteer_id: Set(v),
            status: Set(status),
            cancel_reason: Set(None),
            queued_at: Set(now),
            updated_at: Set(now),
        }
        .insert(db)
        .await?),
    }
}

/// Moves a sign-up to `to` (the transition is decided by the caller with the domain rule).
pub async fn set_signup_status(
    db: &impl ConnectionTrait,
    id: SignupId,
    to: SignupStatus,
    reason: Option<&str>,
) -> DbResult<SignupRow> {
    let row = signup(db, id).await?;
    let mut m: s::ActiveModel = row.into();
    m.status = Set(to);
    if reason.is_some() {
        m.cancel_reason = Set(reason.map(str::to_string));
    }
    m.updated_at = Set(Utc::now());
    Ok(m.update(db).await?)
}

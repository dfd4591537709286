//! Hour entries. Status changes are guarded by the status they leave (`WHERE status = …`), so two
//! coordinators deciding the same entry, or a check-out racing the automatic one, change it once.

use chrono::{DateTime, NaiveDate, Utc};
use domain::hours::{HourQuery, HourSource, HourStatus};
use domain::volunteer::Interest;
use domain::{HourEntryId, OpportunityId, SchoolId, UserId, VolunteerId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use super::audience::{Audience, nothing};
use crate::entities::hour_entries as h;
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Key, Keyset, time_cursor};
use crate::{DbError, DbResult};

/// A stored entry, typed: its ids and enums map through the domain types.
pub type Row = h::Model;

/// A new entry.
#[derive(Debug, Clone)]
pub struct NewEntry<'a> {
    /// The volunteer.
    pub volunteer: VolunteerId,
    /// Where.
    pub school: SchoolId,
    /// For which opportunity.
    pub opportunity: Option<OpportunityId>,
    /// What.
    pub activity: Interest,
    /// The day.
    pub work_date: NaiveDate,
    /// How long.
    pub minutes: u32,
    /// Note.
    pub note: &'a str,
    /// Logged or checked in.
    pub source: HourSource,
    /// Open (checked in) or pending.
    pub status: HourStatus,
    /// When checked in.
    pub checked_in_at: Option<DateTime<Utc>>,
    /// Why (a correction's reason).
    pub reason: Option<&'a str>,
    /// The entry it corrects.
    pub supersedes: Option<HourEntryId>,
    /// Who recorded it.
    pub by: UserId,
}

/// Stores an entry.
pub async fn insert(db: &impl ConnectionTrait, n: NewEntry<'_>) -> DbResult<Row> {
    Ok(h::ActiveModel {
        id: Set(HourEntryId::new()),
        volunteer_id: Set(n.volunteer),
        school_id: Set(n.school),
        opportunity_id: Set(n.opportunity),
        activity: Set(n.activity),
        work_date: Set(n.work_date),
        minutes: Set(i32::try_from(n.minutes).unwrap_or(i32::MAX)),
        note: Set(n.note.trim().into()),
        source: Set(n.source),
        checked_in_at: Set(n.checked_in_at),
        checked_out_at: Set(None),
        auto_checked_out: Set(false),
        status: Set(n.status),
        reason: Set(n.reason.map(str::to_string)),
        decided_by: Set(None),
        decided_at: Set(None),
        supersedes: Set(n.supersedes),
        superseded_by: Set(None),
        created_by: Set(n.by),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?)
}

/// Whether the volunteer already has a standing entry (not rejected, not corrected) for this
/// school, activity, day and duration — what an import of past hours leaves out.
pub async fn same_entry_exists(
    db: &impl ConnectionTrait,
    volunteer: VolunteerId,
    school: SchoolId,
    activity: Interest,
    work_date: NaiveDate,
    minutes: u32,
) -> DbResult<bool> {
    Ok(h::Entity::find()
        .filter(h::Column::VolunteerId.eq(volunteer))
        .filter(h::Column::SchoolId.eq(school))
        .filter(h::Column::Activity.eq(activity))
        .filter(h::Column::WorkDate.eq(work_date))
        .filter(h::Column::Minutes.eq(i32::try_from(minutes).unwrap_or(i32::MAX)))
        .filter(h::Column::Status.ne(HourStatus::Rejected))
        .filter(h::Column::SupersededBy.is_null())
        .count(db)
        .await?
        > 0)
}

/// One entry.
pub async fn get(db: &impl ConnectionTrait, id: HourEntryId) -> DbResult<Row> {
    h::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Several entries (those that exist).
pub async fn many(db: &impl ConnectionTrait, ids: &[HourEntryId]) -> DbResult<Vec<Row>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(h::Entity::find()
        .filter(h::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?)
}

/// The volunteer's visit still open (checked in, not out), if any.
pub async fn open_visit(db: &impl ConnectionTrait, v: VolunteerId) -> DbResult<Option<Row>> {
    Ok(h::Entity::find()
        .filter(h::Column::VolunteerId.eq(v))
        .filter(h::Column::Status.eq(HourStatus::Open))
        .one(db)
        .await?)
}

/// Open visits checked in before `before` (forgotten check-outs).
pub async fn forgotten(db: &impl ConnectionTrait, before: DateTime<Utc>) -> DbResult<Vec<Row>> {
    Ok(h::Entity::find()
        .filter(h::Column::Status.eq(HourStatus::Open))
        .filter(h::Column::CheckedInAt.lt(before))
        .all(db)
        .await?)
}

/// Closes an open visit; `false` when it was no longer open.
pub async fn close(
    db: &impl ConnectionTrait,
    id: HourEntryId,
    out: DateTime<Utc>,
    minutes: u32,
    automatic: bool,
) -> DbResult<bool> {
    let res = h::Entity::update_many()
        .col_expr(h::Column::CheckedOutAt, Expr::value(out))
        .col_expr(
            h::Column::Minutes,
            Expr::value(i32::try_from(minutes).unwrap_or(i32::MAX)),
        )
        .col_expr(h::Column::AutoCheckedOut, Expr::value(automatic))
        .col_expr(h::Column::Status, Expr::value(HourStatus::Pending))
        .filter(h::Column::Id.eq(id))
        .filter(h::Column::Status.eq(HourStatus::Open))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Records a decision on a pending, current entry; `false` when it was not (any more).
pub async fn decide(
    db: &impl ConnectionTrait,
    id: HourEntryId,
    to: HourStatus,
    reason: Option<&str>,
    by: UserId,
) -> DbResult<bool> {
    let res = h::Entity::update_many()
        .col_expr(h::Column::Status, Expr::value(to))
        .col_expr(h::Column::Reason, Expr::value(reason.map(str::to_string)))
        .col_expr(h::Column::DecidedBy, Expr::value(by))
        .col_expr(h::Column::DecidedAt, Expr::value(Utc::now()))
        .filter(h::Column::Id.eq(id))
        .filter(h::Column::Status.eq(HourStatus::Pending))
        .filter(h::Column::SupersededBy.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Links the old entry to its correction; `false` when it was already corrected.
pub async fn link_correction(
    db: &impl ConnectionTrait,
    old: HourEntryId,
    new: HourEntryId,
) -> DbResult<bool> {
    let res = h::Entity::update_many()
        .col_expr(h::Column::SupersededBy, Expr::value(new))
        .filter(h::Column::Id.eq(old))
        .filter(h::Column::SupersededBy.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Whether an entry is in the scope.
pub fn in_scope(m: &Row, s: &Audience) -> bool {
    match s {
        Audience::All => true,
        Audience::Schools(ids) => ids.contains(&m.school_id),
        Audience::Volunteer(v) => m.volunteer_id == *v,
        Audience::Organization(_) => false,
    }
}

/// A page of entries: pending ones oldest first (the review queue), others newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &HourQuery,
    s: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<Row>, Option<Cursor>)> {
    let rows = list_query(q, s, limit, after)?.all(db).await?;
    Ok(order(q).page(rows, Some(limit), |r| time_cursor(r.created_at, r.id)))
}

/// Pending entries oldest first (the review queue), others newest first.
fn order(q: &HourQuery) -> Keyset<h::Column> {
    let newest_first = q.status != Some(HourStatus::Pending);
    Keyset::by(h::Column::CreatedAt, Key::Time, h::Column::Id, newest_first)
}

/// The query behind [`list`] (one row more than `limit`, to know whether a next page exists);
/// public so that a test can ask the database for its plan.
pub fn list_query(
    q: &HourQuery,
    s: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<h::Entity>> {
    let mut sel = h::Entity::find();
    sel = match s {
        Audience::All => sel,
        Audience::Schools(ids) => sel.filter(h::Column::SchoolId.is_in(ids.iter().copied())),
        Audience::Volunteer(v) => sel.filter(h::Column::VolunteerId.eq(*v)),
        Audience::Organization(_) => sel.filter(nothing()),
    };
    if let Some(st) = q.status {
        sel = sel.filter(h::Column::Status.eq(st));
    }
    if let Some(school) = q.school_id {
        sel = sel.filter(h::Column::SchoolId.eq(school));
    }
    if let Some(v) = q.volunteer_id {
        sel = sel.filter(h::Column::VolunteerId.eq(v));
    }
    if q.flagged.unwrap_or(false) {
        sel = sel.filter(h::Column::AutoCheckedOut.eq(true));
    }
    if let Some(day) = q.from {
        sel = sel.filter(h::Column::WorkDate.gte(day));
    }
    if let Some(day) = q.to {
        sel = sel.filter(h::Column::WorkDate.lte(day));
    }
    if !q.include_superseded.unwrap_or(false) {
        sel = sel.filter(h::Column::SupersededBy.is_null());
    }
    order(q).apply(sel, after.as_ref(), Some(limit))
}

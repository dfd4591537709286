//! Folding a duplicate volunteer profile into the one kept, inside the caller's transaction:
//! hours, sign-ups, clearances, schools and interests move; nothing is lost but a second
//! sign-up of the same person for the same opportunity (the better one is kept and the other
//! reported). The caller keeps the summaries, the flag and the login in step.

use chrono::NaiveDate;
use domain::hours::HourStatus;
use domain::opportunity::SignupStatus;
use domain::volunteer::SchoolYear;
use domain::{OpportunityId, SignupId, VolunteerId};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QuerySelect, Set};
use std::collections::{BTreeSet, HashMap};
use uuid::Uuid;

use crate::DbResult;
use crate::entities::{
    clearances as cl, hour_entries as h, signups as s, volunteer_interests as vi,
    volunteer_schools as vs,
};

/// A sign-up dropped because the kept profile had one for the same opportunity.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct DroppedSignup {
    /// The sign-up.
    pub id: SignupId,
    /// Its opportunity.
    pub opportunity_id: OpportunityId,
    /// Its status when dropped.
    pub status: SignupStatus,
}

/// What moved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Moved {
    /// Hour entries.
    pub hours: u64,
    /// Sign-ups.
    pub signups: u64,
    /// Clearance records.
    pub clearances: u64,
    /// Second sign-ups for the same opportunity, removed.
    pub dropped: Vec<DroppedSignup>,
    /// Opportunities where a dropped sign-up held a slot (the slot is free again).
    pub freed: Vec<OpportunityId>,
    /// School years with approved hours of the duplicate (their summaries need a recount).
    pub years: Vec<NaiveDate>,
    /// The duplicate's approved, standing entries: (school, day, minutes).
    pub approved: Vec<(Uuid, NaiveDate, i64)>,
}

fn rank(status: SignupStatus) -> u8 {
    match status {
        SignupStatus::Confirmed => 2,
        SignupStatus::Waitlisted => 1,
        SignupStatus::Cancelled => 0,
    }
}

/// Moves everything of `dup` onto `keep`.
pub async fn move_all(
    db: &impl ConnectionTrait,
    keep: VolunteerId,
    dup: VolunteerId,
    year: SchoolYear,
) -> DbResult<Moved> {
    let mut moved = Moved::default();

    let approved: Vec<(Uuid, NaiveDate, i32)> = h::Entity::find()
        .select_only()
        .column(h::Column::SchoolId)
        .column(h::Column::WorkDate)
        .column(h::Column::Minutes)
        .filter(h::Column::VolunteerId.eq(dup))
        .filter(h::Column::Status.eq(HourStatus::Approved))
        .filter(h::Column::SupersededBy.is_null())
        .into_tuple()
        .all(db)
        .await?;
    moved.years = approved
        .iter()
        .map(|(_, d, _)| year.start(*d))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    moved.approved = approved
        .into_iter()
        .map(|(s, d, m)| (s, d, i64::from(m)))
        .collect();

    // Sign-ups: one per person and opportunity, so a clash keeps the better of the two.
    let theirs = s::Entity::find()
        .filter(s::Column::VolunteerId.eq(dup))
        .all(db)
        .await?;
    let mine: HashMap<OpportunityId, s::Model> = s::Entity::find()
        .filter(s::Column::VolunteerId.eq(keep))
        .filter(s::Column::OpportunityId.is_in(theirs.iter().map(|r| r.opportunity_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.opportunity_id, r))
        .collect();
    for d in theirs {
        let drop = match mine.get(&d.opportunity_id) {
            None => None,
            Some(k) if rank(d.status) > rank(k.status) => Some(k.clone()),
            Some(_) => Some(d.clone()),
        };
        if let Some(x) = &drop {
            s::Entity::delete_by_id(x.id).exec(db).await?;
            if x.status == SignupStatus::Confirmed {
                moved.freed.push(x.opportunity_id);
            }
            moved.dropped.push(DroppedSignup {
                id: x.id,
                opportunity_id: x.opportunity_id,
                status: x.status,
            });
            if x.id == d.id {
                continue;
            }
        }
        s::Entity::update_many()
            .col_expr(s::Column::VolunteerId, Expr::value(keep))
            .filter(s::Column::Id.eq(d.id))
            .exec(db)
            .await?;
        moved.signups += 1;
    }

    moved.hours = h::Entity::update_many()
        .col_expr(h::Column::VolunteerId, Expr::value(keep))
        .filter(h::Column::VolunteerId.eq(dup))
        .exec(db)
        .await?
        .rows_affected;
    // Their parent-leader roles, with their dates (what is counted on a day stays so).
    crate::entities::parent_leader_roles::Entity::update_many()
        .col_expr(
            crate::entities::parent_leader_roles::Column::VolunteerId,
            Expr::value(keep),
        )
        .filter(crate::entities::parent_leader_roles::Column::VolunteerId.eq(dup))
        .exec(db)
        .await?;
    moved.clearances = cl::Entity::update_many()
        .col_expr(cl::Column::VolunteerId, Expr::value(keep))
        .filter(cl::Column::VolunteerId.eq(dup))
        .exec(db)
        .await?
        .rows_affected;

    for r in vs::Entity::find()
        .filter(vs::Column::VolunteerId.eq(dup))
        .all(db)
        .await?
    {
        vs::Entity::insert(vs::ActiveModel {
            volunteer_id: Set(keep),
            school_id: Set(r.school_id),
        })
        .on_conflict(
            OnConflict::columns([vs::Column::VolunteerId, vs::Column::SchoolId])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    for r in vi::Entity::find()
        .filter(vi::Column::VolunteerId.eq(dup))
        .all(db)
        .await?
    {
        vi::Entity::insert(vi::ActiveModel {
            volunteer_id: Set(keep),
            interest: Set(r.interest),
        })
        .on_conflict(
            OnConflict::columns([vi::Column::VolunteerId, vi::Column::Interest])
                .do_nothing()
                .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    Ok(moved)
}

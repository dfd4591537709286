//! The volunteer dashboard's summaries: approved minutes per volunteer, school, activity and
//! month, changed only inside the transactions that approve or correct hours; and the facts of
//! each volunteer the dashboard counts.

use chrono::NaiveDate;
use domain::volunteer::{Interest, VolunteerKind};
use domain::volunteer_metrics::{TotalRow, VolunteerFacts, month_of};
use domain::{SchoolId, VolunteerId};
use sea_orm::sea_query::{Alias, Expr, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, QueryFilter, Set};

use crate::entities::{volunteer_hour_totals as t, volunteer_schools as vs, volunteers as v};
use crate::{DbError, DbResult};

/// Adds (or with negative numbers, takes back) approved minutes of an entry.
pub async fn add(
    db: &impl ConnectionTrait,
    volunteer: VolunteerId,
    school: SchoolId,
    activity: Interest,
    work_date: NaiveDate,
    minutes: i64,
    entries: i64,
) -> DbResult<()> {
    let am = t::ActiveModel {
        volunteer_id: Set(volunteer.0),
        school_id: Set(school.0),
        activity: Set(activity.as_str().into()),
        month: Set(month_of(work_date)),
        minutes: Set(minutes),
        entries: Set(entries),
    };
    let excluded = Alias::new("excluded");
    t::Entity::insert(am)
        .on_conflict(
            OnConflict::columns([
                t::Column::VolunteerId,
                t::Column::SchoolId,
                t::Column::Activity,
                t::Column::Month,
            ])
            .value(
                t::Column::Minutes,
                Expr::col((t::Entity, t::Column::Minutes))
                    .add(Expr::col((excluded.clone(), t::Column::Minutes))),
            )
            .value(
                t::Column::Entries,
                Expr::col((t::Entity, t::Column::Entries))
                    .add(Expr::col((excluded, t::Column::Entries))),
            )
            .to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Summary rows from `from` through `to` (months), optionally only these schools'.
pub async fn rows(
    db: &impl ConnectionTrait,
    from: NaiveDate,
    to: NaiveDate,
    schools: Option<&[SchoolId]>,
) -> DbResult<Vec<TotalRow>> {
    let mut sel = t::Entity::find()
        .filter(t::Column::Month.gte(month_of(from)))
        .filter(t::Column::Month.lte(month_of(to)));
    if let Some(ids) = schools {
        sel = sel.filter(t::Column::SchoolId.is_in(ids.iter().map(|s| s.0)));
    }
    sel.all(db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(TotalRow {
                volunteer: r.volunteer_id,
                school: SchoolId(r.school_id),
                activity: Interest::parse(&r.activity).ok_or_else(|| {
                    DbError::Corrupt(format!("hour total activity {:?}", r.activity))
                })?,
                month: r.month,
                minutes: r.minutes,
            })
        })
        .collect()
}

/// What the dashboard counts of each volunteer (optionally only those serving these schools).
pub async fn facts(
    db: &impl ConnectionTrait,
    schools: Option<&[SchoolId]>,
) -> DbResult<Vec<VolunteerFacts>> {
    let mut sel = v::Entity::find();
    if let Some(ids) = schools {
        sel = sel.filter(
            v::Column::Id.in_subquery(
                Query::select()
                    .column(vs::Column::VolunteerId)
                    .from(vs::Entity)
                    .and_where(vs::Column::SchoolId.is_in(ids.iter().map(|s| s.0)))
                    .to_owned(),
            ),
        );
    }
    sel.all(db)
        .await?
        .into_iter()
        .map(|m| {
            Ok(VolunteerFacts {
                id: m.id,
                kind: VolunteerKind::parse(&m.kind)
                    .ok_or_else(|| DbError::Corrupt(format!("volunteer kind {:?}", m.kind)))?,
                parent_leader: m.parent_leader,
                cleared_until: m.cleared_until,
                created_on: m.created_at.date_naive(),
            })
        })
        .collect()
}

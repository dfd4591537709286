//! The volunteer dashboard's summaries, changed only inside the transactions that approve or
//! take back hours, and sized by volunteers and schools — never by the hour log:
//!
//! - `volunteer_activity_years`: per volunteer, school, activity and school year, the first month
//!   with approved hours (what "active" is counted from);
//! - `volunteer_minutes`: approved minutes per school and month, by activity and by the
//!   volunteer's kind.
//!
//! [`aggregates`] counts the dashboard from them in SQL.

use chrono::{Days, NaiveDate, NaiveTime};
use domain::volunteer::{Interest, SchoolYear};
use domain::volunteer_metrics::{Aggregates, VolunteerGrouping, month_of};
use domain::{SchoolId, VolunteerId};
use sea_orm::sea_query::{Alias, Expr, Func, OnConflict, Query, SimpleExpr};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, ExprTrait, JoinType, QueryFilter, QuerySelect,
    QueryTrait, RelationTrait, Set,
};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

use crate::entities::{
    hour_entries as h, parent_leader_roles as plr, volunteer_activity_years as ay,
    volunteer_minutes as vm, volunteer_schools as vs, volunteers as v,
};
use crate::{DbError, DbResult};

/// The setting that holds the month the school year starts in (absent: July).
pub const SCHOOL_YEAR_KEY: &str = "school_year_start_month";

/// The key of the PostgreSQL advisory lock between the transactions that count by school year
/// (shared) and the one that changes the school year and counts everything again (exclusive).
const SCHOOL_YEAR_LOCK: i64 = 0x5048_5359; // "PHSY"

/// The school year as the office set it, read without locking (dashboards).
pub async fn school_year(db: &impl ConnectionTrait) -> DbResult<SchoolYear> {
    Ok(
        match crate::repo::settings::get(db, SCHOOL_YEAR_KEY).await? {
            Some(row) => row
                .value
                .parse()
                .ok()
                .and_then(SchoolYear::starting_in)
                .ok_or_else(|| DbError::Corrupt(format!("{SCHOOL_YEAR_KEY} {:?}", row.value)))?,
            None => SchoolYear::default(),
        },
    )
}

/// The school year, for a transaction that will count hours by it: on PostgreSQL it also
/// holds off a change of the school year until this transaction ends (SQLite writers are
/// serialized already), so no entry is counted in a year that no longer exists.
pub async fn counting_year(db: &impl ConnectionTrait) -> DbResult<SchoolYear> {
    if crate::is_postgres(db) {
        db.execute_unprepared(&format!(
            "SELECT pg_advisory_xact_lock_shared({SCHOOL_YEAR_LOCK})"
        ))
        .await?;
    }
    school_year(db).await
}

/// Counts every volunteer's school years again from the approved hour log, by `year` (the
/// school year changed). Waits for the transactions counting by the old one to end.
pub async fn rebuild_years(db: &impl ConnectionTrait, year: SchoolYear) -> DbResult<()> {
    let postgres = crate::is_postgres(db);
    if postgres {
        db.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({SCHOOL_YEAR_LOCK})"))
            .await?;
    }
    let back = year.start_month() - 1;
    let (month, start) = if postgres {
        (
            "CAST(date_trunc('month', h.work_date) AS date)".to_string(),
            format!(
                "CAST(date_trunc('year', h.work_date - INTERVAL '{back} months') \
                 + INTERVAL '{back} months' AS date)"
            ),
        )
    } else {
        (
            "date(h.work_date, 'start of month')".to_string(),
            format!(
                "date(h.work_date, 'start of month', '-{back} months', 'start of year', \
                 '+{back} months')"
            ),
        )
    };
    ay::Entity::delete_many().exec(db).await?;
    db.execute_unprepared(&format!(
        "INSERT INTO volunteer_activity_years \
         (volunteer_id, school_id, activity, year_start, first_month, minutes, entries) \
         SELECT h.volunteer_id, h.school_id, h.activity, {start}, MIN({month}), \
         SUM(h.minutes), COUNT(*) FROM hour_entries h \
         WHERE h.status = 'approved' AND h.superseded_by IS NULL AND h.minutes > 0 \
         GROUP BY h.volunteer_id, h.school_id, h.activity, {start}"
    ))
    .await?;
    Ok(())
}

/// `volunteer_minutes.dimension` of the minutes by activity.
pub const BY_ACTIVITY: &str = "activity";
/// `volunteer_minutes.dimension` of the minutes by the volunteer's kind.
pub const BY_KIND: &str = "kind";

/// An approved entry, as the summaries count it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counted {
    /// Who.
    pub volunteer: VolunteerId,
    /// Where.
    pub school: SchoolId,
    /// What.
    pub activity: Interest,
    /// When.
    pub work_date: NaiveDate,
    /// How long.
    pub minutes: i64,
}

impl Counted {
    /// The summary view of a stored entry.
    pub fn of(row: &h::Model) -> Self {
        Self {
            volunteer: row.volunteer_id,
            school: row.school_id,
            activity: row.activity,
            work_date: row.work_date,
            minutes: i64::from(row.minutes),
        }
    }
}

async fn kind_of(db: &impl ConnectionTrait, volunteer: VolunteerId) -> DbResult<String> {
    v::Entity::find_by_id(volunteer.0)
        .select_only()
        .column(v::Column::Kind)
        .into_tuple::<String>()
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

async fn add_minutes(
    db: &impl ConnectionTrait,
    school: SchoolId,
    month: NaiveDate,
    dimension: &str,
    key: &str,
    minutes: i64,
    entries: i64,
) -> DbResult<()> {
    vm::Entity::insert(vm::ActiveModel {
        school_id: Set(school.0),
        month: Set(month),
        dimension: Set(dimension.into()),
        group_key: Set(key.into()),
        minutes: Set(minutes),
        entries: Set(entries),
    })
    .on_conflict(add_to_minutes())
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// On a `volunteer_minutes` row that exists: add the new minutes and entries to it.
pub fn add_to_minutes() -> OnConflict {
    let excluded = Alias::new("excluded");
    OnConflict::columns([
        vm::Column::SchoolId,
        vm::Column::Month,
        vm::Column::Dimension,
        vm::Column::GroupKey,
    ])
    .value(
        vm::Column::Minutes,
        Expr::col((vm::Entity, vm::Column::Minutes))
            .add(Expr::col((excluded.clone(), vm::Column::Minutes))),
    )
    .value(
        vm::Column::Entries,
        Expr::col((vm::Entity, vm::Column::Entries))
            .add(Expr::col((excluded, vm::Column::Entries))),
    )
    .to_owned()
}

/// Counts newly approved entries (inside the approval's transaction; `year` from
/// [`counting_year`]). The volunteers' kinds are read once for the whole batch.
pub async fn add_all(
    db: &impl ConnectionTrait,
    entries: &[Counted],
    year: SchoolYear,
) -> DbResult<()> {
    let mut ids: Vec<Uuid> = entries.iter().map(|e| e.volunteer.0).collect();
    ids.sort();
    ids.dedup();
    let mut kinds: HashMap<Uuid, String> = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(1000) {
        let rows: Vec<(Uuid, String)> = v::Entity::find()
            .select_only()
            .column(v::Column::Id)
            .column(v::Column::Kind)
            .filter(v::Column::Id.is_in(chunk.iter().copied()))
            .into_tuple()
            .all(db)
            .await?;
        kinds.extend(rows);
    }
    for e in entries {
        let kind = kinds.get(&e.volunteer.0).ok_or(DbError::NotFound)?;
        add_one(db, e, kind, year).await?;
    }
    Ok(())
}

async fn add_one(
    db: &impl ConnectionTrait,
    e: &Counted,
    kind: &str,
    year: SchoolYear,
) -> DbResult<()> {
    let month = month_of(e.work_date);
    add_minutes(
        db,
        e.school,
        month,
        BY_ACTIVITY,
        e.activity.as_str(),
        e.minutes,
        1,
    )
    .await?;
    add_minutes(db, e.school, month, BY_KIND, kind, e.minutes, 1).await?;
    let excluded = Alias::new("excluded");
    let first = Expr::col((excluded.clone(), ay::Column::FirstMonth));
    let kept = Expr::col((ay::Entity, ay::Column::FirstMonth));
    ay::Entity::insert(ay::ActiveModel {
        volunteer_id: Set(e.volunteer.0),
        school_id: Set(e.school.0),
        activity: Set(e.activity.as_str().into()),
        year_start: Set(year.start(e.work_date)),
        first_month: Set(month),
        minutes: Set(e.minutes),
        entries: Set(1),
    })
    .on_conflict(
        OnConflict::columns([
            ay::Column::VolunteerId,
            ay::Column::SchoolId,
            ay::Column::Activity,
            ay::Column::YearStart,
        ])
        .value(
            ay::Column::FirstMonth,
            Expr::case(first.clone().lt(kept.clone()), first).finally(kept),
        )
        .value(
            ay::Column::Minutes,
            Expr::col((ay::Entity, ay::Column::Minutes))
                .add(Expr::col((excluded.clone(), ay::Column::Minutes))),
        )
        .value(
            ay::Column::Entries,
            Expr::col((ay::Entity, ay::Column::Entries))
                .add(Expr::col((excluded, ay::Column::Entries))),
        )
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// Stops counting an approved entry (it was corrected): its minutes come off, and the
/// volunteer's first months of that school year are counted again from the approved entries
/// still standing (a volunteer's year of entries, whatever the size of the log).
pub async fn take_back(db: &impl ConnectionTrait, e: &Counted, year: SchoolYear) -> DbResult<()> {
    let month = month_of(e.work_date);
    let kind = kind_of(db, e.volunteer).await?;
    add_minutes(
        db,
        e.school,
        month,
        BY_ACTIVITY,
        e.activity.as_str(),
        -e.minutes,
        -1,
    )
    .await?;
    add_minutes(db, e.school, month, BY_KIND, &kind, -e.minutes, -1).await?;
    recount_year(db, e.volunteer, year.start(e.work_date), year).await
}

/// Moves approved minutes (school, day, minutes) from one kind of volunteer to another (a
/// merge of two profiles of different kinds).
pub async fn move_kind(
    db: &impl ConnectionTrait,
    entries: &[(Uuid, NaiveDate, i64)],
    from: &str,
    to: &str,
) -> DbResult<()> {
    if from == to {
        return Ok(());
    }
    let mut sums: BTreeMap<(Uuid, NaiveDate), (i64, i64)> = BTreeMap::new();
    for (school, day, minutes) in entries {
        let e = sums.entry((*school, month_of(*day))).or_default();
        e.0 += minutes;
        e.1 += 1;
    }
    for ((school, month), (minutes, n)) in sums {
        add_minutes(db, SchoolId(school), month, BY_KIND, from, -minutes, -n).await?;
        add_minutes(db, SchoolId(school), month, BY_KIND, to, minutes, n).await?;
    }
    Ok(())
}

/// Counts one volunteer's `volunteer_activity_years` rows of a school year again from the log.
pub async fn recount_year(
    db: &impl ConnectionTrait,
    volunteer: VolunteerId,
    year_start: NaiveDate,
    year: SchoolYear,
) -> DbResult<()> {
    ay::Entity::delete_many()
        .filter(ay::Column::VolunteerId.eq(volunteer.0))
        .filter(ay::Column::YearStart.eq(year_start))
        .exec(db)
        .await?;
    let next_year = year.next(year_start);
    let entries: Vec<(Uuid, String, NaiveDate, i32)> = h::Entity::find()
        .select_only()
        .column(h::Column::SchoolId)
        .column(h::Column::Activity)
        .column(h::Column::WorkDate)
        .column(h::Column::Minutes)
        .filter(h::Column::VolunteerId.eq(volunteer.0))
        .filter(h::Column::Status.eq(domain::hours::HourStatus::Approved.as_str()))
        .filter(h::Column::SupersededBy.is_null())
        .filter(h::Column::Minutes.gt(0))
        .filter(h::Column::WorkDate.gte(year_start))
        .filter(h::Column::WorkDate.lt(next_year))
        .into_tuple()
        .all(db)
        .await?;
    let mut rows: BTreeMap<(Uuid, String), ay::ActiveModel> = BTreeMap::new();
    for (school, activity, day, minutes) in entries {
        let month = month_of(day);
        let row = rows
            .entry((school, activity.clone()))
            .or_insert_with(|| ay::ActiveModel {
                volunteer_id: Set(volunteer.0),
                school_id: Set(school),
                activity: Set(activity),
                year_start: Set(year_start),
                first_month: Set(month),
                minutes: Set(0),
                entries: Set(0),
            });
        if month < *row.first_month.as_ref() {
            row.first_month = Set(month);
        }
        row.minutes = Set(row.minutes.as_ref() + i64::from(minutes));
        row.entries = Set(row.entries.as_ref() + 1);
    }
    if !rows.is_empty() {
        ay::Entity::insert_many(rows.into_values())
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// `SUM(minutes)` as a 64-bit integer (PostgreSQL sums `bigint` into `numeric`).
fn minutes_sum() -> SimpleExpr {
    Expr::from(Func::cast_as(
        Func::sum(Expr::col(vm::Column::Minutes)),
        Alias::new("BIGINT"),
    ))
}

fn in_schools<C: ColumnTrait>(col: C, schools: Option<&[SchoolId]>) -> Option<SimpleExpr> {
    schools.map(|ids| col.is_in(ids.iter().map(|s| s.0)))
}

/// What the dashboard counts on `as_of` for these schools (none: the district), from the
/// summaries: a handful of grouped queries over rows bounded by volunteers and schools.
pub async fn aggregates(
    db: &impl ConnectionTrait,
    as_of: NaiveDate,
    group_by: VolunteerGrouping,
    schools: Option<&[SchoolId]>,
    school_year: SchoolYear,
) -> DbResult<Aggregates> {
    let year = school_year.start(as_of);
    let last = month_of(as_of);
    // Counted on `as_of`: profiles not ended by then (ended on a later day, or not at all).
    let not_ended = || {
        Expr::col((v::Entity, v::Column::EndedOn))
            .is_null()
            .or(Expr::col((v::Entity, v::Column::EndedOn)).gt(as_of))
    };
    let active_rows = || {
        let mut q = ay::Entity::find()
            .select_only()
            .join(JoinType::InnerJoin, ay::Relation::Volunteer.def())
            .filter(not_ended())
            .filter(ay::Column::YearStart.eq(year))
            .filter(ay::Column::FirstMonth.lte(last))
            .filter(ay::Column::Minutes.gt(0));
        if let Some(cond) = in_schools(ay::Column::SchoolId, schools) {
            q = q.filter(cond);
        }
        q
    };
    let minute_rows = |dimension: &str| {
        let mut q = vm::Entity::find()
            .select_only()
            .filter(vm::Column::Dimension.eq(dimension))
            .filter(vm::Column::Month.gte(year))
            .filter(vm::Column::Month.lte(last));
        if let Some(cond) = in_schools(vm::Column::SchoolId, schools) {
            q = q.filter(cond);
        }
        q
    };

    let minutes_by_key = |dimension: &'static str| {
        minute_rows(dimension)
            .column(vm::Column::GroupKey)
            .column_as(minutes_sum(), "minutes")
            .group_by(vm::Column::GroupKey)
            .into_tuple::<(String, Option<i64>)>()
            .all(db)
    };

    // Volunteers by their first active month (the earliest over the schools in scope) and the
    // day their profile ended, when it ended by `as_of`.
    let backend = db.get_database_backend();
    let ended_by_then = Expr::case(
        Expr::col((v::Entity, v::Column::EndedOn)).lte(as_of),
        Expr::col((v::Entity, v::Column::EndedOn)),
    )
    .finally(Expr::null());
    let firsts = Query::select()
        .column((ay::Entity, ay::Column::VolunteerId))
        .expr_as(
            Func::min(Expr::col((ay::Entity, ay::Column::FirstMonth))),
            Alias::new("first"),
        )
        .expr_as(ended_by_then, Alias::new("ended"))
        .from(ay::Entity)
        .inner_join(
            v::Entity,
            Expr::col((v::Entity, v::Column::Id)).equals((ay::Entity, ay::Column::VolunteerId)),
        )
        .and_where(ay::Column::YearStart.eq(year))
        .and_where(ay::Column::FirstMonth.lte(last))
        .and_where(ay::Column::Minutes.gt(0))
        .and_where_option(in_schools(ay::Column::SchoolId, schools))
        .group_by_col((ay::Entity, ay::Column::VolunteerId))
        .group_by_col((v::Entity, v::Column::EndedOn))
        .to_owned();
    let histogram = Query::select()
        .column(Alias::new("first"))
        .column(Alias::new("ended"))
        .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
        .from_subquery(firsts, Alias::new("f"))
        .group_by_col(Alias::new("first"))
        .group_by_col(Alias::new("ended"))
        .to_owned();
    let mut first_active = vec![];
    for row in db.query_all_raw(backend.build(&histogram)).await? {
        let month: NaiveDate = row.try_get("", "first")?;
        let ended: Option<NaiveDate> = row.try_get("", "ended")?;
        let n: i64 = row.try_get("", "n")?;
        first_active.push((month, ended, u64::try_from(n).unwrap_or(0)));
    }

    let minutes_by_month: Vec<(NaiveDate, i64)> = minute_rows(BY_ACTIVITY)
        .column(vm::Column::Month)
        .column_as(minutes_sum(), "minutes")
        .group_by(vm::Column::Month)
        .into_tuple::<(NaiveDate, Option<i64>)>()
        .all(db)
        .await?
        .into_iter()
        .map(|(m, n)| (m, n.unwrap_or(0)))
        .collect();

    let distinct = Expr::from(Func::count_distinct(Expr::col((
        ay::Entity,
        ay::Column::VolunteerId,
    ))));
    // Per group key: active volunteers, and approved minutes.
    type Counts = (Vec<(String, i64)>, Vec<(String, Option<i64>)>);
    let (active, minutes): Counts = match group_by {
        VolunteerGrouping::Month => (vec![], vec![]),
        VolunteerGrouping::School => (
            active_rows()
                .column(ay::Column::SchoolId)
                .column_as(distinct, "n")
                .group_by(ay::Column::SchoolId)
                .into_tuple::<(Uuid, i64)>()
                .all(db)
                .await?
                .into_iter()
                .map(|(s, n)| (s.to_string(), n))
                .collect(),
            minute_rows(BY_ACTIVITY)
                .column(vm::Column::SchoolId)
                .column_as(minutes_sum(), "minutes")
                .group_by(vm::Column::SchoolId)
                .into_tuple::<(Uuid, Option<i64>)>()
                .all(db)
                .await?
                .into_iter()
                .map(|(s, n)| (s.to_string(), n))
                .collect(),
        ),
        VolunteerGrouping::Activity => (
            active_rows()
                .column(ay::Column::Activity)
                .column_as(distinct, "n")
                .group_by(ay::Column::Activity)
                .into_tuple()
                .all(db)
                .await?,
            minutes_by_key(BY_ACTIVITY).await?,
        ),
        VolunteerGrouping::Kind => (
            active_rows()
                .column(v::Column::Kind)
                .column_as(distinct, "n")
                .group_by(v::Column::Kind)
                .into_tuple()
                .all(db)
                .await?,
            minutes_by_key(BY_KIND).await?,
        ),
    };
    let mut groups: HashMap<String, (u64, i64)> = HashMap::new();
    for (key, n) in active {
        groups.entry(key).or_default().0 = u64::try_from(n).unwrap_or(0);
    }
    for (key, m) in minutes {
        groups.entry(key).or_default().1 = m.unwrap_or(0);
    }

    // The volunteers' own counts, in one pass over the profiles in scope.
    let day_after = as_of + Days::new(1);
    let at = |d: NaiveDate| d.and_time(NaiveTime::MIN).and_utc();
    let count_if = |cond: SimpleExpr| {
        Expr::from(Func::sum(
            Expr::case(cond, Expr::cust("1")).finally(Expr::cust("0")),
        ))
    };
    let mut months = vec![];
    let mut m = year;
    while m <= last {
        let next = month_of(m + Days::new(31));
        months.push((m, Ord::min(next, day_after)));
        m = next;
    }
    // Parent leaders: holding a role on `as_of`, and active (in scope) in its school year.
    let holding = Query::select()
        .column(plr::Column::VolunteerId)
        .from(plr::Entity)
        .and_where(plr::Column::StartedOn.lte(as_of))
        .and_where(
            plr::Column::EndedOn
                .is_null()
                .or(plr::Column::EndedOn.gt(as_of)),
        )
        .to_owned();
    let active_this_year = Query::select()
        .column(ay::Column::VolunteerId)
        .from(ay::Entity)
        .and_where(ay::Column::YearStart.eq(year))
        .and_where(ay::Column::FirstMonth.lte(last))
        .and_where(ay::Column::Minutes.gt(0))
        .and_where_option(in_schools(ay::Column::SchoolId, schools))
        .to_owned();
    let mut q = v::Entity::find()
        .select_only()
        .column_as(
            count_if(
                v::Column::CreatedAt
                    .lt(at(day_after))
                    .and(v::Column::ClearedUntil.gte(as_of))
                    .and(not_ended()),
            ),
            "registered",
        )
        .column_as(
            count_if(
                v::Column::Id
                    .in_subquery(holding)
                    .and(v::Column::Id.in_subquery(active_this_year))
                    .and(not_ended()),
            ),
            "leaders",
        );
    for (i, (from, to)) in months.iter().enumerate() {
        q = q.column_as(
            count_if(
                v::Column::CreatedAt
                    .gte(at(*from))
                    .and(v::Column::CreatedAt.lt(at(*to))),
            ),
            format!("m{i}"),
        );
    }
    if let Some(ids) = schools {
        q = q.filter(
            v::Column::Id.in_subquery(
                Query::select()
                    .column(vs::Column::VolunteerId)
                    .from(vs::Entity)
                    .and_where(vs::Column::SchoolId.is_in(ids.iter().map(|s| s.0)))
                    .to_owned(),
            ),
        );
    }
    let counts = db.query_one_raw(q.build(backend)).await?;
    let count = |name: &str| {
        counts
            .as_ref()
            .and_then(|r| r.try_get::<Option<i64>>("", name).ok().flatten())
            .and_then(|n| u64::try_from(n).ok())
            .unwrap_or(0)
    };
    Ok(Aggregates {
        first_active,
        minutes_by_month,
        groups: groups.into_iter().map(|(k, (a, m))| (k, a, m)).collect(),
        registered: count("registered"),
        parent_leaders: count("leaders"),
        registrations_by_month: months
            .iter()
            .enumerate()
            .map(|(i, (m, _))| (*m, count(&format!("m{i}"))))
            .collect(),
    })
}

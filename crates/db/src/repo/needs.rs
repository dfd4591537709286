//! School needs and the strategic-plan priorities they align with. A need's rank is unique per
//! school and year among the needs not withdrawn (a partial unique index backs the service's
//! check); coverage counts, per active school, the primary needs that are not withdrawn.

use chrono::Utc;
use domain::needs::{
    CoverageQuery, NeedInput, NeedQuery, NeedStatus, PRIMARY_RANKS, PriorityInput, SchoolCoverage,
};
use domain::school::SchoolStatus;
use domain::{NeedId, PriorityId, SchoolId, UserId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Select, Set,
};
use std::collections::HashMap;

use super::audience::{self, Audience};
use super::versioned;
use crate::entities::{plan_priorities as p, school_needs as n, schools as s};
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Keyset, id_cursor};
use crate::{DbError, DbResult};

// ---------- priorities ----------

/// Every priority, in list order (active and retired).
pub async fn priorities(db: &impl ConnectionTrait) -> DbResult<Vec<p::Model>> {
    Ok(p::Entity::find()
        .order_by_asc(p::Column::Position)
        .order_by_asc(p::Column::Code)
        .all(db)
        .await?)
}

/// One priority.
pub async fn priority(db: &impl ConnectionTrait, id: PriorityId) -> DbResult<p::Model> {
    p::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Adds a priority (a taken code: `Duplicate`).
pub async fn insert_priority(db: &impl ConnectionTrait, i: &PriorityInput) -> DbResult<p::Model> {
    let now = Utc::now();
    Ok(p::ActiveModel {
        id: Set(PriorityId::new()),
        code: Set(i.code.clone()),
        name: Set(i.name.trim().into()),
        name_es: Set(i.name_es.trim().into()),
        kind: Set(i.kind),
        active: Set(i.active),
        position: Set(i.position as i32),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// Replaces a priority's fields when it is still at `expected`.
pub async fn update_priority(
    db: &impl ConnectionTrait,
    id: PriorityId,
    expected: i32,
    i: &PriorityInput,
) -> DbResult<()> {
    versioned::update(
        db,
        id.0,
        expected,
        p::Entity::update_many()
            .col_expr(p::Column::Code, Expr::value(i.code.clone()))
            .col_expr(p::Column::Name, Expr::value(i.name.trim()))
            .col_expr(p::Column::NameEs, Expr::value(i.name_es.trim()))
            .col_expr(p::Column::Kind, Expr::value(i.kind))
            .col_expr(p::Column::Active, Expr::value(i.active))
            .col_expr(p::Column::Position, Expr::value(i.position as i32)),
    )
    .await
}

/// Priorities by id, for naming them on many needs at once.
pub async fn priorities_of(
    db: &impl ConnectionTrait,
    ids: &[PriorityId],
) -> DbResult<HashMap<PriorityId, p::Model>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(p::Entity::find()
        .filter(p::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect())
}

// ---------- needs ----------

/// Records a need (open).
pub async fn insert(db: &impl ConnectionTrait, by: UserId, i: &NeedInput) -> DbResult<n::Model> {
    let now = Utc::now();
    Ok(n::ActiveModel {
        id: Set(NeedId::new()),
        school_id: Set(i.school_id),
        school_year: Set(i.school_year),
        support_area: Set(i.support_area),
        priority_id: Set(i.priority_id),
        help_kind: Set(i.help_kind),
        description: Set(i.description.trim().into()),
        ask_unit: Set(i.ask_unit),
        ask_quantity: Set(i64::from(i.ask_quantity)),
        timeframe: Set(i.timeframe.trim().into()),
        rank: Set(i.rank as i32),
        status: Set(NeedStatus::Open),
        status_reason: Set(None),
        visible_to_partners: Set(i.visible_to_partners),
        internal_notes: Set(i.internal_notes.trim().into()),
        recorded_by: Set(by),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?)
}

/// One need.
pub async fn get(db: &impl ConnectionTrait, id: NeedId) -> DbResult<n::Model> {
    n::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Replaces a need's terms (not its school, year or status) when still at `expected`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: NeedId,
    expected: i32,
    i: &NeedInput,
) -> DbResult<()> {
    versioned::update(
        db,
        id.0,
        expected,
        n::Entity::update_many()
            .col_expr(n::Column::SupportArea, Expr::value(i.support_area))
            .col_expr(n::Column::PriorityId, Expr::value(i.priority_id))
            .col_expr(n::Column::HelpKind, Expr::value(i.help_kind))
            .col_expr(n::Column::Description, Expr::value(i.description.trim()))
            .col_expr(n::Column::AskUnit, Expr::value(i.ask_unit))
            .col_expr(
                n::Column::AskQuantity,
                Expr::value(i64::from(i.ask_quantity)),
            )
            .col_expr(n::Column::Timeframe, Expr::value(i.timeframe.trim()))
            .col_expr(n::Column::Rank, Expr::value(i.rank as i32))
            .col_expr(
                n::Column::VisibleToPartners,
                Expr::value(i.visible_to_partners),
            )
            .col_expr(
                n::Column::InternalNotes,
                Expr::value(i.internal_notes.trim()),
            ),
    )
    .await
}

/// Another need of the school and year, not withdrawn, that holds `rank` (besides `except`).
pub async fn holder_of_rank(
    db: &impl ConnectionTrait,
    school: SchoolId,
    school_year: i32,
    rank: u32,
    except: Option<NeedId>,
) -> DbResult<Option<NeedId>> {
    let mut sel = n::Entity::find()
        .select_only()
        .column(n::Column::Id)
        .filter(n::Column::SchoolId.eq(school))
        .filter(n::Column::SchoolYear.eq(school_year))
        .filter(n::Column::Rank.eq(rank as i32))
        .filter(n::Column::Status.ne(NeedStatus::Withdrawn));
    if let Some(id) = except {
        sel = sel.filter(n::Column::Id.ne(id));
    }
    Ok(sel.into_tuple::<NeedId>().one(db).await?)
}

/// The rows an audience sees.
fn visible(audience: &Audience) -> Condition {
    match audience {
        Audience::All => Condition::all(),
        Audience::Schools(ids) => {
            Condition::all().add(n::Column::SchoolId.is_in(ids.iter().copied()))
        }
        Audience::Organization(_) => Condition::all().add(n::Column::VisibleToPartners.eq(true)),
        Audience::Volunteer(_) => audience::nothing(),
    }
}

/// Whether the audience sees this need.
pub fn sees(audience: &Audience, row: &n::Model) -> bool {
    match audience {
        Audience::All => true,
        Audience::Schools(ids) => ids.contains(&row.school_id),
        Audience::Organization(_) => row.visible_to_partners,
        Audience::Volunteer(_) => false,
    }
}

/// Newest first.
const ORDER: Keyset<n::Column> = Keyset::newest_first(n::Column::Id);

/// A page of needs the audience sees.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &NeedQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<n::Model>, Option<Cursor>)> {
    let rows = list_query(q, audience, limit, after)?.all(db).await?;
    Ok(ORDER.page(rows, Some(limit), |r| id_cursor(r.id)))
}

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &NeedQuery,
    audience: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<Select<n::Entity>> {
    let mut sel = n::Entity::find().filter(visible(audience));
    if let Some(school) = q.school_id {
        sel = sel.filter(n::Column::SchoolId.eq(school));
    }
    if let Some(year) = q.school_year {
        sel = sel.filter(n::Column::SchoolYear.eq(year));
    }
    if let Some(status) = q.status {
        sel = sel.filter(n::Column::Status.eq(status));
    }
    match q.primary {
        Some(true) => sel = sel.filter(n::Column::Rank.lte(PRIMARY_RANKS as i32)),
        Some(false) => sel = sel.filter(n::Column::Rank.gt(PRIMARY_RANKS as i32)),
        None => {}
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// Every active school matching the drill-down's filters (of `schools`, when given) with its
/// count of primary needs for the year that are not withdrawn: two queries, whatever the
/// number of schools.
pub async fn coverage(
    db: &impl ConnectionTrait,
    school_year: i32,
    q: &CoverageQuery,
    schools: Option<&[SchoolId]>,
) -> DbResult<Vec<SchoolCoverage>> {
    let mut counts = n::Entity::find()
        .select_only()
        .column(n::Column::SchoolId)
        .column_as(n::Column::Id.count(), "n")
        .filter(n::Column::SchoolYear.eq(school_year))
        .filter(n::Column::Rank.lte(PRIMARY_RANKS as i32))
        .filter(n::Column::Status.ne(NeedStatus::Withdrawn))
        .group_by(n::Column::SchoolId);
    let mut active = s::Entity::find().filter(s::Column::Status.eq(SchoolStatus::Active));
    if let Some(region) = &q.region {
        active = active.filter(s::Column::Region.eq(region.as_str()));
    }
    if let Some(level) = q.level {
        active = active.filter(s::Column::Level.eq(level));
    }
    if let Some(title_i) = q.title_i {
        active = active.filter(s::Column::TitleI.eq(title_i));
    }
    if let Some(d) = q.designation {
        active = active.filter(s::Column::Designation.eq(d));
    }
    if let Some(ids) = schools {
        counts = counts.filter(n::Column::SchoolId.is_in(ids.iter().copied()));
        active = active.filter(s::Column::Id.is_in(ids.iter().copied()));
    }
    let counts: HashMap<SchoolId, i64> = counts
        .into_tuple::<(SchoolId, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(active
        .order_by_asc(s::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|school| SchoolCoverage {
            primary_needs: counts
                .get(&school.id)
                .and_then(|n| u32::try_from(*n).ok())
                .unwrap_or(0),
            school_id: school.id,
            code: school.code,
            name: school.name,
            region: school.region,
            level: school.level,
            title_i: school.title_i,
            designation: school.designation,
        })
        .collect())
}

/// The query behind [`still_asked`]; public so that a test can ask the database for its plan.
pub fn still_asked_query(school_year: i32, audience: &Audience) -> Select<n::Entity> {
    n::Entity::find()
        .filter(visible(audience))
        .filter(n::Column::SchoolYear.eq(school_year))
        .filter(n::Column::Status.is_in([NeedStatus::Open, NeedStatus::PartlyMet]))
}

/// The needs of a school year that are still asked for (open or partly met), of the
/// schools the audience sees: what an offer is matched against.
pub async fn still_asked(
    db: &impl ConnectionTrait,
    school_year: i32,
    audience: &Audience,
) -> DbResult<Vec<n::Model>> {
    Ok(still_asked_query(school_year, audience).all(db).await?)
}

/// Many needs at once, by id.
pub async fn many(
    db: &impl ConnectionTrait,
    ids: &[NeedId],
) -> DbResult<std::collections::HashMap<NeedId, n::Model>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(n::Entity::find()
        .filter(n::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?
        .into_iter()
        .map(|r| (r.id, r))
        .collect())
}

//! Volunteers: profiles with schools and interests, the clearance ledger, scoped lists.

use chrono::Utc;
use domain::volunteer::{
    Clearance, ClearanceInput, Interest, ParentLeaderRole, ProfileEnd, VolunteerQuery,
    VolunteerRegistration, VolunteerSummary,
};
use domain::{ClearanceId, OrganizationId, SchoolId, UserId, VolunteerId};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

use super::audience::{Audience, nothing};
use super::versioned;
use crate::entities::{
    clearances as cl, parent_leader_roles as plr, users as u, volunteer_interests as vi,
    volunteer_schools as vs, volunteers as v,
};
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Keyset, id_cursor};
use crate::{DbError, DbResult};

/// A stored profile, typed: its ids and enums map through the domain types.
pub type Row = v::Model;

/// The duplicate key of a name: lower case, single spaces.
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .take(200)
        .collect()
}

/// Stores a profile for the volunteer login, with schools and interests.
pub async fn insert(
    db: &impl ConnectionTrait,
    user: UserId,
    r: &VolunteerRegistration,
) -> DbResult<Row> {
    let now = Utc::now();
    let id = VolunteerId::new();
    let row = v::ActiveModel {
        id: Set(id),
        user_id: Set(user),
        phone: Set(r.phone.trim().into()),
        preferred_language: Set(r.preferred_language.clone()),
        kind: Set(r.kind),
        organization_id: Set(r.organization_id),
        parent_leader: Set(false),
        parent_leader_role: Set(None),
        availability: Set(r.availability.trim().into()),
        name_key: Set(name_key(&r.name)),
        cleared_until: Set(None),
        badge_version: Set(0),
        ended_on: Set(None),
        end_reason: Set(None),
        ended_by: Set(None),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    let mut schools = r.school_ids.clone();
    schools.sort();
    schools.dedup();
    for s in schools {
        vs::ActiveModel {
            volunteer_id: Set(id),
            school_id: Set(s),
        }
        .insert(db)
        .await?;
    }
    let mut interests = r.interests.clone();
    interests.sort();
    interests.dedup();
    for i in interests {
        vi::ActiveModel {
            volunteer_id: Set(id),
            interest: Set(i),
        }
        .insert(db)
        .await?;
    }
    Ok(row)
}

/// Dates a profile's registration (an imported roster says when they registered), at noon UTC.
pub async fn set_registered_on(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    on: chrono::NaiveDate,
) -> DbResult<()> {
    let at = on.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    v::Entity::update_many()
        .col_expr(v::Column::CreatedAt, sea_orm::sea_query::Expr::value(at))
        .filter(v::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// One profile.
pub async fn get(db: &impl ConnectionTrait, id: VolunteerId) -> DbResult<Row> {
    v::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// The profile of a login.
pub async fn by_user(db: &impl ConnectionTrait, user: UserId) -> DbResult<Row> {
    v::Entity::find()
        .filter(v::Column::UserId.eq(user))
        .one(db)
        .await?
        .ok_or(DbError::NotFound)
}

/// Schools of a profile.
pub async fn schools(db: &impl ConnectionTrait, id: VolunteerId) -> DbResult<Vec<SchoolId>> {
    Ok(vs::Entity::find()
        .filter(vs::Column::VolunteerId.eq(id))
        .order_by_asc(vs::Column::SchoolId)
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.school_id)
        .collect())
}

/// Interests of a profile.
pub async fn interests(db: &impl ConnectionTrait, id: VolunteerId) -> DbResult<Vec<Interest>> {
    Ok(vi::Entity::find()
        .filter(vi::Column::VolunteerId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.interest)
        .collect())
}

/// Appends a clearance record.
pub async fn add_clearance(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    c: &ClearanceInput,
    by: Option<UserId>,
) -> DbResult<()> {
    cl::ActiveModel {
        id: Set(ClearanceId::new()),
        volunteer_id: Set(id),
        kind: Set(c.kind),
        status: Set(c.status),
        cleared_on: Set(c.cleared_on),
        expires_on: Set(c.expires_on),
        reference: Set(c.reference.trim().chars().take(120).collect()),
        recorded_by: Set(by),
        recorded_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The clearance ledger of a profile, newest first.
pub async fn clearances(db: &impl ConnectionTrait, id: VolunteerId) -> DbResult<Vec<Clearance>> {
    cl::Entity::find()
        .filter(cl::Column::VolunteerId.eq(id))
        .order_by_desc(cl::Column::RecordedAt)
        .order_by_desc(cl::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|r| {
            Ok(Clearance {
                id: r.id,
                kind: r.kind,
                status: r.status,
                cleared_on: r.cleared_on,
                expires_on: r.expires_on,
                reference: r.reference,
                recorded_by: r.recorded_by,
                recorded_at: r.recorded_at,
            })
        })
        .collect()
}

fn scoped(s: &Audience) -> Condition {
    match s {
        Audience::All => Condition::all(),
        Audience::Schools(ids) => Condition::all().add(
            v::Column::Id.in_subquery(
                Query::select()
                    .column(vs::Column::VolunteerId)
                    .from(vs::Entity)
                    .and_where(vs::Column::SchoolId.is_in(ids.iter().copied()))
                    .to_owned(),
            ),
        ),
        Audience::Volunteer(id) => Condition::all().add(v::Column::Id.eq(*id)),
        Audience::Organization(_) => nothing(),
    }
}

/// Whether the profile is in the scope.
pub async fn in_scope(db: &impl ConnectionTrait, id: VolunteerId, s: &Audience) -> DbResult<bool> {
    Ok(v::Entity::find()
        .filter(v::Column::Id.eq(id))
        .filter(scoped(s))
        .one(db)
        .await?
        .is_some())
}

/// A page of profiles, newest first.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &VolunteerQuery,
    s: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<VolunteerSummary>, Option<Cursor>)> {
    let rows = list_query(q, s, limit, after)?.all(db).await?;
    let (rows, next) = ORDER.page(rows, Some(limit), |r| id_cursor(r.id));
    Ok((summarize(db, &rows).await?, next))
}

const ORDER: Keyset<v::Column> = Keyset::newest_first(v::Column::Id);

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &VolunteerQuery,
    s: &Audience,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<v::Entity>> {
    let mut sel = v::Entity::find().filter(scoped(s));
    if let Some(school) = q.school_id {
        sel = sel.filter(
            v::Column::Id.in_subquery(
                Query::select()
                    .column(vs::Column::VolunteerId)
                    .from(vs::Entity)
                    .and_where(vs::Column::SchoolId.eq(school))
                    .to_owned(),
            ),
        );
    }
    if let Some(k) = q.kind {
        sel = sel.filter(v::Column::Kind.eq(k));
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// List lines of these profiles, in their order.
async fn summarize(db: &impl ConnectionTrait, rows: &[Row]) -> DbResult<Vec<VolunteerSummary>> {
    let ids: Vec<VolunteerId> = rows.iter().map(|r| r.id).collect();
    let mut schools: HashMap<VolunteerId, Vec<SchoolId>> = HashMap::new();
    if !ids.is_empty() {
        for r in vs::Entity::find()
            .filter(vs::Column::VolunteerId.is_in(ids.iter().copied()))
            .all(db)
            .await?
        {
            schools.entry(r.volunteer_id).or_default().push(r.school_id);
        }
    }
    let names = names_of(db, &rows.iter().map(|r| r.user_id).collect::<Vec<_>>()).await?;
    rows.iter()
        .map(|m| {
            Ok(VolunteerSummary {
                id: m.id,
                name: names.get(&m.user_id).cloned().unwrap_or_default(),
                kind: m.kind,
                school_ids: schools.remove(&m.id).unwrap_or_default(),
                parent_leader: m.parent_leader,
                ended_on: m.ended_on,
                created_at: m.created_at,
            })
        })
        .collect()
}

/// List lines of these profiles, oldest first.
pub async fn summaries(
    db: &impl ConnectionTrait,
    ids: &[VolunteerId],
) -> DbResult<Vec<VolunteerSummary>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows = v::Entity::find()
        .filter(v::Column::Id.is_in(ids.iter().copied()))
        .order_by_asc(v::Column::Id)
        .all(db)
        .await?;
    summarize(db, &rows).await
}

/// Every profile's id, name key and phone (what duplicate detection compares).
pub async fn name_phone_keys(
    db: &impl ConnectionTrait,
) -> DbResult<Vec<(VolunteerId, String, String)>> {
    Ok(v::Entity::find()
        .select_only()
        .column(v::Column::Id)
        .column(v::Column::NameKey)
        .column(v::Column::Phone)
        .into_tuple()
        .all(db)
        .await?)
}

/// Display names of many logins at once.
pub async fn names_of(
    db: &impl ConnectionTrait,
    users: &[UserId],
) -> DbResult<HashMap<UserId, String>> {
    if users.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(u::Entity::find()
        .select_only()
        .column(u::Column::Id)
        .column(u::Column::DisplayName)
        .filter(u::Column::Id.is_in(users.iter().copied()))
        .into_tuple::<(UserId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Keeps the last day of the current clearance (what "registered" counts).
pub async fn set_cleared_until(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    until: Option<chrono::NaiveDate>,
) -> DbResult<()> {
    v::Entity::update_many()
        .col_expr(
            v::Column::ClearedUntil,
            sea_orm::sea_query::Expr::value(until),
        )
        .filter(v::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The logins of many profiles at once, by profile id.
pub async fn users_of(
    db: &impl ConnectionTrait,
    ids: &[VolunteerId],
) -> DbResult<HashMap<VolunteerId, UserId>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(v::Entity::find()
        .select_only()
        .column(v::Column::Id)
        .column(v::Column::UserId)
        .filter(v::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(VolunteerId, UserId)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// Display names of many volunteer profiles at once, by profile id.
pub async fn display_names(
    db: &impl ConnectionTrait,
    ids: &[VolunteerId],
) -> DbResult<HashMap<VolunteerId, String>> {
    let users = users_of(db, ids).await?;
    let names = names_of(db, &users.values().copied().collect::<Vec<_>>()).await?;
    Ok(users
        .into_iter()
        .filter_map(|(v, u)| names.get(&u).map(|n| (v, n.clone())))
        .collect())
}

/// The partner organization of a row.
pub fn organization(m: &Row) -> Option<OrganizationId> {
    m.organization_id
}

/// Bumps the version when it is still `expected_version` (a change in a child table).
pub async fn touch(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    expected_version: i32,
) -> DbResult<()> {
    bump(db, id, expected_version, v::Entity::update_many()).await
}

/// Runs `update` on the profile with the version bumped, when the version is still
/// `expected_version`; otherwise `Stale` (or `NotFound`).
async fn bump(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    expected_version: i32,
    update: sea_orm::UpdateMany<v::Entity>,
) -> DbResult<()> {
    versioned::update(db, id.0, expected_version, update).await
}

/// Sets the parent-leader flag (with its role; none unflags) when the version is still
/// `expected_version`, and bumps it.
pub async fn set_parent_leader(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    expected_version: i32,
    role: Option<&str>,
) -> DbResult<()> {
    let update = v::Entity::update_many()
        .col_expr(
            v::Column::ParentLeader,
            sea_orm::sea_query::Expr::value(role.is_some()),
        )
        .col_expr(
            v::Column::ParentLeaderRole,
            sea_orm::sea_query::Expr::value(role.map(str::to_string)),
        );
    bump(db, id, expected_version, update).await
}

/// A volunteer's parent-leader roles, newest first.
pub async fn roles(db: &impl ConnectionTrait, id: VolunteerId) -> DbResult<Vec<ParentLeaderRole>> {
    Ok(plr::Entity::find()
        .filter(plr::Column::VolunteerId.eq(id))
        .order_by_desc(plr::Column::StartedOn)
        .order_by_desc(plr::Column::CreatedAt)
        .all(db)
        .await?
        .into_iter()
        .map(|r| ParentLeaderRole {
            role: r.role,
            started_on: r.started_on,
            ended_on: r.ended_on,
        })
        .collect())
}

/// The role they hold now (not stepped down from), if any.
pub async fn open_role(
    db: &impl ConnectionTrait,
    id: VolunteerId,
) -> DbResult<Option<ParentLeaderRole>> {
    Ok(roles(db, id)
        .await?
        .into_iter()
        .find(|r| r.ended_on.is_none()))
}

/// Records that they took `role` on `on`.
pub async fn start_role(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    role: &str,
    on: chrono::NaiveDate,
    by: Option<UserId>,
) -> DbResult<()> {
    plr::ActiveModel {
        id: Set(Uuid::now_v7()),
        volunteer_id: Set(id),
        role: Set(role.into()),
        started_on: Set(on),
        ended_on: Set(None),
        recorded_by: Set(by),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Records that they stepped down from every role they hold on `on` (a role taken later than
/// `on` ends on the day it started: it was never held).
pub async fn end_roles(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    on: chrono::NaiveDate,
) -> DbResult<()> {
    for r in plr::Entity::find()
        .filter(plr::Column::VolunteerId.eq(id))
        .filter(plr::Column::EndedOn.is_null())
        .all(db)
        .await?
    {
        let end = Ord::max(on, r.started_on);
        let mut m: plr::ActiveModel = r.into();
        m.ended_on = Set(Some(end));
        m.update(db).await?;
    }
    Ok(())
}

/// How the profile ended, if it did.
pub fn ended(m: &Row) -> Option<ProfileEnd> {
    m.ended_on.map(|ended_on| ProfileEnd {
        ended_on,
        reason: m.end_reason.clone().unwrap_or_default(),
        ended_by: m.ended_by,
    })
}

/// Ends the profile on `on` (or takes the end back with `None`) when the version is still
/// `expected_version`, and bumps it.
pub async fn set_end(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    expected_version: i32,
    end: Option<&ProfileEnd>,
) -> DbResult<()> {
    use sea_orm::sea_query::Expr;
    let update = v::Entity::update_many()
        .col_expr(v::Column::EndedOn, Expr::value(end.map(|e| e.ended_on)))
        .col_expr(
            v::Column::EndReason,
            Expr::value(end.map(|e| e.reason.clone())),
        )
        .col_expr(
            v::Column::EndedBy,
            Expr::value(end.and_then(|e| e.ended_by).map(|u| u.0)),
        );
    bump(db, id, expected_version, update).await
}

/// Revokes every badge issued so far (raises the badge version) if the stored version is still
/// `expected_version`.
pub async fn revoke_badges(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    expected_version: i32,
) -> DbResult<()> {
    let update = v::Entity::update_many().col_expr(
        v::Column::BadgeVersion,
        sea_orm::ExprTrait::add(sea_orm::sea_query::Expr::col(v::Column::BadgeVersion), 1),
    );
    bump(db, id, expected_version, update).await
}

/// Profiles whose current clearance ends from `from` through `to` (both included), oldest
/// expiry first.
pub async fn clearances_ending(
    db: &impl ConnectionTrait,
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> DbResult<Vec<Row>> {
    Ok(v::Entity::find()
        .filter(v::Column::ClearedUntil.gte(from))
        .filter(v::Column::ClearedUntil.lte(to))
        .order_by_asc(v::Column::ClearedUntil)
        .order_by_asc(v::Column::Id)
        .all(db)
        .await?)
}

/// Records that the renewal reminder for this expiry was raised; false when it already was.
pub async fn raise_renewal_reminder(
    db: &impl ConnectionTrait,
    id: VolunteerId,
    expires_on: chrono::NaiveDate,
) -> DbResult<bool> {
    let n = crate::entities::clearance_reminders::Entity::insert(
        crate::entities::clearance_reminders::ActiveModel {
            volunteer_id: Set(id),
            expires_on: Set(expires_on),
            created_at: Set(Utc::now()),
        },
    )
    .on_conflict(
        sea_orm::sea_query::OnConflict::columns([
            crate::entities::clearance_reminders::Column::VolunteerId,
            crate::entities::clearance_reminders::Column::ExpiresOn,
        ])
        .do_nothing()
        .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(n > 0)
}

/// Removes a profile (its schools, interests, summaries and reminders go with it; move its
/// hours, sign-ups and clearances first).
pub async fn remove(db: &impl ConnectionTrait, id: VolunteerId) -> DbResult<()> {
    vs::Entity::delete_many()
        .filter(vs::Column::VolunteerId.eq(id))
        .exec(db)
        .await?;
    vi::Entity::delete_many()
        .filter(vi::Column::VolunteerId.eq(id))
        .exec(db)
        .await?;
    crate::entities::volunteer_activity_years::Entity::delete_many()
        .filter(crate::entities::volunteer_activity_years::Column::VolunteerId.eq(id))
        .exec(db)
        .await?;
    crate::entities::clearance_reminders::Entity::delete_many()
        .filter(crate::entities::clearance_reminders::Column::VolunteerId.eq(id))
        .exec(db)
        .await?;
    v::Entity::delete_by_id(id.0).exec(db).await?;
    Ok(())
}

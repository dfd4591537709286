//! Schools: keyset-paginated directory, create, versioned update, status change, import.

use chrono::Utc;
use domain::SchoolId;
use domain::school::{School, SchoolInput, SchoolQuery, SchoolSort, SchoolStatus};
use sea_orm::ExprTrait;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::versioned;
use crate::entities::schools as s;
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Key, Keyset};
use crate::{DbError, DbResult};

fn search_key(input: &SchoolInput) -> String {
    format!("{} {}", input.name, input.code).to_lowercase()
}

/// Reads a row back into the domain type.
pub fn to_domain(m: s::Model) -> School {
    School {
        id: m.id,
        level: m.level,
        designation: m.designation,
        status: m.status,
        code: m.code,
        name: m.name,
        region: m.region,
        title_i: m.title_i,
        address: m.address,
        city: m.city,
        postal_code: m.postal_code,
        version: m.version,
        created_at: m.created_at,
        updated_at: m.updated_at,
    }
}

/// A page of schools and the cursor of the next one.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &SchoolQuery,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<School>, Option<Cursor>)> {
    let sort = q.sort.unwrap_or_default();
    let rows = list_query(q, limit, after)?.all(db).await?;
    let (rows, next) = order(sort).page(rows, Some(limit), |m| Cursor {
        key: match sort {
            SchoolSort::Name => m.name.clone(),
            SchoolSort::Code => m.code.clone(),
        },
        id: m.id.0,
    });
    let schools = rows.into_iter().map(to_domain).collect::<Vec<_>>();
    Ok((schools, next))
}

/// By name or by code, as asked.
fn order(sort: SchoolSort) -> Keyset<s::Column> {
    let column = match sort {
        SchoolSort::Name => s::Column::Name,
        SchoolSort::Code => s::Column::Code,
    };
    Keyset::by(column, Key::Text, s::Column::Id, false)
}

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &SchoolQuery,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<s::Entity>> {
    let mut sel = s::Entity::find();
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        sel =
            sel.filter(Expr::col(s::Column::SearchKey).like(super::contains(&text.to_lowercase())));
    }
    if let Some(level) = q.level {
        sel = sel.filter(s::Column::Level.eq(level));
    }
    if let Some(region) = q.region.as_deref().filter(|r| !r.is_empty()) {
        sel = sel.filter(s::Column::Region.eq(region));
    }
    if let Some(t) = q.title_i {
        sel = sel.filter(s::Column::TitleI.eq(t));
    }
    sel = sel.filter(s::Column::Status.eq(q.status.unwrap_or(SchoolStatus::Active).as_str()));
    order(q.sort.unwrap_or_default()).apply(sel, after.as_ref(), Some(limit))
}

/// One school.
pub async fn get(db: &impl ConnectionTrait, id: SchoolId) -> DbResult<School> {
    let m = s::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)?;
    Ok(to_domain(m))
}

/// One school by its district code.
pub async fn find_by_code(db: &impl ConnectionTrait, code: &str) -> DbResult<Option<School>> {
    Ok(s::Entity::find()
        .filter(s::Column::Code.eq(code))
        .one(db)
        .await?
        .map(to_domain))
}

/// Which of these ids exist.
pub async fn existing_ids(db: &impl ConnectionTrait, ids: &[SchoolId]) -> DbResult<Vec<SchoolId>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let rows = s::Entity::find()
        .filter(s::Column::Id.is_in(ids.iter().copied()))
        .all(db)
        .await?;
    Ok(rows.into_iter().map(|m| m.id).collect())
}

/// Adds a school (the code must be new).
pub async fn create(db: &impl ConnectionTrait, input: &SchoolInput) -> DbResult<School> {
    let now = Utc::now();
    let m = s::ActiveModel {
        id: Set(SchoolId::new()),
        code: Set(input.code.clone()),
        name: Set(input.name.clone()),
        search_key: Set(search_key(input)),
        level: Set(input.level),
        region: Set(input.region.clone()),
        title_i: Set(input.title_i),
        designation: Set(input.designation),
        address: Set(input.address.clone()),
        city: Set(input.city.clone()),
        postal_code: Set(input.postal_code.clone()),
        status: Set(SchoolStatus::Active),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    Ok(to_domain(m))
}

/// Replaces the editable fields if the stored version is still `expected_version`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: SchoolId,
    expected_version: i32,
    input: &SchoolInput,
) -> DbResult<School> {
    versioned::update(
        db,
        id.0,
        expected_version,
        s::Entity::update_many()
            .col_expr(s::Column::Code, Expr::value(input.code.clone()))
            .col_expr(s::Column::Name, Expr::value(input.name.clone()))
            .col_expr(s::Column::SearchKey, Expr::value(search_key(input)))
            .col_expr(s::Column::Level, Expr::value(input.level))
            .col_expr(s::Column::Region, Expr::value(input.region.clone()))
            .col_expr(s::Column::TitleI, Expr::value(input.title_i))
            .col_expr(s::Column::Designation, Expr::value(input.designation))
            .col_expr(s::Column::Address, Expr::value(input.address.clone()))
            .col_expr(s::Column::City, Expr::value(input.city.clone()))
            .col_expr(
                s::Column::PostalCode,
                Expr::value(input.postal_code.clone()),
            ),
    )
    .await?;
    get(db, id).await
}

/// Sets the status if the stored version is still `expected_version`.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: SchoolId,
    expected_version: i32,
    status: SchoolStatus,
) -> DbResult<School> {
    versioned::update(
        db,
        id.0,
        expected_version,
        s::Entity::update_many().col_expr(s::Column::Status, Expr::value(status)),
    )
    .await?;
    get(db, id).await
}

/// How many schools there are (any status).
pub async fn count(db: &impl ConnectionTrait) -> DbResult<u64> {
    use sea_orm::PaginatorTrait;
    Ok(s::Entity::find().count(db).await?)
}

/// Every active school by name (the district has about 180).
pub async fn all_active(db: &impl ConnectionTrait) -> DbResult<Vec<School>> {
    Ok(s::Entity::find()
        .filter(s::Column::Status.eq(SchoolStatus::Active))
        .order_by_asc(s::Column::Name)
        .limit(2000)
        .all(db)
        .await?
        .into_iter()
        .map(to_domain)
        .collect())
}

/// Names of many schools at once.
pub async fn names_of(
    db: &impl ConnectionTrait,
    ids: &[SchoolId],
) -> DbResult<std::collections::HashMap<SchoolId, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(s::Entity::find()
        .select_only()
        .column(s::Column::Id)
        .column(s::Column::Name)
        .filter(s::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(SchoolId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// District codes of many schools at once.
pub async fn codes_of(
    db: &impl ConnectionTrait,
    ids: &[uuid::Uuid],
) -> DbResult<std::collections::HashMap<uuid::Uuid, String>> {
    if ids.is_empty() {
        return Ok(Default::default());
    }
    Ok(s::Entity::find()
        .select_only()
        .column(s::Column::Id)
        .column(s::Column::Code)
        .filter(s::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(uuid::Uuid, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

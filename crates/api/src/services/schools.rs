//! The school directory: browse, add, edit, archive and restore. Every change is audited.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use db::repo::schools as repo;
use domain::Permission;
use domain::SchoolId;
use domain::audit::AuditEntity;
use domain::page::Page;
use domain::school::{School, SchoolInput, SchoolQuery, SchoolTransition};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::error::{ApiError, ApiResult, OrNotFound};

fn json(s: &School) -> serde_json::Value {
    serde_json::to_value(s).unwrap_or_default()
}

/// A page of the directory.
pub async fn browse(
    db: &DatabaseConnection,
    actor: &Actor,
    q: &SchoolQuery,
) -> ApiResult<Page<School>> {
    actor.require(Permission::ReadSchools)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(db, q, super::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// One school.
pub async fn find(db: &DatabaseConnection, actor: &Actor, id: SchoolId) -> ApiResult<School> {
    actor.require(Permission::ReadSchools)?;
    repo::get(db, id).await.or_not_found("school")
}

/// Normalizes and validates input; a duplicate code is a field error.
async fn check(
    db: &impl ConnectionTrait,
    input: SchoolInput,
    except: Option<SchoolId>,
) -> ApiResult<SchoolInput> {
    let input = input.normalized();
    input.validate().map_err(|e| ApiError::validation(&e))?;
    if let Some(other) = repo::find_by_code(db, &input.code).await?
        && Some(other.id) != except
    {
        return Err(ApiError::invalid_field(
            "code",
            "duplicate",
            "Another school already has this code.",
        ));
    }
    Ok(input)
}

/// Adds a school to the directory.
pub async fn add(db: &DatabaseConnection, actor: &Actor, input: SchoolInput) -> ApiResult<School> {
    actor.require(Permission::ManageSchools)?;
    let txn = db::begin_write(db).await?;
    let input = check(&txn, input, None).await?;
    let school = repo::create(&txn, &input).await?;
    audit::record(
        &txn,
        actor,
        AuditEntity::School,
        school.id,
        AuditAction::Create,
        audit::created(&json(&school)),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(school.id = %school.id, "school created");
    Ok(school)
}

/// Replaces a school's details, if nobody changed it since `version`.
pub async fn edit(
    db: &DatabaseConnection,
    actor: &Actor,
    id: SchoolId,
    version: i32,
    input: SchoolInput,
) -> ApiResult<School> {
    actor.require(Permission::ManageSchools)?;
    let txn = db::begin_write(db).await?;
    let before = repo::get(&txn, id).await.or_not_found("school")?;
    if before.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let input = check(&txn, input, Some(id)).await?;
    let after = repo::update(&txn, id, version, &input).await?;
    audit::record(
        &txn,
        actor,
        AuditEntity::School,
        id,
        AuditAction::Update,
        audit::diff(&json(&before), &json(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Archives or restores a school, if nobody changed it since `version`.
pub async fn change_status(
    db: &DatabaseConnection,
    actor: &Actor,
    id: SchoolId,
    version: i32,
    t: SchoolTransition,
) -> ApiResult<School> {
    actor.require(Permission::ManageSchools)?;
    let txn = db::begin_write(db).await?;
    let before = repo::get(&txn, id).await.or_not_found("school")?;
    if before.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let next = before.status.transition(t).map_err(ApiError::transition)?;
    let after = repo::set_status(&txn, id, version, next).await?;
    audit::record(
        &txn,
        actor,
        AuditEntity::School,
        id,
        match t {
            SchoolTransition::Archive => AuditAction::Archive,
            SchoolTransition::Restore => AuditAction::Restore,
        },
        audit::diff(&json(&before), &json(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

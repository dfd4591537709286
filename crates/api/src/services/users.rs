//! Accounts: admins create users, change roles and school scopes, deactivate and reactivate.
//! Deactivation revokes every session at once.

use crate::services::Actor;
use crate::services::audit::{self, AuditAction};
use db::repo::{schools, tokens, users as repo};
use domain::Permission;
use domain::audit::AuditEntity;
use domain::page::Page;
use domain::problem::ErrorCode;
use domain::user::{CreateUser, UpdateUser, User, UserQuery, UserTransition};
use domain::{Role, SchoolId, UserId};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use validator::Validate;

use crate::auth::password;
use crate::error::{ApiError, ApiResult, OrNotFound};

fn json(u: &User) -> serde_json::Value {
    serde_json::to_value(u).unwrap_or_default()
}

async fn check_scope(
    db: &impl ConnectionTrait,
    role: Role,
    school_ids: &[SchoolId],
) -> ApiResult<Vec<SchoolId>> {
    let mut ids = school_ids.to_vec();
    ids.sort();
    ids.dedup();
    if role == Role::SchoolCoordinator && ids.is_empty() {
        return Err(ApiError::invalid_field(
            "school_ids",
            "required",
            "A school coordinator needs at least one school.",
        ));
    }
    if role != Role::SchoolCoordinator {
        return Ok(vec![]);
    }
    let found = schools::existing_ids(db, &ids).await?;
    if found.len() != ids.len() {
        return Err(ApiError::invalid_field(
            "school_ids",
            "unknown",
            "One or more schools do not exist.",
        ));
    }
    Ok(ids)
}

/// A page of accounts (admin), by email.
pub async fn browse(
    db: &DatabaseConnection,
    actor: &Actor,
    q: &UserQuery,
) -> ApiResult<Page<User>> {
    actor.require(Permission::ManageUsers)?;
    let after = super::parse_cursor(q.cursor.as_deref())?;
    let (items, next) = repo::list(db, q, super::page_limit(q.limit)?, after).await?;
    Ok(Page {
        items,
        next_cursor: next.map(|c| c.encode()),
    })
}

/// One account.
pub async fn find(db: &DatabaseConnection, actor: &Actor, id: UserId) -> ApiResult<User> {
    actor.require(Permission::ManageUsers)?;
    Ok(repo::get(db, id).await.or_not_found("user")?.user)
}

/// The caller's own account (every signed-in role reads it).
pub async fn own(db: &DatabaseConnection, id: UserId) -> ApiResult<User> {
    Ok(repo::get(db, id).await.or_not_found("user")?.user)
}

/// Creates an account with a temporary password, which its owner must change at the first
/// sign-in when an admin chose it.
pub async fn create(db: &DatabaseConnection, actor: &Actor, req: CreateUser) -> ApiResult<User> {
    actor.require(Permission::ManageUsers)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let email = req.email.trim().to_lowercase();
    if repo::find_by_email(db, &email).await?.is_some() {
        return Err(ApiError::invalid_field(
            "email",
            "duplicate",
            "An account with this email already exists.",
        ));
    }
    let hash = password::hash_async(req.password).await?;
    let txn = db::begin_write(db).await?;
    let school_ids = check_scope(&txn, req.role, &req.school_ids).await?;
    let user = repo::create(
        &txn,
        repo::NewUser {
            email: &email,
            display_name: req.display_name.trim(),
            role: req.role,
            school_ids: &school_ids,
            password_hash: hash,
            // Chosen by an admin for someone else: its owner changes it at the first sign-in
            // (the command line creates accounts for the operator who runs it).
            change_required: actor.user.is_some(),
        },
    )
    .await?;
    audit::record(
        &txn,
        actor,
        AuditEntity::User,
        user.id,
        AuditAction::Create,
        audit::created(&json(&user)),
    )
    .await?;
    txn.commit().await?;
    tracing::info!(user.id = %user.id, user.role = %user.role, "user created");
    Ok(user)
}

/// Changes name, role and school scope.
pub async fn update(
    db: &DatabaseConnection,
    actor: &Actor,
    id: UserId,
    version: i32,
    req: UpdateUser,
) -> ApiResult<User> {
    actor.require(Permission::ManageUsers)?;
    req.validate().map_err(|e| ApiError::validation(&e))?;
    let txn = db::begin_write(db).await?;
    let before = repo::get(&txn, id).await.or_not_found("user")?.user;
    if before.version != version {
        return Err(ApiError::VersionMismatch);
    }
    if Some(id) == actor.user && req.role != before.role {
        return Err(ApiError::Conflict {
            code: ErrorCode::OwnRole,
            detail: "you cannot change your own role".into(),
        });
    }
    let school_ids = check_scope(&txn, req.role, &req.school_ids).await?;
    let after = repo::update(
        &txn,
        id,
        version,
        req.display_name.trim(),
        req.role,
        &school_ids,
    )
    .await?;
    audit::record(
        &txn,
        actor,
        AuditEntity::User,
        id,
        AuditAction::Update,
        audit::diff(&json(&before), &json(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// Deactivates (revoking every session) or reactivates an account.
pub async fn change_status(
    db: &DatabaseConnection,
    actor: &Actor,
    id: UserId,
    version: i32,
    t: UserTransition,
) -> ApiResult<User> {
    actor.require(Permission::ManageUsers)?;
    if Some(id) == actor.user && t == UserTransition::Deactivate {
        return Err(ApiError::Conflict {
            code: ErrorCode::OwnAccount,
            detail: "you cannot deactivate your own account".into(),
        });
    }
    let txn = db::begin_write(db).await?;
    let before = repo::get(&txn, id).await.or_not_found("user")?.user;
    if before.version != version {
        return Err(ApiError::VersionMismatch);
    }
    let next = before.status.transition(t).map_err(ApiError::transition)?;
    let after = repo::set_status(&txn, id, version, next).await?;
    if t == UserTransition::Deactivate {
        tokens::revoke_user(&txn, id).await?;
    }
    audit::record(
        &txn,
        actor,
        AuditEntity::User,
        id,
        match t {
            UserTransition::Deactivate => AuditAction::Deactivate,
            UserTransition::Reactivate => AuditAction::Reactivate,
        },
        audit::diff(&json(&before), &json(&after)),
    )
    .await?;
    txn.commit().await?;
    Ok(after)
}

/// The office's staff and admins (owner pickers); staff and admin may read it.
pub async fn office_staff(
    db: &sea_orm::DatabaseConnection,
    auth: &crate::auth::AuthUser,
) -> ApiResult<Vec<domain::user::StaffMember>> {
    auth.require(domain::Permission::ManageApplications)?;
    Ok(db::repo::users::office_staff(db).await?)
}

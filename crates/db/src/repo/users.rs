//! User accounts and their school scopes.

use chrono::Utc;
use domain::user::{User, UserStatus};
use domain::{OrganizationId, Role, SchoolId, UserId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, Set,
};

use crate::entities::{user_organizations as uo, user_schools as us, users as u};
use crate::{DbError, DbResult};

/// A stored account, with what sign-in needs.
#[derive(Debug, Clone)]
pub struct Account {
    /// The public view.
    pub user: User,
    /// The argon2id PHC string.
    pub password_hash: String,
}

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// Lower-cased email.
    pub email: &'a str,
    /// Display name.
    pub display_name: &'a str,
    /// Role.
    pub role: Role,
    /// School scope.
    pub school_ids: &'a [SchoolId],
    /// argon2id PHC string.
    pub password_hash: String,
}

async fn schools_of(db: &impl ConnectionTrait, id: uuid::Uuid) -> DbResult<Vec<SchoolId>> {
    Ok(us::Entity::find()
        .filter(us::Column::UserId.eq(id))
        .order_by_asc(us::Column::SchoolId)
        .all(db)
        .await?
        .into_iter()
        .map(|r| SchoolId(r.school_id))
        .collect())
}

async fn to_account(db: &impl ConnectionTrait, m: u::Model) -> DbResult<Account> {
    let role = Role::parse(&m.role)
        .ok_or_else(|| DbError::Corrupt(format!("user {} role {:?}", m.id, m.role)))?;
    let status = UserStatus::parse(&m.status)
        .ok_or_else(|| DbError::Corrupt(format!("user {} status {:?}", m.id, m.status)))?;
    let school_ids = schools_of(db, m.id).await?;
    let organization_id = uo::Entity::find_by_id(m.id)
        .one(db)
        .await?
        .map(|r| OrganizationId(r.organization_id));
    Ok(Account {
        user: User {
            id: UserId(m.id),
            email: m.email,
            display_name: m.display_name,
            role,
            school_ids,
            organization_id,
            status,
            version: m.version,
            created_at: m.created_at,
        },
        password_hash: m.password_hash,
    })
}

/// The account with this (lower-cased) email.
pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> DbResult<Option<Account>> {
    match u::Entity::find()
        .filter(u::Column::Email.eq(email))
        .one(db)
        .await?
    {
        Some(m) => Ok(Some(to_account(db, m).await?)),
        None => Ok(None),
    }
}

/// One account.
pub async fn get(db: &impl ConnectionTrait, id: UserId) -> DbResult<Account> {
    let m = u::Entity::find_by_id(id.0)
        .one(db)
        .await?
        .ok_or(DbError::NotFound)?;
    to_account(db, m).await
}

/// All accounts, by email.
pub async fn list(db: &impl ConnectionTrait) -> DbResult<Vec<User>> {
    let rows = u::Entity::find()
        .order_by_asc(u::Column::Email)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(rows.len());
    for m in rows {
        out.push(to_account(db, m).await?.user);
    }
    Ok(out)
}

/// Active office staff and admins, by name: the people who can own applications and agreements.
pub async fn office_staff(db: &impl ConnectionTrait) -> DbResult<Vec<domain::user::StaffMember>> {
    Ok(u::Entity::find()
        .filter(u::Column::Role.is_in(["admin", "staff"]))
        .filter(u::Column::Status.eq("active"))
        .order_by_asc(u::Column::DisplayName)
        .all(db)
        .await?
        .into_iter()
        .map(|m| domain::user::StaffMember {
            id: UserId(m.id),
            display_name: m.display_name,
        })
        .collect())
}

/// How many accounts there are.
pub async fn count(db: &impl ConnectionTrait) -> DbResult<u64> {
    Ok(u::Entity::find().count(db).await?)
}

async fn set_schools(
    db: &impl ConnectionTrait,
    id: uuid::Uuid,
    school_ids: &[SchoolId],
) -> DbResult<()> {
    us::Entity::delete_many()
        .filter(us::Column::UserId.eq(id))
        .exec(db)
        .await?;
    for s in school_ids {
        us::ActiveModel {
            user_id: Set(id),
            school_id: Set(s.0),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}

/// Adds an account.
pub async fn create(db: &impl ConnectionTrait, n: NewUser<'_>) -> DbResult<User> {
    let now = Utc::now();
    let id = UserId::new();
    u::ActiveModel {
        id: Set(id.0),
        email: Set(n.email.to_string()),
        display_name: Set(n.display_name.to_string()),
        password_hash: Set(n.password_hash),
        role: Set(n.role.as_str().to_string()),
        status: Set(UserStatus::Active.as_str().to_string()),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    set_schools(db, id.0, n.school_ids).await?;
    Ok(get(db, id).await?.user)
}

async fn bump(
    db: &impl ConnectionTrait,
    id: UserId,
    expected_version: i32,
    mut upd: sea_orm::UpdateMany<u::Entity>,
) -> DbResult<()> {
    upd = upd
        .col_expr(u::Column::Version, Expr::value(expected_version + 1))
        .col_expr(u::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(u::Column::Id.eq(id.0))
        .filter(u::Column::Version.eq(expected_version));
    if upd.exec(db).await?.rows_affected == 0 {
        get(db, id).await?;
        return Err(DbError::Stale);
    }
    Ok(())
}

/// Changes name, role and schools if the stored version is still `expected_version`.
pub async fn update(
    db: &impl ConnectionTrait,
    id: UserId,
    expected_version: i32,
    display_name: &str,
    role: Role,
    school_ids: &[SchoolId],
) -> DbResult<User> {
    let upd = u::Entity::update_many()
        .col_expr(u::Column::DisplayName, Expr::value(display_name))
        .col_expr(u::Column::Role, Expr::value(role.as_str()));
    bump(db, id, expected_version, upd).await?;
    set_schools(db, id.0, school_ids).await?;
    Ok(get(db, id).await?.user)
}

/// Sets the status if the stored version is still `expected_version`.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: UserId,
    expected_version: i32,
    status: UserStatus,
) -> DbResult<User> {
    let upd = u::Entity::update_many().col_expr(u::Column::Status, Expr::value(status.as_str()));
    bump(db, id, expected_version, upd).await?;
    Ok(get(db, id).await?.user)
}

/// Replaces the password hash (no version check: used by the CLI).
pub async fn set_password(
    db: &impl ConnectionTrait,
    id: UserId,
    password_hash: String,
) -> DbResult<()> {
    u::Entity::update_many()
        .col_expr(u::Column::PasswordHash, Expr::value(password_hash))
        .col_expr(u::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(u::Column::Id.eq(id.0))
        .exec(db)
        .await?;
    Ok(())
}

/// Links a partner login to its organization (replacing any previous link).
pub async fn set_organization(
    db: &impl ConnectionTrait,
    id: UserId,
    org: OrganizationId,
) -> DbResult<()> {
    uo::Entity::delete_by_id(id.0).exec(db).await?;
    uo::ActiveModel {
        user_id: Set(id.0),
        organization_id: Set(org.0),
    }
    .insert(db)
    .await?;
    Ok(())
}

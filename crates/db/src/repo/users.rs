//! User accounts and their school scopes.

use chrono::Utc;
use domain::user::{User, UserQuery, UserStatus};
use domain::{OrganizationId, Role, SchoolId, UserId, VolunteerId};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, EntityTrait, ExprTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;

use super::versioned;
use crate::repo::cursor::Cursor;
use crate::repo::paging::{Key, Keyset};

use crate::entities::{
    user_organizations as uo, user_schools as us, users as u, volunteers as vol,
};
use crate::{DbError, DbResult};

/// A stored account, with what sign-in needs.
#[derive(Debug, Clone)]
pub struct Account {
    /// The public view.
    pub user: User,
    /// The argon2id PHC string.
    pub password_hash: String,
    /// The volunteer profile of the login, if it has one.
    pub volunteer_id: Option<VolunteerId>,
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
    /// The password was chosen by someone else (staff, an admin): the owner must change it.
    pub change_required: bool,
}

/// The public view of a stored account, given its schools and organization.
fn user_of(
    m: u::Model,
    school_ids: Vec<SchoolId>,
    organization_id: Option<OrganizationId>,
) -> User {
    User {
        id: m.id,
        email: m.email,
        display_name: m.display_name,
        role: m.role,
        school_ids,
        organization_id,
        status: m.status,
        password_change_required: m.password_change_required,
        version: m.version,
        created_at: m.created_at,
    }
}

/// An account joined with its school and organization links: one row per school (or one row
/// with none).
#[derive(Debug, sea_orm::FromQueryResult)]
struct AccountRow {
    id: UserId,
    email: String,
    display_name: String,
    password_hash: String,
    role: Role,
    status: UserStatus,
    password_change_required: bool,
    version: i32,
    created_at: chrono::DateTime<Utc>,
    school_id: Option<SchoolId>,
    organization_id: Option<OrganizationId>,
    volunteer_id: Option<VolunteerId>,
}

/// The account matching `filter`, with its schools, organization and volunteer profile, in one
/// query: every
/// authenticated request reads the caller this way, so it costs one round trip, not three.
async fn account_where(
    db: &impl ConnectionTrait,
    filter: sea_orm::sea_query::SimpleExpr,
) -> DbResult<Option<Account>> {
    let schools = us::Entity::belongs_to(u::Entity)
        .from(us::Column::UserId)
        .to(u::Column::Id)
        .into();
    let org = uo::Entity::belongs_to(u::Entity)
        .from(uo::Column::UserId)
        .to(u::Column::Id)
        .into();
    let profile = vol::Entity::belongs_to(u::Entity)
        .from(vol::Column::UserId)
        .to(u::Column::Id)
        .into();
    let rows = u::Entity::find()
        .select_only()
        .columns([
            u::Column::Id,
            u::Column::Email,
            u::Column::DisplayName,
            u::Column::PasswordHash,
            u::Column::Role,
            u::Column::Status,
            u::Column::PasswordChangeRequired,
            u::Column::Version,
            u::Column::CreatedAt,
        ])
        .column_as(us::Column::SchoolId, "school_id")
        .column_as(uo::Column::OrganizationId, "organization_id")
        .column_as(vol::Column::Id, "volunteer_id")
        .join_rev(sea_orm::JoinType::LeftJoin, schools)
        .join_rev(sea_orm::JoinType::LeftJoin, org)
        .join_rev(sea_orm::JoinType::LeftJoin, profile)
        .filter(filter)
        .order_by_asc(us::Column::SchoolId)
        .into_model::<AccountRow>()
        .all(db)
        .await?;
    let school_ids: Vec<SchoolId> = rows.iter().filter_map(|r| r.school_id).collect();
    let Some(r) = rows.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(Account {
        user: User {
            id: r.id,
            email: r.email,
            display_name: r.display_name,
            role: r.role,
            school_ids,
            organization_id: r.organization_id,
            status: r.status,
            password_change_required: r.password_change_required,
            version: r.version,
            created_at: r.created_at,
        },
        password_hash: r.password_hash,
        volunteer_id: r.volunteer_id,
    }))
}

/// The account with this (lower-cased) email.
pub async fn find_by_email(db: &impl ConnectionTrait, email: &str) -> DbResult<Option<Account>> {
    account_where(db, u::Column::Email.eq(email)).await
}

/// One account, with its schools and organization, in one query.
pub async fn get(db: &impl ConnectionTrait, id: UserId) -> DbResult<Account> {
    account_where(db, u::Column::Id.eq(id))
        .await?
        .ok_or(DbError::NotFound)
}

/// A page of accounts by email, and the cursor of the next one. Schools and organizations of
/// the whole page are read in one query each.
pub async fn list(
    db: &impl ConnectionTrait,
    q: &UserQuery,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<(Vec<User>, Option<Cursor>)> {
    let rows = list_query(q, limit, after)?.all(db).await?;
    let (rows, next) = ORDER.page(rows, Some(limit), |m| Cursor {
        key: m.email.clone(),
        id: m.id.0,
    });
    Ok((with_links(db, rows).await?, next))
}

/// Accounts by email.
const ORDER: Keyset<u::Column> = Keyset::by(u::Column::Email, Key::Text, u::Column::Id, false);

/// The query behind [`list`]; public so that a test can ask the database for its plan.
pub fn list_query(
    q: &UserQuery,
    limit: u64,
    after: Option<Cursor>,
) -> DbResult<sea_orm::Select<u::Entity>> {
    let mut sel = u::Entity::find();
    if let Some(text) = q.q.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        let like = super::contains(&text.to_lowercase());
        sel = sel.filter(
            Condition::any()
                .add(Expr::col(u::Column::Email).like(like.clone()))
                .add(Expr::expr(Func::lower(Expr::col(u::Column::DisplayName))).like(like)),
        );
    }
    if let Some(role) = q.role {
        sel = sel.filter(u::Column::Role.eq(role));
    }
    if let Some(status) = q.status {
        sel = sel.filter(u::Column::Status.eq(status));
    }
    ORDER.apply(sel, after.as_ref(), Some(limit))
}

/// Accounts with their schools and organizations, read in one query each.
async fn with_links(db: &impl ConnectionTrait, rows: Vec<u::Model>) -> DbResult<Vec<User>> {
    let ids: Vec<UserId> = rows.iter().map(|m| m.id).collect();
    let mut schools: HashMap<UserId, Vec<SchoolId>> = HashMap::new();
    for r in us::Entity::find()
        .filter(us::Column::UserId.is_in(ids.clone()))
        .order_by_asc(us::Column::SchoolId)
        .all(db)
        .await?
    {
        schools.entry(r.user_id).or_default().push(r.school_id);
    }
    let orgs: HashMap<UserId, OrganizationId> = uo::Entity::find()
        .select_only()
        .column(uo::Column::UserId)
        .column(uo::Column::OrganizationId)
        .filter(uo::Column::UserId.is_in(ids))
        .into_tuple::<(UserId, OrganizationId)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let users = rows
        .into_iter()
        .map(|m| {
            let school_ids = schools.remove(&m.id).unwrap_or_default();
            let organization = orgs.get(&m.id).copied();
            user_of(m, school_ids, organization)
        })
        .collect();
    Ok(users)
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
            id: m.id,
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
    id: UserId,
    school_ids: &[SchoolId],
) -> DbResult<()> {
    us::Entity::delete_many()
        .filter(us::Column::UserId.eq(id))
        .exec(db)
        .await?;
    for s in school_ids {
        us::ActiveModel {
            user_id: Set(id),
            school_id: Set(*s),
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
        id: Set(id),
        email: Set(n.email.to_string()),
        display_name: Set(n.display_name.to_string()),
        password_hash: Set(n.password_hash),
        role: Set(n.role),
        status: Set(UserStatus::Active),
        password_change_required: Set(n.change_required),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    }
    .insert(db)
    .await?;
    set_schools(db, id, n.school_ids).await?;
    Ok(get(db, id).await?.user)
}

async fn bump(
    db: &impl ConnectionTrait,
    id: UserId,
    expected_version: i32,
    upd: sea_orm::UpdateMany<u::Entity>,
) -> DbResult<()> {
    versioned::update(db, id.0, expected_version, upd).await
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
        .col_expr(u::Column::Role, Expr::value(role));
    bump(db, id, expected_version, upd).await?;
    set_schools(db, id, school_ids).await?;
    Ok(get(db, id).await?.user)
}

/// Sets the status if the stored version is still `expected_version`.
pub async fn set_status(
    db: &impl ConnectionTrait,
    id: UserId,
    expected_version: i32,
    status: UserStatus,
) -> DbResult<User> {
    let upd = u::Entity::update_many().col_expr(u::Column::Status, Expr::value(status));
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
        .col_expr(u::Column::PasswordChangeRequired, Expr::value(false))
        .col_expr(u::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(u::Column::Id.eq(id))
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
        user_id: Set(id),
        organization_id: Set(org),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Ends a partner login's access: the account is deactivated (version bumped, so a stale edit
/// is refused), unlinked from its organization and every session revoked. Answers whether the
/// account was still active. The caller's transaction makes it one step with the change that
/// caused it.
pub async fn end_partner_access(db: &impl ConnectionTrait, id: UserId) -> DbResult<bool> {
    let was_active = u::Entity::update_many()
        .col_expr(u::Column::Status, Expr::value(UserStatus::Deactivated))
        .col_expr(u::Column::Version, Expr::col(u::Column::Version).add(1))
        .col_expr(u::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(u::Column::Id.eq(id))
        .filter(u::Column::Status.eq(UserStatus::Active))
        .exec(db)
        .await?
        .rows_affected
        == 1;
    uo::Entity::delete_many()
        .filter(uo::Column::UserId.eq(id))
        .exec(db)
        .await?;
    crate::repo::tokens::revoke_user(db, id).await?;
    Ok(was_active)
}

/// The partner logins linked to an organization.
pub async fn partner_logins(
    db: &impl ConnectionTrait,
    org: OrganizationId,
) -> DbResult<Vec<UserId>> {
    Ok(uo::Entity::find()
        .filter(uo::Column::OrganizationId.eq(org))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect())
}

/// The active coordinators of these schools: (email, school) for each school they hold.
pub async fn coordinators_of(
    db: &impl ConnectionTrait,
    schools: &[SchoolId],
) -> DbResult<Vec<(String, SchoolId)>> {
    if schools.is_empty() {
        return Ok(vec![]);
    }
    Ok(u::Entity::find()
        .select_only()
        .column(u::Column::Email)
        .column(us::Column::SchoolId)
        .join_rev(
            sea_orm::JoinType::InnerJoin,
            us::Entity::belongs_to(u::Entity)
                .from(us::Column::UserId)
                .to(u::Column::Id)
                .into(),
        )
        .filter(u::Column::Role.eq(Role::SchoolCoordinator))
        .filter(u::Column::Status.eq(UserStatus::Active))
        .filter(us::Column::SchoolId.is_in(schools.iter().copied()))
        .order_by_asc(u::Column::Email)
        .into_tuple()
        .all(db)
        .await?)
}

/// Display names of many users at once.
pub async fn names_of(
    db: &impl ConnectionTrait,
    ids: &[UserId],
) -> DbResult<HashMap<UserId, String>> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(u::Entity::find()
        .select_only()
        .column(u::Column::Id)
        .column(u::Column::DisplayName)
        .filter(u::Column::Id.is_in(ids.iter().copied()))
        .into_tuple::<(UserId, String)>()
        .all(db)
        .await?
        .into_iter()
        .collect())
}

/// The emails of an organization's active partner logins.
pub async fn partner_emails(
    db: &impl ConnectionTrait,
    org: OrganizationId,
) -> DbResult<Vec<String>> {
    let ids = partner_logins(db, org).await?;
    if ids.is_empty() {
        return Ok(vec![]);
    }
    Ok(u::Entity::find()
        .select_only()
        .column(u::Column::Email)
        .filter(u::Column::Id.is_in(ids))
        .filter(u::Column::Role.eq(Role::Partner))
        .filter(u::Column::Status.eq(UserStatus::Active))
        .order_by_asc(u::Column::Email)
        .into_tuple()
        .all(db)
        .await?)
}

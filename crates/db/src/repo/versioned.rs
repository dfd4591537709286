//! The one optimistic-concurrency update: every table whose rows carry a `version` changes a row
//! only when the caller saw its current version, and bumps it in the same statement.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, UpdateMany};

use crate::entities::{
    agreements, applications, directory_listings, donations, goals, need_matches, offers,
    opportunities, organizations, plan_priorities, school_needs, schools, settings, users,
    volunteers,
};
use crate::{DbError, DbResult};

/// A table whose rows carry a `version` and an `updated_at`, found by one key column.
pub trait Versioned: EntityTrait {
    /// The column a row is found by (its id, or a settings key).
    fn key() -> Self::Column;
    /// The version column.
    fn version() -> Self::Column;
    /// The last-change time column.
    fn updated_at() -> Self::Column;
}

macro_rules! versioned {
    ($($m:ident => $key:ident),+ $(,)?) => {$(
        impl Versioned for $m::Entity {
            fn key() -> Self::Column { $m::Column::$key }
            fn version() -> Self::Column { $m::Column::Version }
            fn updated_at() -> Self::Column { $m::Column::UpdatedAt }
        }
    )+};
}

/// A versioned table whose rows carry a status and the reason for its last change.
pub trait WithStatus: Versioned {
    /// The status column.
    fn status() -> Self::Column;
    /// The column of the reason for the last status change.
    fn status_reason() -> Self::Column;
}

macro_rules! with_status {
    ($($m:ident),+ $(,)?) => {$(
        impl WithStatus for $m::Entity {
            fn status() -> Self::Column { $m::Column::Status }
            fn status_reason() -> Self::Column { $m::Column::StatusReason }
        }
    )+};
}

with_status!(donations, need_matches, offers, school_needs);

versioned!(
    agreements => Id,
    applications => Id,
    directory_listings => OfferId,
    donations => Id,
    goals => Key,
    need_matches => Id,
    offers => Id,
    opportunities => Id,
    organizations => Id,
    plan_priorities => Id,
    school_needs => Id,
    schools => Id,
    settings => Key,
    users => Id,
    volunteers => Id,
);

/// Applies `changes` (an `update_many` with the changed columns set) to the row with `key` if
/// its version is still `expected`, and bumps the version and `updated_at` in the same
/// statement. `Stale` when the row changed meanwhile, `NotFound` when there is no such row.
pub async fn update<E: Versioned>(
    db: &impl ConnectionTrait,
    key: impl Into<sea_orm::Value>,
    expected: i32,
    changes: UpdateMany<E>,
) -> DbResult<()> {
    let key = key.into();
    let res = changes
        .col_expr(E::version(), Expr::value(expected + 1))
        .col_expr(E::updated_at(), Expr::value(Utc::now()))
        .filter(E::key().eq(key.clone()))
        .filter(E::version().eq(expected))
        .exec(db)
        .await?;
    if res.rows_affected > 0 {
        return Ok(());
    }
    let exists = E::find().filter(E::key().eq(key)).one(db).await?.is_some();
    Err(if exists {
        DbError::Stale
    } else {
        DbError::NotFound
    })
}

/// Moves the row with `key` to status `to`, with the reason (trimmed; empty is none), when its
/// version is still `expected` (as [`update`]).
pub async fn set_status<E: WithStatus>(
    db: &impl ConnectionTrait,
    key: impl Into<sea_orm::Value>,
    expected: i32,
    to: impl Into<sea_orm::Value>,
    reason: &str,
) -> DbResult<()> {
    let reason = reason.trim();
    update(
        db,
        key,
        expected,
        E::update_many()
            .col_expr(E::status(), Expr::value(to.into()))
            .col_expr(
                E::status_reason(),
                Expr::value((!reason.is_empty()).then(|| reason.to_string())),
            ),
    )
    .await
}

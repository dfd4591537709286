//! The one optimistic-concurrency update: every table whose rows carry a `version` changes a row
//! only when the caller saw its current version, and bumps it in the same statement.

use chrono::Utc;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, UpdateMany};

use crate::entities::{
    agreements, applications, goals, offers, opportunities, organizations, plan_priorities,
    school_needs, schools, settings, users, volunteers,
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

versioned!(
    agreements => Id,
    applications => Id,
    goals => Key,
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

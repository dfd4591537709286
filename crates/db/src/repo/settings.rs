//! Settings edited in the application: read one, or change it when the version read is still
//! current (version 0: it was never set, so it is created).

use chrono::Utc;
use domain::UserId;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use crate::entities::settings as st;
use crate::{DbError, DbResult};

/// The stored row, if the setting was ever set.
pub async fn get(db: &impl ConnectionTrait, key: &str) -> DbResult<Option<st::Model>> {
    Ok(st::Entity::find_by_id(key.to_string()).one(db).await?)
}

/// Sets the value if the stored version is still `expected_version` (0: never set).
pub async fn put(
    db: &impl ConnectionTrait,
    key: &str,
    value: &str,
    expected_version: i32,
    by: UserId,
) -> DbResult<st::Model> {
    let now = Utc::now();
    if expected_version == 0 {
        if get(db, key).await?.is_some() {
            return Err(DbError::Stale);
        }
        return Ok(st::ActiveModel {
            key: Set(key.into()),
            value: Set(value.into()),
            version: Set(1),
            updated_by: Set(Some(by.0)),
            updated_at: Set(now),
        }
        .insert(db)
        .await?);
    }
    let res = st::Entity::update_many()
        .col_expr(st::Column::Value, Expr::value(value))
        .col_expr(st::Column::Version, Expr::value(expected_version + 1))
        .col_expr(st::Column::UpdatedBy, Expr::value(Some(by.0)))
        .col_expr(st::Column::UpdatedAt, Expr::value(now))
        .filter(st::Column::Key.eq(key))
        .filter(st::Column::Version.eq(expected_version))
        .exec(db)
        .await?;
    if res.rows_affected == 0 {
        return Err(DbError::Stale);
    }
    get(db, key).await?.ok_or(DbError::NotFound)
}

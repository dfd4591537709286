//! Settings edited in the application: read one, or change it when the version read is still
//! current (version 0: it was never set, so it is created).

use chrono::Utc;
use domain::UserId;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};

use super::versioned;
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
    let changes = st::Entity::update_many()
        .col_expr(st::Column::Value, Expr::value(value))
        .col_expr(st::Column::UpdatedBy, Expr::value(Some(by.0)));
    // A setting never set has version 0 (created above): any other version it cannot have.
    versioned::update(db, key, expected_version, changes)
        .await
        .map_err(|e| match e {
            DbError::NotFound => DbError::Stale,
            e => e,
        })?;
    get(db, key).await?.ok_or(DbError::NotFound)
}

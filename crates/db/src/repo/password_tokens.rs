//! One-time password links: stored as SHA-256 hashes, used once, until they expire.

use chrono::{DateTime, Utc};
use domain::UserId;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::DbResult;
use crate::entities::password_tokens as pt;

/// Stores a new link for an account.
pub async fn insert(
    db: &impl ConnectionTrait,
    user: UserId,
    token_hash: String,
    purpose: &str,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    pt::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.0),
        token_hash: Set(token_hash),
        purpose: Set(purpose.into()),
        expires_at: Set(expires_at),
        used_at: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// Uses the link with this hash: the account it sets the password of, if it exists, has not
/// expired at `now` and nobody used it first. Every other open link of that account stops
/// working with it (one new password per request).
pub async fn redeem(
    db: &impl ConnectionTrait,
    token_hash: &str,
    now: DateTime<Utc>,
) -> DbResult<Option<UserId>> {
    let Some(row) = pt::Entity::find()
        .filter(pt::Column::TokenHash.eq(token_hash))
        .filter(pt::Column::UsedAt.is_null())
        .filter(pt::Column::ExpiresAt.gt(now))
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    let used = pt::Entity::update_many()
        .col_expr(pt::Column::UsedAt, Expr::value(now))
        .filter(pt::Column::UserId.eq(row.user_id))
        .filter(pt::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok((used.rows_affected > 0).then_some(UserId(row.user_id)))
}

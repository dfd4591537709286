//! Refresh tokens: stored as SHA-256 hashes, rotated on use, revoked by family.

use chrono::{DateTime, Utc};
use domain::UserId;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

use crate::DbResult;
use crate::entities::refresh_tokens as rt;

/// A stored refresh token.
pub type RefreshToken = rt::Model;

/// Stores a new token of a family.
pub async fn insert(
    db: &impl ConnectionTrait,
    user: UserId,
    family: Uuid,
    token_hash: String,
    expires_at: DateTime<Utc>,
) -> DbResult<()> {
    rt::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(user.0),
        family_id: Set(family),
        token_hash: Set(token_hash),
        expires_at: Set(expires_at),
        used_at: Set(None),
        revoked_at: Set(None),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The token with this hash, used or not.
pub async fn find_by_hash(
    db: &impl ConnectionTrait,
    token_hash: &str,
) -> DbResult<Option<RefreshToken>> {
    Ok(rt::Entity::find()
        .filter(rt::Column::TokenHash.eq(token_hash))
        .one(db)
        .await?)
}

/// Marks a token used, only if nobody used it first; `false` means it was already used.
pub async fn mark_used(db: &impl ConnectionTrait, id: Uuid) -> DbResult<bool> {
    let res = rt::Entity::update_many()
        .col_expr(rt::Column::UsedAt, Expr::value(Utc::now()))
        .filter(rt::Column::Id.eq(id))
        .filter(rt::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

/// Revokes every token of a family (logout, or reuse detected).
pub async fn revoke_family(db: &impl ConnectionTrait, family: Uuid) -> DbResult<()> {
    rt::Entity::update_many()
        .col_expr(rt::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(rt::Column::FamilyId.eq(family))
        .filter(rt::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// Revokes every token of a user (deactivation).
pub async fn revoke_user(db: &impl ConnectionTrait, user: UserId) -> DbResult<()> {
    rt::Entity::update_many()
        .col_expr(rt::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(rt::Column::UserId.eq(user.0))
        .filter(rt::Column::RevokedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

//! The `users` table.

use domain::user::UserStatus;
use domain::{Role, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: UserId,
    /// Always lower-case.
    #[sea_orm(unique)]
    pub email: String,
    pub display_name: String,
    /// An argon2id PHC string.
    pub password_hash: String,
    pub role: Role,
    pub status: UserStatus,
    /// The password was set by staff or an admin: its owner must choose their own.
    pub password_change_required: bool,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

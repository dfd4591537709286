//! The `contacts` table: people of an organization (personal data: never logged).

use domain::{ContactId, OrganizationId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "contacts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: ContactId,
    pub organization_id: OrganizationId,
    pub name: String,
    pub title: String,
    pub email: String,
    pub phone: String,
    pub is_primary: bool,
    /// The partner login given to this contact, if any.
    pub user_id: Option<UserId>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

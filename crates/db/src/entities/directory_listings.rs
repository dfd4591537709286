//! The `directory_listings` table: how an offer shows in the family resource directory.

use domain::directory::ResourceCategory;
use domain::{OfferId, UserId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "directory_listings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offer_id: OfferId,
    pub published: bool,
    pub category: ResourceCategory,
    pub title_en: String,
    pub title_es: String,
    pub summary_en: String,
    pub summary_es: String,
    /// Language codes, comma-separated, sorted.
    pub languages: String,
    pub how_to_reach: String,
    pub updated_by: UserId,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

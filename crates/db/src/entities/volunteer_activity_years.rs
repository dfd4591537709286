//! The `volunteer_activity_years` table: per volunteer, school, activity and school year, the
//! first month with approved hours and the approved minutes.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteer_activity_years")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub volunteer_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub school_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub activity: String,
    /// July 1 of the school year.
    #[sea_orm(primary_key, auto_increment = false)]
    pub year_start: Date,
    /// The first day of the first month with approved hours.
    pub first_month: Date,
    pub minutes: i64,
    pub entries: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::volunteers::Entity",
        from = "Column::VolunteerId",
        to = "super::volunteers::Column::Id"
    )]
    Volunteer,
}

impl ActiveModelBehavior for ActiveModel {}

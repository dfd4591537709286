//! The `volunteers` table: Volunteer profiles, one per volunteer login.

use domain::volunteer::VolunteerKind;
use domain::{OrganizationId, UserId, VolunteerId};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "volunteers")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: VolunteerId,
    #[sea_orm(unique)]
    pub user_id: UserId,
    pub phone: String,
    pub preferred_language: String,
    pub kind: VolunteerKind,
    pub organization_id: Option<OrganizationId>,
    pub parent_leader: bool,
    /// Why they are a parent leader (PTA officer, school leadership team, …).
    pub parent_leader_role: Option<String>,
    pub availability: String,
    pub name_key: String,
    /// The last day of the current clearance (none: not cleared); kept with each decision.
    pub cleared_until: Option<Date>,
    /// Raised when staff revoke the volunteer's badges; a badge carries the version it was
    /// issued at.
    pub badge_version: i32,
    /// The day the profile ended (left the program; none: still a volunteer). Their hours stay.
    pub ended_on: Option<Date>,
    /// Why it ended.
    pub end_reason: Option<String>,
    /// Who ended it (staff, or the volunteer's own login).
    pub ended_by: Option<UserId>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! PartnerHub's schema, as sea-orm migrations written in the portable DSL so that the same
//! files run on SQLite and PostgreSQL. Modules are named `mYYYYMMDD_NNNNNN_what`; never edit a
//! migration that has landed — add a new one (add first, remove later).

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_foundation;
mod m20261123_000002_organizations;
mod m20261123_000003_applications;
mod m20261123_000004_agreements;
mod m20261123_000005_application_collaborating_school;
mod m20261123_000006_volunteers;
mod m20261123_000007_opportunities;
mod m20261123_000008_hours;
mod m20261123_000009_volunteer_totals;
mod m20261123_000010_volunteer_summaries;
mod m20261123_000011_parent_leader_role;
mod m20261123_000012_clearance_reminders;
mod m20261123_000013_settings;
mod m20261123_000014_password_tokens;
mod m20261123_000015_badge_version;
mod m20261206_000016_hour_list_order;
mod m20261206_000017_signed_document;
mod m20261206_000018_application_match;
mod m20261206_000019_goal_counted_kinds;
mod m20261206_000020_agreement_required;
mod m20261206_000021_volunteer_periods;
mod m20261206_000022_password_change_required;
mod m20261206_000023_resume_link_expiry;
mod m20261207_000024_list_indexes;
mod m20261207_000025_school_needs;
mod m20261207_000026_offers;
mod m20261207_000027_need_matches;
mod m20261207_000028_directory;
mod m20261207_000029_donations;

/// Every migration, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_foundation::Migration),
            Box::new(m20261123_000002_organizations::Migration),
            Box::new(m20261123_000003_applications::Migration),
            Box::new(m20261123_000004_agreements::Migration),
            Box::new(m20261123_000005_application_collaborating_school::Migration),
            Box::new(m20261123_000006_volunteers::Migration),
            Box::new(m20261123_000007_opportunities::Migration),
            Box::new(m20261123_000008_hours::Migration),
            Box::new(m20261123_000009_volunteer_totals::Migration),
            Box::new(m20261123_000010_volunteer_summaries::Migration),
            Box::new(m20261123_000011_parent_leader_role::Migration),
            Box::new(m20261123_000012_clearance_reminders::Migration),
            Box::new(m20261123_000013_settings::Migration),
            Box::new(m20261123_000014_password_tokens::Migration),
            Box::new(m20261123_000015_badge_version::Migration),
            Box::new(m20261206_000016_hour_list_order::Migration),
            Box::new(m20261206_000017_signed_document::Migration),
            Box::new(m20261206_000018_application_match::Migration),
            Box::new(m20261206_000019_goal_counted_kinds::Migration),
            Box::new(m20261206_000020_agreement_required::Migration),
            Box::new(m20261206_000021_volunteer_periods::Migration),
            Box::new(m20261206_000022_password_change_required::Migration),
            Box::new(m20261206_000023_resume_link_expiry::Migration),
            Box::new(m20261207_000024_list_indexes::Migration),
            Box::new(m20261207_000025_school_needs::Migration),
            Box::new(m20261207_000026_offers::Migration),
            Box::new(m20261207_000027_need_matches::Migration),
            Box::new(m20261207_000028_directory::Migration),
            Box::new(m20261207_000029_donations::Migration),
        ]
    }
}

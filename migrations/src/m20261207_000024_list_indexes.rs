//! Every list served from an index (issue 22). A list filters, then orders by a key and the id
//! (`db::repo::paging`); without an index that ends in that order the database reads every
//! matching row and sorts it in a temporary structure, and a filter through a link table
//! (schools of an application, support areas of an organization) read the whole link table.
//! `crates/api/tests/api/query_plans.rs` asks both databases for each list's plan and fails on
//! either; these are the indexes it asked for.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Replaced: `(status, last_at)` made the planner pick it for the upcoming list and sort every
/// upcoming opportunity by start; `(status, starts_at, id)` serves the list in its order and
/// checks `last_at` on the way.
const UPCOMING: &str = "idx_opportunities_upcoming";

/// (index, table, columns). Plain SQL: the same statement on SQLite and PostgreSQL.
const INDEXES: &[(&str, &str, &str)] = &[
    // Schools by code (by name has its index).
    ("idx_schools_code_id", "schools", "code, id"),
    // Accounts by email (unique, but PostgreSQL's planner wants the tie-breaker in the index).
    ("idx_users_email_id", "users", "email, id"),
    // The directory, by legal name, whole or by status or type.
    (
        "idx_organizations_name_id",
        "organizations",
        "legal_name, id",
    ),
    (
        "idx_organizations_status_name",
        "organizations",
        "status, legal_name, id",
    ),
    (
        "idx_organizations_type_name",
        "organizations",
        "org_type, legal_name, id",
    ),
    (
        "idx_org_support_areas_area",
        "organization_support_areas",
        "area, organization_id",
    ),
    // The pipeline, newest first, by status or owner; its schools and support areas.
    ("idx_applications_status_id", "applications", "status, id"),
    ("idx_applications_owner_id", "applications", "owner_id, id"),
    (
        "idx_applications_org_id",
        "applications",
        "organization_id, id",
    ),
    (
        "idx_application_schools_school",
        "application_schools",
        "school_id, application_id",
    ),
    (
        "idx_application_areas_area",
        "application_support_areas",
        "area, application_id",
    ),
    // Agreements, newest first, by status, organization or owner; their schools.
    ("idx_agreements_status_id", "agreements", "status, id"),
    ("idx_agreements_org_id", "agreements", "organization_id, id"),
    ("idx_agreements_owner_id", "agreements", "owner_id, id"),
    (
        "idx_agreement_schools_school",
        "agreement_schools",
        "school_id, agreement_id",
    ),
    // Volunteers of a school.
    (
        "idx_volunteer_schools_school",
        "volunteer_schools",
        "school_id, volunteer_id",
    ),
    // Opportunities soonest first, open ones or all, a school's; an opportunity's queue.
    ("idx_opportunities_starts", "opportunities", "starts_at, id"),
    (
        "idx_opportunities_status_starts",
        "opportunities",
        "status, starts_at, id",
    ),
    (
        "idx_opportunities_school_starts",
        "opportunities",
        "school_id, starts_at, id",
    ),
    (
        "idx_signups_opportunity_queued",
        "signups",
        "opportunity_id, queued_at, id",
    ),
    // An agreement's history, oldest first.
    (
        "idx_agreement_history_at",
        "agreement_history",
        "agreement_id, at, id",
    ),
    // Audit events of a kind, or of one record, newest first.
    ("idx_audit_entity_at", "audit_events", "entity, at, id"),
    (
        "idx_audit_record_at",
        "audit_events",
        "entity, entity_id, at, id",
    ),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, table, columns) in INDEXES {
            db.execute_unprepared(&format!(
                "CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})"
            ))
            .await?;
        }
        db.execute_unprepared(&format!("DROP INDEX IF EXISTS {UPCOMING}"))
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        for (name, _, _) in INDEXES {
            db.execute_unprepared(&format!("DROP INDEX IF EXISTS {name}"))
                .await?;
        }
        db.execute_unprepared(&format!(
            "CREATE INDEX IF NOT EXISTS {UPCOMING} ON opportunities (status, last_at)"
        ))
        .await?;
        Ok(())
    }
}

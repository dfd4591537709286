//! sea-orm entities, one module per table. They mirror `migrations/`; API types live in `domain`.

pub mod agreement_deliverables;
pub mod agreement_documents;
pub mod agreement_history;
pub mod agreement_reminders;
pub mod agreement_schools;
pub mod agreement_signatures;
pub mod agreements;
pub mod application_checks;
pub mod application_history;
pub mod application_schools;
pub mod application_subtasks;
pub mod application_support_areas;
pub mod applications;
pub mod audit_events;
pub mod contacts;
pub mod goals;
pub mod organization_support_areas;
pub mod organizations;
pub mod outbox;
pub mod refresh_tokens;
pub mod schools;
pub mod user_organizations;
pub mod user_schools;
pub mod users;

//! sea-orm entities, one module per table. They mirror `migrations/`; API types live in `domain`.

pub mod audit_events;
pub mod contacts;
pub mod organization_support_areas;
pub mod organizations;
pub mod refresh_tokens;
pub mod schools;
pub mod user_organizations;
pub mod user_schools;
pub mod users;

//! sea-orm entities, one module per table. They mirror `migrations/`; API types live in `domain`.

pub mod audit_events;
pub mod refresh_tokens;
pub mod schools;
pub mod user_schools;
pub mod users;

//! PartnerHub's domain: the types the server and the SPA share.
//!
//! Pure data and rules only: no I/O, no database, no HTTP. Builds for wasm32.
//! OpenAPI schemas are derived behind the `openapi` feature so the SPA stays lean.

pub mod application;
pub mod audit;
pub mod auth;
pub mod ids;
pub mod intake;
pub mod organization;
pub mod page;
pub mod problem;
pub mod role;
pub mod school;
pub mod user;

pub use ids::{ApplicationId, ContactId, OrganizationId, SchoolId, UserId};
pub use role::{Permission, Role};

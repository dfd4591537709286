//! PartnerHub's HTTP API: actix-web handlers, authentication, services and the OpenAPI spec.
//!
//! ```text
//! routes/<resource>/<action>.rs  thin handlers: extract → service → response
//! services/<resource>/<use case>  use cases named for intent; transactions + audit
//! jobs.rs                        the one scheduler of every periodic task
//! auth/                          tokens, passwords, the AuthUser extractor, rate limits
//! error.rs                       ApiError → application/problem+json
//! openapi.rs                     the generated spec
//! startup.rs                     Application::build (main and tests)
//! ```

pub mod auth;
pub mod concurrency;
pub mod config;
pub mod error;
pub mod jobs;
pub mod openapi;
pub mod qr;
pub mod routes;
pub mod services;
pub mod startup;
pub mod state;
pub mod storage;
pub mod telemetry;

pub use config::Settings;
pub use startup::Application;

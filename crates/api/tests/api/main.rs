#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly by design"
)]

//! HTTP-level tests against `Application::build` on port 0, a fresh database per test.
//! SQLite always; PostgreSQL when `TEST_DATABASE_URL` is set (each test creates and drops its
//! own database). One binary for all modules, so the dependency graph is linked once.

mod agreements;
mod applications;
mod audit;
mod auth;
mod client;
mod directory;
mod donations;
mod exports;
mod helpers;
mod hours;
mod imports;
mod matches;
mod migrations;
mod needs;
mod offers;
mod opportunities;
mod organizations;
mod problems;
mod query_plans;
mod schools;
mod spa;
mod spec;
mod users;
mod volunteer_metrics;
mod volunteer_periods;
mod volunteers;

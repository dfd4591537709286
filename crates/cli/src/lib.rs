//! The `partnerhub` command line and what only it needs: the demo data (`seed-demo`, also at
//! district scale) and the dashboard benchmark. The server library (`partnerhub-api`) carries
//! none of it.

pub mod bench;
pub mod cli;
pub mod demo;
pub mod demo_district;

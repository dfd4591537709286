//! `/api/v1/hours`: volunteer hours. Volunteers log them or check in and out at the school;
//! coordinators of the school (staff anywhere) approve or reject in bulk; corrections supersede.

pub mod check_in;
pub mod check_out;
pub mod correct;
pub mod decide;
pub mod export;
pub mod import;
pub mod list;
pub mod log;

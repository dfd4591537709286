//! `/api/v1/signups/{id}`: one volunteer's sign-up for an opportunity.

pub mod cancel;

//! `/api/v1/opportunities`: volunteer opportunities at schools and the sign-ups for them.
//! Coordinators post for their schools and staff anywhere; every signed-in user browses;
//! volunteers sign up (a slot or the waitlist) and cancel via `/api/v1/signups/{id}/cancel`.

pub mod cancel;
pub mod create;
pub mod export;
pub mod get;
pub mod list;
pub mod roster;
pub mod sign_up;
pub mod update;

pub use crate::concurrency::with_etag;

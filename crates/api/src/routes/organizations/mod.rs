//! `/api/v1/organizations`: the partner directory and contacts. Staff and admin write; every
//! signed-in role but volunteers reads; a partner sees only their own organization.

pub mod add_contact;
pub mod create;
pub mod export;
pub mod get;
pub mod give_login;
pub mod list;
pub mod remove_contact;
pub mod update;
pub mod update_contact;

pub use crate::concurrency::with_etag;

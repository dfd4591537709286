//! Services: the use cases, named for intent. They take domain types, run repositories in a
//! transaction, write the audit trail, and never build HTTP responses.

pub mod applications;
pub mod audit;
pub mod auth;
pub mod organizations;
pub mod school_import;
pub mod schools;
pub mod users;

use domain::UserId;

/// Who is acting, for the audit log.
#[derive(Debug, Clone)]
pub struct Actor {
    /// The user, or `None` for the system (command line).
    pub user: Option<UserId>,
    /// The request id.
    pub request_id: Option<String>,
}

impl Actor {
    /// The command line or a background job.
    pub fn system() -> Self {
        Self {
            user: None,
            request_id: None,
        }
    }
}

impl From<&crate::auth::AuthUser> for Actor {
    fn from(a: &crate::auth::AuthUser) -> Self {
        Self {
            user: Some(a.id),
            request_id: a.request_id.clone(),
        }
    }
}

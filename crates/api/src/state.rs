//! What every handler can reach: the pool, the token keys, the limiters, the settings.

use sea_orm::DatabaseConnection;
use std::sync::Arc;

use crate::auth::rate_limit::{IpLimiter, LoginLimiter};
use crate::auth::tokens::TokenKeys;
use crate::config::Settings;
use crate::storage::DocumentStore;

/// Shared application state (cheap to clone).
#[derive(Clone)]
pub struct AppState {
    /// The database pool.
    pub db: DatabaseConnection,
    /// Access-token keys.
    pub keys: TokenKeys,
    /// Login throttling.
    pub login_limiter: LoginLimiter,
    /// Throttling of the public application endpoints.
    pub public_limiter: IpLimiter,
    /// The loaded settings.
    pub settings: Arc<Settings>,
    /// Where agreement documents are kept.
    pub documents: Arc<dyn DocumentStore>,
}

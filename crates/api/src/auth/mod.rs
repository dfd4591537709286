//! Authentication and authorization.
//!
//! * `password`: argon2id hashing (OWASP parameters).
//! * `tokens`: short-lived JWT access tokens and opaque rotating refresh tokens.
//! * `extractor`: `AuthUser`, the signed-in caller, with explicit permission checks.
//! * `rate_limit`: login throttling per IP and per account.

pub mod extractor;
pub mod password;
pub mod rate_limit;
pub mod tokens;

pub use extractor::AuthUser;

//! Password hashing with argon2id, m = 19456 KiB, t = 2, p = 1 (OWASP's recommendation).

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};
use std::sync::OnceLock;

use crate::error::ApiError;

fn hasher() -> Result<Argon2<'static>, ApiError> {
    let params = Params::new(19_456, 2, 1, None)
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("argon2 params: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password into a PHC string. CPU-heavy: call from `spawn_blocking`.
pub fn hash(password: &str) -> Result<String, ApiError> {
    let h = hasher()?
        .hash_password(password.as_bytes())
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("argon2 hash: {e}")))?;
    Ok(h.to_string())
}

/// Whether the password matches the PHC string. CPU-heavy: call from `spawn_blocking`.
pub fn verify(password: &str, phc: &str) -> bool {
    match hasher() {
        Ok(h) => PasswordVerifier::<str>::verify_password(&h, password.as_bytes(), phc).is_ok(),
        Err(_) => false,
    }
}

/// A hash of a random password, verified against when the email is unknown so that the
/// response time does not tell whether an account exists.
pub fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash(&uuid::Uuid::new_v4().to_string()).unwrap_or_default())
}

/// Runs a hash off the async executor.
pub async fn hash_async(password: String) -> Result<String, ApiError> {
    actix_web::web::block(move || hash(&password))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("blocking pool: {e}")))?
}

/// Runs a verification off the async executor.
pub async fn verify_async(password: String, phc: String) -> Result<bool, ApiError> {
    actix_web::web::block(move || verify(&password, &phc))
        .await
        .map_err(|e| ApiError::Internal(anyhow::anyhow!("blocking pool: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_only_its_password() {
        let h = hash("correct horse battery").unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("correct horse battery", &h));
        assert!(!verify("wrong", &h));
        assert!(!verify("x", "not a phc string"));
    }
}

//! Access tokens (JWT, HS256 pinned, `iss`/`aud`/`exp` validated) and refresh tokens
//! (32 random bytes, stored as SHA-256, rotated on every use).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use domain::{Role, UserId, VolunteerId};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use rand::RngCore;
use secrecy::ExposeSecret;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::config::AuthSettings;
use crate::error::ApiError;

/// The issuer and audience of every access token.
pub const ISSUER: &str = "partnerhub";
/// The audience of every access token.
pub const AUDIENCE: &str = "partnerhub-api";
/// The audience of volunteer badge tokens (what a badge's QR code carries).
pub const BADGE_AUDIENCE: &str = "partnerhub-badge";
/// The refresh cookie's name.
pub const REFRESH_COOKIE: &str = "ph_refresh";
/// The refresh cookie's path: only the auth endpoints ever see it.
pub const REFRESH_COOKIE_PATH: &str = "/api/v1/auth";

/// Claims of an access token.
#[derive(Debug, Serialize, Deserialize)]
pub struct Claims {
    /// The user id.
    pub sub: String,
    /// The role when the token was issued (the extractor re-reads it from the database).
    pub role: String,
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// Issued at (seconds).
    pub iat: i64,
    /// Expires at (seconds).
    pub exp: i64,
}

/// Claims of a badge token: which volunteer, and the badge version it was issued at (revoking
/// a volunteer's badges raises it). It does not expire — a badge check reads the volunteer's
/// standing live, so an old badge shows today's truth.
#[derive(Debug, Serialize, Deserialize)]
struct BadgeClaims {
    sub: String,
    iss: String,
    aud: String,
    iat: i64,
    /// Absent in badges issued before revocation existed: version 0.
    #[serde(default)]
    ver: i32,
}

/// Signs and checks access tokens.
#[derive(Clone)]
pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    badge_validation: Validation,
    /// Access-token lifetime.
    pub access_ttl_secs: u64,
}

impl TokenKeys {
    /// Keys from settings; an empty secret means a random key for this process.
    pub fn new(settings: &AuthSettings) -> Self {
        let secret = settings.jwt_secret.expose_secret();
        let bytes = if secret.is_empty() {
            tracing::warn!(
                "auth.jwt_secret is not set: using a random key; tokens will not survive a restart"
            );
            let mut b = vec![0u8; 32];
            rand::rng().fill_bytes(&mut b);
            b
        } else {
            secret.as_bytes().to_vec()
        };
        let mut validation = Validation::new(Algorithm::HS256);
        validation.algorithms = vec![Algorithm::HS256];
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        let mut badge_validation = Validation::new(Algorithm::HS256);
        badge_validation.algorithms = vec![Algorithm::HS256];
        badge_validation.set_issuer(&[ISSUER]);
        badge_validation.set_audience(&[BADGE_AUDIENCE]);
        badge_validation.set_required_spec_claims(&["iss", "aud", "sub"]);
        badge_validation.validate_exp = false;
        Self {
            encoding: EncodingKey::from_secret(&bytes),
            decoding: DecodingKey::from_secret(&bytes),
            validation,
            badge_validation,
            access_ttl_secs: settings.access_ttl_secs,
        }
    }

    /// Issues an access token.
    pub fn issue(&self, user: UserId, role: Role) -> Result<String, ApiError> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user.to_string(),
            role: role.as_str().to_string(),
            iss: ISSUER.into(),
            aud: AUDIENCE.into(),
            iat: now,
            exp: now + self.access_ttl_secs as i64,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("jwt encode: {e}")))
    }

    /// Checks an access token and returns its user id.
    pub fn verify(&self, token: &str) -> Result<UserId, ApiError> {
        let data = decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| ApiError::Unauthorized("the access token is invalid or expired"))?;
        data.claims
            .sub
            .parse()
            .map_err(|_| ApiError::Unauthorized("the access token is invalid or expired"))
    }
}

impl TokenKeys {
    /// The token a volunteer's badge carries.
    pub fn badge(&self, volunteer: VolunteerId, version: i32) -> Result<String, ApiError> {
        let claims = BadgeClaims {
            sub: volunteer.to_string(),
            iss: ISSUER.into(),
            aud: BADGE_AUDIENCE.into(),
            iat: chrono::Utc::now().timestamp(),
            ver: version,
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("jwt encode: {e}")))
    }

    /// The volunteer a badge token names and the badge version it carries, when it is one of
    /// ours.
    pub fn badge_subject(&self, token: &str) -> Option<(VolunteerId, i32)> {
        let claims = decode::<BadgeClaims>(token, &self.decoding, &self.badge_validation)
            .ok()?
            .claims;
        Some((claims.sub.parse().ok()?, claims.ver))
    }
}

/// A new random refresh token (what the client holds).
pub fn new_refresh_token() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    URL_SAFE_NO_PAD.encode(b)
}

/// The stored form of a refresh token.
pub fn hash_refresh_token(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Settings;

    fn keys(ttl: u64) -> TokenKeys {
        let mut s = Settings::defaults().unwrap().auth;
        s.jwt_secret = "0123456789abcdef0123456789abcdef".to_string().into();
        s.access_ttl_secs = ttl;
        TokenKeys::new(&s)
    }

    #[test]
    fn a_token_verifies_with_its_key_only() {
        let user = UserId::new();
        let t = keys(60).issue(user, Role::Staff).unwrap();
        assert_eq!(keys(60).verify(&t).unwrap(), user);
        let mut other = Settings::defaults().unwrap().auth;
        other.jwt_secret = "another-secret-another-secret-xx".to_string().into();
        assert!(TokenKeys::new(&other).verify(&t).is_err());
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        // alg=none with the same claims.
        let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"none","typ":"JWT"}"#);
        let now = chrono::Utc::now().timestamp();
        let body = URL_SAFE_NO_PAD.encode(format!(
            r#"{{"sub":"{}","role":"admin","iss":"partnerhub","aud":"partnerhub-api","iat":{now},"exp":{}}}"#,
            UserId::new(),
            now + 60
        ));
        assert!(keys(60).verify(&format!("{header}.{body}.")).is_err());
    }

    #[test]
    fn badge_tokens_and_access_tokens_are_not_interchangeable() {
        let k = keys(60);
        let v = VolunteerId::new();
        let badge = k.badge(v, 3).unwrap();
        assert_eq!(k.badge_subject(&badge), Some((v, 3)));
        assert!(k.verify(&badge).is_err(), "a badge is not a sign-in");
        let access = k.issue(UserId::new(), Role::Volunteer).unwrap();
        assert_eq!(k.badge_subject(&access), None);
        let mut other = Settings::defaults().unwrap().auth;
        other.jwt_secret = "another-secret-another-secret-xx".to_string().into();
        assert_eq!(TokenKeys::new(&other).badge_subject(&badge), None);
    }

    #[test]
    fn refresh_tokens_are_random_and_hashed() {
        let a = new_refresh_token();
        assert_ne!(a, new_refresh_token());
        assert_eq!(hash_refresh_token(&a).len(), 64);
        assert_ne!(hash_refresh_token(&a), a);
    }
}

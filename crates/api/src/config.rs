//! Typed configuration: defaults → optional TOML file → `PARTNERHUB__SECTION__KEY` variables.
//!
//! The file is `partnerhub.toml` in the working directory, or the path in `PARTNERHUB_CONFIG`.
//! Secrets are `SecretString`s: they never appear in `Debug` output or logs.

use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

/// Everything the server reads at start.
#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    /// HTTP server.
    pub server: ServerSettings,
    /// Database.
    pub database: DatabaseSettings,
    /// Sign-in and tokens.
    pub auth: AuthSettings,
    /// Logging.
    pub log: LogSettings,
    /// Agreement documents.
    pub storage: StorageSettings,
    /// Background jobs.
    pub jobs: JobSettings,
    /// Volunteer rules.
    pub volunteers: VolunteerSettings,
    /// CSV exports.
    pub exports: ExportSettings,
}

/// CSV exports.
#[derive(Debug, Clone, Deserialize)]
pub struct ExportSettings {
    /// The most rows an export holds; more matches answer 422 `too_many_rows` (narrow the
    /// filters).
    pub max_rows: usize,
}

/// Volunteer rules that the office may tune.
#[derive(Debug, Clone, Deserialize)]
pub struct VolunteerSettings {
    /// Days after a clearance expires during which the volunteer may still serve.
    pub clearance_grace_days: u32,
    /// Hours after a check-in when a visit nobody checked out of is closed (and flagged).
    pub checkout_cap_hours: u32,
    /// The value of a volunteer hour for reporting, in cents (default: Independent Sector's
    /// national estimate for 2024, $34.79).
    pub hourly_value_cents: i64,
}

/// Where agreement documents are kept.
#[derive(Debug, Clone, Deserialize)]
pub struct StorageSettings {
    /// Directory of the local document store.
    pub documents_dir: String,
    /// Largest accepted document, in bytes.
    pub document_limit_bytes: usize,
}

/// Background jobs.
#[derive(Debug, Clone, Deserialize)]
pub struct JobSettings {
    /// Seconds between runs of the agreement job (activation, expiry, renewal reminders);
    /// 0 turns it off (tests run it by hand).
    pub agreements_interval_secs: u64,
    /// Seconds between runs of the volunteers job (closes forgotten check-outs at the cap,
    /// queues clearance renewal reminders); 0 off.
    pub hours_interval_secs: u64,
}

/// HTTP server settings.
#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    /// Interface to bind.
    pub host: String,
    /// Port to bind; 0 picks a free one (tests).
    pub port: u16,
    /// Directory of the built SPA; served at `/` when it exists.
    pub spa_dir: String,
    /// Origins allowed by CORS (none by default: the SPA is served from the same origin).
    pub cors_origins: Vec<String>,
    /// Largest accepted JSON body, in bytes.
    pub json_limit_bytes: usize,
    /// Largest accepted CSV upload, in bytes.
    pub upload_limit_bytes: usize,
    /// The address people use to reach PartnerHub (for links in messages).
    pub public_url: String,
    /// Requests per IP per minute to the public application endpoints.
    pub public_per_ip_per_minute: u32,
    /// Addresses of the reverse proxies in front of PartnerHub. A request from one of them is
    /// taken to come from the address its `X-Forwarded-For` names (the last one that is not a
    /// proxy); from anywhere else the header is ignored, so nobody can claim another address
    /// (rate limits, signature records).
    #[serde(default)]
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

/// Database settings.
#[derive(Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://path?mode=rwc` or `postgres://user:pass@host/db`.
    pub url: SecretString,
    /// Pool size.
    pub max_connections: u32,
    /// Apply migrations at start (dev); production runs `partnerhub migrate`.
    pub auto_migrate: bool,
}

impl std::fmt::Debug for DatabaseSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseSettings")
            .field("url", &redact_url(self.url.expose_secret()))
            .field("max_connections", &self.max_connections)
            .field("auto_migrate", &self.auto_migrate)
            .finish()
    }
}

/// A database URL with any password replaced by `***`.
pub fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_string(),
    }
}

/// Sign-in and token settings.
#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    /// HMAC key for access tokens (at least 32 bytes). Empty: a random key per process (dev only).
    pub jwt_secret: SecretString,
    /// Access-token lifetime in seconds (at most 900).
    pub access_ttl_secs: u64,
    /// Refresh-token lifetime in days (sliding: each refresh starts it again).
    pub refresh_ttl_days: i64,
    /// A session's absolute lifetime in days from its sign-in, however often it is refreshed.
    pub session_max_days: i64,
    /// Mark the refresh cookie `Secure` (browsers accept it on http://localhost too).
    pub cookie_secure: bool,
    /// Login attempts allowed per IP per minute.
    pub login_per_ip_per_minute: u32,
    /// Login attempts allowed per account per minute.
    pub login_per_account_per_minute: u32,
}

/// Log settings.
#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    /// `pretty` or `json`.
    pub format: String,
    /// An `EnvFilter` directive, e.g. `info,partnerhub_api=debug`.
    pub filter: String,
}

const DEFAULTS: &str = r#"
[server]
host = "127.0.0.1"
port = 8080
spa_dir = "frontend/dist"
cors_origins = []
json_limit_bytes = 262144
upload_limit_bytes = 5242880
public_url = "http://127.0.0.1:8080"
public_per_ip_per_minute = 30
trusted_proxies = []

[database]
url = "sqlite://data/partnerhub.db?mode=rwc"
max_connections = 10
auto_migrate = true

[auth]
jwt_secret = ""
access_ttl_secs = 900
refresh_ttl_days = 14
session_max_days = 30
cookie_secure = true
login_per_ip_per_minute = 20
login_per_account_per_minute = 5

[storage]
documents_dir = "data/documents"
document_limit_bytes = 10485760

[jobs]
agreements_interval_secs = 300
hours_interval_secs = 300

[volunteers]
clearance_grace_days = 14
checkout_cap_hours = 8
hourly_value_cents = 3479

[exports]
max_rows = 100000

[log]
format = "pretty"
filter = "info"
"#;

impl Settings {
    /// Loads the layered configuration.
    pub fn load() -> Result<Settings, config::ConfigError> {
        let file = std::env::var("PARTNERHUB_CONFIG").unwrap_or_else(|_| "partnerhub.toml".into());
        let s: Settings = config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml))
            .add_source(
                config::File::with_name(&file)
                    .format(config::FileFormat::Toml)
                    .required(false),
            )
            .add_source(
                config::Environment::with_prefix("PARTNERHUB")
                    .prefix_separator("__")
                    .separator("__")
                    .list_separator(",")
                    .with_list_parse_key("server.cors_origins")
                    .with_list_parse_key("server.trusted_proxies")
                    .try_parsing(true),
            )
            .build()?
            .try_deserialize()?;
        s.check()?;
        Ok(s)
    }

    /// The defaults alone (tests start from these).
    pub fn defaults() -> Result<Settings, config::ConfigError> {
        config::Config::builder()
            .add_source(config::File::from_str(DEFAULTS, config::FileFormat::Toml))
            .build()?
            .try_deserialize()
    }

    fn check(&self) -> Result<(), config::ConfigError> {
        let secret = self.auth.jwt_secret.expose_secret();
        if !secret.is_empty() && secret.len() < 32 {
            return Err(config::ConfigError::Message(
                "auth.jwt_secret must be at least 32 bytes".into(),
            ));
        }
        if secret.is_empty() && !self.server.is_loopback_only() {
            // A random key per process ends every session and printed badge at each restart
            // and differs between instances: acceptable on a developer's machine only.
            return Err(config::ConfigError::Message(
                "auth.jwt_secret must be set (32+ bytes) when server.host is not a loopback \
                 address"
                    .into(),
            ));
        }
        if self.auth.access_ttl_secs == 0 || self.auth.access_ttl_secs > 900 {
            return Err(config::ConfigError::Message(
                "auth.access_ttl_secs must be between 1 and 900".into(),
            ));
        }
        if !matches!(self.log.format.as_str(), "pretty" | "json") {
            return Err(config::ConfigError::Message(
                "log.format must be pretty or json".into(),
            ));
        }
        Ok(())
    }
}

impl ServerSettings {
    /// Whether the server listens on this machine only (`127.0.0.1`, `::1`, `localhost`).
    pub fn is_loopback_only(&self) -> bool {
        self.host == "localhost"
            || self
                .host
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_jwt_secret_is_refused_unless_the_server_listens_on_loopback() {
        let mut s = Settings::defaults().unwrap();
        assert!(
            s.check().is_ok(),
            "127.0.0.1 with a random key: a developer's machine"
        );
        s.server.host = "0.0.0.0".into();
        let err = s.check().unwrap_err().to_string();
        assert!(err.contains("jwt_secret"), "{err}");
        s.auth.jwt_secret = SecretString::from("0123456789abcdef0123456789abcdef");
        assert!(s.check().is_ok());
        s.auth.jwt_secret = SecretString::from("");
        s.server.host = "::1".into();
        assert!(s.check().is_ok());
    }

    #[test]
    fn defaults_parse_and_hide_the_database_password() {
        let mut s = Settings::defaults().unwrap();
        assert_eq!(s.server.port, 8080);
        s.database.url = SecretString::from("postgres://app:hunter2@db/partnerhub");
        let shown = format!("{s:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("***"));
    }
}

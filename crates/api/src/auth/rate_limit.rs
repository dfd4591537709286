//! Throttling with keyed token buckets (governor): sign-in per client IP and per account, and
//! the public application endpoints per IP.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;

use crate::error::ApiError;

/// `n` requests per minute per key, shared by all workers.
#[derive(Clone)]
pub struct KeyedLimiter(Arc<DefaultKeyedRateLimiter<String>>);

impl KeyedLimiter {
    /// `per_minute` requests per key (at least one).
    pub fn new(per_minute: u32) -> Self {
        let q = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN));
        Self(Arc::new(RateLimiter::keyed(q)))
    }

    /// Counts one request; `429` with `Retry-After` when the key's bucket is empty.
    pub fn check(&self, key: &str) -> Result<(), ApiError> {
        if let Err(not_until) = self.0.check_key(&key.to_string()) {
            let wait = not_until
                .wait_time_from(DefaultClock::default().now())
                .as_secs()
                .max(1);
            return Err(ApiError::TooManyRequests {
                retry_after_secs: wait,
            });
        }
        self.0.retain_recent();
        Ok(())
    }
}

/// The per-IP limiter of the public (no account) endpoints.
pub type IpLimiter = KeyedLimiter;

/// The sign-in limiters: one bucket per IP and one per account.
#[derive(Clone)]
pub struct LoginLimiter {
    per_ip: KeyedLimiter,
    per_account: KeyedLimiter,
}

impl LoginLimiter {
    /// Limits of `per_ip` and `per_account` attempts per minute.
    pub fn new(per_ip: u32, per_account: u32) -> Self {
        Self {
            per_ip: KeyedLimiter::new(per_ip),
            per_account: KeyedLimiter::new(per_account),
        }
    }

    /// Counts one attempt; `429` with `Retry-After` when either bucket is empty.
    pub fn check(&self, ip: &str, account: &str) -> Result<(), ApiError> {
        self.per_ip.check(ip)?;
        self.per_account.check(account)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_account_bucket_empties_whatever_the_ip() {
        let l = LoginLimiter::new(100, 2);
        assert!(l.check("1.1.1.1", "a@x").is_ok());
        assert!(l.check("2.2.2.2", "a@x").is_ok());
        assert!(matches!(
            l.check("3.3.3.3", "a@x"),
            Err(ApiError::TooManyRequests { .. })
        ));
        assert!(l.check("3.3.3.3", "b@x").is_ok());
    }
}

//! Login throttling: a keyed token bucket per client IP and one per account (email).

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::num::NonZeroU32;
use std::sync::Arc;

use crate::error::ApiError;

/// The login limiters, shared by all workers.
#[derive(Clone)]
pub struct LoginLimiter {
    per_ip: Arc<DefaultKeyedRateLimiter<String>>,
    per_account: Arc<DefaultKeyedRateLimiter<String>>,
}

impl LoginLimiter {
    /// Limits of `per_ip` and `per_account` attempts per minute.
    pub fn new(per_ip: u32, per_account: u32) -> Self {
        let q = |n: u32| Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN));
        Self {
            per_ip: Arc::new(RateLimiter::keyed(q(per_ip))),
            per_account: Arc::new(RateLimiter::keyed(q(per_account))),
        }
    }

    /// Counts one attempt; `429` with `Retry-After` when either bucket is empty.
    pub fn check(&self, ip: &str, account: &str) -> Result<(), ApiError> {
        let clock = DefaultClock::default();
        for (limiter, key) in [(&self.per_ip, ip), (&self.per_account, account)] {
            if let Err(not_until) = limiter.check_key(&key.to_string()) {
                let wait = not_until.wait_time_from(clock.now()).as_secs().max(1);
                return Err(ApiError::TooManyRequests {
                    retry_after_secs: wait,
                });
            }
        }
        self.per_ip.retain_recent();
        self.per_account.retain_recent();
        Ok(())
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

/// A per-IP limiter for the public (no account) endpoints.
#[derive(Clone)]
pub struct IpLimiter(Arc<DefaultKeyedRateLimiter<String>>);

impl IpLimiter {
    /// `per_minute` requests per IP.
    pub fn new(per_minute: u32) -> Self {
        let q = Quota::per_minute(NonZeroU32::new(per_minute.max(1)).unwrap_or(NonZeroU32::MIN));
        Self(Arc::new(RateLimiter::keyed(q)))
    }

    /// Counts one request; `429` with `Retry-After` when the bucket is empty.
    pub fn check(&self, ip: &str) -> Result<(), ApiError> {
        if let Err(not_until) = self.0.check_key(&ip.to_string()) {
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

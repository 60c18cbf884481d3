//! Access control for the `/v1/*` routes: optional API keys (compared as SHA-256 digests in
//! constant time) and per-key — or per-client-address — rate limits.

use super::problem::Problem;
use crate::settings::AuthSettings;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use sha2::{Digest, Sha256};
use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use subtle::ConstantTimeEq;

/// The access policy built from `[auth]`.
pub struct Access {
    /// SHA-256 digests of the accepted keys; empty means the API is open.
    digests: Vec<[u8; 32]>,
    /// The limiter, when `requests_per_minute` is set.
    limiter: Option<DefaultKeyedRateLimiter<String>>,
    /// Whether to key anonymous clients by `X-Forwarded-For` (behind a trusted gateway).
    trust_forwarded_for: bool,
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

/// Parses a configured key: 64 hex digits are a digest, anything else is the key itself.
fn configured_digest(entry: &str) -> [u8; 32] {
    let entry = entry.trim();
    let hex = entry.strip_prefix("sha256:").unwrap_or(entry);
    if hex.len() == 64
        && let Ok(bytes) = hex::decode(hex)
        && let Ok(d) = <[u8; 32]>::try_from(bytes.as_slice())
    {
        return d;
    }
    digest(entry)
}

impl Access {
    /// The policy of `settings`.
    pub fn new(settings: &AuthSettings) -> Access {
        let digests = settings.api_keys.iter().filter(|k| !k.trim().is_empty()).map(|k| configured_digest(k)).collect();
        let limiter = NonZeroU32::new(settings.requests_per_minute).map(|rate| {
            let burst = NonZeroU32::new(settings.burst).unwrap_or(rate);
            RateLimiter::keyed(Quota::per_minute(rate).allow_burst(burst))
        });
        Access { digests, limiter, trust_forwarded_for: settings.trust_forwarded_for }
    }

    /// True when keys are required.
    pub fn keys_required(&self) -> bool {
        !self.digests.is_empty()
    }

    /// Forgets idle clients of the rate limiter (called periodically).
    pub fn forget_idle(&self) {
        if let Some(l) = &self.limiter {
            l.retain_recent();
        }
    }

    /// The digest of the presented key if it is one of ours; every configured key is
    /// compared, in constant time, whatever the outcome.
    fn check(&self, presented: &str) -> Option<[u8; 32]> {
        let d = digest(presented);
        let mut ok = subtle::Choice::from(0);
        for known in &self.digests {
            ok |= known.ct_eq(&d);
        }
        bool::from(ok).then_some(d)
    }
}

fn presented_key(headers: &HeaderMap) -> Option<String> {
    if let Some(v) = headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()) {
        let mut parts = v.trim().splitn(2, ' ');
        if parts.next().is_some_and(|s| s.eq_ignore_ascii_case("bearer")) {
            return parts.next().map(|k| k.trim().to_string());
        }
    }
    headers.get("x-api-key").and_then(|v| v.to_str().ok()).map(|k| k.trim().to_string())
}

fn unauthorized(detail: &str) -> Response {
    let mut res = Problem::new(StatusCode::UNAUTHORIZED, "unauthorized", "Unauthorized", detail).into_response();
    res.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"hadath\""));
    res
}

/// Middleware: checks the key (when keys are configured) and the rate limit.
pub async fn guard(State(access): State<Arc<Access>>, req: Request, next: Next) -> Response {
    let client = if access.keys_required() {
        let Some(key) = presented_key(req.headers()) else {
            return unauthorized("send an API key as Authorization: Bearer <key> or X-API-Key");
        };
        match access.check(&key) {
            Some(d) => format!("key:{}", hex::encode(&d[..8])),
            None => return unauthorized("the API key is not valid"),
        }
    } else {
        let forwarded = access
            .trust_forwarded_for
            .then(|| {
                req.headers()
                    .get("x-forwarded-for")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.split(',').next())
                    .map(|s| s.trim().to_string())
            })
            .flatten();
        let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip().to_string());
        format!("addr:{}", forwarded.or(peer).unwrap_or_else(|| "unknown".into()))
    };
    if let Some(limiter) = &access.limiter
        && let Err(not_until) = limiter.check_key(&client)
    {
        let wait = not_until.wait_time_from(DefaultClock::default().now());
        let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        metrics::counter!("hadath_rate_limited_total").increment(1);
        let mut p = Problem::new(
            StatusCode::TOO_MANY_REQUESTS,
            "rate-limited",
            "Too many requests",
            format!("rate limit reached; retry in {secs} s"),
        );
        p.retry_after = Some(secs.max(1));
        return p.into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(keys: &[&str]) -> AuthSettings {
        AuthSettings {
            api_keys: keys.iter().map(|s| s.to_string()).collect(),
            requests_per_minute: 0,
            burst: 0,
            trust_forwarded_for: false,
        }
    }

    #[test]
    fn keys_and_digests_are_accepted() {
        let digest_of_b = hex::encode(digest("key-b"));
        let access = Access::new(&settings(&["key-a", &digest_of_b]));
        assert!(access.check("key-a").is_some());
        assert!(access.check("key-b").is_some());
        assert!(access.check("key-c").is_none());
        assert!(access.check("").is_none());
    }

    #[test]
    fn bearer_and_header_forms() {
        let mut h = HeaderMap::new();
        h.insert(header::AUTHORIZATION, HeaderValue::from_static("Bearer  k1 "));
        assert_eq!(presented_key(&h).as_deref(), Some("k1"));
        let mut h = HeaderMap::new();
        h.insert("x-api-key", HeaderValue::from_static("k2"));
        assert_eq!(presented_key(&h).as_deref(), Some("k2"));
    }
}

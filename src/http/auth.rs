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
use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, RwLock};
use subtle::ConstantTimeEq;

/// The keyed rate limiter of the API.
type Limiter = DefaultKeyedRateLimiter<String>;

/// The access policy built from `[auth]`.
pub struct Access {
    /// SHA-256 digests of the accepted keys; empty means the API is open.
    digests: Vec<[u8; 32]>,
    /// The limiter, when `requests_per_minute` is set (replaced by a fresh one when it
    /// tracks more than `max_tracked` clients).
    limiter: Option<RwLock<Arc<Limiter>>>,
    /// The quota the limiter was built with.
    quota: Option<Quota>,
    /// The burst, in requests (a batch is charged at most this many).
    burst: u32,
    /// Most clients whose state the limiter keeps.
    max_tracked: usize,
    /// Whether to key anonymous clients by `X-Forwarded-For` (behind a trusted gateway).
    trust_forwarded_for: bool,
    /// Proxies skipped when reading `X-Forwarded-For` from the right.
    trusted_proxies: Vec<Net>,
}

/// The rate-limit key of a request's client, set by [`guard`] for the handlers (a batch is
/// charged per item).
#[derive(Debug, Clone)]
pub struct ClientKey(pub String);

/// An IP address or CIDR block of `[auth] trusted_proxies`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Net {
    addr: IpAddr,
    prefix: u8,
}

impl Net {
    /// Parses `10.0.0.0/8`, `fd00::/8` or a single address; `None` when it is neither.
    pub fn parse(s: &str) -> Option<Net> {
        let s = s.trim();
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a.parse::<IpAddr>().ok()?, Some(p.parse::<u8>().ok()?)),
            None => (s.parse::<IpAddr>().ok()?, None),
        };
        let addr = addr.to_canonical();
        let max = if addr.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(Net { addr, prefix })
    }

    /// True when `ip` lies in this block.
    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.addr, ip.to_canonical()) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// `X-Forwarded-For` entries read from the right at most (a longer header is not walked).
const MAX_FORWARDED_HOPS: usize = 16;

/// Parses one `X-Forwarded-For` entry: an address, optionally with a port.
fn forwarded_ip(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    if entry.len() > 64 {
        return None;
    }
    entry.parse::<IpAddr>().ok().or_else(|| entry.parse::<SocketAddr>().ok().map(|s| s.ip())).map(|ip| ip.to_canonical())
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
        let mut burst = 0;
        let quota = NonZeroU32::new(settings.requests_per_minute).map(|rate| {
            let b = NonZeroU32::new(settings.burst).unwrap_or(rate);
            burst = b.get();
            Quota::per_minute(rate).allow_burst(b)
        });
        Access {
            digests,
            limiter: quota.map(|q| RwLock::new(Arc::new(RateLimiter::keyed(q)))),
            quota,
            burst,
            max_tracked: settings.max_tracked_clients.max(1),
            trust_forwarded_for: settings.trust_forwarded_for,
            trusted_proxies: settings.trusted_proxies.iter().filter_map(|p| Net::parse(p)).collect(),
        }
    }

    /// True when keys are required.
    pub fn keys_required(&self) -> bool {
        !self.digests.is_empty()
    }

    fn current(&self) -> Option<Arc<Limiter>> {
        self.limiter.as_ref().map(|l| l.read().unwrap_or_else(std::sync::PoisonError::into_inner).clone())
    }

    /// Forgets idle clients of the rate limiter (called periodically, and when it tracks too
    /// many); above `max_tracked_clients` even after that, starts a fresh limiter.
    pub fn forget_idle(&self) {
        let (Some(lock), Some(quota)) = (&self.limiter, self.quota) else { return };
        let limiter = self.current();
        if let Some(l) = &limiter {
            l.retain_recent();
            l.shrink_to_fit();
            if l.len() > self.max_tracked {
                tracing::warn!(clients = l.len(), "rate limiter over max_tracked_clients: state reset");
                *lock.write().unwrap_or_else(std::sync::PoisonError::into_inner) = Arc::new(RateLimiter::keyed(quota));
            }
        }
    }

    /// Clients whose rate-limit state is held now.
    pub fn tracked_clients(&self) -> usize {
        self.current().map(|l| l.len()).unwrap_or(0)
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

    /// The address an anonymous client is keyed by: the peer, or — behind a trusted gateway —
    /// the rightmost `X-Forwarded-For` entry that is not itself a trusted proxy.
    pub fn client_ip(&self, headers: &HeaderMap, peer: Option<IpAddr>) -> Option<IpAddr> {
        let mut client = peer.map(|p| p.to_canonical());
        if !self.trust_forwarded_for {
            return client;
        }
        let values: Vec<&str> = headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        let entries = values.iter().rev().flat_map(|v| v.rsplit(',')).take(MAX_FORWARDED_HOPS);
        for (hop, entry) in entries.enumerate() {
            let trusted = if self.trusted_proxies.is_empty() {
                hop == 0
            } else {
                client.is_some_and(|c| self.trusted_proxies.iter().any(|n| n.contains(c)))
            };
            if !trusted {
                break;
            }
            match forwarded_ip(entry) {
                Some(ip) => client = Some(ip),
                None => break,
            }
        }
        client
    }

    /// Charges `n` requests to `client`; the wait in seconds when the limit is reached.
    fn charge(&self, client: &str, n: u32) -> Result<(), u64> {
        let Some(limiter) = self.current() else { return Ok(()) };
        let n = NonZeroU32::new(n.min(self.burst.max(1))).unwrap_or(NonZeroU32::MIN);
        let outcome = limiter.check_key_n(&client.to_string(), n);
        if limiter.len() > self.max_tracked {
            self.forget_idle();
        }
        match outcome {
            Ok(Ok(())) => Ok(()),
            Ok(Err(not_until)) => {
                let wait = not_until.wait_time_from(DefaultClock::default().now());
                Err(wait.as_secs() + u64::from(wait.subsec_nanos() > 0))
            }
            Err(_) => Err(60),
        }
    }

    /// Charges a batch's further items (its first was charged by [`guard`]), at most the
    /// burst in all; a 429 problem when the limit is reached.
    pub fn charge_batch(&self, client: Option<&ClientKey>, items: usize) -> Result<(), Problem> {
        let (Some(client), Some(more)) = (client, items.checked_sub(1).filter(|n| *n > 0)) else { return Ok(()) };
        let more = u32::try_from(more).unwrap_or(u32::MAX).min(self.burst.saturating_sub(1));
        if more == 0 {
            return Ok(());
        }
        self.charge(&client.0, more).map_err(|secs| rate_limited(secs, "the batch's items are over the rate limit"))
    }
}

fn rate_limited(secs: u64, why: &str) -> Problem {
    metrics::counter!("hadath_rate_limited_total").increment(1);
    let mut p = Problem::new(StatusCode::TOO_MANY_REQUESTS, "rate-limited", "Too many requests", format!("{why}; retry in {secs} s"));
    p.retry_after = Some(secs.max(1));
    p
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
pub async fn guard(State(access): State<Arc<Access>>, mut req: Request, next: Next) -> Response {
    let client = if access.keys_required() {
        let Some(key) = presented_key(req.headers()) else {
            return unauthorized("send an API key as Authorization: Bearer <key> or X-API-Key");
        };
        match access.check(&key) {
            Some(d) => format!("key:{}", hex::encode(&d[..8])),
            None => return unauthorized("the API key is not valid"),
        }
    } else {
        let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        match access.client_ip(req.headers(), peer) {
            Some(ip) => format!("addr:{ip}"),
            None => "addr:unknown".to_string(),
        }
    };
    if let Err(secs) = access.charge(&client, 1) {
        return rate_limited(secs, "rate limit reached").into_response();
    }
    req.extensions_mut().insert(ClientKey(client));
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
            trusted_proxies: vec![],
            max_tracked_clients: 10,
        }
    }

    fn headers(xff: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(xff).unwrap());
        h
    }

    #[test]
    fn forwarded_for_is_read_from_the_right() {
        let peer = Some("10.0.0.5".parse().unwrap());
        let mut s = settings(&[]);
        s.trust_forwarded_for = true;
        let one_gateway = Access::new(&s);
        assert_eq!(one_gateway.client_ip(&headers("6.6.6.6, 203.0.113.7"), peer), "203.0.113.7".parse().ok());
        assert_eq!(one_gateway.client_ip(&headers("junk"), peer), peer);
        s.trusted_proxies = vec!["10.0.0.0/8".into(), "192.168.1.1".into()];
        let chain = Access::new(&s);
        assert_eq!(chain.client_ip(&headers("6.6.6.6, 203.0.113.7, 192.168.1.1"), peer), "203.0.113.7".parse().ok());
        // from a peer that is not a trusted proxy the header is ignored
        assert_eq!(chain.client_ip(&headers("203.0.113.7"), "198.51.100.1".parse().ok()), "198.51.100.1".parse().ok());
        s.trust_forwarded_for = false;
        assert_eq!(Access::new(&s).client_ip(&headers("203.0.113.7"), peer), peer);
    }

    #[test]
    fn cidr_blocks() {
        let n = Net::parse("10.0.0.0/8").unwrap();
        assert!(n.contains("10.200.1.1".parse().unwrap()));
        assert!(n.contains("::ffff:10.1.1.1".parse().unwrap()));
        assert!(!n.contains("11.0.0.1".parse().unwrap()));
        assert!(Net::parse("fd00::/8").unwrap().contains("fd12::1".parse().unwrap()));
        assert!(Net::parse("0.0.0.0/0").unwrap().contains("1.2.3.4".parse().unwrap()));
        assert!(Net::parse("10.0.0.0/33").is_none() && Net::parse("nope").is_none());
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

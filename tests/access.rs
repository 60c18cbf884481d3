//! Access control over a real socket: API keys (both header forms and digest-configured
//! keys), open health routes, per-client rate limits with recovery, security headers.

mod common;

use common::Server;
use serde_json::json;
use sha2::{Digest, Sha256};

fn extract(c: &reqwest::Client, base: &str) -> reqwest::RequestBuilder {
    c.post(format!("{base}/v1/extract")).json(&json!({"text": "The army shelled Idlib."}))
}

#[tokio::test]
async fn keys_are_required_on_the_api_only() {
    let digest = hex::encode(Sha256::digest(b"digest-key"));
    let keys = format!("plain-key,{digest}");
    let server = Server::start(&[("HADATH_AUTH__API_KEYS", keys.as_str())]).await;
    let base = server.base.clone();
    let c = reqwest::Client::new();

    let res = extract(&c, &base).send().await.unwrap();
    assert_eq!(res.status(), 401);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert!(res.headers()["www-authenticate"].to_str().unwrap().starts_with("Bearer"));

    assert_eq!(extract(&c, &base).bearer_auth("wrong").send().await.unwrap().status(), 401);
    assert_eq!(extract(&c, &base).header("x-api-key", "digest").send().await.unwrap().status(), 401);
    assert_eq!(extract(&c, &base).bearer_auth("plain-key").send().await.unwrap().status(), 200);
    assert_eq!(extract(&c, &base).header("x-api-key", "plain-key").send().await.unwrap().status(), 200);
    assert_eq!(extract(&c, &base).bearer_auth("digest-key").send().await.unwrap().status(), 200);
    assert_eq!(c.get(format!("{base}/v1/info")).send().await.unwrap().status(), 401);

    for open in ["/healthz", "/readyz", "/metrics", "/"] {
        let res = c.get(format!("{base}{open}")).send().await.unwrap();
        assert_eq!(res.status(), 200, "{open} must stay open");
        assert_eq!(res.headers()["x-content-type-options"], "nosniff");
        assert!(res.headers().contains_key("referrer-policy"));
        assert!(res.headers().contains_key("content-security-policy"));
    }
}

#[tokio::test]
async fn rate_limit_answers_429_then_recovers() {
    // 60 per minute = one more request every second; a burst of 2
    let server = Server::start(&[("HADATH_AUTH__REQUESTS_PER_MINUTE", "60"), ("HADATH_AUTH__BURST", "2")]).await;
    let base = server.base.clone();
    let c = reqwest::Client::new();
    assert_eq!(extract(&c, &base).send().await.unwrap().status(), 200);
    assert_eq!(extract(&c, &base).send().await.unwrap().status(), 200);
    let res = extract(&c, &base).send().await.unwrap();
    assert_eq!(res.status(), 429);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let wait: u64 = res.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=2).contains(&wait), "Retry-After {wait}");
    // health is never limited
    assert_eq!(c.get(format!("{base}/healthz")).send().await.unwrap().status(), 200);
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    assert_eq!(extract(&c, &base).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn keys_are_limited_separately() {
    let server =
        Server::start(&[("HADATH_AUTH__API_KEYS", "k1,k2"), ("HADATH_AUTH__REQUESTS_PER_MINUTE", "1"), ("HADATH_AUTH__BURST", "1")]).await;
    let base = server.base.clone();
    let c = reqwest::Client::new();
    assert_eq!(extract(&c, &base).bearer_auth("k1").send().await.unwrap().status(), 200);
    assert_eq!(extract(&c, &base).bearer_auth("k1").send().await.unwrap().status(), 429);
    assert_eq!(extract(&c, &base).bearer_auth("k2").send().await.unwrap().status(), 200);
}

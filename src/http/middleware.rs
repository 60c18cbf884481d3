//! Middleware of our own: request spans with the request id, Prometheus metrics, security
//! headers, and problem+json bodies for errors produced outside the handlers.

use super::problem::{PROBLEM_JSON, Problem};
use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::time::Instant;

/// The tracing span of a request: method, route and request id — never the body.
pub fn make_span(req: &Request) -> tracing::Span {
    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str()).unwrap_or(req.uri().path());
    tracing::info_span!("request", request_id = %id, method = %req.method(), route = %route)
}

/// Counts requests by route and status and records their latency.
pub async fn record_metrics(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string()).unwrap_or_else(|| "unmatched".to_string());
    let method = req.method().to_string();
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    let elapsed = start.elapsed().as_secs_f64();
    metrics::counter!("hadath_http_requests_total", "route" => route.clone(), "method" => method, "status" => status.clone()).increment(1);
    metrics::histogram!("hadath_http_request_duration_seconds", "route" => route, "status" => status).record(elapsed);
    res
}

/// Adds `X-Content-Type-Options`, `Referrer-Policy` and a default CSP to every response.
pub async fn security_headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert("x-content-type-options", HeaderValue::from_static("nosniff"));
    h.insert("referrer-policy", HeaderValue::from_static("no-referrer"));
    h.insert("x-frame-options", HeaderValue::from_static("DENY"));
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"));
    }
    res
}

/// Turns error responses made by layers (413 from the body limit, 408 from the timeout,
/// 405 from the router) into problem+json.
pub async fn problem_for_errors(req: Request, next: Next) -> Response {
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_problem = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem {
        return res;
    }
    let (slug, title, detail) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("too-large", "Request too large", "the request body is over the configured limit"),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "Request timeout", "the request took longer than the configured timeout"),
        StatusCode::METHOD_NOT_ALLOWED => ("method-not-allowed", "Method not allowed", "this route does not accept that method"),
        StatusCode::NOT_FOUND => ("not-found", "Not found", "no such route"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ("unsupported-media-type", "Unsupported media type", "send application/json or text/plain"),
        s if s.is_server_error() => ("internal", "Internal error", "the request failed; it has been logged"),
        _ => ("error", "Request error", "the request could not be served"),
    };
    if status.is_server_error() {
        tracing::error!(status = status.as_u16(), "server error");
    }
    let mut out = Problem::new(status, slug, title, detail).into_response();
    for (k, v) in res.headers() {
        if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
            out.headers_mut().insert(k.clone(), v.clone());
        }
    }
    out
}

/// The fallback for unknown routes.
pub async fn not_found() -> Response {
    Problem::new(StatusCode::NOT_FOUND, "not-found", "Not found", "no such route; see /openapi.json").into_response()
}

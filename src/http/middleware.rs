//! Middleware of our own: request spans with the request id, Prometheus metrics, security
//! headers, problem+json bodies for errors produced outside the handlers, request-head
//! checks (size, `Host`, request id), panics turned into 500s, and the drain of bodies left
//! unread by an early answer.

use super::problem::{PROBLEM_JSON, Problem};
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, Version, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

/// The tracing span of a request: method, route and request id — never the body.
pub fn make_span(req: &Request) -> tracing::Span {
    let id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str()).unwrap_or(req.uri().path());
    tracing::info_span!("request", request_id = %id, method = %req.method(), route = %route)
}

/// The `method` label: the methods the API knows, every other one as `other` (a client
/// cannot create series by inventing methods).
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        _ => "other",
    }
}

/// Counts requests by route and status and records their latency.
pub async fn record_metrics(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_string()).unwrap_or_else(|| "unmatched".to_string());
    let method = method_label(req.method());
    let res = next.run(req).await;
    let status = res.status().as_u16().to_string();
    let elapsed = start.elapsed().as_secs_f64();
    metrics::counter!("hadath_http_requests_total", "route" => route.clone(), "method" => method, "status" => status.clone()).increment(1);
    metrics::histogram!("hadath_http_request_duration_seconds", "route" => route, "method" => method, "status" => status).record(elapsed);
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

/// Problem documents for every error: error responses made by layers (413 from the body
/// limit, 408 from the timeout, 405 from the router, 415 from the decompression) become
/// problem+json, and every problem document gets its `instance`, the request's id.
pub async fn problem_for_errors(req: Request, next: Next) -> Response {
    let request_id = req.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_string();
    let res = next.run(req).await;
    let status = res.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return res;
    }
    let is_problem = res.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).is_some_and(|v| v.starts_with(PROBLEM_JSON));
    if is_problem { own_problem(res, &request_id).await } else { layer_problem(res, status, &request_id) }
}

/// A handler's problem document, with its `instance` set.
async fn own_problem(res: Response, request_id: &str) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 1 << 16).await else {
        return Response::from_parts(parts, Body::empty());
    };
    match serde_json::from_slice::<Problem>(&bytes) {
        Ok(p) if p.instance.is_none() => {
            parts.headers.remove(header::CONTENT_LENGTH);
            Response::from_parts(parts, Body::from(serde_json::to_vec(&p.of_request(request_id)).unwrap_or_default()))
        }
        _ => Response::from_parts(parts, Body::from(bytes)),
    }
}

/// The problem document of an error response a layer made, keeping its headers.
fn layer_problem(res: Response, status: StatusCode, request_id: &str) -> Response {
    let (slug, title, detail) = match status {
        StatusCode::PAYLOAD_TOO_LARGE => ("too-large", "Request too large", "the request body is over the configured limit"),
        StatusCode::REQUEST_TIMEOUT => ("timeout", "Request timeout", "the request took longer than the configured timeout"),
        StatusCode::METHOD_NOT_ALLOWED => ("method-not-allowed", "Method not allowed", "this route does not accept that method"),
        StatusCode::NOT_FOUND => ("not-found", "Not found", "no such route"),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => {
            ("unsupported-media-type", "Unsupported media type", "send application/json or text/plain, identity, gzip or br encoded")
        }
        s if s.is_server_error() => ("internal", "Internal error", "the request failed; it has been logged"),
        _ => ("error", "Request error", "the request could not be served"),
    };
    if status.is_server_error() {
        tracing::error!(status = status.as_u16(), "server error");
    }
    let mut out = Problem::new(status, slug, title, detail).of_request(request_id).into_response();
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

/// Longest `x-request-id` kept from a client; a longer (or non-printable) one is replaced by
/// a generated id.
pub const MAX_REQUEST_ID_CHARS: usize = 128;

/// Drops a client's `x-request-id` that is over [`MAX_REQUEST_ID_CHARS`] or holds anything
/// but visible ASCII, so that the id layer generates one instead (logs stay bounded).
pub async fn sanitize_request_id(mut req: Request, next: Next) -> Response {
    let bad = req
        .headers()
        .get("x-request-id")
        .is_some_and(|v| v.len() > MAX_REQUEST_ID_CHARS || v.is_empty() || !v.as_bytes().iter().all(|b| b.is_ascii_graphic()));
    if bad {
        req.headers_mut().remove("x-request-id");
    }
    next.run(req).await
}

/// Rejects a request head over `max_header_bytes` (431) and an HTTP/1.1 request without
/// `Host` (400), before anything reads the body; both answers close the connection.
pub async fn check_head(State(max_header_bytes): State<usize>, req: Request, next: Next) -> Response {
    let closing = |p: Problem| {
        let mut res = p.into_response();
        res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        res
    };
    if req.version() == Version::HTTP_11 && !req.headers().contains_key(header::HOST) {
        return closing(Problem::bad_request("HTTP/1.1 requests must carry a Host header"));
    }
    let size = req.uri().path_and_query().map(|p| p.as_str().len()).unwrap_or(0)
        + req.headers().iter().map(|(k, v)| k.as_str().len() + v.len() + 4).sum::<usize>();
    if size > max_header_bytes {
        return closing(Problem::new(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "headers-too-large",
            "Request header fields too large",
            format!("the request head is over {max_header_bytes} bytes"),
        ));
    }
    next.run(req).await
}

/// The 500 answer to a panic caught by the catch-panic layer (the connection stays usable).
pub fn panic_response(_panic: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Internal error", "the request failed; it has been logged").into_response()
}

/// How much of an unread body is discarded after an early answer.
#[derive(Debug, Clone, Copy)]
pub struct Drain {
    /// Most bytes read.
    pub limit: usize,
    /// Longest time spent reading.
    pub time: Duration,
}

/// A request body that, when dropped before its end, hands itself back to [`drain_unread`].
struct Tracked {
    inner: Option<Body>,
    back: Option<tokio::sync::oneshot::Sender<Body>>,
}

impl HttpBody for Tracked {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        match self.inner.as_mut() {
            Some(body) => Pin::new(body).poll_frame(cx),
            None => Poll::Ready(None),
        }
    }

    fn is_end_stream(&self) -> bool {
        self.inner.as_ref().is_none_or(|b| b.is_end_stream())
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.as_ref().map(|b| b.size_hint()).unwrap_or_else(|| SizeHint::with_exact(0))
    }
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if let (Some(body), Some(back)) = (self.inner.take(), self.back.take())
            && !body.is_end_stream()
        {
            let _ = back.send(body);
        }
    }
}

/// Reads and discards `body`, up to `drain.limit` bytes and `drain.time`; true when it
/// reached the end.
async fn discard(mut body: Body, drain: Drain) -> bool {
    let deadline = tokio::time::Instant::now() + drain.time;
    let mut read = 0usize;
    loop {
        match tokio::time::timeout_at(deadline, body.frame()).await {
            Ok(Some(Ok(frame))) => {
                read += frame.data_ref().map(|d| d.len()).unwrap_or(0);
                if read > drain.limit {
                    return false;
                }
            }
            Ok(None) => return true,
            Ok(Some(Err(_))) | Err(_) => return false,
        }
    }
}

/// Early answers that clients can read: when the response is ready while the request body
/// was left unread (401, 429, 413, 431, 503, 404 …), the body is read and discarded — up to
/// a bound in bytes and time, and not when the client waits for `100 Continue` — and the
/// response carries `Connection: close`. A client that sends its whole body before reading
/// (urllib, requests) then gets the status instead of a broken pipe.
pub async fn drain_unread(State(drain): State<Drain>, req: Request, next: Next) -> Response {
    let http1 = req.version() <= Version::HTTP_11;
    let expects_continue =
        req.headers().get(header::EXPECT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.eq_ignore_ascii_case("100-continue"));
    let declared = req.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
    let (tx, mut rx) = tokio::sync::oneshot::channel();
    let req = req.map(|b| Body::new(Tracked { inner: Some(b), back: Some(tx) }));
    let mut res = next.run(req).await;
    if let Ok(body) = rx.try_recv() {
        let worth_draining = !expects_continue && declared.is_none_or(|n| n <= drain.limit as u64);
        if worth_draining {
            discard(body, drain).await;
        }
        if http1 {
            res.headers_mut().insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
    }
    res
}

//! Route handlers: they only translate between HTTP and the pipeline.

use super::AppState;
use super::limits::{self, Answer};
use super::problem::Problem;
use crate::pipeline::ExtractError;
use crate::pipeline::budget::Budget;
use crate::pipeline::model::{ExtractRequest, OffsetUnit};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use http_body_util::BodyExt;
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::OwnedSemaphorePermit;
use utoipa::{IntoParams, ToSchema};

/// Options of a `text/plain` request, as query parameters (a JSON body carries them as
/// fields instead).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TextOptions {
    /// Client id, echoed back.
    pub id: Option<String>,
    /// `ar`, `en` or `auto` (the default).
    #[param(value_type = Option<RequestLanguage>)]
    pub language: Option<String>,
    /// Publication date, `YYYY-MM-DD` or RFC 3339: anchors relative dates.
    #[param(example = "2023-11-15")]
    pub published_at: Option<String>,
    /// `chars` (the default), `utf16` or `bytes`.
    #[param(value_type = Option<OffsetUnit>)]
    pub offsets: Option<String>,
}

/// The language a client asks for: `auto` (the default) detects it.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum RequestLanguage {
    /// Arabic.
    Ar,
    /// English.
    En,
    /// Detect it.
    Auto,
}

pub(super) fn media_type(headers: &HeaderMap) -> Option<String> {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

fn parse_offsets(s: &str) -> Result<OffsetUnit, Problem> {
    match s {
        "chars" => Ok(OffsetUnit::Chars),
        "utf16" => Ok(OffsetUnit::Utf16),
        "bytes" => Ok(OffsetUnit::Bytes),
        other => Err(Problem::unprocessable("bad-offsets", "Unknown offset unit", format!("offsets {other:?}: use chars, utf16 or bytes"))),
    }
}

/// Reads one extraction request from a JSON or text/plain body.
fn read_request(headers: &HeaderMap, query: &str, body: Bytes) -> Result<ExtractRequest, Problem> {
    match media_type(headers).as_deref() {
        Some("application/json") | Some("application/x-json") | None if !body.is_empty() || media_type(headers).is_some() => {
            let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| Problem::bad_request(format!("invalid JSON: {e}")))?;
            request_from_value(value)
        }
        Some("text/plain") => {
            let text = String::from_utf8(body.to_vec()).map_err(|e| Problem::bad_request(format!("the body is not valid UTF-8: {e}")))?;
            let opts: TextOptions = serde_urlencoded_query(query)?;
            let offsets = opts.offsets.as_deref().map(parse_offsets).transpose()?;
            Ok(ExtractRequest { text, id: opts.id, language: opts.language, published_at: opts.published_at, offsets })
        }
        None => Err(Problem::unsupported_media("send Content-Type: application/json or text/plain")),
        Some(other) => Err(Problem::unsupported_media(format!("{other} is not accepted: send application/json or text/plain"))),
    }
}

fn serde_urlencoded_query(query: &str) -> Result<TextOptions, Problem> {
    Query::<TextOptions>::try_from_uri(&format!("/?{query}").parse().map_err(|_| Problem::bad_request("bad query string"))?)
        .map(|q| q.0)
        .map_err(|e| Problem::bad_request(format!("bad query string: {e}")))
}

/// Turns a JSON value into a request, with clear messages for wrong shapes.
pub(super) fn request_from_value(value: serde_json::Value) -> Result<ExtractRequest, Problem> {
    if !value.is_object() {
        return Err(Problem::bad_request("the body must be a JSON object with a \"text\" field"));
    }
    if value.get("text").is_none() {
        return Err(Problem::unprocessable("empty-text", "Empty text", "the \"text\" field is missing"));
    }
    if let Some(o) = value.get("offsets").and_then(|v| v.as_str()) {
        parse_offsets(o)?;
    }
    serde_json::from_value(value).map_err(|e| Problem::bad_request(format!("invalid request: {e}")))
}

/// Takes an admission permit (503 when the server is at its concurrency limit); taken
/// before the body is read or parsed, so a rejected request costs neither.
pub(super) fn admit(state: &AppState) -> Result<OwnedSemaphorePermit, Problem> {
    state.limiter.clone().try_acquire_owned().map_err(|_| {
        metrics::counter!("hadath_load_shed_total").increment(1);
        Problem::unavailable("the server is at its concurrency limit; retry shortly", 1)
    })
}

/// Bodies at least this large return their memory to the kernel once answered.
const LARGE_BODY: usize = 1 << 20;

/// After a large request: gives the freed heap back to the kernel (at most once a second).
pub(super) fn settle_after(body_len: usize) {
    static LAST: AtomicU64 = AtomicU64::new(0);
    if body_len < LARGE_BODY {
        return;
    }
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    if LAST.swap(now, Ordering::Relaxed) != now {
        tokio::task::spawn_blocking(crate::allocator::settle);
    }
}

/// Reads the whole body, at most `limit` bytes (413 above it).
pub(super) async fn read_body(headers: &HeaderMap, body: Body, limit: usize) -> Result<Bytes, Problem> {
    let too_large = || Problem::too_large("the request body is over the configured limit");
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()).and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    match http_body_util::Limited::new(body, limit).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(e) => {
            let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e.as_ref());
            while let Some(err) = source {
                if err.is::<http_body_util::LengthLimitError>() {
                    return Err(too_large());
                }
                source = err.source();
            }
            Err(Problem::bad_request(format!("could not read the request body: {e}")))
        }
    }
}

/// The deadline of a request that arrived now: `server.request_timeout_secs` away, or
/// `limits.max_extraction_ms` when that is set and sooner.
pub(super) fn deadline_of(state: &AppState) -> Instant {
    let timeout = Duration::from_secs(state.settings.server.request_timeout_secs);
    let budget = match state.settings.limits.max_extraction_ms {
        0 => timeout,
        ms => timeout.min(Duration::from_millis(ms)),
    };
    Instant::now() + budget
}

/// Runs one extraction on the worker pool under `slot`, stopped at `deadline`; the answer
/// is capped by `[limits]`, then handed to `finish` on the same worker (which renders it, so
/// that serialising big answers is spread over the pool too). The slot travels with the job
/// — it is released when the last job holding it ends, not when the client goes away; the
/// items of a batch share one.
pub(super) async fn run_extraction<T: Send + 'static>(
    state: &AppState,
    slot: Arc<OwnedSemaphorePermit>,
    req: ExtractRequest,
    deadline: Instant,
    finish: impl FnOnce(Answer) -> T + Send + 'static,
) -> Result<T, Problem> {
    let pipeline = state.pipeline.clone();
    let settings = state.settings.clone();
    let span = tracing::Span::current();
    if state.settings.log.debug_log_text {
        // explicitly turned on for debugging: never with real copy
        tracing::debug!(text = %req.text, "article text (log.debug_log_text is on)");
    }
    // CPU work runs on the fixed worker pool (one thread per core by default); requests beyond
    // it wait in the pool's queue, their number bounded by the admission permits
    let (tx, rx) = tokio::sync::oneshot::channel();
    state.workers.spawn(move || {
        let _enter = span.enter();
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let result = if Instant::now() >= deadline {
                // waited in the queue past the deadline: not started at all
                Err(ExtractError::DeadlineExceeded)
            } else {
                pipeline.extract_within(&req, &Budget::until(deadline)).map(|x| limits::cap(x, &settings.limits))
            };
            record_outcome(&result, req.text.len());
            result.map(finish)
        }));
        // free the slot before the answer goes out: an answered request holds none
        drop(slot);
        let _ = tx.send(outcome);
    });
    let internal =
        || Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Internal error", "the extraction failed; it has been logged");
    match rx.await {
        Ok(Ok(result)) => result.map_err(Problem::from),
        Ok(Err(_panic)) => {
            tracing::error!("extraction panicked");
            Err(internal())
        }
        Err(_) => {
            tracing::error!("extraction worker went away");
            Err(internal())
        }
    }
}

/// An answer rendered as JSON.
pub(super) fn to_json(answer: Answer) -> Bytes {
    Bytes::from(serde_json::to_vec(&answer).unwrap_or_default())
}

/// Counts and logs the outcome of one extraction of `chars` bytes (counts, never text).
fn record_outcome(result: &Result<Answer, ExtractError>, chars: usize) {
    match result {
        Ok(a) => {
            let x = &a.extraction;
            metrics::counter!("hadath_articles_extracted_total", "language" => x.language.code()).increment(1);
            metrics::counter!("hadath_events_extracted_total").increment(x.events.len() as u64);
            metrics::counter!("hadath_quotes_extracted_total").increment(x.quotes.len() as u64);
            if a.truncated {
                metrics::counter!("hadath_answers_truncated_total").increment(1);
            }
            tracing::info!(
                bytes = chars,
                language = x.language.code(),
                events = x.events.len(),
                quotes = x.quotes.len(),
                truncated = a.truncated,
                "extracted"
            );
        }
        Err(e) => {
            if *e == ExtractError::DeadlineExceeded {
                metrics::counter!("hadath_deadline_exceeded_total").increment(1);
            }
            tracing::info!(bytes = chars, reason = e.code(), "rejected");
        }
    }
}

/// `POST /v1/extract`: one article → events, quotes, entities.
#[utoipa::path(post, path = "/v1/extract", tag = "extract", operation_id = "extract",
    request_body(content(
        (ExtractRequest = "application/json"),
        (String = "text/plain")
    ), description = "An article; with text/plain the options are query parameters"),
    params(TextOptions),
    responses(
        (status = 200, description = "The extraction (with \"truncated\": true when the caps of /v1/info cut it short)", body = Answer),
        (status = 400, description = "Malformed JSON or invalid UTF-8, or an HTTP/1.1 request without Host", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body or text over the limit", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "A media type other than JSON or plain text, or a content encoding other than gzip or br", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty text, unknown language or bad date", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn extract(State(state): State<AppState>, headers: HeaderMap, uri: axum::http::Uri, body: Body) -> Response {
    let deadline = deadline_of(&state);
    let mut body_len = 0;
    let outcome = async {
        if let Some(other) =
            media_type(&headers).filter(|m| !matches!(m.as_str(), "application/json" | "application/x-json" | "text/plain"))
        {
            return Err(Problem::unsupported_media(format!("{other} is not accepted: send application/json or text/plain")));
        }
        let permit = admit(&state)?;
        let body = read_body(&headers, body, state.settings.server.body_limit_bytes).await?;
        body_len = body.len();
        let req = read_request(&headers, uri.query().unwrap_or(""), body)?;
        run_extraction(&state, Arc::new(permit), req, deadline, to_json).await
    }
    .await;
    let res = match outcome {
        Ok(json) => ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json).into_response(),
        Err(p) => p.into_response(),
    };
    settle_after(body_len);
    res
}

/// `GET /healthz`: 200 while the process serves.
#[utoipa::path(get, path = "/healthz", tag = "operations", responses((status = 200, description = "Alive", body = String)))]
pub async fn healthz() -> &'static str {
    "ok"
}

/// `GET /readyz`: 200 once the lexicons are loaded; 503 while draining.
#[utoipa::path(get, path = "/readyz", tag = "operations", responses(
    (status = 200, description = "Ready", body = String),
    (status = 503, description = "Starting or draining", body = Problem, content_type = "application/problem+json")))]
pub async fn readyz(State(state): State<AppState>) -> Response {
    if state.draining.load(Ordering::SeqCst) {
        Problem::unavailable("the server is draining", 5).into_response()
    } else {
        "ready".into_response()
    }
}

/// Service facts for `/v1/info`.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct Info {
    /// The service's name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// The version of the answers' schema (as in every answer's `schema_version`).
    pub schema_version: String,
    /// Languages it reads.
    pub languages: Vec<String>,
    /// Event types it can produce.
    pub event_types: Vec<String>,
    /// Offset units it can report.
    pub offset_units: Vec<String>,
    /// Entry counts per lexicon, per language.
    pub lexicons: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
    /// Places in the gazetteer.
    pub places: usize,
    /// Limits.
    pub max_text_chars: usize,
    /// Batch limit.
    pub max_batch_items: usize,
    /// Most events in one answer (beyond: `truncated`).
    pub max_events: usize,
    /// Most quotes in one answer.
    pub max_quotes: usize,
    /// Most entities in one answer.
    pub max_entities: usize,
}

/// `GET /v1/info`: version, languages, event types, lexicon sizes.
#[utoipa::path(get, path = "/v1/info", tag = "operations", responses((status = 200, description = "Service facts", body = Info)))]
pub async fn info(State(state): State<AppState>) -> Json<Info> {
    let lex = state.pipeline.lexicons();
    let mut lexicons = std::collections::BTreeMap::new();
    for (code, l) in [("ar", &lex.ar), ("en", &lex.en)] {
        lexicons.insert(code.to_string(), l.sizes().into_iter().map(|(k, v)| (k.to_string(), v)).collect());
    }
    Json(Info {
        name: "hadath".into(),
        version: env!("CARGO_PKG_VERSION").into(),
        schema_version: limits::SCHEMA_VERSION.into(),
        languages: vec!["ar".into(), "en".into()],
        event_types: lex.event_types.names(),
        offset_units: ["chars", "utf16", "bytes"].map(String::from).to_vec(),
        lexicons,
        places: lex.gazetteer.places.len(),
        max_text_chars: state.settings.limits.max_text_chars,
        max_batch_items: state.settings.limits.max_batch_items,
        max_events: state.settings.limits.max_events,
        max_quotes: state.settings.limits.max_quotes,
        max_entities: state.settings.limits.max_entities,
    })
}

/// `GET /metrics`: Prometheus text.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200, description = "Prometheus text exposition", body = String)))]
pub async fn metrics(State(state): State<AppState>) -> Response {
    let mut res = super::telemetry::render(&state).into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4"));
    res
}

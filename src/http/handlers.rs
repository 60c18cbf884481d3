//! Route handlers: they only translate between HTTP and the pipeline.

use super::AppState;
use super::problem::Problem;
use crate::pipeline::model::{ExtractRequest, Extraction, OffsetUnit};
use axum::Json;
use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::sync::atomic::Ordering;
use utoipa::{IntoParams, ToSchema};

/// Options of a `text/plain` request, as query parameters.
#[derive(Debug, Default, Deserialize, IntoParams)]
pub struct TextOptions {
    /// Client id, echoed back.
    pub id: Option<String>,
    /// `ar`, `en` or `auto`.
    pub language: Option<String>,
    /// Publication date.
    pub published_at: Option<String>,
    /// `chars`, `utf16` or `bytes`.
    pub offsets: Option<String>,
}

fn media_type(headers: &HeaderMap) -> Option<String> {
    headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
}

fn body_bytes(body: Result<Bytes, BytesRejection>) -> Result<Bytes, Problem> {
    body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            Problem::too_large("the request body is over the configured limit")
        } else {
            Problem::bad_request(format!("could not read the request body: {rejection}"))
        }
    })
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
fn request_from_value(value: serde_json::Value) -> Result<ExtractRequest, Problem> {
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

/// Runs one extraction on the worker pool under the admission limit.
async fn run_extraction(state: &AppState, req: ExtractRequest) -> Result<Extraction, Problem> {
    let permit = state
        .limiter
        .clone()
        .try_acquire_owned()
        .map_err(|_| Problem::unavailable("the server is at its concurrency limit; retry shortly", 1))?;
    let pipeline = state.pipeline.clone();
    let span = tracing::Span::current();
    let chars = req.text.len();
    if state.settings.log.debug_log_text {
        // explicitly turned on for debugging: never with real copy
        tracing::debug!(text = %req.text, "article text (log.debug_log_text is on)");
    }
    // CPU work runs on the fixed worker pool (one thread per core by default); requests beyond
    // it wait in the pool's queue, their number bounded by the admission permit above
    let (tx, rx) = tokio::sync::oneshot::channel();
    state.workers.spawn(move || {
        let _enter = span.enter();
        let _permit = permit;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| pipeline.extract(&req)));
        let _ = tx.send(outcome);
    });
    let internal =
        || Problem::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "Internal error", "the extraction failed; it has been logged");
    let result = match rx.await {
        Ok(Ok(result)) => result,
        Ok(Err(_panic)) => {
            tracing::error!("extraction panicked");
            return Err(internal());
        }
        Err(_) => {
            tracing::error!("extraction worker went away");
            return Err(internal());
        }
    };
    match &result {
        Ok(x) => {
            metrics::counter!("hadath_articles_extracted_total", "language" => x.language.code()).increment(1);
            metrics::counter!("hadath_events_extracted_total").increment(x.events.len() as u64);
            metrics::counter!("hadath_quotes_extracted_total").increment(x.quotes.len() as u64);
            tracing::info!(bytes = chars, language = x.language.code(), events = x.events.len(), quotes = x.quotes.len(), "extracted");
        }
        Err(e) => tracing::info!(bytes = chars, reason = e.code(), "rejected"),
    }
    Ok(result?)
}

/// `POST /v1/extract`: one article → events, quotes, entities.
#[utoipa::path(post, path = "/v1/extract", tag = "extract",
    request_body(content(
        (ExtractRequest = "application/json"),
        (String = "text/plain")
    ), description = "An article; with text/plain the options are query parameters"),
    params(TextOptions),
    responses(
        (status = 200, description = "The extraction", body = Extraction),
        (status = 400, description = "Malformed JSON or invalid UTF-8", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body or text over the limit", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Unsupported media type", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Empty text, unknown language or bad date", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Overloaded or draining", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn extract(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: axum::http::Uri,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let outcome = async {
        let body = body_bytes(body)?;
        let req = read_request(&headers, uri.query().unwrap_or(""), body)?;
        run_extraction(&state, req).await
    }
    .await;
    match outcome {
        Ok(x) => Json(x).into_response(),
        Err(p) => p.into_response(),
    }
}

/// One NDJSON line: the item's index and its extraction.
#[derive(Serialize)]
struct Indexed<'a> {
    index: usize,
    #[serde(flatten)]
    extraction: &'a Extraction,
}

/// A batch: a JSON array of requests, or `{"items": [...]}`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct BatchRequest {
    /// The articles.
    pub items: Vec<ExtractRequest>,
}

/// One slot of a batch answer: an extraction or the item's problem.
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum BatchItem {
    /// The item's extraction.
    Ok(Box<Extraction>),
    /// Why the item failed.
    Err(Problem),
}

fn batch_items(value: serde_json::Value, max: usize) -> Result<Vec<serde_json::Value>, Problem> {
    let items = match value {
        serde_json::Value::Array(items) => items,
        serde_json::Value::Object(mut o) => match o.remove("items") {
            Some(serde_json::Value::Array(items)) => items,
            _ => {
                return Err(Problem::bad_request("a batch is a JSON array of requests or {\"items\": [...]}"));
            }
        },
        _ => {
            return Err(Problem::bad_request("a batch is a JSON array of requests or {\"items\": [...]}"));
        }
    };
    if items.len() > max {
        return Err(Problem::unprocessable("too-many-items", "Too many batch items", format!("{} items; the limit is {max}", items.len())));
    }
    Ok(items)
}

async fn batch_slot(state: &AppState, index: usize, value: serde_json::Value) -> BatchItem {
    match request_from_value(value) {
        Ok(req) => match run_extraction(state, req).await {
            Ok(x) => BatchItem::Ok(Box::new(x)),
            Err(p) => BatchItem::Err(p.at(index)),
        },
        Err(p) => BatchItem::Err(p.at(index)),
    }
}

/// `POST /v1/extract/batch`: many articles; NDJSON streaming with `Accept: application/x-ndjson`.
#[utoipa::path(post, path = "/v1/extract/batch", tag = "extract",
    request_body(content = BatchRequest, description = "A JSON array of requests, or {\"items\": [...]}"),
    responses(
        (status = 200, description = "One slot per item, in order: an extraction or that item's problem (NDJSON: one line per item as it is done, each with its index)", body = [BatchItem]),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "Body over the limit", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Unsupported media type", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Too many items", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn batch(State(state): State<AppState>, headers: HeaderMap, body: Result<Bytes, BytesRejection>) -> Response {
    let items = async {
        let body = body_bytes(body)?;
        match media_type(&headers).as_deref() {
            Some("application/json") | Some("application/x-json") => {}
            Some(other) => {
                return Err(Problem::unsupported_media(format!("{other} is not accepted: send a JSON array")));
            }
            None => {
                return Err(Problem::unsupported_media("send Content-Type: application/json"));
            }
        }
        let value: serde_json::Value = serde_json::from_slice(&body).map_err(|e| Problem::bad_request(format!("invalid JSON: {e}")))?;
        batch_items(value, state.settings.limits.max_batch_items)
    }
    .await;
    let items = match items {
        Ok(items) => items,
        Err(p) => return p.into_response(),
    };
    let ndjson = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/x-ndjson"));
    if ndjson {
        let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
        tokio::spawn(async move {
            for (index, value) in items.into_iter().enumerate() {
                let slot = batch_slot(&state, index, value).await;
                let mut line = match &slot {
                    BatchItem::Ok(x) => serde_json::to_vec(&Indexed { index, extraction: x }).unwrap_or_default(),
                    BatchItem::Err(p) => serde_json::to_vec(p).unwrap_or_default(),
                };
                line.push(b'\n');
                if tx.send(Ok(Bytes::from(line))).await.is_err() {
                    break; // the client went away
                }
            }
        });
        let stream = tokio_stream::wrappers::ReceiverStream::new(rx);
        let mut res = Response::new(Body::from_stream(stream));
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
        return res;
    }
    let mut out = Vec::with_capacity(items.len());
    for (index, value) in items.into_iter().enumerate() {
        out.push(batch_slot(&state, index, value).await);
    }
    Json(out).into_response()
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
        languages: vec!["ar".into(), "en".into()],
        event_types: lex.event_types.names(),
        offset_units: ["chars", "utf16", "bytes"].map(String::from).to_vec(),
        lexicons,
        places: lex.gazetteer.places.len(),
        max_text_chars: state.settings.limits.max_text_chars,
        max_batch_items: state.settings.limits.max_batch_items,
    })
}

/// `GET /metrics`: Prometheus text.
#[utoipa::path(get, path = "/metrics", tag = "operations", responses((status = 200, description = "Prometheus text exposition", body = String)))]
pub async fn metrics(State(state): State<AppState>) -> Response {
    let mut res = state.metrics.render().into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4"));
    res
}

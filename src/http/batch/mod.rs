//! `POST /v1/extract/batch`: many articles in one call. The items run side by side on the
//! worker pool (as many at once as it has threads) under the batch's one admission slot;
//! the JSON answer keeps their order, the NDJSON stream gives each line as its item is done.
//!
//! The lines are serialised by the worker that extracted the item, so the stream only
//! passes bytes on; `axum-extra`'s `JsonLines` would serialise each answer again on the
//! async threads, which serve every connection.

mod parse;

use super::AppState;
use super::auth::ClientKey;
use super::handlers::{admit, deadline_of, media_type, read_body, request_from_value, run_extraction, settle_after, to_json};
use super::limits::Answer;
use super::problem::Problem;
use crate::pipeline::model::ExtractRequest;
use axum::Extension;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use futures::{Stream, StreamExt};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::OwnedSemaphorePermit;
use tracing::Instrument;
use utoipa::ToSchema;

/// A batch in its wrapped form, `{"items": [...]}`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct BatchRequest {
    /// The articles.
    pub items: Vec<ExtractRequest>,
}

/// A batch body: a JSON array of requests, or `{"items": [...]}`.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(untagged)]
pub enum BatchBody {
    /// A JSON array of requests.
    List(Vec<ExtractRequest>),
    /// `{"items": [...]}`.
    Wrapped(BatchRequest),
}

/// One slot of a batch answer: an extraction or the item's problem (with its `index` and
/// the client's `id`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum BatchItem {
    /// The item's extraction.
    Ok(Box<Answer>),
    /// Why the item failed.
    Err(Problem),
}

/// An extraction as an NDJSON line: the item's position and its answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct IndexedAnswer {
    /// Position of the item in the batch.
    pub index: usize,
    /// The item's extraction (its fields appear at the top level; `id` is the client's).
    #[serde(flatten)]
    pub answer: Box<Answer>,
}

/// One line of the NDJSON answer, in completion order: an extraction with its `index`, or
/// the item's problem (with `index` and the client's `id`).
#[derive(Debug, Serialize, ToSchema)]
#[serde(untagged)]
pub enum BatchLine {
    /// The item's extraction.
    Ok(IndexedAnswer),
    /// Why the item failed.
    Err(Problem),
}

/// What every item of one batch shares.
#[derive(Clone)]
struct Shared {
    state: AppState,
    /// The batch's admission slot, released when its last item is done.
    slot: Arc<OwnedSemaphorePermit>,
    deadline: Instant,
    /// The request's `x-request-id`, the `instance` of item problems.
    request_id: String,
}

/// One batch item, rendered on the worker as an element of the JSON array or as an NDJSON
/// line (with its index and a newline); its position and its outcome.
async fn run_item(shared: Shared, index: usize, value: serde_json::Value, ndjson: bool) -> (usize, Bytes) {
    let id = value.get("id").and_then(|v| v.as_str()).map(str::to_string);
    let render = move |answer: Answer| {
        if ndjson { line(&IndexedAnswer { index, answer: Box::new(answer) }) } else { to_json(answer) }
    };
    let outcome = match request_from_value(value) {
        Ok(req) => run_extraction(&shared.state, shared.slot.clone(), req, shared.deadline, render).await,
        Err(p) => Err(p),
    };
    let rendered = outcome.unwrap_or_else(|p| {
        let p = p.at(index, id).of_request(&shared.request_id);
        if ndjson { line(&p) } else { Bytes::from(serde_json::to_vec(&p).unwrap_or_default()) }
    });
    (index, rendered)
}

/// `value` as one NDJSON line.
fn line(value: &impl Serialize) -> Bytes {
    let mut bytes = serde_json::to_vec(value).unwrap_or_default();
    bytes.push(b'\n');
    Bytes::from(bytes)
}

/// The items' rendered outcomes as they finish, as many at once as the pool has workers:
/// NDJSON lines in completion order, or JSON elements in the items' order.
fn outcomes(shared: Shared, items: Vec<serde_json::Value>, ndjson: bool) -> impl Stream<Item = (usize, Bytes)> {
    let width = shared.state.workers.current_num_threads().max(1);
    // each item runs in the request's span, wherever the stream is polled from
    let span = tracing::Span::current();
    let jobs = futures::stream::iter(items.into_iter().enumerate())
        .map(move |(i, v)| run_item(shared.clone(), i, v, ndjson).instrument(span.clone()));
    if ndjson { jobs.buffer_unordered(width).left_stream() } else { jobs.buffered(width).right_stream() }
}

/// The JSON array of the rendered elements.
fn json_array(elements: Vec<Bytes>) -> Bytes {
    let mut out = Vec::with_capacity(elements.iter().map(|e| e.len() + 1).sum::<usize>() + 2);
    out.push(b'[');
    for (i, e) in elements.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(e);
    }
    out.push(b']');
    Bytes::from(out)
}

/// Checks the media type, takes the admission slot, reads and parses the body and charges
/// the rate limit; the batch's slot and items.
async fn admit_batch(
    state: &AppState,
    client: Option<&ClientKey>,
    headers: &HeaderMap,
    body: Body,
) -> Result<(OwnedSemaphorePermit, Vec<serde_json::Value>), Problem> {
    match media_type(headers).as_deref() {
        Some("application/json") | Some("application/x-json") => {}
        Some(other) => return Err(Problem::unsupported_media(format!("{other} is not accepted: send a JSON array"))),
        None => return Err(Problem::unsupported_media("send Content-Type: application/json")),
    }
    let permit = admit(state)?;
    let body = read_body(headers, body, state.settings.server.body_limit_bytes).await?;
    settle_after(body.len());
    let items = parse::batch_items(&body, state.settings.limits.max_batch_items)?;
    state.access.charge_batch(client, items.len())?;
    Ok((permit, items))
}

/// `POST /v1/extract/batch`: many articles; NDJSON streaming with `Accept: application/x-ndjson`.
/// A batch takes one admission permit for its whole run (before its body is read) and is
/// charged one request per item against the rate limit.
#[utoipa::path(post, path = "/v1/extract/batch", tag = "extract", operation_id = "extract_batch",
    request_body(content = BatchBody, description = "A JSON array of requests, or {\"items\": [...]}"),
    responses(
        (status = 200, description = "One slot per item, in order: an extraction or that item's problem. With Accept: application/x-ndjson, one line per item as it is done, each with its index", body = [BatchItem]),
        (status = 400, description = "Malformed JSON", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "Not JSON, or a content encoding other than gzip or br", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Too many items", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Over the rate limit, counting each item", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn batch(State(state): State<AppState>, client: Option<Extension<ClientKey>>, headers: HeaderMap, body: Body) -> Response {
    let deadline = deadline_of(&state);
    let (permit, items) = match admit_batch(&state, client.as_ref().map(|c| &c.0), &headers, body).await {
        Ok(x) => x,
        Err(p) => return p.into_response(),
    };
    let request_id = headers.get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-").to_string();
    let shared = Shared { state, slot: Arc::new(permit), deadline, request_id };
    let ndjson = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|a| a.contains("application/x-ndjson"));
    if ndjson {
        // hyper pulls the lines as it sends them; when the client goes away the stream is
        // dropped, and with it the items not yet started
        let lines = outcomes(shared, items, true).map(|(_, line)| Ok::<_, std::convert::Infallible>(line));
        let mut res = Response::new(Body::from_stream(lines));
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/x-ndjson"));
        return res;
    }
    let elements: Vec<Bytes> = outcomes(shared, items, false).map(|(_, element)| element).collect().await;
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], json_array(elements)).into_response()
}

//! The OpenAPI 3.1 document, generated from the handler annotations and the model types,
//! then completed by [`extend`] with what the annotations cannot say: the closed sets of
//! [`vocab`] as enums, date formats, the security schemes, the answers every route shares
//! (400, 401, 429, 431, 500 …), the NDJSON media type of the batch route and examples.

mod extend;
pub mod vocab;

use super::AppState;
use super::batch;
use super::handlers;
use super::limits;
use super::page;
use super::problem::Problem;
use crate::pipeline::Pipeline;
use crate::pipeline::model;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::OpenApi;

/// hadath's OpenAPI document, as the annotations give it.
#[derive(OpenApi)]
#[openapi(
    info(title = "hadath", description = "Events and quotes from Arabic and English news, with exact offsets. \
        The contract is docs/api.md of the repository; problem types are described in docs/errors.md and at /problems/{slug}."),
    paths(
        handlers::extract, batch::batch, handlers::healthz, handlers::readyz, handlers::info, handlers::metrics,
        openapi_json, page::problem_type
    ),
    components(schemas(
        model::ExtractRequest, model::Extraction, model::Event, model::Quote, model::Entity, model::Span,
        model::Actor, model::Location, model::Time, model::Count, model::Casualties, model::Speaker,
        model::Language, model::OffsetUnit, Problem, batch::BatchRequest, batch::BatchBody, batch::BatchItem, batch::BatchLine,
        batch::IndexedAnswer, handlers::Info, handlers::RequestLanguage, limits::Answer
    )),
    tags((name = "extract", description = "Event and quote extraction"), (name = "operations", description = "Health, readiness, metrics, facts"))
)]
pub struct ApiDoc;

/// The complete document for `pipeline` (its event types and weapons are the enums of an
/// event's `type` and `weapon`; its answer to the example article is the example answer).
pub fn document(pipeline: &Pipeline) -> serde_json::Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    extend::closed_sets(&mut doc, &vocab::closed_sets(&pipeline.lexicons().event_types));
    extend::formats(&mut doc);
    extend::security(&mut doc);
    extend::shared_responses(&mut doc);
    extend::ndjson(&mut doc);
    extend::examples(&mut doc, pipeline);
    doc
}

/// `GET /openapi.json`: the OpenAPI 3.1 document (built once per process).
#[utoipa::path(get, path = "/openapi.json", tag = "operations", operation_id = "openapi",
    responses((status = 200, description = "This document", content_type = "application/json", body = Object)))]
pub async fn openapi_json(State(state): State<AppState>) -> Response {
    let body = state.openapi.get_or_init(|| Bytes::from(serde_json::to_vec(&document(&state.pipeline)).unwrap_or_default()));
    ([(header::CONTENT_TYPE, "application/json")], body.clone()).into_response()
}

#[cfg(test)]
mod tests;

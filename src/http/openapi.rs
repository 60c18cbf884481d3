//! The OpenAPI 3 document, generated from the handler annotations and the model types.

use super::handlers;
use super::limits;
use super::problem::Problem;
use crate::pipeline::model;
use axum::Json;
use utoipa::OpenApi;

/// hadath's OpenAPI document.
#[derive(OpenApi)]
#[openapi(
    info(title = "hadath", description = "Events and quotes from Arabic and English news, with exact offsets."),
    paths(handlers::extract, handlers::batch, handlers::healthz, handlers::readyz, handlers::info, handlers::metrics),
    components(schemas(
        model::ExtractRequest, model::Extraction, model::Event, model::Quote, model::Entity, model::Span,
        model::Actor, model::Location, model::Time, model::Count, model::Casualties, model::Speaker,
        model::Language, model::OffsetUnit, Problem, handlers::BatchRequest, handlers::BatchItem, handlers::Info, limits::Answer
    )),
    tags((name = "extract", description = "Event and quote extraction"), (name = "operations", description = "Health, readiness, metrics, facts"))
)]
pub struct ApiDoc;

/// `GET /openapi.json`.
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

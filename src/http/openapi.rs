//! The OpenAPI 3 document, generated from the handler annotations and the model types.

use super::AppState;
use super::handlers;
use super::limits;
use super::problem::Problem;
use crate::pipeline::lexicon::event_types::EventTypes;
use crate::pipeline::model;
use axum::Json;
use axum::extract::State;
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

/// The OpenAPI document with the closed sets that come from data filled in: the event
/// types of `config/event_types.tsv` as the enum of an event's `type`.
pub fn document(types: &EventTypes) -> serde_json::Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or_default();
    if let Some(property) = doc.pointer_mut("/components/schemas/Event/properties/type") {
        property["enum"] = types.names().into();
    }
    doc
}

/// `GET /openapi.json`.
pub async fn openapi_json(State(state): State<AppState>) -> Json<serde_json::Value> {
    Json(document(&state.pipeline.lexicons().event_types))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_types_of_the_table_are_the_enum() {
        let types = EventTypes::parse("t.tsv", "strike\tattack\tyes\tinherit\tyes\t-\nkidnapping\tactors\tno\town\tno\t-\n").unwrap();
        let doc = document(&types);
        assert_eq!(doc["components"]["schemas"]["Event"]["properties"]["type"]["enum"], serde_json::json!(["strike", "kidnapping"]));
    }
}

//! What the annotations cannot say, added to the generated document: enums, formats,
//! security schemes, the answers every route shares, the NDJSON media type and examples.

use super::vocab::ClosedSet;
use crate::pipeline::Pipeline;
use crate::pipeline::model::ExtractRequest;
use serde_json::{Value, json};

/// The example article of the document (and of the README).
pub const EXAMPLE_TEXT: &str = "قال المسؤول الأمريكي إن الغارة على البوكمال أسفرت عن مقتل سبعة أشخاص.";
/// Its publication date.
pub const EXAMPLE_DATE: &str = "2023-11-15";

/// A `$ref` to the component schema `name`.
fn schema_ref(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

/// Every operation of the document, with its path and method.
fn operations(doc: &mut Value) -> Vec<(String, String, &mut Value)> {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else { return Vec::new() };
    let mut out = Vec::new();
    for (path, item) in paths.iter_mut() {
        if let Some(item) = item.as_object_mut() {
            for (method, op) in item.iter_mut() {
                out.push((path.clone(), method.clone(), op));
            }
        }
    }
    out
}

/// Each closed set as the `enum` of its property, a string: an optional property is left
/// out of the answer when it has no value, never sent as null.
pub fn closed_sets(doc: &mut Value, sets: &[ClosedSet]) {
    for set in sets {
        let pointer = format!("/components/schemas/{}/properties/{}", set.schema, set.property);
        let Some(property) = doc.pointer_mut(&pointer) else { continue };
        property["type"] = json!("string");
        property["enum"] = json!(set.values);
    }
}

/// Dates as `format: date`, the publication date with its two accepted forms.
pub fn formats(doc: &mut Value) {
    if let Some(date) = doc.pointer_mut("/components/schemas/Time/properties/date") {
        date["format"] = json!("date");
    }
    if let Some(published) = doc.pointer_mut("/components/schemas/ExtractRequest/properties/published_at") {
        published["examples"] = json!(["2023-11-15", "2023-11-15T08:30:00+03:00"]);
    }
}

/// The two ways to present a key; `/v1/*` operations take either, or none when the server
/// has no keys configured.
pub fn security(doc: &mut Value) {
    doc["components"]["securitySchemes"] = json!({
        "bearer": {"type": "http", "scheme": "bearer", "description": "Authorization: Bearer <key> (when [auth] api_keys is set)"},
        "api_key": {"type": "apiKey", "in": "header", "name": "X-API-Key", "description": "X-API-Key: <key> (when [auth] api_keys is set)"}
    });
    for (path, _, op) in operations(doc) {
        if path.starts_with("/v1/") {
            op["security"] = json!([{"bearer": []}, {"api_key": []}, {}]);
        }
    }
}

/// A problem+json answer described by `description`, with `Retry-After` when `retry`.
fn problem(description: &str, retry: bool) -> Value {
    let mut res = json!({
        "description": description,
        "content": {"application/problem+json": {"schema": schema_ref("Problem")}}
    });
    if retry {
        res["headers"] = json!({"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer", "minimum": 0}}});
    }
    res
}

/// The answers a route gives whatever it does: the head checks for every route (400 without
/// `Host`, 431), a bug (500), keys and rate limits on `/v1/*`, and for extraction routes
/// 408, 413, 415, 422 and 503. An answer the annotation already describes is kept.
pub fn shared_responses(doc: &mut Value) {
    doc["components"]["responses"] = json!({
        "BadRequest": problem("Malformed request, or an HTTP/1.1 request without Host", false),
        "Unauthorized": problem("Missing or wrong API key (WWW-Authenticate: Bearer)", false),
        "Timeout": problem("The request ran past server.request_timeout_secs (the extraction is stopped)", false),
        "TooLarge": problem("Body (after decoding) or text over the limit", false),
        "UnsupportedMediaType": problem("A media type or content encoding the route does not take", false),
        "Unprocessable": problem("Empty text, unknown language, unparseable date, unknown offset unit or too many items", false),
        "RateLimited": problem("Over the rate limit", true),
        "HeadTooLarge": problem("Request head over server.max_header_bytes or 100 header fields", false),
        "Internal": problem("A bug; it has been logged and the connection stays usable", false),
        "Unavailable": problem("Overloaded or draining", true),
    });
    for (path, method, op) in operations(doc) {
        let mut shared = vec![("400", "BadRequest"), ("431", "HeadTooLarge"), ("500", "Internal")];
        if path.starts_with("/v1/") {
            shared.extend([("401", "Unauthorized"), ("429", "RateLimited")]);
        }
        if method == "post" {
            shared.extend([
                ("408", "Timeout"),
                ("413", "TooLarge"),
                ("415", "UnsupportedMediaType"),
                ("422", "Unprocessable"),
                ("503", "Unavailable"),
            ]);
        }
        let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else { continue };
        for (status, name) in shared {
            responses.entry(status).or_insert_with(|| json!({"$ref": format!("#/components/responses/{name}")}));
        }
        for (status, res) in responses.iter_mut() {
            if (status == "429" || status == "503") && res.get("$ref").is_none() {
                res["headers"] = problem("", true)["headers"].clone();
            }
        }
    }
}

/// The batch route's streamed answer: `application/x-ndjson`, one [`BatchLine`] per line.
///
/// [`BatchLine`]: crate::http::batch::BatchLine
pub fn ndjson(doc: &mut Value) {
    if let Some(ok) = doc.pointer_mut("/paths/~1v1~1extract~1batch/post/responses/200/content") {
        ok["application/x-ndjson"] = json!({
            "schema": {
                "$ref": "#/components/schemas/BatchLine",
                "description": "With Accept: application/x-ndjson: one such JSON object per line, in completion order, each with its index"
            }
        });
    }
}

/// Request and answer examples; the answer is the pipeline's own for the example article.
pub fn examples(doc: &mut Value, pipeline: &Pipeline) {
    let request = json!({"text": EXAMPLE_TEXT, "published_at": EXAMPLE_DATE, "id": "example-1"});
    let req: ExtractRequest = serde_json::from_value(request.clone()).unwrap_or_default();
    let limits = crate::settings::Settings::load(None, Vec::new()).map(|s| s.limits);
    let answer = match (pipeline.extract(&req), limits) {
        (Ok(x), Ok(limits)) => Some(crate::http::limits::cap(x, &limits)),
        _ => None,
    };
    let extract = "/paths/~1v1~1extract/post";
    if let Some(body) = doc.pointer_mut(&format!("{extract}/requestBody/content")) {
        body["application/json"]["example"] = request.clone();
        body["text/plain"]["example"] = json!(EXAMPLE_TEXT);
    }
    if let (Some(answer), Some(ok)) = (answer, doc.pointer_mut(&format!("{extract}/responses/200/content/application~1json"))) {
        ok["example"] = serde_json::to_value(&answer).unwrap_or_default();
    }
    if let Some(body) = doc.pointer_mut("/paths/~1v1~1extract~1batch/post/requestBody/content/application~1json") {
        body["example"] = json!([request, {"text": "Talks resumed in Geneva on Monday.", "id": "example-2", "language": "en"}]);
    }
}

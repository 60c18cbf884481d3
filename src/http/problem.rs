//! `application/problem+json` errors (RFC 9457).
//!
//! The document is a plain serde type rather than a problem-details crate's: it carries the
//! batch fields `index` and `id` as members of its own, has a `utoipa` schema for the
//! OpenAPI document, and is read back by the middleware that adds `instance`.

use crate::pipeline::ExtractError;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The media type of problem documents.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Where problem types are described: `/problems/{slug}` on the service itself (a relative
/// reference, resolved against the request's URL), from `docs/errors.md`.
pub const TYPE_BASE: &str = "/problems/";

/// A problem document.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema, PartialEq)]
pub struct Problem {
    /// A URI reference naming the problem type: `/problems/{slug}`, described at that path
    /// and in `docs/errors.md`.
    #[serde(rename = "type")]
    #[schema(examples("/problems/empty-text"))]
    pub problem_type: String,
    /// A short summary of the problem type.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What went wrong with this request.
    pub detail: String,
    /// This occurrence: `urn:hadath:request:` and the request's `x-request-id`, the key to
    /// its log lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schema(examples("urn:hadath:request:5f0c6b1e-8d7a-4c1e-9a57-0b6e8d1c2f3a"))]
    pub instance: Option<String>,
    /// Position of the item in a batch, for batch item errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
    /// The client's `id` of the batch item, for batch item errors that have one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Seconds to wait before retrying (503, 429).
    #[serde(skip_serializing_if = "Option::is_none", skip)]
    pub retry_after: Option<u64>,
}

impl Problem {
    /// A problem of `status` with a slug for its type, a title and a detail.
    pub fn new(status: StatusCode, slug: &str, title: &str, detail: impl Into<String>) -> Problem {
        Problem {
            problem_type: format!("{TYPE_BASE}{slug}"),
            title: title.to_string(),
            status: status.as_u16(),
            detail: detail.into(),
            instance: None,
            index: None,
            id: None,
            retry_after: None,
        }
    }

    /// 400: the body is not valid JSON / UTF-8 / shape.
    pub fn bad_request(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::BAD_REQUEST, "malformed-request", "Malformed request", detail)
    }

    /// 413: the body is over the limit.
    pub fn too_large(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::PAYLOAD_TOO_LARGE, "too-large", "Request too large", detail)
    }

    /// 415: a media type other than JSON or plain text.
    pub fn unsupported_media(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type", detail)
    }

    /// 422: the request is well-formed but cannot be processed.
    pub fn unprocessable(slug: &str, title: &str, detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::UNPROCESSABLE_ENTITY, slug, title, detail)
    }

    /// 408: the request ran past `server.request_timeout_secs`.
    pub fn timeout(detail: impl Into<String>) -> Problem {
        Problem::new(StatusCode::REQUEST_TIMEOUT, "timeout", "Request timeout", detail)
    }

    /// 503: overloaded or draining; retry after `secs`.
    pub fn unavailable(detail: impl Into<String>, secs: u64) -> Problem {
        let mut p = Problem::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", detail);
        p.retry_after = Some(secs);
        p
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// Marks the problem as belonging to batch item `index`, with the client's `id`.
    pub fn at(mut self, index: usize, id: Option<String>) -> Problem {
        self.index = Some(index);
        self.id = id;
        self
    }

    /// Names the occurrence: the request whose id is `request_id`.
    pub fn of_request(mut self, request_id: &str) -> Problem {
        self.instance = Some(instance_of(request_id));
        self
    }
}

/// The `instance` URI of the request `request_id`: its characters outside the URI's
/// unreserved set percent-encoded.
pub fn instance_of(request_id: &str) -> String {
    let mut out = String::from("urn:hadath:request:");
    for b in request_id.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl From<ExtractError> for Problem {
    fn from(e: ExtractError) -> Problem {
        match &e {
            ExtractError::EmptyText => Problem::unprocessable("empty-text", "Empty text", e.to_string()),
            ExtractError::TextTooLong { .. } => Problem::too_large(e.to_string()),
            ExtractError::UnsupportedLanguage(_) | ExtractError::UndetectableLanguage => {
                Problem::unprocessable("unsupported-language", "Unsupported language", e.to_string())
            }
            ExtractError::BadDate(_) => Problem::unprocessable("bad-date", "Unparseable date", e.to_string()),
            // the same answer as the request timeout layer's: whichever fires first, the
            // client sees one status for "took too long"
            ExtractError::DeadlineExceeded => Problem::timeout(e.to_string()),
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status();
        let retry = self.retry_after;
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        if let Some(secs) = retry {
            res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
        }
        res
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stopped_extraction_is_a_timeout_problem() {
        let p = Problem::from(ExtractError::DeadlineExceeded);
        assert_eq!((p.status, p.retry_after), (408, None));
        assert!(p.problem_type.ends_with("/timeout"));
    }

    #[test]
    fn instance_is_a_uri_of_the_request_id() {
        assert_eq!(instance_of("ab-12_x.y~"), "urn:hadath:request:ab-12_x.y~");
        assert_eq!(instance_of("a b/c%"), "urn:hadath:request:a%20b%2Fc%25");
    }
}

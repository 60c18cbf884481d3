//! The page for people at `GET /` and its static assets, embedded in the binary.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

const INDEX: &str = include_str!("../../static/index.html");
const ASSETS: &[(&str, &str, &str)] = &[
    ("app.js", "text/javascript; charset=utf-8", include_str!("../../static/app.js")),
    ("app.css", "text/css; charset=utf-8", include_str!("../../static/app.css")),
    ("sample.json", "application/json", include_str!("../../static/sample.json")),
];

/// The Content-Security-Policy of the page: only its own scripts, styles and API.
pub const PAGE_CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

fn with_type(body: &'static str, content_type: &'static str) -> Response {
    let mut res = body.into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PAGE_CSP));
    res
}

/// `GET /`.
pub async fn index() -> Response {
    with_type(INDEX, "text/html; charset=utf-8")
}

/// `GET /static/{file}`.
pub async fn asset(Path(file): Path<String>) -> Response {
    match ASSETS.iter().find(|(name, _, _)| *name == file) {
        Some((_, ct, body)) => with_type(body, ct),
        None => super::problem::Problem::new(StatusCode::NOT_FOUND, "not-found", "Not found", format!("no asset {file:?}")).into_response(),
    }
}

/// The descriptions of the problem types, one `## \`slug\`` section each.
pub const ERRORS_MD: &str = include_str!("../../docs/errors.md");

/// The section of [`ERRORS_MD`] that describes the problem type `slug`.
pub fn problem_section(slug: &str) -> Option<&'static str> {
    let heading = format!("## `{slug}`\n");
    let start = ERRORS_MD.find(&heading)?;
    let end = ERRORS_MD[start + heading.len()..].find("\n## ").map_or(ERRORS_MD.len(), |i| start + heading.len() + i + 1);
    Some(&ERRORS_MD[start..end])
}

/// `GET /problems/{slug}`: what a problem type means (the `type` of problem documents).
#[utoipa::path(get, path = "/problems/{slug}", tag = "operations", operation_id = "problem_type",
    params(("slug" = String, Path, description = "The problem type's slug, e.g. empty-text")),
    responses(
        (status = 200, description = "The description of the problem type", body = String, content_type = "text/markdown"),
        (status = 404, description = "No such problem type", body = super::problem::Problem, content_type = "application/problem+json"),
    ))]
pub async fn problem_type(Path(slug): Path<String>) -> Response {
    match problem_section(&slug) {
        Some(text) => {
            let mut res = text.into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/markdown; charset=utf-8"));
            res
        }
        None => super::problem::Problem::new(
            StatusCode::NOT_FOUND,
            "not-found",
            "Not found",
            format!("no problem type {slug:?}; see /problems/not-found"),
        )
        .into_response(),
    }
}

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

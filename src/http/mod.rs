//! The HTTP layer: [`router`] builds every route of `API.md` with its middleware, and
//! [`serve`] runs it with graceful shutdown. Handlers only translate; the pipeline works.

pub mod access_log;
pub mod auth;
pub mod batch;
mod connections;
pub mod handlers;
pub mod limits;
pub mod logging;
pub mod middleware;
pub mod openapi;
pub mod page;
pub mod problem;
mod socket;
pub mod telemetry;

use crate::pipeline::Pipeline;
use crate::settings::Settings;
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderName, HeaderValue, Method, StatusCode};
use axum::routing::{get, post};
use metrics_exporter_prometheus::PrometheusHandle;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
pub use telemetry::metrics_handle;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::cors::{AllowOrigin, CorsLayer};
use tower_http::decompression::RequestDecompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// State shared by all handlers.
#[derive(Clone)]
pub struct AppState {
    /// The compiled pipeline.
    pub pipeline: Pipeline,
    /// The settings the server started with.
    pub settings: Arc<Settings>,
    /// Admission: requests being extracted or waiting for a worker (503 beyond it).
    pub limiter: Arc<Semaphore>,
    /// The threads that run extractions (CPU work stays off the async threads).
    pub workers: Arc<rayon::ThreadPool>,
    /// Set on SIGTERM/SIGINT: readiness turns 503.
    pub draining: Arc<AtomicBool>,
    /// Renders `/metrics`.
    pub metrics: PrometheusHandle,
    /// API keys and rate limits of the `/v1/*` routes.
    pub access: Arc<auth::Access>,
    /// The OpenAPI document, rendered on first request.
    pub openapi: Arc<OnceLock<axum::body::Bytes>>,
}

impl AppState {
    /// State for `pipeline` under `settings`.
    pub fn new(pipeline: Pipeline, settings: Settings) -> AppState {
        AppState {
            pipeline,
            limiter: Arc::new(Semaphore::new(settings.server.max_concurrency)),
            workers: Arc::new(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(settings.server.workers)
                    .thread_name(|i| format!("hadath-worker-{i}"))
                    .build()
                    .expect("the worker threads start"),
            ),
            access: Arc::new(auth::Access::new(&settings.auth)),
            settings: Arc::new(settings),
            draining: Arc::new(AtomicBool::new(false)),
            metrics: metrics_handle(),
            openapi: Arc::new(OnceLock::new()),
        }
    }
}

fn cors(settings: &Settings) -> CorsLayer {
    let origins = &settings.server.cors_origins;
    let allow = if origins.iter().any(|o| o == "*") {
        AllowOrigin::any()
    } else {
        AllowOrigin::list(origins.iter().filter_map(|o| HeaderValue::from_str(o).ok()))
    };
    CorsLayer::new()
        .allow_origin(allow)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            axum::http::header::CONTENT_TYPE,
            axum::http::header::AUTHORIZATION,
            HeaderName::from_static("x-api-key"),
            HeaderName::from_static("x-request-id"),
        ])
        .expose_headers([HeaderName::from_static("x-request-id"), axum::http::header::RETRY_AFTER])
        .max_age(Duration::from_secs(600))
}

/// Builds the application: every route with its middleware.
pub fn router(state: AppState) -> Router {
    let settings = state.settings.clone();
    // the API proper: keys and rate limits apply here only
    let api = Router::new()
        .route("/v1/extract", post(handlers::extract))
        .route("/v1/extract/batch", post(batch::batch))
        .route("/v1/info", get(handlers::info))
        .route_layer(axum::middleware::from_fn_with_state(state.access.clone(), auth::guard));
    let mut app = Router::new()
        .merge(api)
        .route("/", get(page::index))
        .route("/static/{file}", get(page::asset))
        .route("/problems/{slug}", get(page::problem_type))
        .route("/healthz", get(handlers::healthz))
        .route("/readyz", get(handlers::readyz))
        .route("/openapi.json", get(openapi::openapi_json));
    if settings.server.admin_addr.is_empty() {
        app = app.route("/metrics", get(handlers::metrics));
    }
    layered(app.fallback(middleware::not_found).with_state(state), &settings)
}

/// Wraps `app` in the middleware every route runs under (inner to outer): panics caught
/// as problem+json 500s, the body limit (on the decoded body), the decoding of `gzip` and
/// `br` request bodies, the head checks (431, `Host`), the drain of bodies left unread by an
/// early answer, the request timeout (408), problem+json for every error (with its
/// `instance`), compression, CORS, security headers, the access log, metrics, request ids
/// and spans.
pub fn layered(app: Router, settings: &Settings) -> Router {
    let x_request_id = HeaderName::from_static("x-request-id");
    let drain =
        middleware::Drain { limit: settings.server.drain_limit_bytes, time: Duration::from_millis(settings.server.drain_timeout_ms) };
    app.layer(CatchPanicLayer::custom(middleware::panic_response))
        .layer(DefaultBodyLimit::max(settings.server.body_limit_bytes))
        .layer(RequestBodyLimitLayer::new(settings.server.body_limit_bytes))
        .layer(RequestDecompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(settings.server.max_header_bytes, middleware::check_head))
        .layer(axum::middleware::from_fn_with_state(drain, middleware::drain_unread))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(settings.server.request_timeout_secs)))
        .layer(axum::middleware::from_fn(middleware::problem_for_errors))
        .layer(CompressionLayer::new())
        .layer(cors(settings))
        .layer(axum::middleware::from_fn(middleware::security_headers))
        .layer(axum::middleware::from_fn(access_log::access_log))
        .layer(axum::middleware::from_fn(middleware::record_metrics))
        .layer(PropagateRequestIdLayer::new(x_request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(middleware::make_span))
        .layer(SetRequestIdLayer::new(x_request_id, MakeRequestUuid))
        .layer(axum::middleware::from_fn(middleware::sanitize_request_id))
}

/// The admin router (`/metrics` and health) for `[server] admin_addr`.
pub fn admin_router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(handlers::metrics))
        .route("/healthz", get(handlers::healthz))
        .route("/readyz", get(handlers::readyz))
        .with_state(state)
}

/// Resolves when SIGTERM or SIGINT arrives.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// Serves `state` on `listener` (and the admin router on `admin`, if given) until
/// `shutdown` resolves; then readiness turns 503 at once, in-flight requests get up to the
/// grace period to finish, and the function returns — with an error when the grace period
/// ran out while requests were still in flight.
pub async fn serve(
    listener: TcpListener,
    admin: Option<TcpListener>,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let draining = state.draining.clone();
    let access = state.access.clone();
    let metrics = state.metrics.clone();
    tokio::spawn(async move {
        // idle rate-limit state is swept; histogram samples are folded into their buckets
        // (without a scrape they would pile up, one entry per request)
        let mut every = tokio::time::interval(Duration::from_secs(10));
        every.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            every.tick().await;
            access.forget_idle();
            metrics.run_upkeep();
        }
    });
    let grace = Duration::from_secs(state.settings.server.grace_period_secs);
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        draining.store(true, Ordering::SeqCst);
        tracing::info!("shutdown signal received: draining");
        let _ = tx.send(true);
    });
    let wait = |mut rx: tokio::sync::watch::Receiver<bool>| async move {
        let _ = rx.wait_for(|v| *v).await;
    };
    if let Some(admin) = admin {
        let admin_app = admin_router(state.clone());
        let rx = rx.clone();
        tokio::spawn(async move {
            let _ = axum::serve(admin, admin_app).with_graceful_shutdown(wait(rx)).await;
        });
    }
    let limits = connections::ConnectionLimits::of(&state.settings);
    let app = router(state);
    connections::accept_loop(listener, app, limits, rx, grace).await
}

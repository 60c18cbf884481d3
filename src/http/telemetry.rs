//! The Prometheus side of the service: the process-wide recorder ([`metrics_handle`]), the
//! `# HELP` text of every series ([`describe`]), the series that exist from start-up at zero,
//! `hadath_build_info`, the `process_*` metrics (from `/proc` on Linux, through
//! `metrics-process`) and the gauges read at each scrape ([`render`]).

use super::AppState;
use super::limits::SCHEMA_VERSION;
use metrics::Unit;
use metrics_exporter_prometheus::{Matcher as MetricMatcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;

/// Latency buckets of the duration histograms, in seconds.
const BUCKETS: &[f64] = &[0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0];

/// The process-wide Prometheus recorder, installed once, with every series described and
/// the unlabelled ones (and the per-language ones) present at zero.
pub fn metrics_handle() -> PrometheusHandle {
    static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();
    HANDLE
        .get_or_init(|| {
            let recorder = PrometheusBuilder::new()
                .set_buckets_for_metric(MetricMatcher::Suffix("duration_seconds".into()), BUCKETS)
                .expect("bucket list is not empty")
                .build_recorder();
            let handle = recorder.handle();
            // another recorder may already be installed (tests); this one still renders
            let _ = metrics::set_global_recorder(recorder);
            describe();
            start_series();
            handle
        })
        .clone()
}

/// The `process_*` collector (CPU seconds, resident memory, open and maximum file
/// descriptors, threads, start time).
fn process() -> &'static metrics_process::Collector {
    static COLLECTOR: OnceLock<metrics_process::Collector> = OnceLock::new();
    COLLECTOR.get_or_init(metrics_process::Collector::default)
}

/// The `# HELP` text of every series.
fn describe() {
    use metrics::{describe_counter, describe_gauge, describe_histogram};
    describe_counter!("hadath_http_requests_total", "HTTP requests answered, by route template, method and status");
    describe_histogram!(
        "hadath_http_request_duration_seconds",
        Unit::Seconds,
        "Time from a request's head to its answer's head, by route template, method and status"
    );
    describe_gauge!("hadath_http_requests_in_flight", "HTTP requests being served (until their answer's body is sent)");
    describe_gauge!("hadath_extraction_slots", "Admission slots (server.max_concurrency): extractions or batches at once");
    describe_gauge!("hadath_extraction_slots_in_use", "Admission slots held by requests being extracted");
    describe_counter!("hadath_load_shed_total", "Requests answered 503 at once because every admission slot was taken");
    describe_counter!("hadath_articles_extracted_total", "Articles extracted, by the language they were read as");
    describe_counter!("hadath_events_extracted_total", "Events in the answers");
    describe_counter!("hadath_quotes_extracted_total", "Quotes in the answers");
    describe_counter!("hadath_answers_truncated_total", "Answers cut short by the caps on events, quotes or entities");
    describe_counter!("hadath_deadline_exceeded_total", "Extractions stopped at their deadline (answered 408)");
    describe_counter!("hadath_rate_limited_total", "Requests answered 429 by the rate limit");
    describe_counter!("hadath_connections_refused_total", "Connections refused at accept above server.max_connections");
    describe_counter!("hadath_log_write_failures_total", "Log writes dropped because standard error failed");
    describe_gauge!("hadath_build_info", "Always 1; the labels say which build runs");
    process().describe();
}

/// The series that exist before anything happened: counters at zero, `hadath_build_info`.
fn start_series() {
    for name in [
        "hadath_load_shed_total",
        "hadath_events_extracted_total",
        "hadath_quotes_extracted_total",
        "hadath_answers_truncated_total",
        "hadath_deadline_exceeded_total",
        "hadath_rate_limited_total",
        "hadath_connections_refused_total",
        "hadath_log_write_failures_total",
    ] {
        metrics::counter!(name).absolute(0);
    }
    for language in ["ar", "en"] {
        metrics::counter!("hadath_articles_extracted_total", "language" => language).absolute(0);
    }
    metrics::gauge!("hadath_http_requests_in_flight").set(0.0);
    metrics::gauge!("hadath_build_info", "version" => env!("CARGO_PKG_VERSION"), "schema_version" => SCHEMA_VERSION).set(1.0);
}

/// The Prometheus text of `state`'s server: the gauges read now, then every series.
pub fn render(state: &AppState) -> String {
    metrics::counter!("hadath_log_write_failures_total").absolute(super::logging::failures());
    let slots = state.settings.server.max_concurrency;
    metrics::gauge!("hadath_extraction_slots").set(slots as f64);
    metrics::gauge!("hadath_extraction_slots_in_use").set(slots.saturating_sub(state.limiter.available_permits()) as f64);
    process().collect();
    state.metrics.render()
}

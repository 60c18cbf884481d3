//! A request's lifetime: the access log — one line per request at info, written when its
//! answer has been sent (or abandoned), in the request's span, so with its request id,
//! method and route template, and with the status, the time to the end of the answer and the
//! bytes of the answer's body as sent; never the request's text or client values — and the
//! `hadath_http_requests_in_flight` gauge, which counts the request until then.

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::Response;
use http_body::{Frame, SizeHint};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Instant;

/// One request counted in `hadath_http_requests_in_flight` while this lives.
struct InFlight;

impl InFlight {
    fn new() -> InFlight {
        metrics::gauge!("hadath_http_requests_in_flight").increment(1.0);
        InFlight
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        metrics::gauge!("hadath_http_requests_in_flight").decrement(1.0);
    }
}

/// A response body that counts what passes and writes the access line when dropped.
struct Logged {
    _in_flight: InFlight,
    inner: Body,
    bytes: u64,
    status: u16,
    start: Instant,
    span: tracing::Span,
    /// False once the body ended; a body dropped before that was cut short.
    open: bool,
}

impl HttpBody for Logged {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        let polled = Pin::new(&mut self.inner).poll_frame(cx);
        match &polled {
            Poll::Ready(Some(Ok(frame))) => self.bytes += frame.data_ref().map_or(0, |d| d.len() as u64),
            Poll::Ready(None) => self.open = false,
            _ => {}
        }
        polled
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for Logged {
    fn drop(&mut self) {
        let complete = !self.open || self.inner.is_end_stream();
        let _entered = self.span.enter();
        tracing::info!(
            status = self.status,
            latency_ms = self.start.elapsed().as_micros() as f64 / 1000.0,
            bytes = self.bytes,
            complete,
            "access"
        );
    }
}

/// Logs every request once its answer is done (see the module doc).
pub async fn access_log(req: Request, next: Next) -> Response {
    let start = Instant::now();
    let in_flight = InFlight::new();
    let span = tracing::Span::current();
    let res = next.run(req).await;
    let status = res.status().as_u16();
    res.map(|inner| Body::new(Logged { _in_flight: in_flight, inner, bytes: 0, status, start, span, open: true }))
}

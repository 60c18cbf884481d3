//! Connections: the accept loop with its cap, the time a new connection has to send its
//! first bytes, HTTP/1.1 and HTTP/2 served by hyper with bounded heads and HTTP/2
//! keep-alive pings, idle HTTP/2 connections closed like idle HTTP/1.1 ones, and a
//! lingering close (the rest of what a client sends is read and discarded, within bounds)
//! so that a client still sending when the server answers and closes reads the answer
//! instead of a reset.

use super::middleware::Drain;
use super::socket::{Lent, ParseErrorAnswers};
use crate::settings::Settings;
use axum::Router;
use axum::body::{Body, Bytes, HttpBody};
use axum::extract::ConnectInfo;
use http_body::{Frame, SizeHint};
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::service::TowerToHyperService;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{OwnedSemaphorePermit, Semaphore, watch};
use tower::ServiceExt;

/// Header fields in one HTTP/1.1 request head at most (hyper's default, made explicit);
/// more are answered 431.
pub const MAX_HEADER_FIELDS: usize = 100;

/// The connection settings of `[server]`.
#[derive(Debug, Clone, Copy)]
pub(super) struct ConnectionLimits {
    header_timeout: Duration,
    idle_timeout: Duration,
    max_connections: usize,
    max_header_bytes: usize,
    keep_alive_interval: Duration,
    keep_alive_timeout: Duration,
    linger: Drain,
}

impl ConnectionLimits {
    /// The limits of `settings`, with `max_connections` lowered below the open-file limit.
    pub(super) fn of(settings: &Settings) -> ConnectionLimits {
        let s = &settings.server;
        let fd_room = open_file_limit().map(|n| n.saturating_sub(FD_RESERVE).max(1));
        let max_connections = match fd_room {
            Some(room) if room < s.max_connections => {
                tracing::warn!(configured = s.max_connections, used = room, "server.max_connections lowered below the open-file limit");
                room
            }
            _ => s.max_connections,
        };
        ConnectionLimits {
            header_timeout: Duration::from_secs(s.header_read_timeout_secs),
            idle_timeout: Duration::from_secs(s.idle_timeout_secs),
            // every open connection holds one permit, and draining takes them all at once
            max_connections: max_connections.min(u32::MAX as usize),
            max_header_bytes: s.max_header_bytes,
            keep_alive_interval: Duration::from_secs(s.http2_keep_alive_interval_secs),
            keep_alive_timeout: Duration::from_secs(s.http2_keep_alive_timeout_secs),
            linger: Drain { limit: s.drain_limit_bytes, time: Duration::from_millis(s.drain_timeout_ms) },
        }
    }

    /// hyper's connection builder under these limits. Heads up to twice the cap are read
    /// whole and answered 431 (problem+json, `Connection: close`) by the head check, which
    /// measures them; hyper stops reading beyond that (and beyond [`MAX_HEADER_FIELDS`]),
    /// and its bare 431 is rewritten into the same problem+json on the way out. An HTTP/2
    /// header list past twice the cap is refused by `h2` itself while decoding (a HEADERS
    /// frame with `:status: 431` and no body, then a stream reset): no request reaches the
    /// service, so that one 431 cannot be problem+json.
    fn builder(&self) -> Builder<TokioExecutor> {
        let mut builder = Builder::new(TokioExecutor::new());
        let twice_the_cap = (self.max_header_bytes * 2).max(16 * 1024);
        builder
            .http1()
            .timer(TokioTimer::new())
            .header_read_timeout(self.header_timeout)
            .max_headers(MAX_HEADER_FIELDS)
            .max_buf_size(twice_the_cap);
        builder
            .http2()
            .timer(TokioTimer::new())
            .keep_alive_interval(Some(self.keep_alive_interval))
            .keep_alive_timeout(self.keep_alive_timeout)
            .max_header_list_size(u32::try_from(twice_the_cap).unwrap_or(u32::MAX))
            .max_concurrent_streams(Some(256));
        builder
    }
}

/// File descriptors kept free of connections (listeners, logs, the admin port, bursts).
const FD_RESERVE: usize = 64;

/// The process's soft limit on open files, where the platform tells.
fn open_file_limit() -> Option<usize> {
    #[cfg(unix)]
    {
        let mut lim = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: getrlimit only writes the struct it is given, which lives on this stack.
        let ok = unsafe { libc::getrlimit(libc::RLIMIT_NOFILE, &mut lim) } == 0;
        if ok && lim.rlim_cur != libc::RLIM_INFINITY {
            return usize::try_from(lim.rlim_cur).ok();
        }
    }
    None
}

/// What an over-the-cap connection is told before it is closed.
const REFUSED: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/problem+json\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: 112\r\n\r\n{\"type\":\"/problems/unavailable\",\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"too many open connections\"}";

/// Resolves once the shutdown flag turns true (or its sender is gone).
async fn stopped(rx: &mut watch::Receiver<bool>) {
    let _ = rx.wait_for(|v| *v).await;
}

/// What one connection is served with.
#[derive(Clone)]
struct Serving {
    app: Router,
    builder: Arc<Builder<TokioExecutor>>,
    answers: Arc<ParseErrorAnswers>,
    limits: ConnectionLimits,
}

/// Accepts connections and serves `app` on each until `stop` turns true; then stops
/// accepting and lets open connections finish, for at most `grace` (an error when the grace
/// period ends with connections still open). Beyond `max_connections` a connection is
/// refused at once.
pub(super) async fn accept_loop(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    mut stop: watch::Receiver<bool>,
    grace: Duration,
) -> std::io::Result<()> {
    let serving = Serving {
        app,
        builder: Arc::new(limits.builder()),
        answers: Arc::new(ParseErrorAnswers::new(limits.max_header_bytes, MAX_HEADER_FIELDS)),
        limits,
    };
    let open = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let (stream, peer) = match accepted {
                    Ok(pair) => pair,
                    Err(e) => {
                        // out of file descriptors and the like: back off instead of spinning
                        tracing::warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let Ok(slot) = open.clone().try_acquire_owned() else {
                    metrics::counter!("hadath_connections_refused_total").increment(1);
                    let _ = stream.try_write(REFUSED);
                    continue;
                };
                let _ = stream.set_nodelay(true);
                tokio::spawn(serve_connection(stream, peer, slot, serving.clone(), stop.clone()));
            }
            _ = stopped(&mut stop) => break,
        }
    }
    drop(listener);
    // draining: every open connection holds a permit until it is closed
    let all = u32::try_from(limits.max_connections).unwrap_or(u32::MAX);
    if tokio::time::timeout(grace, open.acquire_many(all)).await.is_err() {
        tracing::warn!("grace period over; exiting with requests still in flight");
        return Err(std::io::Error::new(std::io::ErrorKind::TimedOut, "the grace period ended with requests still in flight"));
    }
    Ok(())
}

/// The protocol a connection speaks, told by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Protocol {
    Http1,
    Http2,
}

/// What an HTTP/2 client with prior knowledge sends first.
const H2_PREFACE: &[u8] = b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

/// Waits for a connection's first bytes, for at most `within` from accept, until they tell
/// its protocol; `None` when it sent nothing (or only part of the HTTP/2 preface) in time,
/// or closed.
async fn first_bytes(stream: &TcpStream, within: Duration) -> Option<Protocol> {
    let deadline = tokio::time::Instant::now() + within;
    let mut buf = [0u8; H2_PREFACE.len()];
    loop {
        let n = tokio::time::timeout_at(deadline, stream.peek(&mut buf)).await.ok()?.ok()?;
        if n == 0 {
            return None;
        }
        if !H2_PREFACE.starts_with(&buf[..n]) {
            return Some(Protocol::Http1);
        }
        if n == H2_PREFACE.len() {
            return Some(Protocol::Http2);
        }
        // part of the preface: peek answers at once while those bytes wait, so look again
        // a little later (hyper would wait for the rest without a deadline)
        if tokio::time::Instant::now() + Duration::from_millis(5) >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// Serves one connection: the first bytes within the idle timeout, then hyper until the
/// connection ends, a shutdown closes it gracefully, or — HTTP/2 — it has had no request
/// in flight for the header timeout (a GOAWAY, then at most the keep-alive timeout for the
/// client to go). Then the lingering close. The slot is released when this returns.
async fn serve_connection(stream: TcpStream, peer: SocketAddr, _slot: OwnedSemaphorePermit, s: Serving, mut stop: watch::Receiver<bool>) {
    let protocol = tokio::select! {
        p = first_bytes(&stream, s.limits.idle_timeout) => p,
        _ = stopped(&mut stop) => None,
    };
    let Some(protocol) = protocol else {
        // what was peeked is read, so that the close is a FIN and not a reset
        let _ = stream.try_read(&mut [0u8; H2_PREFACE.len()]);
        return;
    };
    let (io, back) = Lent::new(stream, s.answers.clone());
    drive(io, peer, protocol, &s, &mut stop).await;
    if let Ok(stream) = back.await {
        linger(stream, s.limits.linger, &mut stop).await;
    }
}

/// Runs hyper on `io` until the connection is over; `io` is dropped (given back) on return.
async fn drive(io: Lent, peer: SocketAddr, protocol: Protocol, s: &Serving, stop: &mut watch::Receiver<bool>) {
    let activity = Activity::default();
    let service = counted(s.app.clone(), peer, activity.clone());
    let connection = s.builder.serve_connection_with_upgrades(TokioIo::new(io), TowerToHyperService::new(service));
    tokio::pin!(connection);
    let idle = protocol == Protocol::Http2;
    let mut closing = false;
    let mut idle_closed = false;
    loop {
        tokio::select! {
            _ = connection.as_mut() => return,
            _ = stopped(stop), if !closing => {
                connection.as_mut().graceful_shutdown();
                closing = true;
            }
            _ = activity.idle_for(s.limits.header_timeout), if idle && !closing => {
                connection.as_mut().graceful_shutdown();
                closing = true;
                idle_closed = true;
            }
            // a client that neither answers the GOAWAY's ping nor closes
            _ = tokio::time::sleep(s.limits.keep_alive_timeout), if idle_closed => return,
        }
    }
}

/// Closes `stream` after hyper is done: the write side first (the answer is complete), then
/// whatever the client still sends is read and discarded, up to `linger.limit` bytes and
/// `linger.time`, until it closes its side. Closing with unread bytes would reset the
/// connection, and a client still sending its head or body would lose the answer.
async fn linger(mut stream: TcpStream, linger: Drain, stop: &mut watch::Receiver<bool>) {
    let _ = stream.shutdown().await;
    let discard = async {
        let mut buf = [0u8; 8192];
        let mut read = 0usize;
        while let Ok(n) = stream.read(&mut buf).await {
            read += n;
            if n == 0 || read > linger.limit {
                break;
            }
        }
    };
    tokio::select! {
        _ = tokio::time::timeout(linger.time, discard) => {}
        _ = stopped(stop) => {}
    }
}

/// Requests in flight on one connection (a response counts until its body is sent).
#[derive(Clone, Default)]
struct Activity(Arc<watch::Sender<usize>>);

impl Activity {
    /// Counts a request in flight until the returned guard is dropped.
    fn begin(&self) -> InFlight {
        self.0.send_modify(|n| *n += 1);
        InFlight(self.clone())
    }

    /// Resolves once no request has been in flight for `period`.
    async fn idle_for(&self, period: Duration) {
        let mut rx = self.0.subscribe();
        loop {
            if rx.wait_for(|n| *n == 0).await.is_err() {
                return;
            }
            tokio::select! {
                _ = tokio::time::sleep(period) => return,
                _ = rx.changed() => {}
            }
        }
    }
}

/// One request in flight.
struct InFlight(Activity);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.0.send_modify(|n| *n = n.saturating_sub(1));
    }
}

/// `app` for one connection from `peer`: the peer's address in the request extensions, and
/// each request counted in `activity` until its response body is done or dropped.
fn counted(
    app: Router,
    peer: SocketAddr,
    activity: Activity,
) -> impl tower::Service<
    axum::http::Request<hyper::body::Incoming>,
    Response = axum::http::Response<Body>,
    Error = std::convert::Infallible,
    Future = impl Send,
> + Clone
+ Send {
    tower::service_fn(move |mut req: axum::http::Request<hyper::body::Incoming>| {
        let in_flight = activity.begin();
        req.extensions_mut().insert(ConnectInfo(peer));
        let app = app.clone();
        async move {
            let res = app.oneshot(req).await?;
            Ok(res.map(|body| Body::new(Counted { body, _in_flight: in_flight })))
        }
    })
}

/// A response body that keeps its request counted in flight until it is done.
struct Counted {
    body: Body,
    _in_flight: InFlight,
}

impl HttpBody for Counted {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        Pin::new(&mut self.body).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.body.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.body.size_hint()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_refusal_declares_its_length() {
        let text = std::str::from_utf8(super::REFUSED).unwrap();
        let (head, body) = text.split_once("\r\n\r\n").unwrap();
        assert!(
            head.contains(&format!("content-length: {}\r\n", body.len())) || head.ends_with(&format!("content-length: {}", body.len()))
        );
        let p: serde_json::Value = serde_json::from_str(body).unwrap();
        assert_eq!(p["type"], "/problems/unavailable");
    }

    use super::*;

    #[tokio::test]
    async fn idleness_counts_from_the_last_request_done() {
        let activity = Activity::default();
        let period = Duration::from_millis(200);
        let guard = activity.begin();
        let waiter = tokio::spawn({
            let activity = activity.clone();
            async move { activity.idle_for(period).await }
        });
        tokio::time::sleep(Duration::from_millis(500)).await;
        assert!(!waiter.is_finished(), "idle while a request was in flight");
        let done = tokio::time::Instant::now();
        drop(guard);
        // a request that comes and goes within the period starts it again
        tokio::time::sleep(Duration::from_millis(100)).await;
        drop(activity.begin());
        waiter.await.unwrap();
        let waited = done.elapsed();
        assert!(waited >= Duration::from_millis(300) && waited < Duration::from_millis(1000), "idle after {waited:?}");
    }

    #[tokio::test]
    async fn the_first_bytes_tell_the_protocol() {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        for (sent, want) in [
            (&b"GET / HTTP/1.1\r\n"[..], Some(Protocol::Http1)),
            (b"P", None),
            (b"PRI * HTTP/2.0\r\n", None),
            (b"POST", Some(Protocol::Http1)),
            (H2_PREFACE, Some(Protocol::Http2)),
            (b"", None),
        ] {
            let mut client = TcpStream::connect(addr).await.unwrap();
            let (server, _) = listener.accept().await.unwrap();
            client.write_all(sent).await.unwrap();
            assert_eq!(first_bytes(&server, Duration::from_millis(300)).await, want, "{}", String::from_utf8_lossy(sent));
        }
    }
}

//! Shared by the HTTP test suites (`mod common;`): the server started in-process on
//! 127.0.0.1:0 exactly as `hadath serve` runs it, the binary started as a child process,
//! and raw HTTP/1.1 exchanges over a socket for what a client library would hide.
//! Each suite uses a part of it, so the rest is dead code there.
#![allow(dead_code)]

use hadath::http::{AppState, serve};
use hadath::pipeline::Pipeline;
use serde_json::Value;
use std::io::{Read, Write};
use std::sync::LazyLock;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The pipeline with the embedded lexicons, loaded once per test binary.
pub static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::load(None, 200_000).expect("embedded lexicons load"));

/// The seed article (`tests/fixtures/seed.json`).
pub static SEED: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(include_str!("../fixtures/seed.json")).expect("seed fixture"));

/// The seed article's text.
pub fn seed_text() -> String {
    SEED["text"].as_str().expect("the seed has a text").to_string()
}

/// Settings from the defaults and `env` (`HADATH_<SECTION>__<KEY>` pairs).
pub fn settings(env: &[(&str, &str)]) -> hadath::settings::Settings {
    hadath::settings::Settings::load(None, env.iter().map(|(k, v)| (k.to_string(), v.to_string()))).expect("settings")
}

/// A server in this process on a free loopback port; it stops when dropped.
pub struct Server {
    /// `http://127.0.0.1:PORT`.
    pub base: String,
    /// `127.0.0.1:PORT`.
    pub addr: String,
    /// The state the server runs with (limiter, draining flag, access …).
    pub state: AppState,
    /// Sending (or dropping) it is the shutdown signal.
    pub stop: Option<tokio::sync::oneshot::Sender<()>>,
    /// What `serve` returned.
    pub task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Server {
    /// Starts `serve` with the defaults overridden by `env`.
    pub async fn start(env: &[(&str, &str)]) -> Server {
        let state = AppState::new(PIPELINE.clone(), settings(env));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("a local address").to_string();
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(serve(listener, None, state.clone(), async move {
            let _ = rx.await;
        }));
        Server { base: format!("http://{addr}"), addr, state, stop: Some(tx), task }
    }

    /// The URL of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// One HTTP/1.1 response read off a raw connection: status, lower-cased head, body.
pub struct Raw {
    /// The status code.
    pub status: u16,
    /// The status line and headers, lower-cased.
    pub head: String,
    /// The body (`content-length` bytes).
    pub body: Vec<u8>,
}

/// Reads one response (head, then a `content-length` body) from `stream`.
pub async fn read_response(stream: &mut tokio::net::TcpStream) -> Option<Raw> {
    let mut buf = Vec::new();
    let mut byte = [0u8; 1];
    while !buf.ends_with(b"\r\n\r\n") {
        if stream.read(&mut byte).await.ok()? == 0 {
            return None;
        }
        buf.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&buf).to_ascii_lowercase();
    let status = head.get(9..12)?.parse().ok()?;
    let len = head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(0);
    let mut body = vec![0u8; len];
    stream.read_exact(&mut body).await.ok()?;
    Some(Raw { status, head, body })
}

/// Sends `request` on a new connection and reads one response.
pub async fn raw(addr: &str, request: &[u8]) -> Option<Raw> {
    let mut stream = tokio::net::TcpStream::connect(addr).await.ok()?;
    stream.write_all(request).await.ok()?;
    tokio::time::timeout(Duration::from_secs(10), read_response(&mut stream)).await.ok()?
}

/// True when `r` is a problem+json answer with `status` in its line and its body.
pub fn is_problem(r: &Raw, status: u16) -> bool {
    let body: Value = serde_json::from_slice(&r.body).unwrap_or_default();
    r.status == status && r.head.contains("content-type: application/problem+json") && body["status"] == status
}

/// A `POST path` request with a JSON `body` and `extra` header lines (each ending in CRLF).
pub fn post_json(path: &str, body: &str, extra: &str) -> Vec<u8> {
    format!("POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n{extra}\r\n{body}", body.len())
        .into_bytes()
}

/// Sends the whole request (head and body) before reading, as urllib does; what came back,
/// lower-cased. Fails on a broken pipe while sending.
pub fn send_all_then_read(addr: &str, request: Vec<u8>) -> String {
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let sent = stream.write_all(&request);
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out);
    assert!(sent.is_ok(), "broken pipe while sending: {sent:?}");
    String::from_utf8_lossy(&out).to_ascii_lowercase()
}

/// A free loopback port that no other test of this binary has been given: the port is
/// probed by binding and released for the child to bind, and the operating system may hand
/// a released port to the next probe, so two tests starting children at once could share
/// one (and one test talk to the other's server).
fn free_port() -> u16 {
    static GIVEN: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut given = GIVEN.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    loop {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        if !given.contains(&port) {
            given.push(port);
            return port;
        }
    }
}

/// The `hadath` binary, started as `hadath serve` on a free loopback port.
pub struct Child {
    /// The process.
    pub child: std::process::Child,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Child {
    /// Starts `hadath serve` under `sh -c` (for `prelude`, e.g. a ulimit) with only `env`
    /// in its environment and standard error sent to `stderr`; returns once `/healthz`
    /// answers 200.
    pub fn start(prelude: &str, env: &[(&str, &str)], stderr: std::process::Stdio) -> Child {
        let port = free_port();
        let addr = format!("127.0.0.1:{port}");
        let mut cmd = std::process::Command::new("sh");
        cmd.arg("-c")
            .arg(format!("{prelude} exec \"$0\" serve --addr {addr}"))
            .arg(env!("CARGO_BIN_EXE_hadath"))
            .env_clear()
            .stdout(std::process::Stdio::null())
            .stderr(stderr);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = cmd.spawn().expect("hadath starts");
        let mut c = Child { child, addr };
        // a debug build loads its lexicons in about 3 s, several times that on a busy machine
        let started = std::time::Instant::now();
        while started.elapsed() < Duration::from_secs(30) {
            if c.get("/healthz").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
                return c;
            }
            if let Ok(Some(status)) = c.child.try_wait() {
                panic!("the server exited before it was healthy: {status}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the server did not become healthy in {:?}", started.elapsed());
    }

    /// `GET path` on a new connection; the whole response.
    pub fn get(&self, path: &str) -> Option<String> {
        let mut conn = std::net::TcpStream::connect(&self.addr).ok()?;
        conn.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
        conn.write_all(format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").as_bytes()).ok()?;
        let mut out = String::new();
        conn.read_to_string(&mut out).ok()?;
        Some(out)
    }

    /// `POST path` with a JSON `body` on a new connection; the whole response.
    pub fn post(&self, path: &str, body: &str) -> Option<String> {
        let mut conn = std::net::TcpStream::connect(&self.addr).ok()?;
        conn.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
        conn.write_all(&post_json(path, body, "Connection: close\r\n")).ok()?;
        let mut out = Vec::new();
        conn.read_to_end(&mut out).ok()?;
        Some(String::from_utf8_lossy(&out).to_string())
    }

    /// A `/proc/PID/status` field in KiB (`VmRSS:`, `VmHWM:`), 0 when unreadable.
    pub fn status_kib(&self, field: &str) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        status.lines().find_map(|l| l.strip_prefix(field)).and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok()).unwrap_or(0)
    }

    /// SIGTERM (with the `kill` command: no unsafe code in tests), then the exit status.
    pub fn stop(mut self) -> std::process::ExitStatus {
        let _ = std::process::Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        self.child.wait().unwrap()
    }
}

/// Posts `body` to the batch route at `url` asking for NDJSON, and parses each line.
pub async fn ndjson_batch(client: &reqwest::Client, url: String, body: &Value) -> Vec<Value> {
    let text = client.post(url).header("accept", "application/x-ndjson").json(body).send().await.unwrap().text().await.unwrap();
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

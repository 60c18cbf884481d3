//! The logs of the `hadath` binary as an operator reads them: an access line per request
//! (a 401 too) with its request id, request ids on every line of an NDJSON batch, no colour
//! codes in a file, and a bad log setting refused at start-up.

mod common;

use common::Child;
use std::process::Stdio;
use std::time::Duration;

/// A file for a child's standard error, and its contents later.
struct Captured(std::path::PathBuf);

impl Captured {
    fn new(name: &str) -> Captured {
        Captured(std::env::temp_dir().join(format!("hadath-logs-{}-{name}.log", std::process::id())))
    }
    fn stdio(&self) -> Stdio {
        Stdio::from(std::fs::File::create(&self.0).unwrap())
    }
    /// The lines written so far, waiting up to 5 s for one that holds every one of `needles`.
    fn lines_with(&self, needles: &[&str]) -> Vec<String> {
        let started = std::time::Instant::now();
        loop {
            let text = std::fs::read_to_string(&self.0).unwrap_or_default();
            if text.lines().any(|l| needles.iter().all(|n| l.contains(n))) || started.elapsed() > Duration::from_secs(5) {
                return text.lines().map(str::to_string).collect();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Captured {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn request(addr: &str, raw: &str) -> String {
    use std::io::{Read, Write};
    let mut conn = std::net::TcpStream::connect(addr).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    conn.write_all(raw.as_bytes()).unwrap();
    let mut out = String::new();
    let _ = conn.read_to_string(&mut out);
    out
}

#[test]
fn a_refused_request_leaves_an_access_line_with_its_id_and_no_colour() {
    let log = Captured::new("access");
    let server = Child::start("", &[("HADATH_AUTH__API_KEYS", "secret-key")], log.stdio());
    let body = r#"{"text": "The army shelled Idlib."}"#;
    let answer = request(
        &server.addr,
        &format!(
            "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Request-Id: rid-denied-1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
    let lines = log.lines_with(&["rid-denied-1", "status=401"]);
    server.stop();
    let access = lines.iter().find(|l| l.contains("rid-denied-1") && l.contains("status=401")).unwrap_or_else(|| panic!("{lines:#?}"));
    for field in ["method=POST", "route=/v1/extract", "latency_ms=", "bytes=", " INFO "] {
        assert!(access.contains(field), "{field} missing: {access}");
    }
    assert!(!access.contains("Idlib"), "the text never reaches the log");
    assert!(lines.iter().all(|l| !l.contains('\u{1b}')), "colour codes in a file");
}

#[test]
fn every_line_of_an_ndjson_batch_carries_the_request_id() {
    let log = Captured::new("ndjson");
    let server = Child::start("", &[("HADATH_LOG__FORMAT", "json")], log.stdio());
    let body = r#"{"items": [{"text": "Rebels attacked a convoy near Aleppo."}, {"text": "Talks resumed in Geneva."}, {"text": ""}]}"#;
    let answer = request(
        &server.addr,
        &format!(
            "POST /v1/extract/batch HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAccept: application/x-ndjson\r\nX-Request-Id: rid-ndjson-1\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        ),
    );
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    let lines = log.lines_with(&["rid-ndjson-1", "access"]);
    server.stop();
    let items: Vec<&String> = lines.iter().filter(|l| l.contains("\"extracted\"") || l.contains("\"rejected\"")).collect();
    assert_eq!(items.len(), 3, "{lines:#?}");
    for l in items {
        let v: serde_json::Value = serde_json::from_str(l).unwrap();
        assert_eq!(v["span"]["request_id"], "rid-ndjson-1", "{l}");
    }
    assert!(lines.iter().any(|l| l.contains("rid-ndjson-1") && l.contains("\"access\"")));
}

#[test]
fn a_bad_log_level_stops_start_up_with_a_message() {
    for (key, value) in [("HADATH_LOG__LEVEL", "verbose"), ("RUST_LOG", "loud"), ("HADATH_LOG__FORMAT", "xml")] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hadath"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .env_clear()
            .env(key, value)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{key}={value}: {stderr}");
        assert!(stderr.contains(value), "{key}={value}: the message names the value: {stderr}");
    }
}

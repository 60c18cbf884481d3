//! Bounded work, memory and connections, over a real socket: deadlines that free the worker,
//! capped answers, admission before the body, a log sink that cannot fail, caught panics,
//! connection caps and idle timeouts, header caps (a readable problem+json 431 however large
//! an HTTP/1.1 head), HTTP/2 (pings, idle and silent connections closed, capped header lists,
//! the protocol layer's bare 431 past twice the cap),
//! readable early answers, trusted proxies,
//! bounded metrics and the small items (408 problem, Host, grace period, request ids).

mod common;

use common::{Child, SEED, Server, is_problem, post_json, raw, read_response, send_all_then_read};
use hadath::settings::Settings;
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[tokio::test]
async fn a_long_job_is_stopped_at_its_budget_while_others_are_served() {
    let s = Server::start(&[("HADATH_LIMITS__MAX_EXTRACTION_MS", "50"), ("HADATH_SERVER__WORKERS", "2")]).await;
    let c = reqwest::Client::new();
    // the seed article over and over, near the text limit: far more than 50 ms of work
    let seed = SEED["text"].as_str().unwrap();
    let long = seed.repeat(190_000 / seed.chars().count());
    let started = Instant::now();
    let slow = tokio::spawn({
        let (c, url) = (c.clone(), s.url("/v1/extract"));
        async move { c.post(url).json(&json!({"text": long})).send().await.unwrap() }
    });
    tokio::time::sleep(Duration::from_millis(20)).await;
    // the quickest of three normal requests (the other tests of this binary share the two
    // cores, so a single one may wait for the processor, not for the long job)
    let mut quickest = Duration::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let ok = c.post(s.url("/v1/extract")).json(&json!({"text": "Troops shelled Idlib on Monday."})).send().await.unwrap();
        assert_eq!(ok.status(), 200);
        quickest = quickest.min(t.elapsed());
    }
    assert!(quickest < Duration::from_secs(1), "a normal request took {quickest:?} next to the long one");
    let res = slow.await.unwrap();
    assert_eq!(res.status(), 408);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    // the stages check the budget: the job stops soon after it, not when it would have ended
    assert!(started.elapsed() < Duration::from_secs(2), "answered after {:?}", started.elapsed());
    let max = s.state.settings.server.max_concurrency;
    let freed = Instant::now();
    while s.state.limiter.available_permits() < max && freed.elapsed() < Duration::from_secs(2) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(s.state.limiter.available_permits(), max, "the stopped job still holds its permit");
}

#[tokio::test]
async fn answers_are_capped_and_marked_truncated() {
    let s = Server::start(&[("HADATH_LIMITS__MAX_EVENTS", "2"), ("HADATH_LIMITS__MAX_QUOTES", "1"), ("HADATH_LIMITS__MAX_ENTITIES", "3")])
        .await;
    let c = reqwest::Client::new();
    let text = SEED["text"].as_str().unwrap();
    let v: Value = c.post(s.url("/v1/extract")).json(&json!({"text": text})).send().await.unwrap().json().await.unwrap();
    assert_eq!(v["truncated"], true);
    assert_eq!(v["events"].as_array().unwrap().len(), 2);
    assert_eq!(v["quotes"].as_array().unwrap().len(), 1);
    assert_eq!(v["entities"].as_array().unwrap().len(), 3);
    // every reference left points at something in the answer
    let ids: Vec<&Value> = v["entities"].as_array().unwrap().iter().map(|e| &e["id"]).collect();
    let events: Vec<&Value> = v["events"].as_array().unwrap().iter().map(|e| &e["id"]).collect();
    for e in v["events"].as_array().unwrap() {
        for a in e["actors"].as_array().unwrap() {
            assert!(a["entity"].is_null() || ids.contains(&&a["entity"]), "{a}");
        }
        assert!(e["location"]["entity"].is_null() || ids.contains(&&e["location"]["entity"]));
        assert!(e["cause"].is_null() || events.contains(&&e["cause"]));
    }
    let info: Value = c.get(s.url("/v1/info")).send().await.unwrap().json().await.unwrap();
    assert_eq!((info["max_events"].as_u64(), info["max_quotes"].as_u64(), info["max_entities"].as_u64()), (Some(2), Some(1), Some(3)));
    let doc: Value = c.get(s.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(doc["components"]["schemas"]["Answer"].to_string().contains("truncated"), "{}", doc["components"]["schemas"]["Answer"]);
    assert!(doc["paths"]["/v1/extract"]["post"]["responses"]["200"].to_string().contains("Answer"));
    assert!(doc["components"]["schemas"]["Info"]["properties"]["max_quotes"].is_object());
    // batches and NDJSON lines carry the flag too; an answer under the caps has none
    let mut lines = common::ndjson_batch(&c, s.url("/v1/extract/batch"), &json!([{"text": text}, {"text": "Troops shelled Idlib."}])).await;
    lines.sort_by_key(|l| l["index"].as_u64());
    assert_eq!(lines[0]["truncated"], true);
    assert!(lines[1].get("truncated").is_none(), "{}", lines[1]);
}

#[tokio::test]
async fn admission_comes_before_the_body_is_parsed() {
    let s = Server::start(&[("HADATH_SERVER__MAX_CONCURRENCY", "1")]).await;
    let held = s.state.limiter.clone().try_acquire_owned().unwrap();
    // malformed JSON: at the limit it is not even parsed (503, not 400), and the unread body
    // is drained so that the client reads the answer
    for path in ["/v1/extract", "/v1/extract/batch"] {
        let r = raw(&s.addr, &post_json(path, &"[{\"a\":1},".repeat(20_000), "")).await.expect("answered");
        assert!(is_problem(&r, 503), "{path}: {} {}", r.status, r.head);
        assert!(r.head.contains("retry-after: 1"));
        assert!(r.head.contains("connection: close"), "{}", r.head);
    }
    drop(held);
    let r = raw(&s.addr, &post_json("/v1/extract", "{\"text\": ", "")).await.unwrap();
    assert!(is_problem(&r, 400));
    // a batch holds one permit for all its items
    let c = reqwest::Client::new();
    let items: Vec<Value> = (0..5).map(|i| json!({"text": format!("Troops shelled Idlib {i} times.")})).collect();
    let v: Vec<Value> = c.post(s.url("/v1/extract/batch")).json(&items).send().await.unwrap().json().await.unwrap();
    assert!(v.iter().all(|x| x["language"] == "en"), "{v:?}");
    assert_eq!(s.state.limiter.available_permits(), 1);
}

#[tokio::test]
async fn a_huge_batch_of_tiny_objects_is_refused_without_building_it() {
    let s = Server::start(&[]).await;
    let body = format!("[{}]", vec!["{\"a\":1}"; 500_000].join(","));
    assert!(body.len() < 4 * 1024 * 1024);
    let r = raw(&s.addr, &post_json("/v1/extract/batch", &body, "")).await.expect("answered");
    assert!(is_problem(&r, 422), "{}", r.status);
    let p: Value = serde_json::from_slice(&r.body).unwrap();
    assert!(p["detail"].as_str().unwrap().contains("500000 items"), "{p}");
    let wrapped = format!("{{\"items\": {body}, \"x\": 1}}");
    let r = raw(&s.addr, &post_json("/v1/extract/batch", &wrapped, "")).await.expect("answered");
    assert!(is_problem(&r, 422), "{}", r.status);
    let r = raw(&s.addr, &post_json("/v1/extract/batch", "{\"items\": 5}", "")).await.unwrap();
    assert!(is_problem(&r, 400));
}

async fn boom() -> &'static str {
    panic!("handler bug")
}

#[tokio::test]
async fn a_panic_is_a_problem_500_and_the_connection_stays_open() {
    use axum::routing::get;
    let settings = Settings::load(None, Vec::<(String, String)>::new()).unwrap();
    let app = axum::Router::new().route("/boom", get(boom)).route("/fine", get(|| async { "fine" }));
    let app = hadath::http::layered(app, &settings);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(b"GET /boom HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let r = read_response(&mut stream).await.expect("a response, not a dropped connection");
    assert!(is_problem(&r, 500), "{} {}", r.status, r.head);
    stream.write_all(b"GET /fine HTTP/1.1\r\nHost: x\r\n\r\n").await.unwrap();
    let r = read_response(&mut stream).await.expect("the same connection serves on");
    assert_eq!((r.status, r.body.as_slice()), (200, b"fine".as_slice()));
}

#[tokio::test]
async fn connections_over_the_cap_are_refused_and_silent_ones_are_closed() {
    let s = Server::start(&[("HADATH_SERVER__MAX_CONNECTIONS", "20"), ("HADATH_SERVER__IDLE_TIMEOUT_SECS", "1")]).await;
    let mut silent = Vec::new();
    for _ in 0..20 {
        silent.push(tokio::net::TcpStream::connect(&s.addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    // over the cap: refused at accept with a 503
    let mut extra = tokio::net::TcpStream::connect(&s.addr).await.unwrap();
    let mut got = Vec::new();
    tokio::time::timeout(Duration::from_secs(2), extra.read_to_end(&mut got)).await.expect("closed at once").ok();
    assert!(String::from_utf8_lossy(&got).starts_with("HTTP/1.1 503"), "{}", String::from_utf8_lossy(&got));
    // the silent ones are closed after the idle timeout (counted from accept) ...
    let t = Instant::now();
    for conn in &mut silent {
        let mut b = [0u8; 1];
        let n = tokio::time::timeout(Duration::from_secs(3), conn.read(&mut b)).await.expect("closed by the server");
        assert!(matches!(n, Ok(0) | Err(_)));
    }
    assert!(t.elapsed() < Duration::from_millis(2500), "{:?}", t.elapsed());
    // ... and the server serves again
    assert_eq!(reqwest::get(s.url("/healthz")).await.unwrap().status(), 200);
}

#[tokio::test]
async fn head_size_cap_and_host_required() {
    let s = Server::start(&[]).await;
    let big = format!("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(70_000));
    let r = raw(&s.addr, big.as_bytes()).await.expect("answered");
    assert!(is_problem(&r, 431), "{} {}", r.status, r.head);
    assert!(r.head.contains("connection: close"));
    let ok = format!("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(30_000));
    assert_eq!(raw(&s.addr, ok.as_bytes()).await.unwrap().status, 200);
    let r = raw(&s.addr, b"GET /healthz HTTP/1.1\r\n\r\n").await.unwrap();
    assert!(is_problem(&r, 400), "{}", r.status);
    let r = raw(&s.addr, b"GET /healthz HTTP/1.0\r\n\r\n").await.unwrap();
    assert_eq!(r.status, 200, "HTTP/1.0 needs no Host");
}

/// Status, head and problem document of an answer read by [`send_all_then_read`].
fn problem_in(answer: &str) -> (u16, &str, Value) {
    let (head, body) = answer.split_once("\r\n\r\n").unwrap_or((answer, ""));
    let status = head.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, head, serde_json::from_str(body).unwrap_or_default())
}

#[tokio::test]
async fn every_head_over_the_cap_gets_a_readable_problem() {
    let s = Server::start(&[]).await;
    let addr = s.addr.clone();
    let answers = tokio::task::spawn_blocking(move || {
        let mut answers = Vec::new();
        // from just over the cap (measured by the head check) to far beyond what hyper
        // buffers, each sent whole before reading, as urllib does
        for size in [70_000, 130_000, 200_000, 400_000, 1_000_000] {
            let head = format!("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: {}\r\n\r\n", "a".repeat(size));
            answers.push((format!("{size}-byte header"), 431, send_all_then_read(&addr, head.into_bytes())));
        }
        let many: String = (0..150).map(|i| format!("X-F{i}: v\r\n")).collect();
        answers.push((
            "150 fields".into(),
            431,
            send_all_then_read(&addr, format!("GET /healthz HTTP/1.1\r\nHost: x\r\n{many}\r\n").into_bytes()),
        ));
        // a head over the cap with a body behind it
        let mut with_body = post_json("/v1/extract", &"b".repeat(1_000_000), &format!("X-Big: {}\r\n", "a".repeat(200_000))).to_vec();
        with_body.extend_from_slice(b"trailing bytes the server never reads as a request");
        answers.push(("200 KB head and a 1 MB body".into(), 431, send_all_then_read(&addr, with_body)));
        let long_target = format!("GET /healthz?q={} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(100_000));
        answers.push(("100 KB target".into(), 414, send_all_then_read(&addr, long_target.into_bytes())));
        answers
    })
    .await
    .unwrap();
    for (what, want, answer) in &answers {
        let (status, head, p) = problem_in(answer);
        assert_eq!(status, *want, "{what}: {}", &answer[..answer.len().min(300)]);
        assert!(head.contains("content-type: application/problem+json") && head.contains("connection: close"), "{what}: {head}");
        assert_eq!(p["status"], *want, "{what}: {p}");
    }
    assert_eq!(reqwest::get(s.url("/healthz")).await.unwrap().status(), 200);
    let metrics = reqwest::get(s.url("/metrics")).await.unwrap().text().await.unwrap();
    assert!(metrics.lines().any(|l| l.contains("route=\"unparsed\"") && l.contains("status=\"431\"")), "hyper's 431s are counted");
}

// ---- HTTP/2 (prior knowledge, as gRPC-style clients and proxies speak it) ----

type H2Body = http_body_util::combinators::BoxBody<hyper::body::Bytes, std::convert::Infallible>;

/// An HTTP/2 connection from hyper's client (which answers pings): the request sender and
/// the connection's task, which ends when the server closes the connection.
async fn h2_connect(addr: &str) -> (hyper::client::conn::http2::SendRequest<H2Body>, tokio::task::JoinHandle<Result<(), hyper::Error>>) {
    use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
    let stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let (send, conn) = hyper::client::conn::http2::Builder::new(TokioExecutor::new())
        .timer(TokioTimer::new())
        .handshake(TokioIo::new(stream))
        .await
        .expect("HTTP/2 handshake");
    (send, tokio::spawn(conn))
}

fn h2_request(method: &str, path: &str, headers: &[(&str, &str)], body: H2Body) -> hyper::Request<H2Body> {
    let mut req = hyper::Request::builder().method(method).uri(format!("http://x{path}"));
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    req.body(body).unwrap()
}

fn full(body: impl Into<hyper::body::Bytes>) -> H2Body {
    use http_body_util::BodyExt;
    http_body_util::Full::new(body.into()).boxed()
}

async fn h2_send(send: &mut hyper::client::conn::http2::SendRequest<H2Body>, req: hyper::Request<H2Body>) -> (u16, String, Value) {
    use http_body_util::BodyExt;
    let res = tokio::time::timeout(Duration::from_secs(10), send.send_request(req)).await.expect("answered").expect("a response");
    let status = res.status().as_u16();
    let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let body = res.into_body().collect().await.unwrap().to_bytes();
    (status, ct, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn http2_is_served_with_heads_capped_like_http1() {
    let s = Server::start(&[]).await;
    let (mut send, _conn) = h2_connect(&s.addr).await;
    let (status, _, _) = h2_send(&mut send, h2_request("GET", "/healthz", &[], full(""))).await;
    assert_eq!(status, 200);
    let article = json!({"text": "Officials said the airstrike killed 12 people in Mosul."}).to_string();
    let (status, _, v) =
        h2_send(&mut send, h2_request("POST", "/v1/extract", &[("content-type", "application/json")], full(article))).await;
    assert_eq!(status, 200);
    assert_eq!(v["language"], "en", "{v}");
    // over the cap: the head check's problem, on the same connection
    let big = "a".repeat(100_000);
    let (status, ct, p) = h2_send(&mut send, h2_request("GET", "/healthz", &[("x-big", &big)], full(""))).await;
    assert_eq!((status, ct.as_str(), &p["status"]), (431, "application/problem+json", &json!(431)), "{p}");
    let (status, _, _) = h2_send(&mut send, h2_request("GET", "/healthz", &[], full(""))).await;
    assert_eq!(status, 200, "the connection serves on");
}

/// What a client gets for a request on an HTTP/2 connection: the status, content type and
/// body length of the answer, or the error that stood for it.
async fn h2_outcome(
    send: &mut hyper::client::conn::http2::SendRequest<H2Body>,
    req: hyper::Request<H2Body>,
) -> Result<(u16, String, usize), String> {
    use http_body_util::BodyExt;
    let res = tokio::time::timeout(Duration::from_secs(10), send.send_request(req)).await.expect("answered").map_err(|e| e.to_string())?;
    let status = res.status().as_u16();
    let ct = res.headers().get("content-type").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    let body = res.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
    Ok((status, ct, body.len()))
}

/// Past twice `max_header_bytes` an HTTP/2 header list is refused inside the HTTP/2 library,
/// before the request exists for the service: its own 431, a HEADERS frame with no body (so
/// no problem+json, as docs/errors.md says), and the connection serves on.
#[tokio::test]
async fn http2_header_lists_past_twice_the_cap_get_the_protocol_layers_bare_431() {
    let s = Server::start(&[]).await;
    let (mut send, _conn) = h2_connect(&s.addr).await;
    // 200 fields of 1 KB, then one field of 300 KB: both over the 128 KiB the server announces
    let value = "v".repeat(1000);
    let names: Vec<String> = (0..200).map(|i| format!("x-field-{i}")).collect();
    let many: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), value.as_str())).collect();
    let huge = "a".repeat(300_000);
    for (what, fields) in [("200 fields of 1 KB", many), ("one 300 KB field", vec![("x-big", huge.as_str())])] {
        let outcome = h2_outcome(&mut send, h2_request("GET", "/healthz", &fields, full(""))).await;
        assert_eq!(outcome, Ok((431, String::new(), 0)), "{what}: the bare 431 of the HTTP/2 library");
        let (status, _, _) = h2_send(&mut send, h2_request("GET", "/healthz", &[], full(""))).await;
        assert_eq!(status, 200, "{what}: the connection serves on");
    }
}

#[tokio::test]
async fn silent_http2_connections_are_pinged_then_closed() {
    let s = Server::start(&[
        ("HADATH_SERVER__HTTP2_KEEP_ALIVE_INTERVAL_SECS", "1"),
        ("HADATH_SERVER__HTTP2_KEEP_ALIVE_TIMEOUT_SECS", "1"),
        // long enough that only the unanswered ping can close this connection
        ("HADATH_SERVER__HEADER_READ_TIMEOUT_SECS", "30"),
    ])
    .await;
    let mut stream = tokio::net::TcpStream::connect(&s.addr).await.unwrap();
    // the preface and an empty SETTINGS frame; then nothing: no ACK, no ping answered
    stream.write_all(b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n").await.unwrap();
    stream.write_all(&[0, 0, 0, 4, 0, 0, 0, 0, 0]).await.unwrap();
    let started = Instant::now();
    let mut pinged = None;
    let closed = loop {
        let mut head = [0u8; 9];
        match tokio::time::timeout(Duration::from_secs(10), stream.read_exact(&mut head)).await {
            Err(_) => break None,
            Ok(Err(_)) => break Some(started.elapsed()),
            Ok(Ok(_)) => {}
        }
        let len = usize::from(head[0]) << 16 | usize::from(head[1]) << 8 | usize::from(head[2]);
        let mut payload = vec![0u8; len];
        if stream.read_exact(&mut payload).await.is_err() {
            break Some(started.elapsed());
        }
        // type 6 is PING; flag 1 would be an ACK
        if head[3] == 6 && head[4] & 1 == 0 && pinged.is_none() {
            pinged = Some(started.elapsed());
        }
    };
    let pinged = pinged.expect("the server pinged the silent connection");
    assert!(pinged >= Duration::from_millis(800) && pinged < Duration::from_millis(2500), "pinged after {pinged:?}");
    let closed = closed.expect("the server closed the silent connection");
    assert!(closed < Duration::from_secs(5), "closed after {closed:?}");
}

#[tokio::test]
async fn idle_http2_connections_are_closed_and_busy_ones_are_not() {
    use http_body_util::BodyExt;
    let s =
        Server::start(&[("HADATH_SERVER__HEADER_READ_TIMEOUT_SECS", "1"), ("HADATH_SERVER__HTTP2_KEEP_ALIVE_INTERVAL_SECS", "1")]).await;
    let (mut send, conn) = h2_connect(&s.addr).await;
    // a request whose body takes longer than the idle period is not cut off
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<hyper::body::Frame<hyper::body::Bytes>, std::convert::Infallible>>(8);
    let article = json!({"text": "Officials said the airstrike killed 12 people in Mosul."}).to_string().into_bytes();
    tokio::spawn(async move {
        for piece in article.chunks(article.len().div_ceil(5)) {
            tokio::time::sleep(Duration::from_millis(400)).await;
            let _ = tx.send(Ok(hyper::body::Frame::data(hyper::body::Bytes::copy_from_slice(piece)))).await;
        }
    });
    let body = http_body_util::StreamBody::new(tokio_stream::wrappers::ReceiverStream::new(rx)).boxed();
    let (status, _, v) = h2_send(&mut send, h2_request("POST", "/v1/extract", &[("content-type", "application/json")], body)).await;
    assert_eq!(status, 200, "{v}");
    // then, with no request in flight (and the client answering pings), it is closed
    let idle = Instant::now();
    let ended = tokio::time::timeout(Duration::from_secs(5), conn).await;
    assert!(ended.is_ok(), "the idle connection was still open after 5 s");
    assert!(idle.elapsed() >= Duration::from_millis(800), "closed after {:?}, before the idle period", idle.elapsed());
}

#[tokio::test]
async fn early_answers_are_readable_by_clients_that_send_everything_first() {
    let s = Server::start(&[]).await;
    let k = Server::start(&[("HADATH_AUTH__API_KEYS", "k1")]).await;
    let body = format!("{{\"text\": \"{}\"}}", "a".repeat(4_500_000));
    let (addr, kaddr) = (s.addr.clone(), k.addr.clone());
    let out = tokio::task::spawn_blocking(move || {
        let too_large = send_all_then_read(&addr, post_json("/v1/extract", &body, ""));
        let chunked = {
            let mut r =
                b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
            for _ in 0..5 {
                r.extend_from_slice(format!("100000\r\n{}\r\n", "a".repeat(0x100000)).as_bytes());
            }
            r.extend_from_slice(b"0\r\n\r\n");
            send_all_then_read(&addr, r)
        };
        let unauthorized = send_all_then_read(&kaddr, post_json("/v1/extract", &format!("{{\"text\": \"{}\"}}", "b".repeat(200_000)), ""));
        (too_large, chunked, unauthorized)
    })
    .await
    .unwrap();
    for (name, got, status) in [("content-length", &out.0, "413"), ("chunked", &out.1, "413"), ("no key", &out.2, "401")] {
        assert!(got.starts_with(&format!("http/1.1 {status}")), "{name}: {}", &got[..got.len().min(200)]);
        assert!(got.contains("connection: close"), "{name}: {got}");
    }
}

#[tokio::test]
async fn forwarded_for_is_read_from_the_right_and_limiter_state_is_bounded() {
    let s = Server::start(&[
        ("HADATH_AUTH__REQUESTS_PER_MINUTE", "60"),
        ("HADATH_AUTH__BURST", "5"),
        ("HADATH_AUTH__TRUST_FORWARDED_FOR", "true"),
        ("HADATH_AUTH__MAX_TRACKED_CLIENTS", "10"),
    ])
    .await;
    let c = reqwest::Client::new();
    let body = json!({"text": "Troops shelled Idlib."});
    let mut passed = 0;
    for i in 0..20 {
        // the client writes the leftmost entries; the gateway appends the address it saw
        let xff = format!("198.51.100.{i}, {}, 203.0.113.7", "x".repeat(1000));
        let res = c.post(s.url("/v1/extract")).header("x-forwarded-for", xff).json(&body).send().await.unwrap();
        passed += usize::from(res.status() == 200);
    }
    assert!((5..=6).contains(&passed), "{passed} of 20 passed a burst of 5");
    for i in 0..100 {
        let xff = format!("203.0.113.{i}");
        c.post(s.url("/v1/extract")).header("x-forwarded-for", xff).json(&body).send().await.unwrap();
    }
    assert!(s.state.access.tracked_clients() <= 11, "{} clients tracked", s.state.access.tracked_clients());
    // behind a chain of trusted proxies, their entries are skipped
    let p = Server::start(&[
        ("HADATH_AUTH__REQUESTS_PER_MINUTE", "60"),
        ("HADATH_AUTH__BURST", "2"),
        ("HADATH_AUTH__TRUST_FORWARDED_FOR", "true"),
        ("HADATH_AUTH__TRUSTED_PROXIES", "127.0.0.0/8,10.0.0.0/8"),
    ])
    .await;
    let statuses: Vec<u16> =
        futures::future::join_all((0..4).map(|i| {
            c.post(p.url("/v1/extract")).header("x-forwarded-for", format!("6.6.6.{i}, 203.0.113.9, 10.1.1.1")).json(&body).send()
        }))
        .await
        .into_iter()
        .map(|r| r.unwrap().status().as_u16())
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == 429).count(), 2, "{statuses:?}");
}

#[tokio::test]
async fn batch_items_count_against_the_rate_limit() {
    let s = Server::start(&[("HADATH_AUTH__REQUESTS_PER_MINUTE", "60"), ("HADATH_AUTH__BURST", "5")]).await;
    let c = reqwest::Client::new();
    let items: Vec<Value> = (0..5).map(|_| json!({"text": "Troops shelled Idlib."})).collect();
    assert_eq!(c.post(s.url("/v1/extract/batch")).json(&items).send().await.unwrap().status(), 200);
    let res = c.post(s.url("/v1/extract")).json(&json!({"text": "Troops shelled Idlib."})).send().await.unwrap();
    assert_eq!(res.status(), 429, "a batch of 5 used the burst of 5");
}

#[tokio::test]
async fn invented_methods_add_no_series() {
    let s = Server::start(&[]).await;
    let mut stream = tokio::net::TcpStream::connect(&s.addr).await.unwrap();
    for i in 0..1000 {
        stream.write_all(format!("INVENTED{i} /v1/info HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes()).await.unwrap();
        let r = read_response(&mut stream).await.expect("answered on the same connection");
        assert!(r.status >= 400 && r.status < 500, "{}", r.status);
    }
    let metrics = reqwest::get(s.url("/metrics")).await.unwrap().text().await.unwrap();
    let series: Vec<&str> = metrics.lines().filter(|l| l.starts_with("hadath_http_requests_total{")).collect();
    assert!(!metrics.contains("INVENTED"), "an invented method became a label");
    assert!(series.iter().any(|l| l.contains("method=\"other\"")), "{series:?}");
}

#[tokio::test]
async fn timeouts_are_problems_and_long_request_ids_are_replaced() {
    let s = Server::start(&[("HADATH_SERVER__REQUEST_TIMEOUT_SECS", "1")]).await;
    // a body that never completes: 408 problem+json after the request timeout
    let mut stream = tokio::net::TcpStream::connect(&s.addr).await.unwrap();
    stream
        .write_all(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te")
        .await
        .unwrap();
    let r = tokio::time::timeout(Duration::from_secs(5), read_response(&mut stream)).await.unwrap().expect("answered");
    assert!(is_problem(&r, 408), "{} {}", r.status, r.head);
    let c = reqwest::Client::new();
    let long = "r".repeat(200);
    let res = c.get(s.url("/healthz")).header("x-request-id", &long).send().await.unwrap();
    let id = res.headers()["x-request-id"].to_str().unwrap();
    assert!(id != long && id.len() <= 128, "{id}");
    let fine = "f".repeat(128);
    let res = c.get(s.url("/healthz")).header("x-request-id", &fine).send().await.unwrap();
    assert_eq!(res.headers()["x-request-id"], fine.as_str());
}

#[tokio::test]
async fn the_grace_period_ending_with_requests_in_flight_is_an_error() {
    let mut s = Server::start(&[("HADATH_SERVER__GRACE_PERIOD_SECS", "1")]).await;
    let mut stream = tokio::net::TcpStream::connect(&s.addr).await.unwrap();
    stream
        .write_all(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"te")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    s.stop.take().unwrap().send(()).unwrap();
    let done = tokio::time::timeout(Duration::from_secs(5), &mut s.task).await.expect("serve returns after the grace period");
    assert!(matches!(done, Ok(Err(_))), "serve must report the requests cut off");
}

// ---- the binary itself: standard error, file-descriptor limits, memory ----

#[test]
fn the_server_keeps_serving_with_standard_error_full_or_closed() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").expect("/dev/full");
    let on_full = Child::start("", &[("HADATH_LOG__LEVEL", "debug")], full.into());
    let mut on_closed = Child::start("", &[("HADATH_LOG__LEVEL", "debug")], std::process::Stdio::piped());
    drop(on_closed.child.stderr.take());
    for server in [&on_full, &on_closed] {
        for _ in 0..5 {
            let out =
                server.post("/v1/extract", r#"{"text": "Officials said the airstrike killed 12 people in Mosul."}"#).expect("answered");
            assert!(out.starts_with("HTTP/1.1 200"), "{out}");
        }
        let metrics = server.get("/metrics").unwrap();
        let failures = metrics.lines().find(|l| l.starts_with("hadath_log_write_failures_total")).expect("the failures are counted");
        assert!(!failures.ends_with(" 0"), "{failures}");
    }
    assert!(on_full.stop().success());
    assert!(on_closed.stop().success());
}

#[test]
fn silent_connections_under_a_low_descriptor_limit_leave_health_answering() {
    let server = Child::start("ulimit -n 256;", &[("HADATH_SERVER__IDLE_TIMEOUT_SECS", "1")], std::process::Stdio::null());
    let silent: Vec<std::net::TcpStream> = (0..300).filter_map(|_| std::net::TcpStream::connect(&server.addr).ok()).collect();
    assert!(silent.len() > 256);
    let t = Instant::now();
    let mut healthy = false;
    while t.elapsed() < Duration::from_secs(4) {
        if server.get("/healthz").is_some_and(|r| r.starts_with("HTTP/1.1 200")) {
            healthy = true;
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(healthy, "/healthz did not answer with {} silent connections open", silent.len());
    drop(silent);
    assert!(server.stop().success());
}

#[test]
fn a_four_megabyte_batch_of_tiny_objects_keeps_memory_low() {
    let server = Child::start("", &[], std::process::Stdio::null());
    let body = format!("[{}]", vec!["{\"a\":1}"; 520_000].join(","));
    let before = server.status_kib("VmRSS:");
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let (addr, body) = (server.addr.clone(), body.clone());
            std::thread::spawn(move || send_all_then_read(&addr, post_json("/v1/extract/batch", &body, "Connection: close\r\n")))
        })
        .collect();
    for t in threads {
        assert!(t.join().unwrap().starts_with("http/1.1 422"));
    }
    let peak = server.status_kib("VmHWM:");
    std::thread::sleep(Duration::from_millis(1500));
    let after = server.status_kib("VmRSS:");
    eprintln!("RSS before {before} KiB, peak {peak} KiB, after {after} KiB");
    assert!(peak < 200 * 1024, "peak RSS {peak} KiB");
    assert!(after < before + 40 * 1024, "RSS grew from {before} to {after} KiB");
    assert!(server.stop().success());
}

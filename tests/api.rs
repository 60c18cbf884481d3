//! HTTP tests against a real socket: the server is started on 127.0.0.1:0 for each test,
//! exactly as `hadath serve` runs it.

mod common;

use common::{Child, Server, seed_text};
use serde_json::{Value, json};
use std::sync::atomic::Ordering;

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

/// Slices `text` by `start..end` counted in `unit`.
fn slice(text: &str, start: usize, end: usize, unit: &str) -> String {
    match unit {
        "bytes" => text.get(start..end).expect("byte span on char boundaries").to_string(),
        "utf16" => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("utf16 span on boundaries")
        }
        _ => text.chars().skip(start).take(end - start).collect(),
    }
}

/// Every object with text/start/end in `v` must slice exactly.
fn check_spans(v: &Value, text: &str, unit: &str, checked: &mut usize) {
    match v {
        Value::Object(o) => {
            if let (Some(Value::String(t)), Some(s), Some(e)) =
                (o.get("text"), o.get("start").and_then(Value::as_u64), o.get("end").and_then(Value::as_u64))
            {
                assert_eq!(&slice(text, s as usize, e as usize, unit), t, "span {s}..{e} in {unit}");
                *checked += 1;
            }
            for x in o.values() {
                check_spans(x, text, unit, checked);
            }
        }
        Value::Array(a) => a.iter().for_each(|x| check_spans(x, text, unit, checked)),
        _ => {}
    }
}

async fn problem(res: reqwest::Response, status: u16) -> Value {
    assert_eq!(res.status().as_u16(), status);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["status"], status);
    assert!(p["title"].is_string() && p["detail"].is_string() && p["type"].is_string());
    p
}

#[tokio::test]
async fn health_readiness_and_draining() {
    let s = Server::start(&[]).await;
    let c = client();
    assert_eq!(c.get(s.url("/healthz")).send().await.unwrap().status(), 200);
    assert_eq!(c.get(s.url("/readyz")).send().await.unwrap().status(), 200);
    s.state.draining.store(true, Ordering::SeqCst);
    let res = c.get(s.url("/readyz")).send().await.unwrap();
    problem(res, 503).await;
    assert_eq!(c.get(s.url("/healthz")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn graceful_shutdown_returns() {
    let mut s = Server::start(&[]).await;
    s.stop.take().unwrap().send(()).unwrap();
    let done = tokio::time::timeout(std::time::Duration::from_secs(10), &mut s.task).await;
    assert!(matches!(done, Ok(Ok(Ok(())))), "server did not stop cleanly");
    assert!(s.state.draining.load(Ordering::SeqCst));
}

#[tokio::test]
async fn extract_seed_spans_slice_in_every_unit() {
    let s = Server::start(&[]).await;
    let text = seed_text();
    for unit in ["chars", "utf16", "bytes"] {
        let res = client()
            .post(s.url("/v1/extract"))
            .json(&json!({"text": text, "id": "seed", "published_at": "2023-11-15", "offsets": unit}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["id"], "seed");
        assert_eq!(v["language"], "ar");
        assert_eq!(v["offsets"], unit);
        assert!(v["events"].as_array().unwrap().len() >= 6);
        assert!(v["quotes"].as_array().unwrap().len() >= 19);
        let mut checked = 0;
        check_spans(&v, &text, unit, &mut checked);
        assert!(checked > 100, "only {checked} spans checked");
        // a place entity carries its GeoNames record; a country its Wikidata id
        let entity = |name: &str| v["entities"].as_array().unwrap().iter().find(|e| e["name"] == name).cloned().unwrap_or_default();
        let geneva = entity("Geneva");
        assert_eq!((&geneva["geonames_id"], &geneva["country"], &geneva["admin1"]), (&json!("2660646"), &json!("CH"), &json!("GE")));
        assert!(geneva["lat"].as_f64().is_some_and(|lat| (lat - 46.2).abs() < 0.05), "{geneva}");
        assert_eq!(entity("Iran")["wikidata"], "Q794");
    }
}

#[tokio::test]
async fn extract_text_plain_with_query_options() {
    let s = Server::start(&[]).await;
    let text = "Officials said the airstrike killed at least 12 people in Mosul on Monday.";
    let res = client()
        .post(s.url("/v1/extract?language=en&published_at=2017-03-22&id=x1&offsets=utf16"))
        .header("content-type", "text/plain; charset=utf-8")
        .body(text)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let v: Value = res.json().await.unwrap();
    assert_eq!(v["id"], "x1");
    assert_eq!(v["language"], "en");
    let casualties = v["events"].as_array().unwrap().iter().find(|e| e["type"] == "casualties").expect("casualties");
    assert_eq!(casualties["casualties"]["killed"]["min"], 12);
    assert_eq!(casualties["casualties"]["killed"]["qualifier"], "at_least");
    assert_eq!(casualties["time"]["date"], "2017-03-20");
}

#[tokio::test]
async fn bad_requests_are_problems() {
    let s = Server::start(&[("HADATH_SERVER__BODY_LIMIT_BYTES", "4096"), ("HADATH_LIMITS__MAX_BATCH_ITEMS", "2")]).await;
    let c = client();
    let post = |body: Vec<u8>, ct: &'static str| c.post(s.url("/v1/extract")).header("content-type", ct).body(body).send();
    problem(post(b"{\"text\": ".to_vec(), "application/json").await.unwrap(), 400).await;
    problem(post(b"[1,2]".to_vec(), "application/json").await.unwrap(), 400).await;
    problem(post(vec![0xff, 0xfe, 0x41], "text/plain").await.unwrap(), 400).await;
    problem(post(b"<p>hi</p>".to_vec(), "text/html").await.unwrap(), 415).await;
    problem(post(br#"{"text": "   "}"#.to_vec(), "application/json").await.unwrap(), 422).await;
    problem(post(br#"{"text": "12 34 !!"}"#.to_vec(), "application/json").await.unwrap(), 422).await; // no letters: language undetectable
    problem(post(br#"{"text": "hello", "language": "fr"}"#.to_vec(), "application/json").await.unwrap(), 422).await;
    problem(post(br#"{"text": "hello", "published_at": "yesterday"}"#.to_vec(), "application/json").await.unwrap(), 422).await;
    problem(post(br#"{"text": "hello", "offsets": "words"}"#.to_vec(), "application/json").await.unwrap(), 422).await;
    let big = format!("{{\"text\": \"{}\"}}", "a".repeat(10_000));
    problem(post(big.into_bytes(), "application/json").await.unwrap(), 413).await;
    let res = c.post(s.url("/v1/extract/batch")).json(&json!([{"text": "a"}, {"text": "b"}, {"text": "c"}])).send().await.unwrap();
    problem(res, 422).await;
    problem(c.get(s.url("/nope")).send().await.unwrap(), 404).await;
    problem(c.get(s.url("/v1/extract")).send().await.unwrap(), 405).await;
}

#[tokio::test]
async fn batch_answers_each_slot_and_reports_bad_items_in_place() {
    let s = Server::start(&[]).await;
    let body = json!([
        {"text": "The army shelled the town of Idlib on Monday, killing five civilians.", "id": "a"},
        {"text": ""},
        {"nottext": 1},
        {"text": "وقال المسؤول إن الغارة قتلت ثلاثة أشخاص.", "id": "b"}
    ]);
    let res = client().post(s.url("/v1/extract/batch")).json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let v: Vec<Value> = res.json().await.unwrap();
    assert_eq!(v.len(), 4);
    assert_eq!(v[0]["id"], "a");
    assert_eq!(v[1]["status"], 422);
    assert_eq!(v[1]["index"], 1);
    assert!(v[2]["status"] == 422 || v[2]["status"] == 400);
    assert_eq!(v[3]["id"], "b");
    assert_eq!(v[3]["language"], "ar");
}

#[tokio::test]
async fn batch_streams_ndjson() {
    let s = Server::start(&[]).await;
    let body = json!({"items": [{"text": "Rebels attacked a convoy near Aleppo."}, {"text": " "}, {"text": "قصفت الطائرات مدينة حلب."}]});
    let res = client().post(s.url("/v1/extract/batch")).header("accept", "application/x-ndjson").json(&body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/x-ndjson");
    let text = res.text().await.unwrap();
    let mut lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).expect("each line is JSON")).collect();
    assert_eq!(lines.len(), 3);
    // in completion order: each line says which item it answers
    lines.sort_by_key(|l| l["index"].as_u64());
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["index"], i);
    }
    assert_eq!(lines[1]["status"], 422);
}

#[tokio::test]
async fn overload_answers_503_with_retry_after() {
    let s = Server::start(&[("HADATH_SERVER__MAX_CONCURRENCY", "1")]).await;
    let _held = s.state.limiter.clone().try_acquire_owned().unwrap();
    let res = client().post(s.url("/v1/extract")).json(&json!({"text": "hello world"})).send().await.unwrap();
    assert_eq!(res.headers()["retry-after"], "1");
    problem(res, 503).await;
    drop(_held);
    let res = client().post(s.url("/v1/extract")).json(&json!({"text": "hello world"})).send().await.unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn openapi_info_and_metrics() {
    let s = Server::start(&[]).await;
    let c = client();
    let doc: Value = c.get(s.url("/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    for path in ["/v1/extract", "/v1/extract/batch", "/healthz", "/readyz", "/metrics", "/v1/info"] {
        assert!(doc["paths"][path].is_object(), "{path} missing from OpenAPI");
    }
    assert!(doc["components"]["schemas"]["Extraction"].is_object());
    let info: Value = c.get(s.url("/v1/info")).send().await.unwrap().json().await.unwrap();
    assert_eq!(info["languages"], json!(["ar", "en"]));
    assert!(info["lexicons"]["ar"]["events"].as_u64().unwrap() > 100);
    assert!(info["places"].as_u64().unwrap() > 10_000);
    c.post(s.url("/v1/extract")).json(&json!({"text": "Troops met rebels in Geneva."})).send().await.unwrap();
    let metrics = c.get(s.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("hadath_http_requests_total"), "{metrics}");
    assert!(metrics.contains("hadath_http_request_duration_seconds_bucket"));
    assert!(metrics.contains("hadath_articles_extracted_total"));
}

#[tokio::test]
async fn request_ids_security_headers_cors_and_compression() {
    let s = Server::start(&[]).await;
    let c = client();
    let res = c.get(s.url("/healthz")).header("x-request-id", "abc-123").send().await.unwrap();
    assert_eq!(res.headers()["x-request-id"], "abc-123");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff");
    assert!(res.headers().contains_key("referrer-policy"));
    let res = c.get(s.url("/healthz")).send().await.unwrap();
    assert!(!res.headers()["x-request-id"].is_empty());
    let res = c
        .request(reqwest::Method::OPTIONS, s.url("/v1/extract"))
        .header("origin", "https://newsroom.example")
        .header("access-control-request-method", "POST")
        .header("access-control-request-headers", "content-type")
        .send()
        .await
        .unwrap();
    assert!(res.status().is_success());
    assert!(res.headers().contains_key("access-control-allow-origin"));
    let res = c.post(s.url("/v1/extract")).header("accept-encoding", "gzip").json(&json!({"text": seed_text()})).send().await.unwrap();
    assert_eq!(res.headers()["content-encoding"], "gzip");
    let page = c.get(s.url("/")).send().await.unwrap();
    assert!(page.headers()["content-security-policy"].to_str().unwrap().contains("script-src 'self'"));
    assert!(page.text().await.unwrap().contains("<html"));
}

#[tokio::test]
async fn a_stalled_client_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let s = Server::start(&[("HADATH_SERVER__HEADER_READ_TIMEOUT_SECS", "1")]).await;
    let addr = s.addr.clone();
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    stream.write_all(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: appl").await.unwrap();
    let mut buf = Vec::new();
    // the server answers (408) or closes within a few seconds, never waits for ever
    let read = tokio::time::timeout(std::time::Duration::from_secs(5), stream.read_to_end(&mut buf)).await;
    assert!(read.is_ok(), "the connection was still open after 5 s");
    // and the server still serves others
    assert_eq!(client().get(s.url("/healthz")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn draining_lets_a_request_in_flight_finish() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut s = Server::start(&[]).await;
    let addr = s.addr.clone();
    // a request whose body is half sent when SIGTERM arrives
    let body = serde_json::to_vec(&json!({"text": "Officials said the airstrike killed 12 people in Mosul."})).unwrap();
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n", body.len());
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body[..10]).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    s.stop.take().unwrap().send(()).unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert!(s.state.draining.load(Ordering::SeqCst), "readiness turns 503 at once");
    stream.write_all(&body[10..]).await.unwrap();
    let mut response = Vec::new();
    tokio::time::timeout(std::time::Duration::from_secs(10), stream.read_to_end(&mut response)).await.expect("answered").unwrap();
    let response = String::from_utf8_lossy(&response);
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    assert!(response.contains("casualties"));
    let done = tokio::time::timeout(std::time::Duration::from_secs(10), &mut s.task).await;
    assert!(matches!(done, Ok(Ok(Ok(())))), "the server stops once the request is done");
}

#[test]
fn the_binary_starts_on_embedded_defaults() {
    // no environment at all: the embedded settings and lexicons; healthy, then SIGTERM
    // drains and exits 0
    let server = Child::start("", &[], std::process::Stdio::null());
    assert!(server.get("/readyz").is_some_and(|r| r.starts_with("HTTP/1.1 200")));
    let status = server.stop();
    assert!(status.success(), "exit status {status}");
}

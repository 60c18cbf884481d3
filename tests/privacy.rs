//! Logs never carry article text, quotes or keys: the server's whole log output, captured at
//! the most verbose level while it extracts an article with a unique marker, must not
//! contain the marker.

use hadath::http::{AppState, serve};
use hadath::pipeline::Pipeline;
use hadath::settings::Settings;
use serde_json::json;
use std::io::Write;
use std::sync::{Arc, Mutex};

#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn article_text_quotes_and_keys_stay_out_of_the_logs() {
    let logs = Captured::default();
    let writer = logs.clone();
    tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_ansi(false).with_writer(move || writer.clone()).init();

    let marker = "Zqxjv7Marker";
    let key = "secret-key-Kq93xMarker";
    let settings = Settings::load(None, [("HADATH_AUTH__API_KEYS".to_string(), key.to_string())]).unwrap();
    let state = AppState::new(Pipeline::load(None, 200_000).unwrap(), settings);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(serve(listener, None, state, std::future::pending()));

    let text = format!("\"We will strike {marker} again,\" the minister said. Officials said the airstrike on {marker} killed 12 people.");
    let c = reqwest::Client::new();
    let ok = c.post(format!("{base}/v1/extract")).bearer_auth(key).json(&json!({"text": text})).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    let body = ok.text().await.unwrap();
    assert!(body.contains(marker), "the response itself carries the text");
    // failures too: bad key, bad date, malformed JSON with the marker inside
    c.post(format!("{base}/v1/extract")).bearer_auth(format!("{marker}-wrong")).json(&json!({"text": text})).send().await.unwrap();
    c.post(format!("{base}/v1/extract")).bearer_auth(key).json(&json!({"text": text, "published_at": marker})).send().await.unwrap();
    c.post(format!("{base}/v1/extract"))
        .bearer_auth(key)
        .header("content-type", "application/json")
        .body(format!("{{\"text\": \"{marker}"))
        .send()
        .await
        .unwrap();
    c.post(format!("{base}/v1/extract/batch")).bearer_auth(key).json(&json!([{"text": text}, {"text": ""}])).send().await.unwrap();

    let captured = String::from_utf8_lossy(&logs.0.lock().unwrap()).to_string();
    assert!(captured.contains("extracted"), "the logs were captured: {captured}");
    assert!(!captured.contains(marker), "marker leaked into the logs:\n{captured}");
    assert!(!captured.contains("Kq93x"), "key leaked into the logs");
}

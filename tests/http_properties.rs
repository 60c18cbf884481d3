//! HTTP property test: arbitrary bytes and arbitrary JSON bodies, under every content type, to
//! every POST route never get a 5xx and never stop the server.

use hadath::http::{AppState, serve};
use hadath::pipeline::Pipeline;
use hadath::settings::Settings;
use proptest::prelude::*;
use std::sync::LazyLock;

static RUNTIME: LazyLock<tokio::runtime::Runtime> =
    LazyLock::new(|| tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime"));

static BASE: LazyLock<String> = LazyLock::new(|| {
    RUNTIME.block_on(async {
        let settings = Settings::load(None, [("HADATH_SERVER__BODY_LIMIT_BYTES".to_string(), "65536".to_string())]).expect("settings");
        let state = AppState::new(Pipeline::load(None, 200_000).expect("lexicons"), settings);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let base = format!("http://{}", listener.local_addr().expect("addr"));
        tokio::spawn(serve(listener, None, state, std::future::pending()));
        base
    })
});

static CLIENT: LazyLock<reqwest::Client> = LazyLock::new(reqwest::Client::new);

fn post(path: &str, content_type: &str, accept: &str, body: Vec<u8>) -> u16 {
    let url = format!("{}{path}", BASE.as_str());
    RUNTIME.block_on(async {
        CLIENT
            .post(url)
            .header("content-type", content_type)
            .header("accept", accept)
            .body(body)
            .send()
            .await
            .expect("the server answers")
            .status()
            .as_u16()
    })
}

/// JSON values of any shape, small enough to be quick.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        "\\PC{0,40}".prop_map(serde_json::Value::from),
        prop_oneof![Just("ar"), Just("en"), Just("auto"), Just("fr"), Just("2023-11-15"), Just("utf16")].prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("text".to_string()),
                    Just("language".to_string()),
                    Just("published_at".to_string()),
                    Just("offsets".to_string()),
                    Just("id".to_string()),
                    Just("items".to_string()),
                    "[a-z]{1,6}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn content_type() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("application/json"),
        Just("text/plain"),
        Just("text/plain; charset=utf-8"),
        Just("application/x-www-form-urlencoded"),
        Just("")
    ]
}

fn route() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just("/v1/extract"),
        Just("/v1/extract/batch"),
        Just("/v1/extract?language=ar&offsets=bytes"),
        Just("/v1/extract?published_at=x")
    ]
}

fn accept() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("application/json"), Just("application/x-ndjson"), Just("*/*")]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_get_a_5xx(body in proptest::collection::vec(any::<u8>(), 0..2000), path in route(), ct in content_type(), acc in accept()) {
        let status = post(path, ct, acc, body);
        prop_assert!(status < 500, "status {}", status);
    }

    #[test]
    fn arbitrary_json_never_gets_a_5xx(value in json_value(), path in route(), acc in accept()) {
        let status = post(path, "application/json", acc, serde_json::to_vec(&value).unwrap());
        prop_assert!(status < 500, "status {}", status);
    }
}

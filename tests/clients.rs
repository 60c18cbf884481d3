//! The API as its clients meet it, over a real socket: the OpenAPI document (enums, security
//! schemes, statuses, NDJSON) and answers that keep to it, problem documents with their
//! `instance` and a type URI that resolves, compressed request bodies, the schema version.

mod common;

use common::{Server, seed_text};
use serde_json::{Value, json};
use std::collections::BTreeSet;
use std::io::Write;

fn client() -> reqwest::Client {
    reqwest::Client::new()
}

async fn openapi(s: &Server) -> Value {
    client().get(s.url("/openapi.json")).send().await.unwrap().json().await.unwrap()
}

/// The enum of `schema`.`property` in `doc`.
fn enum_of(doc: &Value, schema: &str, property: &str) -> BTreeSet<String> {
    let values = doc["components"]["schemas"][schema]["properties"][property]["enum"].as_array();
    values.unwrap_or_else(|| panic!("{schema}.{property} has no enum")).iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
}

#[tokio::test]
async fn the_document_declares_enums_security_statuses_and_ndjson() {
    let s = Server::start(&[]).await;
    let doc = openapi(&s).await;
    assert_eq!(doc["openapi"].as_str().map(|v| &v[..3]), Some("3.1"));
    let extract = &doc["paths"]["/v1/extract"]["post"];
    for p in extract["parameters"].as_array().unwrap() {
        assert_eq!(p["in"], "query", "{p}");
    }
    for (schema, property) in [
        ("Event", "type"),
        ("Event", "modality"),
        ("Event", "weapon"),
        ("Actor", "role"),
        ("Quote", "kind"),
        ("Speaker", "resolution"),
        ("Count", "qualifier"),
        ("Time", "precision"),
        ("Location", "precision"),
        ("Entity", "type"),
        ("Entity", "precision"),
        ("ExtractRequest", "language"),
    ] {
        assert!(!enum_of(&doc, schema, property).is_empty());
    }
    assert!(enum_of(&doc, "Event", "modality").contains("hypothetical"));
    assert_eq!(doc["components"]["schemas"]["Time"]["properties"]["date"]["format"], "date");
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    assert_eq!(doc["components"]["securitySchemes"]["api_key"]["name"], "X-API-Key");
    assert!(extract["security"].as_array().is_some_and(|s| s.len() == 3));
    for status in ["200", "400", "401", "408", "413", "415", "422", "429", "431", "500", "503"] {
        assert!(extract["responses"][status].is_object(), "POST /v1/extract lacks {status}");
    }
    let info = &doc["paths"]["/v1/info"]["get"]["responses"];
    assert!(info["401"].is_object() && info["429"].is_object());
    let batch = &doc["paths"]["/v1/extract/batch"]["post"]["responses"]["200"]["content"];
    assert!(batch["application/x-ndjson"]["schema"]["$ref"].as_str().unwrap().ends_with("/BatchLine"));
    assert!(extract["responses"]["200"]["content"]["application/json"]["example"]["events"].is_array());
}

/// Every value of a closed set in `answer` that `doc` does not list, as `schema.property=value`.
fn undeclared(doc: &Value, answer: &Value) -> Vec<String> {
    let mut bad = Vec::new();
    let mut check = |schema: &str, property: &str, v: &Value| {
        if let Some(v) = v.as_str()
            && !enum_of(doc, schema, property).contains(v)
        {
            bad.push(format!("{schema}.{property}={v}"));
        }
    };
    for e in answer["events"].as_array().unwrap() {
        check("Event", "type", &e["type"]);
        check("Event", "modality", &e["modality"]);
        check("Event", "weapon", &e["weapon"]);
        check("Time", "precision", &e["time"]["precision"]);
        check("Location", "precision", &e["location"]["precision"]);
        for a in e["actors"].as_array().unwrap() {
            check("Actor", "role", &a["role"]);
        }
        for c in ["killed", "injured"] {
            check("Count", "qualifier", &e["casualties"][c]["qualifier"]);
        }
    }
    for q in answer["quotes"].as_array().unwrap() {
        check("Quote", "kind", &q["kind"]);
        check("Speaker", "resolution", &q["speaker"]["resolution"]);
    }
    for n in answer["entities"].as_array().unwrap() {
        check("Entity", "type", &n["type"]);
        check("Entity", "precision", &n["precision"]);
    }
    bad
}

#[tokio::test]
async fn answers_keep_to_the_declared_enums() {
    let s = Server::start(&[]).await;
    let doc = openapi(&s).await;
    let texts = [
        (seed_text(), "2023-11-15"),
        ("Two drones struck a convoy near Aleppo last month, killing at least 12 people, officials said.".into(), "2023-11-15"),
        ("\"We will not attend,\" the minister said on Monday. Talks are planned in Geneva next week.".into(), "2023-11-15"),
        ("قالت وزارة الصحة إن أكثر من عشرين شخصا قتلوا في قصف مدفعي على مدينة حلب أمس.".into(), "2023-11-15"),
    ];
    let mut seen = 0;
    for (text, date) in texts {
        let answer: Value = client()
            .post(s.url("/v1/extract"))
            .json(&json!({"text": text, "published_at": date}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(answer["schema_version"], "1.2");
        seen += answer["events"].as_array().unwrap().len();
        assert_eq!(undeclared(&doc, &answer), Vec::<String>::new());
    }
    assert!(seen > 3, "the texts report events");
    // places carry the English name news uses (GeoNames writes "Ālbū Kamāl") and the Arabic one
    let text = "قال المسؤول الأمريكي إن الغارة على البوكمال أسفرت عن مقتل سبعة أشخاص.";
    let answer: Value = client().post(s.url("/v1/extract")).json(&json!({"text": text})).send().await.unwrap().json().await.unwrap();
    let place = answer["entities"].as_array().unwrap().iter().find(|n| n["geonames_id"] == "174448").expect("Abu Kamal");
    assert_eq!((place["name"].as_str(), place["name_ar"].as_str()), (Some("Abu Kamal"), Some("البوكمال")));
    let location = &answer["events"].as_array().unwrap().iter().find(|e| e["location"].is_object()).unwrap()["location"];
    assert_eq!((location["name"].as_str(), location["name_ar"].as_str()), (Some("Abu Kamal"), Some("البوكمال")));
    assert_eq!(location["precision"], "city");
    let us = answer["entities"].as_array().unwrap().iter().find(|n| n["name"] == "United States").expect("the US");
    assert_eq!(us["name_ar"], "الولايات المتحدة");
    let info: Value = client().get(s.url("/v1/info")).send().await.unwrap().json().await.unwrap();
    assert_eq!(info["schema_version"], "1.2");
}

#[tokio::test]
async fn problems_name_their_request_and_their_type_resolves() {
    let s = Server::start(&[("HADATH_AUTH__REQUESTS_PER_MINUTE", "600"), ("HADATH_AUTH__BURST", "3")]).await;
    let c = client();
    let res = c.post(s.url("/v1/extract")).header("x-request-id", "client-42").json(&json!({"text": ""})).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["instance"], "urn:hadath:request:client-42");
    let mut types = BTreeSet::new();
    types.insert(p["type"].as_str().unwrap().to_string());
    let answers = [
        c.get(s.url("/nowhere")).send().await.unwrap(),
        c.get(s.url("/v1/extract")).send().await.unwrap(),
        c.post(s.url("/v1/extract")).header("content-type", "application/xml").body("<a/>").send().await.unwrap(),
        c.post(s.url("/v1/extract")).header("content-type", "application/json").body("{").send().await.unwrap(),
        c.post(s.url("/v1/extract")).json(&json!({"text": "x", "offsets": "miles"})).send().await.unwrap(),
        c.post(s.url("/v1/extract")).json(&json!({"text": "x"})).send().await.unwrap(), // the rate limit's burst is spent
    ];
    for res in answers {
        assert!(res.status().is_client_error());
        let p: Value = res.json().await.unwrap();
        assert!(p["instance"].as_str().unwrap().starts_with("urn:hadath:request:"), "{p}");
        types.insert(p["type"].as_str().unwrap().to_string());
    }
    assert!(types.contains("/problems/rate-limited"), "{types:?}");
    for t in &types {
        let res = c.get(s.url(t)).send().await.unwrap();
        assert_eq!(res.status(), 200, "{t} is not described");
        assert!(res.headers()["content-type"].to_str().unwrap().starts_with("text/markdown"));
        let slug = t.trim_start_matches("/problems/");
        assert!(res.text().await.unwrap().starts_with(&format!("## `{slug}`")));
    }
    assert_eq!(c.get(s.url("/problems/no-such-thing")).send().await.unwrap().status(), 404);
}

#[tokio::test]
async fn batch_item_problems_carry_index_and_client_id() {
    let s = Server::start(&[]).await;
    let body =
        json!([{"text": "Troops shelled Idlib.", "id": "ok"}, {"text": "", "id": "empty"}, {"text": "x", "language": "fr", "id": "fr"}]);
    let res = client().post(s.url("/v1/extract/batch")).header("x-request-id", "batch-7").json(&body).send().await.unwrap();
    let v: Vec<Value> = res.json().await.unwrap();
    assert_eq!(v[0]["id"], "ok");
    assert_eq!((v[1]["index"].as_u64(), v[1]["id"].as_str(), v[1]["status"].as_u64()), (Some(1), Some("empty"), Some(422)));
    assert_eq!((v[2]["index"].as_u64(), v[2]["id"].as_str()), (Some(2), Some("fr")));
    assert_eq!(v[1]["instance"], "urn:hadath:request:batch-7");
    let lines = common::ndjson_batch(&client(), s.url("/v1/extract/batch"), &body).await;
    let empty = lines.iter().find(|l| l["index"] == 1).expect("a line for item 1");
    assert_eq!((empty["id"].as_str(), empty["status"].as_u64()), (Some("empty"), Some(422)));
}

fn gzip(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn brotli(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 5, 22);
        w.write_all(data).unwrap();
    }
    out
}

#[tokio::test]
async fn gzip_and_brotli_bodies_are_decoded_and_the_limit_applies_after() {
    let s = Server::start(&[("HADATH_SERVER__BODY_LIMIT_BYTES", "1048576")]).await;
    let body = serde_json::to_vec(&json!({"text": "The army shelled Idlib on Monday, killing five civilians."})).unwrap();
    for (encoding, encoded) in [("gzip", gzip(&body)), ("br", brotli(&body))] {
        let res = client()
            .post(s.url("/v1/extract"))
            .header("content-type", "application/json")
            .header("content-encoding", encoding)
            .body(encoded)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{encoding}");
        let v: Value = res.json().await.unwrap();
        assert_eq!(v["events"][0]["type"], "strike", "{encoding}");
    }
    // plain text and batches too
    let res = client()
        .post(s.url("/v1/extract"))
        .header("content-type", "text/plain")
        .header("content-encoding", "gzip")
        .body(gzip("قصفت الطائرات مدينة حلب.".as_bytes()))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    // a bomb: 40 KB of gzip that decodes to 40 MB is refused at the limit, not decoded whole
    let bomb = gzip(&vec![b' '; 40 << 20]);
    assert!(bomb.len() < 1 << 20);
    let res = client()
        .post(s.url("/v1/extract"))
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .body(bomb)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let res = client()
        .post(s.url("/v1/extract"))
        .header("content-type", "application/json")
        .header("content-encoding", "compress")
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    let res = client()
        .post(s.url("/v1/extract"))
        .header("content-type", "application/json")
        .header("content-encoding", "gzip")
        .body("not gzip at all")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
}

/// The label names of each sample line of `name` in the exposition `text`.
fn label_names(text: &str, name: &str) -> BTreeSet<Vec<String>> {
    text.lines()
        .filter(|l| l.starts_with(&format!("{name}{{")))
        .map(|l| {
            let labels = &l[name.len() + 1..l.find('}').unwrap()];
            let mut names: Vec<String> = labels.split("\",").filter_map(|kv| kv.split_once('=')).map(|(k, _)| k.to_string()).collect();
            names.retain(|k| k != "le");
            names.sort();
            names
        })
        .collect()
}

#[tokio::test]
async fn metrics_are_described_present_from_start_and_labelled_alike() {
    let s = Server::start(&[("HADATH_SERVER__MAX_CONCURRENCY", "1")]).await;
    let c = client();
    let text = c.get(s.url("/metrics")).send().await.unwrap().text().await.unwrap();
    for series in [
        "hadath_load_shed_total 0",
        "hadath_rate_limited_total 0",
        "hadath_deadline_exceeded_total 0",
        "hadath_articles_extracted_total{language=\"en\"}",
        "hadath_http_requests_in_flight",
        "hadath_extraction_slots 1",
        "hadath_extraction_slots_in_use 0",
        "process_cpu_seconds_total",
        "process_resident_memory_bytes",
        "process_open_fds",
        "process_start_time_seconds",
    ] {
        assert!(text.contains(series), "{series} missing from the start");
    }
    let build = text.lines().find(|l| l.starts_with("hadath_build_info{")).expect("build_info");
    assert!(build.ends_with(" 1") && build.contains(&format!("version=\"{}\"", env!("CARGO_PKG_VERSION"))), "{build}");
    // shed one request, answer another, then every series is described and labelled alike
    let held = s.state.limiter.clone().try_acquire_owned().unwrap();
    assert_eq!(c.post(s.url("/v1/extract")).json(&json!({"text": "x"})).send().await.unwrap().status(), 503);
    drop(held);
    assert_eq!(c.post(s.url("/v1/extract")).json(&json!({"text": "Troops shelled Idlib."})).send().await.unwrap().status(), 200);
    let text = c.get(s.url("/metrics")).send().await.unwrap().text().await.unwrap();
    for line in text.lines().filter(|l| l.starts_with("# TYPE ")) {
        let name = line.split_whitespace().nth(2).unwrap();
        assert!(text.contains(&format!("# HELP {name} ")), "{name} has no HELP");
    }
    assert!(text.contains("hadath_load_shed_total 1"), "the shed request is counted");
    let counter = label_names(&text, "hadath_http_requests_total");
    let histogram = label_names(&text, "hadath_http_request_duration_seconds_bucket");
    assert_eq!(counter.iter().next(), Some(&vec!["method".to_string(), "route".to_string(), "status".to_string()]));
    assert_eq!(counter, histogram);
}

//! Arbitrary bytes as a `POST /v1/extract` JSON body: parse with serde (as the server
//! does) and, when it parses, extract and check every span.
#![no_main]

use hadath::pipeline::model::ExtractRequest;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(req) = serde_json::from_slice::<ExtractRequest>(data) {
        common::extract_and_check(&req);
    }
});

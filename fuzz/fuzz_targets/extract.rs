//! Arbitrary text through `Pipeline::extract`. The first byte picks the language
//! (`ar`, `en` or auto-detect) and the offset unit; the rest, read as lossy UTF-8, is
//! the article. Every span of the answer must index the text exactly.
#![no_main]

use hadath::pipeline::model::{ExtractRequest, OffsetUnit};
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Some((&head, rest)) = data.split_first() else { return };
    let language = match head % 3 {
        0 => Some("ar".to_owned()),
        1 => Some("en".to_owned()),
        _ => None,
    };
    // Mostly chars (the default); sometimes utf16 or bytes.
    let offsets = match (head / 3) % 4 {
        0 | 1 => None,
        2 => Some(OffsetUnit::Utf16),
        _ => Some(OffsetUnit::Bytes),
    };
    let req = ExtractRequest {
        text: String::from_utf8_lossy(rest).into_owned(),
        language,
        published_at: None,
        id: None,
        offsets,
    };
    common::extract_and_check(&req);
});

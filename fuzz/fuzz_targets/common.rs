//! Shared by the fuzz targets: one pipeline per process and the invariants every
//! extraction must keep (API.md: `text[start..end]` is exactly the span's `text`; the
//! serialised answer bounded by a constant times the text).

use hadath::pipeline::Pipeline;
use hadath::pipeline::model::{ExtractRequest, Extraction, OffsetUnit};
use std::sync::OnceLock;

/// The same limit as the default `limits.max_text_chars`.
pub const MAX_TEXT_CHARS: usize = 200_000;

/// The serialised extraction is at most this many bytes per byte of text ...
///
/// Measured (`tests/output_bound.rs` holds the same bound and the measurements): the densest
/// output is one event per short trigger — "met " repeated gives about 176 bytes of JSON per
/// 4-byte token, 44× the text; entity mentions ("US " repeated) give 12.5×, quotes ("«أ» قال "
/// repeated) 10×, ordinary articles 3–15×, and repeated quote cues (`said "`) under 1× since
/// quote nesting is bounded. 64 leaves room over 44 for offsets and ids that gain digits in
/// long texts; an answer that grows faster than the text is a bug the fuzzer should report.
pub const OUT_PER_IN_BYTE: usize = 64;
/// ... plus this many: the fixed fields (81 bytes for an answer with nothing in it) and a
/// first event or entity found in a text of a few bytes (at most about 600 bytes measured).
pub const OUT_CONSTANT: usize = 4096;

/// The pipeline with the embedded lexicons, built once per fuzzing process.
pub fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::load(None, MAX_TEXT_CHARS).expect("embedded lexicons load"))
}

/// Extracts and checks the result; errors (empty text, bad language, …) are fine.
pub fn extract_and_check(req: &ExtractRequest) {
    if let Ok(out) = pipeline().extract(req) {
        check(&req.text, req.offsets.unwrap_or_default(), &out);
    }
}

/// The text in `[start, end)` of `text`, counted in `unit`, or `None` when out of range.
fn slice(text: &str, unit: OffsetUnit, start: usize, end: usize) -> Option<String> {
    if start > end {
        return None;
    }
    match unit {
        OffsetUnit::Bytes => text.get(start..end).map(str::to_owned),
        OffsetUnit::Chars => {
            let n = text.chars().count();
            if end > n {
                return None;
            }
            Some(text.chars().skip(start).take(end - start).collect())
        }
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            let piece = units.get(start..end)?;
            // A span that splits a surrogate pair is not a valid span.
            String::from_utf16(piece).ok()
        }
    }
}

fn check_span(text: &str, unit: OffsetUnit, what: &str, span_text: &str, start: usize, end: usize) {
    let got = slice(text, unit, start, end);
    assert!(
        got.as_deref() == Some(span_text),
        "{what}: text[{start}..{end}] ({unit:?}) is {got:?}, but the span says {span_text:?}"
    );
}

fn check_unit_interval(what: &str, x: f64) {
    assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{what} = {x} is not in 0..=1");
}

/// Every span of `out` must index `text` in `unit` and match its `text`.
pub fn check(text: &str, unit: OffsetUnit, out: &Extraction) {
    assert_eq!(out.offsets, unit, "the answer reports offsets in another unit than asked");
    for ev in &out.events {
        let id = &ev.id;
        check_span(text, unit, &format!("{id}.trigger"), &ev.trigger.text, ev.trigger.start, ev.trigger.end);
        for (i, m) in ev.mentions.iter().enumerate() {
            check_span(text, unit, &format!("{id}.mentions[{i}]"), &m.text, m.start, m.end);
        }
        for (i, a) in ev.actors.iter().enumerate() {
            check_span(text, unit, &format!("{id}.actors[{i}]"), &a.text, a.start, a.end);
        }
        if let Some(l) = &ev.location {
            check_span(text, unit, &format!("{id}.location"), &l.text, l.start, l.end);
            assert!(l.lat.is_finite() && l.lon.is_finite(), "{id}.location has non-finite coordinates");
        }
        if let Some(t) = &ev.time {
            check_span(text, unit, &format!("{id}.time"), &t.text, t.start, t.end);
        }
        if let Some(c) = &ev.casualties {
            for (k, count) in [("killed", &c.killed), ("injured", &c.injured)] {
                if let Some(n) = count {
                    check_span(text, unit, &format!("{id}.casualties.{k}"), &n.text, n.start, n.end);
                    if let (Some(lo), Some(hi)) = (n.min, n.max) {
                        assert!(lo <= hi, "{id}.casualties.{k}: min {lo} > max {hi}");
                    }
                }
            }
        }
        check_unit_interval(&format!("{id}.confidence"), ev.confidence);
        if let Some(cause) = &ev.cause {
            assert!(out.events.iter().any(|e| &e.id == cause), "{id}.cause {cause} names no event");
        }
    }
    for q in &out.quotes {
        let id = &q.id;
        check_span(text, unit, &format!("{id}.content"), &q.content.text, q.content.start, q.content.end);
        if let Some(c) = &q.cue {
            check_span(text, unit, &format!("{id}.cue"), &c.text, c.start, c.end);
        }
        if let Some(s) = &q.speaker {
            check_span(text, unit, &format!("{id}.speaker"), &s.text, s.start, s.end);
        }
        if let Some(v) = &q.via {
            check_span(text, unit, &format!("{id}.via"), &v.text, v.start, v.end);
        }
    }
    for en in &out.entities {
        for (i, m) in en.mentions.iter().enumerate() {
            check_span(text, unit, &format!("{}.mentions[{i}]", en.id), &m.text, m.start, m.end);
        }
    }
    // The answer must serialise to JSON and read back the same (no NaN, no lost fields).
    let json = serde_json::to_string(out).expect("the extraction serialises");
    // ... and grow at most linearly with the text.
    let bound = OUT_PER_IN_BYTE * text.len() + OUT_CONSTANT;
    assert!(
        json.len() <= bound,
        "{} bytes of output for {} bytes of text (bound {bound}; {} events, {} quotes, {} entities)",
        json.len(),
        text.len(),
        out.events.len(),
        out.quotes.len(),
        out.entities.len()
    );
    let back: Extraction = serde_json::from_str(&json).expect("the serialised extraction parses back");
    assert!(back == *out, "the extraction does not survive a JSON round trip");
}

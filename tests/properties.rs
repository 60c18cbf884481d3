//! Property tests: whatever the input — any Unicode, Arabic with diacritics and tatweel,
//! emoji, combining marks, CRLF, unbalanced quotes — extraction never panics and every span
//! slices the submitted text exactly, in all three offset units.

use hadath::pipeline::Pipeline;
use hadath::pipeline::model::{ExtractRequest, OffsetUnit};
use proptest::prelude::*;
use serde_json::Value;
use std::sync::LazyLock;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::load(None, 200_000).expect("embedded lexicons load"));

fn slice(text: &str, start: usize, end: usize, unit: OffsetUnit) -> Option<String> {
    match unit {
        OffsetUnit::Bytes => text.get(start..end).map(str::to_string),
        OffsetUnit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(units.get(start..end)?).ok()
        }
        OffsetUnit::Chars => Some(text.chars().skip(start).take(end.checked_sub(start)?).collect()),
    }
}

fn check(v: &Value, text: &str, unit: OffsetUnit) -> Result<(), TestCaseError> {
    match v {
        Value::Object(o) => {
            if let (Some(Value::String(t)), Some(s), Some(e)) =
                (o.get("text"), o.get("start").and_then(Value::as_u64), o.get("end").and_then(Value::as_u64))
            {
                prop_assert!(s <= e, "start {} > end {}", s, e);
                let got = slice(text, s as usize, e as usize, unit);
                prop_assert_eq!(got.as_deref(), Some(t.as_str()));
            }
            for x in o.values() {
                check(x, text, unit)?;
            }
        }
        Value::Array(a) => {
            for x in a {
                check(x, text, unit)?;
            }
        }
        _ => {}
    }
    Ok(())
}

fn run(text: &str, language: Option<&str>) -> Result<(), TestCaseError> {
    for unit in [OffsetUnit::Chars, OffsetUnit::Utf16, OffsetUnit::Bytes] {
        let req = ExtractRequest {
            text: text.to_string(),
            language: language.map(String::from),
            offsets: Some(unit),
            published_at: Some("2023-11-15".into()),
            id: None,
        };
        if let Ok(x) = PIPELINE.extract(&req) {
            check(&serde_json::to_value(&x).expect("serialises"), text, unit)?;
        }
    }
    Ok(())
}

/// Pieces that stress the normaliser, the segmenter and the extractors.
fn news_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("وقال المسؤول الأمريكي إن ".to_string()),
        Just("“الضربة الثانية” ".to_string()),
        Just("أسفرت عن مقتل ما يصل إلى سبعة أشخاص. ".to_string()),
        Just("بالقرب من مدينة البوكمال بريف دير الزور، ".to_string()),
        Just("اجتماع سري بين الولايات المتحدة وإيران في جنيف\n".to_string()),
        Just("نُفِّذت الضربـــة ".to_string()),
        Just("١٢٠٠ ".to_string()),
        Just("«".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("\r\n".to_string()),
        Just("😀".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{200f}".to_string()),
        Just("ﻻ".to_string()),
        Just("\"We will respond,\" the minister said. ".to_string()),
        Just("Officials said the airstrike killed at least 12 people in Mosul on Monday. ".to_string()),
        Just("U.S. Sen. Marco Rubio, R-Fla., ".to_string()),
        Just("according to Reuters ".to_string()),
        "[\\PC]{0,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_text_never_panics_and_spans_slice(text in "\\PC{0,200}") {
        run(&text, None)?;
    }

    #[test]
    fn any_bytes_as_text_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let text = String::from_utf8_lossy(&bytes).to_string();
        run(&text, Some("ar"))?;
        run(&text, Some("en"))?;
    }

    #[test]
    fn news_like_text_spans_slice(pieces in proptest::collection::vec(news_piece(), 0..40)) {
        let text: String = pieces.concat();
        run(&text, None)?;
    }
}

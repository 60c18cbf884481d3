//! Property tests: whatever the input — any Unicode, Arabic with diacritics and tatweel,
//! emoji, combining marks, CRLF, unbalanced quotes — extraction never panics and every span
//! slices the submitted text exactly, in all three offset units; and the text layer
//! (normalisation, tokens, sentences, lexicon matches) of a paragraph does not depend on the
//! paragraphs before it.

use hadath::pipeline::Pipeline;
use hadath::pipeline::doc::{Document, TokenSpan};
use hadath::pipeline::lexicon::LanguageLexicons;
use hadath::pipeline::lexicon::matcher::{Hit, Matcher};
use hadath::pipeline::model::{ExtractRequest, Language, OffsetUnit};
use hadath::pipeline::text::normalise::NormText;
use hadath::pipeline::text::segment::TokenKind;
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

// ---------------------------------------------------------------------------------------
// Prefix shift: for any prefix P that opens no quotation, the text layer of P + "\n\n" + T,
// restricted to T, is the text layer of T shifted by len(P + "\n\n") in every offset unit.

/// Forms of the shipped lexicons (first column, `|`-separated), as raw text pieces.
fn lexicon_forms(files: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for file in files {
        for line in file.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
            let first = line.split('\t').next().unwrap_or_default();
            out.extend(first.split('|').map(str::trim).filter(|f| !f.is_empty()).map(String::from));
        }
    }
    out
}

static AR_FORMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    lexicon_forms(&[
        include_str!("../config/lexicons/ar/events.tsv"),
        include_str!("../config/lexicons/ar/quote_cues.tsv"),
        include_str!("../config/lexicons/ar/numbers.tsv"),
        include_str!("../config/lexicons/ar/qualifiers.tsv"),
        include_str!("../config/lexicons/ar/time.tsv"),
        include_str!("../config/lexicons/ar/actors.tsv"),
        include_str!("../config/lexicons/ar/roles.tsv"),
    ])
});

static EN_FORMS: LazyLock<Vec<String>> = LazyLock::new(|| {
    lexicon_forms(&[
        include_str!("../config/lexicons/en/events.tsv"),
        include_str!("../config/lexicons/en/quote_cues.tsv"),
        include_str!("../config/lexicons/en/numbers.tsv"),
        include_str!("../config/lexicons/en/qualifiers.tsv"),
        include_str!("../config/lexicons/en/time.tsv"),
        include_str!("../config/lexicons/en/actors.tsv"),
        include_str!("../config/lexicons/en/abbreviations.tsv"),
    ])
});

/// The seed article's lines and sentences.
static SEED_PIECES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let seed: Value = serde_json::from_str(include_str!("fixtures/seed.json")).expect("seed fixture");
    let text = seed["text"].as_str().expect("seed text");
    let mut out: Vec<String> = text.lines().map(String::from).collect();
    out.extend(text.split_inclusive(['.', '،']).map(String::from));
    out
});

/// Text pieces for the text layer: lexicon forms with and without clitics, seed sentences,
/// digits of three scripts, punctuation and quotation marks, marks, spaces and line breaks,
/// and arbitrary strings.
fn layer_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(AR_FORMS.clone()),
        2 => (proptest::sample::select(vec!["و", "ف", "ب", "ل", "وال", "بال", "لل", "وب", "س"]), proptest::sample::select(AR_FORMS.clone()))
            .prop_map(|(c, w)| format!("{c}{w}")),
        3 => proptest::sample::select(EN_FORMS.clone()),
        1 => proptest::sample::select(EN_FORMS.clone()).prop_map(|w| w.to_uppercase()),
        2 => proptest::sample::select(SEED_PIECES.clone()),
        2 => "[0-9٠-٩۰-۹]{1,5}([,.٫٬][0-9٠-٩]{1,3})?",
        3 => proptest::sample::select(vec![
            " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", ".", ". ", "،", "؟", "!", "?", ":", "؛", "(", ")", "-", "—", "…", "'s",
            "«", "»", "“", "”", "\"", "’", "ـ", "\u{064B}", "\u{0651}", "\u{200f}", "\u{301}", "ﻻ", "😀",
        ])
        .prop_map(String::from),
        1 => "\\PC{0,8}",
        1 => any::<String>().prop_map(|s| s.chars().take(6).collect::<String>()),
    ]
}

fn layer_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(layer_piece(), 0..max).prop_map(|p| p.join(""))
}

/// Offset of byte `b` of `text` in `unit`.
fn in_unit(text: &str, b: usize, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Bytes => b,
        OffsetUnit::Chars => text[..b].chars().count(),
        OffsetUnit::Utf16 => text[..b].encode_utf16().count(),
    }
}

/// One token as the text layer sees it: original byte span, kind, sentence, paragraph.
type TokenView = ((usize, usize), TokenKind, usize, usize);
/// One lexicon match: lexicon, entry, features, original byte span, tokens, proclitic length.
type HitView = (&'static str, usize, String, (usize, usize), usize, usize, usize);

/// The text layer of `doc`, in original byte offsets.
struct Layer {
    tokens: Vec<TokenView>,
    /// Sentences: token range, paragraph, original byte span.
    sentences: Vec<(usize, usize, usize, (usize, usize))>,
    hits: Vec<HitView>,
}

fn hits_of<T>(name: &'static str, m: &Matcher<T>, doc: &Document, out: &mut Vec<HitView>) {
    for h in m.find(doc) {
        let Hit { entry, features, start, end, tokens, prefix_len } = h;
        out.push((name, entry, format!("{features:?}"), doc.original(start, end), tokens.start, tokens.last(), prefix_len));
    }
}

fn text_layer(text: &str, language: Language, lex: &LanguageLexicons) -> Layer {
    let mut doc = Document::new(text, language, &lex.abbreviations);
    doc.run_scanner(&lex.scanner);
    let tokens =
        doc.tokens().iter().enumerate().map(|(i, t)| (doc.token_span(TokenSpan::single(i)), t.kind, t.sentence, t.paragraph)).collect();
    let sentences = doc.seg.sentences.iter().map(|s| (s.tokens.start, s.tokens.end, s.paragraph, doc.token_span(s.tokens))).collect();
    let mut hits = Vec::new();
    hits_of("events", &lex.events, &doc, &mut hits);
    hits_of("quote_cues", &lex.quote_cues, &doc, &mut hits);
    hits_of("complementizers", &lex.complementizers, &doc, &mut hits);
    hits_of("modality", &lex.modality, &doc, &mut hits);
    hits_of("numbers", &lex.numbers, &doc, &mut hits);
    hits_of("qualifiers", &lex.qualifiers, &doc, &mut hits);
    hits_of("time", &lex.time, &doc, &mut hits);
    hits_of("actors", &lex.actors, &doc, &mut hits);
    hits_of("nationalities", &lex.nationalities, &doc, &mut hits);
    hits_of("roles", &lex.roles, &doc, &mut hits);
    hits_of("places", &lex.places, &doc, &mut hits);
    hits_of("distinct", &lex.distinct, &doc, &mut hits);
    Layer { tokens, sentences, hits }
}

fn prefix_shift(p: &str, t: &str, language: Language) -> Result<(), TestCaseError> {
    let lex = PIPELINE.lexicons().get(language);
    let head = format!("{p}\n\n");
    let whole = format!("{head}{t}");
    let (a, b) = (text_layer(&whole, language, lex), text_layer(t, language, lex));
    // token, sentence and paragraph counts of the prefix
    prop_assert!(a.tokens.len() >= b.tokens.len());
    let k = a.tokens.len() - b.tokens.len();
    prop_assert!(a.sentences.len() >= b.sentences.len());
    let sk = a.sentences.len() - b.sentences.len();
    let pk = a.tokens.get(k).map_or(0, |x| x.3) - b.tokens.first().map_or(0, |x| x.3);
    // the prefix's tokens, sentences and matches stay in the prefix
    for x in &a.tokens[..k] {
        prop_assert!(x.0.1 <= p.len(), "prefix token {:?} reaches past the prefix", x);
    }
    for s in &a.sentences[..sk] {
        prop_assert!(s.1 <= k, "prefix sentence {:?} reaches into the text", s);
    }
    for h in a.hits.iter().filter(|h| h.4 < k) {
        prop_assert!(h.5 < k, "prefix match {:?} reaches into the text", h);
    }
    for unit in [OffsetUnit::Bytes, OffsetUnit::Chars, OffsetUnit::Utf16] {
        let shift = in_unit(&whole, head.len(), unit);
        let span = |s: (usize, usize)| (in_unit(&whole, s.0, unit) - shift, in_unit(&whole, s.1, unit) - shift);
        let t_span = |s: (usize, usize)| (in_unit(t, s.0, unit), in_unit(t, s.1, unit));
        prop_assert!(a.tokens[k..].iter().all(|x| x.0.0 >= head.len()), "a token of the text starts before it");
        let got: Vec<TokenView> = a.tokens[k..].iter().map(|x| (span(x.0), x.1, x.2 - sk, x.3 - pk)).collect();
        let want: Vec<TokenView> = b.tokens.iter().map(|x| (t_span(x.0), x.1, x.2, x.3)).collect();
        prop_assert_eq!(got, want, "tokens in {:?}", unit);
        let got: Vec<_> = a.sentences[sk..].iter().map(|s| (s.0 - k, s.1 - k, s.2 - pk, span(s.3))).collect();
        let want: Vec<_> = b.sentences.iter().map(|s| (s.0, s.1, s.2, t_span(s.3))).collect();
        prop_assert_eq!(got, want, "sentences in {:?}", unit);
        let got: Vec<HitView> =
            a.hits.iter().filter(|h| h.4 >= k).map(|h| (h.0, h.1, h.2.clone(), span(h.3), h.4 - k, h.5 - k, h.6)).collect();
        let want: Vec<HitView> = b.hits.iter().map(|h| (h.0, h.1, h.2.clone(), t_span(h.3), h.4, h.5, h.6)).collect();
        prop_assert_eq!(got, want, "lexicon matches in {:?}", unit);
    }
    Ok(())
}

/// A prefix: anything that normalises without a quotation mark, so it cannot open a quote.
fn quote_free_prefix() -> impl Strategy<Value = String> {
    layer_text(20).prop_filter("the prefix opens no quotation", |p| !NormText::new(p).norm.contains('"'))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn text_layer_shifts_with_a_prefix_paragraph(p in quote_free_prefix(), t in layer_text(40)) {
        prefix_shift(&p, &t, Language::Ar)?;
        prefix_shift(&p, &t, Language::En)?;
    }

    #[test]
    fn text_layer_shifts_on_arbitrary_text(p in "[^\"“”„‟«»‹›″＂「」﹁-﹄]{0,40}", t in "\\PC{0,120}") {
        prefix_shift(&p, &t, Language::Ar)?;
        prefix_shift(&p, &t, Language::En)?;
    }
}

//! The answer grows at most linearly with the text: the serialised extraction of any text
//! is at most `OUT_PER_IN_BYTE` bytes per byte of text plus `OUT_CONSTANT` (the same bound
//! as the fuzz targets', `fuzz/fuzz_targets/common.rs`). Checked on random texts made of
//! the tokens that provoke output (triggers, names, quote marks and cues, numbers), on
//! repeated-token texts, and on arbitrary strings, through the library API.
//!
//! Why these constants (measured with this suite's texts, debug and release alike): the
//! densest output per byte is one event per short trigger, "met " repeated (about 176
//! bytes of JSON for each 4-byte token: 44× the text), then entity mentions ("US "
//! repeated: 12.5×) and quotes ("«أ» قال " repeated: 10×); realistic texts give 3–15×
//! ("اجتماع " repeated 14.5×, the seed article less), and repeated quote cues ("said \"",
//! "وأضاف أن ") stay under 1× because quote nesting is bounded. 64 leaves room over 44
//! for offsets and ids that grow by a digit or two in long texts. The constant covers the
//! fixed fields (an answer with nothing in it is 81 bytes) and a first event or entity of
//! a text of a few bytes (at most about 600 bytes measured).

use hadath::pipeline::Pipeline;
use hadath::pipeline::model::{ExtractRequest, OffsetUnit};
use proptest::prelude::*;
use std::sync::LazyLock;

/// Bytes of serialised output allowed per byte of text.
const OUT_PER_IN_BYTE: usize = 64;
/// Bytes of serialised output allowed whatever the text.
const OUT_CONSTANT: usize = 4096;

static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::load(None, 200_000).expect("embedded lexicons load"));

/// Extracts `text` and checks the bound; the output's size over the text's when it
/// extracted (an error — empty text, no language — has no output to bound).
fn check_bound(text: &str, offsets: OffsetUnit, language: Option<&str>) -> Result<Option<f64>, TestCaseError> {
    let req = ExtractRequest {
        text: text.to_string(),
        id: None,
        language: language.map(str::to_string),
        published_at: Some("2023-11-15".into()),
        offsets: Some(offsets),
    };
    let Ok(x) = PIPELINE.extract(&req) else { return Ok(None) };
    let out = serde_json::to_vec(&x).expect("the extraction serialises").len();
    let bound = OUT_PER_IN_BYTE * text.len() + OUT_CONSTANT;
    prop_assert!(
        out <= bound,
        "{out} bytes of output for {} bytes of text (bound {bound}; {} events, {} quotes, {} entities)",
        text.len(),
        x.events.len(),
        x.quotes.len(),
        x.entities.len()
    );
    Ok(Some(out as f64 / text.len().max(1) as f64))
}

/// Tokens that each provoke output: triggers, casualty counts, places, actors, titled
/// names, quote marks and cues, dates; plus plain words and separators.
const TOKENS: &[&str] = &[
    "قتل 5 ",
    "الرئيس خالد حداد ",
    "said \"",
    "وأضاف أن ",
    "met ",
    "اجتماع ",
    "killed 5 ",
    "قصف ",
    "«",
    "»",
    "\"",
    "قال ",
    "قالت ",
    "US ",
    "Iran ",
    "حلب ",
    "في حلب ",
    "Aleppo ",
    "الرئيس الإيراني حسن روحاني ",
    "Reuters quoted an official as saying ",
    "يوم الاثنين ",
    "on Monday ",
    "talks ",
    "raid ",
    "المسؤول الأمريكي ",
    "ثلاثة ",
    "at least 12 ",
    "the ",
    "و",
    ". ",
    "، ",
    "\n\n",
];

fn token_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(TOKENS), 1..max).prop_map(|t| t.concat())
}

fn offsets() -> impl Strategy<Value = OffsetUnit> {
    prop_oneof![Just(OffsetUnit::Chars), Just(OffsetUnit::Utf16), Just(OffsetUnit::Bytes)]
}

fn language() -> impl Strategy<Value = Option<&'static str>> {
    prop_oneof![Just(None), Just(Some("ar")), Just(Some("en"))]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn random_token_texts_stay_within_the_bound(text in token_text(400), unit in offsets(), lang in language()) {
        check_bound(&text, unit, lang)?;
    }

    #[test]
    fn repeated_token_texts_stay_within_the_bound(token in proptest::sample::select(TOKENS), n in 1usize..1500, unit in offsets()) {
        check_bound(&token.repeat(n), unit, None)?;
    }

    #[test]
    fn arbitrary_strings_stay_within_the_bound(text in "\\PC{0,600}", unit in offsets(), lang in language()) {
        check_bound(&text, unit, lang)?;
    }
}

/// The densest texts measured, long enough for their per-byte rate to show; the test fails
/// when a change makes any of them outgrow the bound.
#[test]
fn the_densest_texts_measured_stay_within_the_bound() {
    let mut worst = (0.0f64, "");
    for (token, n) in [("met ", 3000), ("US ", 3000), ("«أ» قال ", 1000), ("اجتماع ", 1500), ("قتل 5 ", 2000), ("said \"", 3000)]
    {
        let ratio = check_bound(&token.repeat(n), OffsetUnit::Utf16, None).unwrap().expect("extracted");
        eprintln!("{token:?} x{n}: output {ratio:.1}x the text");
        if ratio > worst.0 {
            worst = (ratio, token);
        }
    }
    eprintln!("densest: {:?} at {:.1}x (bound {OUT_PER_IN_BYTE}x + {OUT_CONSTANT})", worst.1, worst.0);
}

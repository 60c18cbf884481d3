//! Test support: the embedded lexicons loaded once for all unit tests, and documents run
//! through the stages before the one under test.

use super::STAGES;
use crate::pipeline::doc::Document;
use crate::pipeline::lexicon::Lexicons;
use crate::pipeline::model::Language;
use std::sync::LazyLock;

static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::load(None).expect("the embedded lexicons load"));

/// The embedded lexicons, loaded once.
pub(crate) fn lexicons() -> &'static Lexicons {
    &LEXICONS
}

/// `text` read in `language` and run through every stage before `stage` (a name of
/// [`STAGES`]): the input of that stage, as production gives it.
pub(crate) fn before<'t>(stage: &str, language: Language, text: &'t str) -> Document<'t> {
    let mut doc = Document::read(text, language, lexicons());
    let end = STAGES.iter().position(|(name, _)| *name == stage).unwrap_or_else(|| panic!("no stage named {stage:?}"));
    for (_, run) in &STAGES[..end] {
        run(&mut doc, lexicons());
    }
    doc
}

/// `text` read in `language` and run through `stage` and every stage before it.
pub(crate) fn through<'t>(stage: &str, language: Language, text: &'t str) -> Document<'t> {
    let mut doc = before(stage, language, text);
    let (_, run) = STAGES.iter().find(|(name, _)| *name == stage).expect("a stage of that name");
    run(&mut doc, lexicons());
    doc
}

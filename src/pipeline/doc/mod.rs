//! The document every pipeline stage reads and fills: the text layer (the submitted text, its
//! normalised copy, its segmentation, the language it is read in) and the typed layers the
//! stages fill in order — lexicon hits, entity mentions, counts, times, quotes, event
//! mentions and event clusters. A stage reads the layers of the stages before it and fills
//! its own; `Pipeline::extract` lists them in order.

pub mod span;
pub use span::TokenSpan;

use crate::pipeline::budget::Budget;
use crate::pipeline::lexicon::Lexicons;
use crate::pipeline::lexicon::matcher::{Scan, Scanner, word_starts};
use crate::pipeline::model::Language;
use crate::pipeline::stages::dates::TimeMention;
use crate::pipeline::stages::events::{EventCluster, EventMention};
use crate::pipeline::stages::hits::Hits;
use crate::pipeline::stages::mentions::Mentions;
use crate::pipeline::stages::numbers::CountMention;
use crate::pipeline::stages::phrases::Phrases;
use crate::pipeline::stages::quotes::QuoteMention;
use crate::pipeline::text::normalise::NormText;
use crate::pipeline::text::segment::{Segmentation, Token, TokenKind, segment};
use chrono::NaiveDate;
use foldhash::HashSet;

/// One article prepared for extraction.
#[derive(Debug)]
pub struct Document<'a> {
    /// The text exactly as submitted.
    pub text: &'a str,
    /// The language it is read in.
    pub language: Language,
    /// The normalised copy with its map back to `text`.
    pub norm: NormText,
    /// Tokens, sentences and paragraphs over `norm`.
    pub seg: Segmentation,
    /// For each byte of `norm`, the index of the token covering it (`u32::MAX` between tokens).
    token_at: Vec<u32>,
    /// The raw matches of the language's shared lexicon scanner, once run.
    scan: Option<Scan>,
    /// The publication date that anchors relative times.
    pub published: Option<NaiveDate>,
    /// The work budget the stages check in their loops (none: unlimited).
    budget: Option<&'a Budget>,
    /// Layer: the hits of each lexicon (`hits::run`).
    pub hits: Hits,
    /// Layer: entity mentions — places, actors, nationalities, roles, persons (`mentions::run`).
    pub mentions: Mentions,
    /// Layer: noun phrases and their coordinations (`phrases::run`).
    pub phrases: Phrases,
    /// Layer: count phrases (`numbers::run`).
    pub counts: Vec<CountMention>,
    /// Layer: time expressions (`dates::run`).
    pub times: Vec<TimeMention>,
    /// Layer: quotes with their cues and speakers (`quotes::run`).
    pub quotes: Vec<QuoteMention>,
    /// Layer: event mentions with their arguments (`events::detect`).
    pub event_mentions: Vec<EventMention>,
    /// Layer: event mentions merged into happenings (`events::cluster`).
    pub clusters: Vec<EventCluster>,
}

impl<'a> Document<'a> {
    /// Normalises and segments `text`.
    pub fn new(text: &'a str, language: Language, abbreviations: &HashSet<String>) -> Document<'a> {
        let norm = NormText::new(text);
        let seg = segment(&norm.norm, abbreviations);
        let mut token_at = vec![u32::MAX; norm.norm.len()];
        for (i, t) in seg.tokens.iter().enumerate() {
            token_at[t.start..t.end].fill(i as u32);
        }
        Document {
            text,
            language,
            norm,
            seg,
            token_at,
            scan: None,
            published: None,
            budget: None,
            hits: Hits::default(),
            mentions: Mentions::default(),
            phrases: Phrases::default(),
            counts: Vec::new(),
            times: Vec::new(),
            quotes: Vec::new(),
            event_mentions: Vec::new(),
            clusters: Vec::new(),
        }
    }

    /// Normalises, segments and scans `text` with the language's lexicons: the document the
    /// stages start from (the same matching engine in production and tests).
    pub fn read(text: &'a str, language: Language, lexicons: &Lexicons) -> Document<'a> {
        let lex = lexicons.get(language);
        let mut doc = Document::new(text, language, &lex.abbreviations);
        doc.run_scanner(&lex.scanner);
        doc
    }

    /// Sets the work budget the stages check.
    pub fn with_budget(mut self, budget: &'a Budget) -> Document<'a> {
        self.budget = Some(budget);
        self
    }

    /// True once the work budget is spent: a stage's loop stops early, and the pipeline
    /// reports the job as out of time. Cheap enough for inner loops.
    pub fn out_of_time(&self) -> bool {
        self.budget.is_some_and(Budget::exhausted)
    }

    /// Runs `scanner` over the text once; the matchers attached to it then read from it.
    pub fn run_scanner(&mut self, scanner: &Scanner) {
        let norm = &self.norm.norm;
        let mut starts = Vec::with_capacity(self.seg.tokens.len() * 2);
        for t in &self.seg.tokens {
            word_starts(scanner.morphology(), norm, t.start, t.end, &mut starts);
        }
        self.scan = Some(scanner.scan(norm, &starts));
    }

    /// The shared scan, if one was run.
    pub fn scan(&self) -> Option<&Scan> {
        self.scan.as_ref()
    }

    /// The token covering normalised byte `byte`, if any.
    pub fn token_at(&self, byte: usize) -> Option<usize> {
        self.token_at.get(byte).copied().filter(|&t| t != u32::MAX).map(|t| t as usize)
    }

    /// The tokens.
    pub fn tokens(&self) -> &[Token] {
        &self.seg.tokens
    }

    /// The normalised text of token `i`.
    pub fn word(&self, i: usize) -> &str {
        let t = &self.seg.tokens[i];
        &self.norm.norm[t.start..t.end]
    }

    /// True when token `i` exists and is the punctuation or quote mark `p`.
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.seg.tokens.get(i).is_some_and(|t| t.kind != TokenKind::Word && self.word(i) == p)
    }

    /// The original byte span of the normalised byte span `[start, end)`.
    pub fn original(&self, start: usize, end: usize) -> (usize, usize) {
        self.norm.to_original(start, end)
    }

    /// The original text of token `i` (before normalisation: «زيارته» keeps its ة as ت).
    pub fn original_word(&self, i: usize) -> &'a str {
        let t = &self.tokens()[i];
        let (s, e) = self.original(t.start, t.end);
        &self.text[s..e]
    }

    /// The original byte span covering a non-empty span of tokens.
    pub fn token_span(&self, tokens: TokenSpan) -> (usize, usize) {
        let t = &self.seg.tokens;
        self.norm.to_original(t[tokens.start].start, t[tokens.last()].end)
    }

    /// The sentence index of token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.seg.tokens[i].sentence
    }
}

/// Guesses the language of `text` from its letters: Arabic when Arabic letters are at least
/// a third of all letters, English otherwise. `None` when there are no letters at all.
pub fn detect_language(text: &str) -> Option<Language> {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{0750}'..='\u{077F}').contains(&c) || ('\u{FB50}'..='\u{FEFC}').contains(&c) {
            arabic += 1;
        } else if c.is_alphabetic() {
            latin += 1;
        }
    }
    if arabic + latin == 0 {
        None
    } else if arabic * 3 >= arabic + latin {
        Some(Language::Ar)
    } else {
        // Latin script: English unless a language identifier is sure it is another language
        // (French, Spanish, German … are not supported and get 422 unless `language` is given)
        let sample: String = text.chars().take(5_000).collect();
        match whatlang::detect(&sample) {
            Some(info) if info.lang() != whatlang::Lang::Eng && info.is_reliable() && latin > 60 => None,
            _ => Some(Language::En),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_told_apart() {
        assert_eq!(detect_language("قال المسؤول إن الغارة قتلت سبعة أشخاص"), Some(Language::Ar));
        assert_eq!(detect_language("Officials said the airstrike killed at least 12 people in Mosul on Monday."), Some(Language::En));
        let french = "Le gouvernement a annoncé mardi que les négociations reprendraient la semaine prochaine à Genève, selon un communiqué publié par le ministère des Affaires étrangères après une réunion des ministres.";
        assert_eq!(detect_language(french), None);
        assert_eq!(detect_language("12 34 !!"), None);
    }
}

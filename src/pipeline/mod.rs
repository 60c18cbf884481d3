//! The extraction pipeline: `Pipeline::extract` runs the stages in a fixed order over one
//! [`Document`](doc::Document): normalise and segment → entity mentions, counts and
//! times → quotes → events → response assembly with offsets in the requested unit.

pub mod budget;
pub mod doc;
pub mod lang;
pub mod lexicon;
pub mod model;
pub mod stages;
pub mod text;

mod assemble;
#[cfg(test)]
pub(crate) mod testing;

use budget::Budget;
use doc::{Document, detect_language};
use lexicon::{LexiconError, Lexicons};
use model::{ExtractRequest, Extraction, Language};
use std::path::Path;
use std::sync::Arc;

/// Why a request could not be extracted (all client errors; the pipeline itself cannot fail).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ExtractError {
    /// The text is empty or only whitespace.
    #[error("the text is empty")]
    EmptyText,
    /// The text is longer than the configured limit.
    #[error("the text has {chars} characters; the limit is {limit}")]
    TextTooLong {
        /// Characters in the text.
        chars: usize,
        /// The configured limit.
        limit: usize,
    },
    /// The language is neither `ar`, `en` nor `auto`.
    #[error("unsupported language {0:?}: use ar, en or auto")]
    UnsupportedLanguage(String),
    /// `auto` found no letters, or a language other than Arabic and English.
    #[error("the text is not in a supported language (Arabic or English); set language to ar or en to force one")]
    UndetectableLanguage,
    /// `published_at` is not a date.
    #[error("published_at {0:?} is not YYYY-MM-DD or RFC 3339")]
    BadDate(String),
    /// The extraction ran past its deadline and was stopped.
    #[error("the extraction ran past its deadline and was stopped")]
    DeadlineExceeded,
}

impl ExtractError {
    /// A short, fixed name for logs and metrics (never the client's values).
    pub fn code(&self) -> &'static str {
        match self {
            ExtractError::EmptyText => "empty_text",
            ExtractError::TextTooLong { .. } => "text_too_long",
            ExtractError::UnsupportedLanguage(_) => "unsupported_language",
            ExtractError::UndetectableLanguage => "undetectable_language",
            ExtractError::BadDate(_) => "bad_date",
            ExtractError::DeadlineExceeded => "deadline_exceeded",
        }
    }
}

/// A stage: reads the layers of the document that earlier stages filled and fills its own.
pub type Stage = fn(&mut Document, &Lexicons);

/// The stages, in the order they run; each fills one layer of the [`Document`].
pub const STAGES: &[(&str, Stage)] = &[
    ("hits", stages::hits::run),
    ("mentions", stages::mentions::run),
    ("phrases", stages::phrases::run),
    ("counts", stages::numbers::run),
    ("times", stages::dates::run),
    ("quotes", stages::quotes::run),
    ("event mentions", stages::events::detect),
    ("event clusters", stages::events::merge),
];

/// The compiled pipeline, cheap to clone and shared by all requests.
#[derive(Clone, Debug)]
pub struct Pipeline {
    lexicons: Arc<Lexicons>,
    max_text_chars: usize,
}

impl Pipeline {
    /// Loads and compiles the lexicons (embedded, or overridden from `lexicon_dir`).
    pub fn load(lexicon_dir: Option<&Path>, max_text_chars: usize) -> Result<Pipeline, LexiconError> {
        Ok(Pipeline { lexicons: Arc::new(Lexicons::load(lexicon_dir)?), max_text_chars })
    }

    /// The compiled lexicons.
    pub fn lexicons(&self) -> &Lexicons {
        &self.lexicons
    }

    /// Checks a request without extracting: the language to read it in and the anchor date.
    pub fn validate(&self, req: &ExtractRequest) -> Result<(Language, Option<chrono::NaiveDate>), ExtractError> {
        if req.text.trim().is_empty() {
            return Err(ExtractError::EmptyText);
        }
        let chars = req.text.chars().count();
        if chars > self.max_text_chars {
            return Err(ExtractError::TextTooLong { chars, limit: self.max_text_chars });
        }
        let language = match req.language.as_deref().map(|l| l.trim().to_ascii_lowercase()) {
            None => None,
            Some(l) if l.is_empty() || l == "auto" => None,
            Some(l) if l == "ar" || l == "ara" || l == "arabic" => Some(Language::Ar),
            Some(l) if l == "en" || l == "eng" || l == "english" => Some(Language::En),
            Some(_) => {
                return Err(ExtractError::UnsupportedLanguage(req.language.clone().unwrap_or_default()));
            }
        };
        let language = match language {
            Some(l) => l,
            None => detect_language(&req.text).ok_or(ExtractError::UndetectableLanguage)?,
        };
        let published = match req.published_at.as_deref().filter(|s| !s.trim().is_empty()) {
            None => None,
            Some(s) => Some(stages::dates::parse_published(s).ok_or_else(|| ExtractError::BadDate(s.to_string()))?),
        };
        Ok((language, published))
    }

    /// Extracts events, quotes and entities from one article, without a deadline.
    pub fn extract(&self, req: &ExtractRequest) -> Result<Extraction, ExtractError> {
        self.extract_within(req, &Budget::unlimited())
    }

    /// Extracts events, quotes and entities from one article; stops with
    /// [`ExtractError::DeadlineExceeded`] once `budget` is spent.
    pub fn extract_within(&self, req: &ExtractRequest, budget: &Budget) -> Result<Extraction, ExtractError> {
        let (language, published) = self.validate(req)?;
        let mut doc = Document::read(&req.text, language, &self.lexicons).with_budget(budget);
        doc.published = published;
        for (_name, stage) in STAGES {
            if budget.exhausted_now() {
                return Err(ExtractError::DeadlineExceeded);
            }
            stage(&mut doc, &self.lexicons);
        }
        if budget.exhausted_now() {
            return Err(ExtractError::DeadlineExceeded);
        }
        let mut out = assemble::run(&doc, &self.lexicons);
        out.id = req.id.clone();
        let unit = req.offsets.unwrap_or_default();
        text::offsets::convert(&mut out, &req.text, unit);
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    fn pipeline() -> Pipeline {
        Pipeline::load(None, 200_000).expect("the embedded lexicons load")
    }

    #[test]
    fn a_spent_budget_stops_the_job() {
        let req =
            ExtractRequest { text: "قصفت الطائرات مدينة حلب يوم الاثنين.".repeat(200), ..Default::default() };
        let spent = Budget::until(Instant::now());
        assert_eq!(pipeline().extract_within(&req, &spent).unwrap_err(), ExtractError::DeadlineExceeded);
        let ample = Budget::lasting(Duration::from_secs(600));
        assert!(!pipeline().extract_within(&req, &ample).unwrap().events.is_empty());
    }

    #[test]
    fn the_stages_fill_the_layers_in_order() {
        let names: Vec<&str> = STAGES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["hits", "mentions", "phrases", "counts", "times", "quotes", "event mentions", "event clusters"]);
        let doc = testing::through("event clusters", Language::Ar, "قال المسؤول إن الغارة على البوكمال قتلت سبعة أشخاص الاثنين.");
        assert!(!doc.hits.events.is_empty() && !doc.mentions.all.is_empty() && !doc.counts.is_empty());
        assert!(!doc.phrases.phrases.is_empty());
        assert!(!doc.times.is_empty() && !doc.quotes.is_empty() && !doc.event_mentions.is_empty() && !doc.clusters.is_empty());
    }
}

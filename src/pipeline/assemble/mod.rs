//! The response: builds the [`Extraction`] from the document's layers once every stage has
//! run — the entity registry, events with their arguments, quotes with their speakers —
//! with byte offsets into the submitted text (the caller converts them to the asked unit).

mod events;
mod names;
mod quotes;
mod registry;

use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::Lexicons;
use crate::pipeline::model::{Extraction, OffsetUnit, Span};
use registry::Registry;

pub(super) fn span_of(doc: &Document, norm_start: usize, norm_end: usize) -> Span {
    let (s, e) = doc.original(norm_start, norm_end);
    Span { text: doc.text[s..e].to_string(), start: s, end: e }
}

pub(super) fn token_span(doc: &Document, tokens: TokenSpan) -> Span {
    let t = doc.tokens();
    span_of(doc, t[tokens.start].start, t[tokens.last()].end)
}

/// Builds the response from the layers of `doc` (offsets in bytes).
pub fn run(doc: &Document, lexicons: &Lexicons) -> Extraction {
    let registry = Registry::build(doc, &doc.mentions, lexicons, lexicons.get(doc.language));
    let events = events::events(doc, lexicons, &registry);
    let quotes = quotes::quotes(doc, &registry);
    Extraction { id: None, language: doc.language, offsets: OffsetUnit::Bytes, events, quotes, entities: registry.entities }
}

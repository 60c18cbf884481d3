//! Quotes: direct (inside quotation marks), indirect (a cue and its complement) and mixed,
//! with speakers found in the cue's clause or resolved to an earlier mention by gender and
//! number, chains with `via` (نقلت رويترز عن مسؤول …), "according to" attributions and
//! headline attributions («صحيفة: …»).
//!
//! [`run`] takes the cues in text order; [`cues`] holds the marks and the cue patterns every
//! language shares, [`arabic`] and [`english`] read the rest of a cue per language (behind
//! [`cues::CueReader`]), [`speaker`] finds and resolves subjects, [`continuation`] adds the
//! quotes without a cue, and [`bound`] keeps the output linear in the text. Every lookup goes
//! through per-token indexes ([`context`]) or a window around the cue, so the stage runs in
//! `n log n` on any text.

mod arabic;
pub mod bound;
mod context;
mod continuation;
mod cues;
mod english;
mod labels;
mod speaker;
#[cfg(test)]
mod tests;

use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::matcher::{Gender, Number};
use crate::pipeline::lexicon::{CueKind, Lexicons};
use context::Ctx;
use foldhash::HashSet;

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// Written as the cue's subject.
    Explicit,
    /// Resolved to an earlier mention.
    Implicit,
    /// "Newspaper: …" headline.
    Headline,
}

/// A speaker: tokens `[first, last]` and what they refer to.
#[derive(Debug, Clone)]
pub struct SpeakerRef {
    /// Its tokens.
    pub tokens: TokenSpan,
    /// How it was found.
    pub resolution: Resolution,
    /// The entity mention at its head, if any (index into `Mentions::all`).
    pub mention: Option<usize>,
    /// Gender for later agreement.
    pub gender: Gender,
    /// Number for later agreement.
    pub number: Number,
}

/// A quote before it is turned into the response type.
#[derive(Debug, Clone)]
pub struct QuoteMention {
    /// `direct`, `indirect` or `mixed`.
    pub kind: &'static str,
    /// The content.
    pub content: TokenSpan,
    /// The cue.
    pub cue: Option<TokenSpan>,
    /// The speaker.
    pub speaker: Option<SpeakerRef>,
    /// The relay (نقلت رويترز عن …).
    pub via: Option<TokenSpan>,
    /// Sentence of the content's start.
    pub sentence: usize,
}

/// Fills [`Document::quotes`] from the hits, mentions and times layers.
pub fn run(doc: &mut Document, lexicons: &Lexicons) {
    let ctx = Ctx::new(doc, lexicons.get(doc.language));
    let quotes = find_quotes(ctx);
    doc.quotes = quotes;
}

/// How many quotes back, in the same sentence, an «…، وفق X» may attach to as its source.
const SOURCE_LOOKBACK: usize = 16;

/// Finds all quotes, in text order: the headline, one per cue, then the continuations.
/// A quote's content and cue token pairs: two quotes with the same are one.
type QuoteKey = (TokenSpan, Option<TokenSpan>);

fn find_quotes(mut ctx: Ctx) -> Vec<QuoteMention> {
    let mut out: Vec<QuoteMention> = Vec::new();
    continuation::headline(&ctx, &mut out);
    let mut seen: HashSet<QuoteKey> = out.iter().map(|q| (q.content, q.cue)).collect();
    let cues = ctx.cues;
    for cue in cues {
        if ctx.doc().out_of_time() {
            break;
        }
        let entry = &ctx.lex.quote_cues.entries()[cue.entry];
        if entry.blocks {
            continue;
        }
        let found = match entry.kind {
            CueKind::According => cues::according(&ctx, cue),
            kind => ctx.reader.read(&ctx, cue, kind, entry.announce),
        };
        let Some(q) = found else { continue };
        if let Some(s) = &q.speaker {
            ctx.push_speaker(s.clone());
        }
        // «…، وفق الصحيفة» after an attributed quote is its source, not a new quote
        if entry.kind == CueKind::According
            && let Some(prev) = out
                .iter_mut()
                .rev()
                .take(SOURCE_LOOKBACK)
                .take_while(|p| p.sentence + 1 >= q.sentence)
                .find(|p| p.sentence == q.sentence && p.content.last() + 3 >= q.cue.map_or(0, |c| c.start))
        {
            if prev.via.is_none() {
                prev.via = q.speaker.as_ref().map(|s| s.tokens);
            }
            continue;
        }
        if seen.insert((q.content, q.cue)) {
            out.push(q);
        }
    }
    bound::bound_depth(&mut out, ctx.doc().tokens().len());
    out.sort_by_key(|q| (q.content.start, q.cue.map(|c| c.start)));
    continuation::signed(&ctx, &mut out);
    continuation::after_colon(&ctx, &mut out);
    out.sort_by_key(|q| (q.content.start, q.cue.map(|c| c.start)));
    continuation::continuations(&ctx, &mut out);
    out.retain(|q| !labels::is_quoted_label(&ctx, q));
    out.sort_by_key(|q| (q.content.start, q.cue.map(|c| c.start)));
    out
}

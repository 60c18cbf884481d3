//! Quotation marks, the shape of a quote's content, and the cue patterns every language
//! shares («وفق X» / "according to X", «…، كما أعلنت X»); the rest of a cue's reading is
//! per language, behind [`CueReader`].

use super::QuoteMention;
use super::context::Ctx;
use super::{arabic, english};
use crate::pipeline::doc::Document;
use crate::pipeline::lexicon::CueKind;
use crate::pipeline::lexicon::matcher::Hit;
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::model::Language;
use crate::pipeline::stages::mentions::MentionKind;
use crate::pipeline::text::segment::TokenKind;

/// A pair of quotation marks: the tokens of the opening and closing marks.
#[derive(Debug, Clone, Copy)]
pub(super) struct QuoteMarks {
    /// The opening mark.
    pub open: usize,
    /// The closing mark.
    pub close: usize,
}

/// The quotation marks of `doc`, paired in order within each paragraph.
pub(super) fn quote_marks(doc: &Document) -> Vec<QuoteMarks> {
    let mut out = Vec::new();
    for p in &doc.seg.paragraphs {
        if p.is_empty() {
            continue;
        }
        let toks = doc.seg.sentences[p.start].tokens.start..doc.seg.sentences[p.end - 1].tokens.end;
        let marks: Vec<usize> = toks.filter(|&i| doc.tokens()[i].kind == TokenKind::Quote).collect();
        for pair in marks.chunks(2) {
            if let [open, close] = pair
                && close > &(open + 1)
            {
                out.push(QuoteMarks { open: *open, close: *close });
            }
        }
    }
    out
}

/// How one language reads a quote cue: where its speaker and its content stand.
pub(super) trait CueReader: Sync {
    /// The quote that cue `cue` (of lexicon kind `kind`; `announce` when it needs a
    /// complementiser) introduces, if any.
    fn read(&self, ctx: &Ctx, cue: &Hit, kind: CueKind, announce: bool) -> Option<QuoteMention>;

    /// True when a noun phrase before the cue in its sentence (a fronted subject, SVO) names
    /// the speaker of a cue whose subject is not written after it.
    fn fronted_subject(&self) -> bool;
}

/// The cue reader of `language`.
pub(super) fn reader(language: Language) -> &'static dyn CueReader {
    match language {
        Language::Ar => &arabic::Arabic,
        Language::En => &english::English,
    }
}

impl Ctx<'_> {
    /// True when a short quoted fragment is followed by more words of the same clause
    /// (said "a bomb" had gone off): the content is the whole clause.
    pub fn fragment_runs_on(&self, m: &QuoteMarks) -> bool {
        let doc = self.doc();
        doc.tokens().get(m.close + 1).is_some_and(|t| t.kind == TokenKind::Word && self.cue_at(m.close + 1).is_none())
    }

    /// Trims trailing punctuation from a content range.
    pub fn trim_content(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
        let doc = self.doc();
        while a <= b && doc.tokens()[a].kind == TokenKind::Punct {
            a += 1;
        }
        while b > a && doc.tokens()[b].kind == TokenKind::Punct {
            b -= 1;
        }
        // an unmatched quote mark at either end is not content
        if a < b && doc.tokens()[b].kind == TokenKind::Quote && self.mark_closing_at(b).is_none_or(|m| m.open < a) {
            b -= 1;
        }
        if a < b && doc.tokens()[a].kind == TokenKind::Quote && self.mark_opening_at(a).is_none_or(|m| m.close > b) {
            a += 1;
        }
        if a + 1 < b && self.mark_opening_at(a).is_some_and(|m| m.close == b) {
            a += 1;
            b -= 1;
        }
        (a <= b && doc.tokens()[a].kind != TokenKind::Punct).then_some((a, b))
    }

    /// `direct` when the content is exactly a quotation, `mixed` when it holds or opens one,
    /// `indirect` otherwise. The marks are disjoint and in order: two binary searches.
    pub fn kind_of(&self, a: usize, b: usize) -> &'static str {
        // the first quotation inside [a - 1, b + 1]: the exact one if there is one
        let k = self.marks.partition_point(|m| m.open + 1 < a);
        let inner = self.marks.get(k).filter(|m| m.close <= b + 1);
        let opens_inside = self.marks.get(self.marks.partition_point(|m| m.open < a)).is_some_and(|m| m.open <= b);
        if inner.is_some_and(|m| m.open + 1 == a && m.close == b + 1) {
            "direct"
        } else if inner.is_some() || opens_inside {
            "mixed"
        } else {
            "indirect"
        }
    }
}

/// Most tokens of a quoted source name after an attribution («وفق "رويترز"»); a longer
/// quotation there is the content.
const QUOTED_SOURCE_TOKENS: usize = 8;

/// How many tokens after an opening attribution's source the comma before a clause of its own
/// may stand.
const CUE_AFTER_SOURCE_TOKENS: usize = 6;

/// «وفق X» / "according to X": the speaker follows; the content is the rest of the sentence
/// (after the attribution when it opens the sentence, before it otherwise).
pub(super) fn according(ctx: &Ctx, cue: &Hit) -> Option<QuoteMention> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue.tokens.start);
    let s_end = ctx.sentence_end(cue.tokens.start);
    let mut np_start = cue.tokens.end;
    // حسبما أعلن البنتاغون: skip the verb, and «به» in «بحسب ما أفادت به»
    if let Some(v) = ctx.cue_at(np_start) {
        np_start = v.tokens.end;
    }
    while np_start < s_end && ctx.is(WordClass::AccordingFiller, np_start) {
        np_start += 1;
        if let Some(v) = ctx.cue_at(np_start) {
            np_start = v.tokens.end;
        }
    }
    // «بيانا صادرا عن الفرقة 30 جاء فيه «استنكرت قيادة الفرقة …»»: the quotation after the cue
    // is the content, and the source is named before it
    if let Some(m) = ctx.mark_opening_at(np_start).filter(|m| m.close <= s_end + 1 && m.close - m.open > QUOTED_SOURCE_TOKENS) {
        let (a, b) = ctx.trim_content(m.open + 1, m.close - 1)?;
        let speaker = source_before(ctx, s_start, cue.tokens.start)?;
        return Some(ctx.quote((a, b), cue, Some(speaker), None));
    }
    while np_start <= s_end && doc.tokens()[np_start].kind == TokenKind::Quote {
        np_start += 1;
    }
    let limit = (s_end + 1).min(np_start + 10);
    // «وفق الضوابط الشرعية», "according to plan": in accordance with rules, no source
    let head = if np_start < s_end && ctx.is(WordClass::Determiner, np_start) { np_start + 1 } else { np_start };
    if head <= s_end && ctx.is(WordClass::AccordingNonSource, head) {
        return None;
    }
    let np = ctx.noun_phrase(np_start, limit)?;
    let speaker = ctx.speaker(np, super::Resolution::Explicit);
    let mut np_end = np.1;
    if doc.tokens().get(np_end + 1).is_some_and(|t| t.kind == TokenKind::Quote) {
        np_end += 1;
    }
    // "Since last November, according to X, forces have killed …": an attribution set off by
    // commas in mid-sentence governs the longer side
    let before_len = cue.tokens.start.saturating_sub(s_start);
    let after_len = s_end.saturating_sub(np_end);
    let mid = doc.tokens().get(np_end + 1).is_some_and(|t| t.kind != TokenKind::Word) && ctx.is(WordClass::Comma, np_end + 1);
    let opening = cue.tokens.start <= s_start + 1 || (mid && after_len > 2 * before_len);
    let (a, b) = if opening {
        // وحسب المصدر فإن …
        let mut a = np_end + 1;
        // «ووفقا لما جاء في حسابه على تويتر، فقد قال إن …»: a cue of its own right after the
        // source reads the clause; the attribution adds no second quote
        let clause = (a..=s_end.min(a + CUE_AFTER_SOURCE_TOKENS)).find(|&k| ctx.is(WordClass::Comma, k)).map_or(a, |k| k + 1);
        if (clause..=s_end.min(clause + 2)).any(|k| ctx.cue_at(k).is_some()) {
            return None;
        }
        if let Some(c) = ctx.comp_at(a).or_else(|| ctx.comp_at(a + 1)) {
            a = c.tokens.end;
        }
        (a, s_end)
    } else {
        // «وفقا لما جاء في …»: the second cue of one attribution has no content before it
        let before = ctx.cues.partition_point(|h| h.tokens.start < cue.tokens.start);
        if before > 0 && ctx.cues[before - 1].tokens.end == cue.tokens.start {
            return None;
        }
        (s_start, cue.tokens.start.saturating_sub(1))
    };
    let (a, b) = ctx.trim_content(a, b)?;
    Some(ctx.quote((a, b), cue, Some(speaker), None))
}

/// The source of what a statement said, named in `[s_start, cue)`: the phrase after a relay
/// preposition («بيانا صادرا عن الفرقة 30 جاء فيه …»), else the last organisation, person or
/// role.
fn source_before(ctx: &Ctx, s_start: usize, cue: usize) -> Option<super::SpeakerRef> {
    // «صادرا عن X»: the phrase after the relay preposition
    if let Some(k) = (s_start..cue).rev().find(|&k| ctx.is(WordClass::RelayPreposition, k))
        && let Some(np) = ctx.noun_phrase(k + 1, cue)
    {
        return Some(ctx.speaker(np, super::Resolution::Implicit));
    }
    let all = &ctx.mentions.all;
    let upto = all.partition_point(|m| m.tokens.start < cue);
    let lo = all.partition_point(|m| m.tokens.start < s_start);
    let mi = (lo..upto).rev().find(|&mi| {
        matches!(all[mi].kind, MentionKind::Actor(_) | MentionKind::Person | MentionKind::Role(_)) && all[mi].tokens.last() < cue
    })?;
    let m = &all[mi];
    let np = ctx.noun_phrase(m.tokens.start, cue).unwrap_or((m.tokens.start, m.tokens.last(), Some(mi)));
    Some(ctx.speaker(np, super::Resolution::Implicit))
}

/// True when only the cue's subject and at most a short phrase («في بيان») stand between the
/// cue and token `at`: a quotation there is what the cue introduces, not an object's name.
pub(super) fn close_to_cue(ctx: &Ctx, cue: &Hit, at: usize) -> bool {
    let mut k = cue.tokens.end;
    if let Some(np) = ctx.noun_phrase(k, at).filter(|np| !ctx.has_preposition(np.0)) {
        k = np.1 + 1;
    }
    let gap = at.saturating_sub(k);
    gap == 0 || (gap <= 3 && (ctx.is(WordClass::CueAdjunct, k) || ctx.has_preposition(k)))
}

/// «…، كما أعلنت السلطات المحلية.» : a cue after the reported clause, introduced by كما.
pub(super) fn closing_attribution(ctx: &Ctx, cue: &Hit) -> Option<QuoteMention> {
    let s_start = ctx.sentence_start(cue.tokens.start);
    let s_end = ctx.sentence_end(cue.tokens.start);
    if cue.tokens.start < s_start + 4 || !ctx.is(WordClass::ClosingMarker, cue.tokens.start - 1) || !ctx.is_stop(cue.tokens.start - 2) {
        return None;
    }
    let np = ctx.noun_phrase(cue.tokens.end, s_end + 1)?;
    if np.1 + 2 < s_end || np.2.is_none() {
        return None;
    }
    let (a, b) = ctx.trim_content(s_start, cue.tokens.start - 3)?;
    let speaker = ctx.subject(np, cue);
    Some(ctx.quote((a, b), cue, Some(speaker), None))
}

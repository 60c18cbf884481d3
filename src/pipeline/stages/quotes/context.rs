//! What the quote finders share: the layers they read, indexed per token so that every
//! lookup a cue makes is constant time or a binary search, never a scan of the document.

use super::cues::{CueReader, QuoteMarks, quote_marks, reader};
use super::{QuoteMention, SpeakerRef};
use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lang::{Grammar, grammar};
use crate::pipeline::lexicon::matcher::{Gender, Hit, Number};
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::lexicon::{CueKind, LanguageLexicons};
use crate::pipeline::stages::mentions::{Mention, Mentions};
use crate::pipeline::text::segment::TokenKind;

/// What starts or ends at one token, for constant-time lookups.
#[derive(Debug, Clone, Copy, Default)]
struct TokenIndex {
    comp: Option<u32>,
    cue: Option<u32>,
    mention: Option<u32>,
    mark_open: Option<u32>,
    mark_close: Option<u32>,
    /// The last mention (by index) that ends here.
    mention_ending: Option<u32>,
    /// The token is inside a time expression.
    in_time: bool,
    /// The first `according to` cue starting at this token or later.
    next_according: Option<u32>,
}

/// The state of one run of the quote stage over a document.
pub(super) struct Ctx<'a> {
    doc: &'a Document<'a>,
    /// The document's language lexicons.
    pub lex: &'a LanguageLexicons,
    /// The document's grammar (word order).
    pub grammar: &'static dyn Grammar,
    /// The per-language cue reader.
    pub reader: &'static dyn CueReader,
    /// Entity mentions.
    pub mentions: &'a Mentions,
    /// Pairs of quotation marks, in text order (disjoint).
    pub marks: Vec<QuoteMarks>,
    /// Complementiser hits.
    pub comps: &'a [Hit],
    /// Quote cue hits, in text order.
    pub cues: &'a [Hit],
    /// The speakers found so far, in cue order.
    pub speakers: Vec<SpeakerRef>,
    /// The index in `speakers` of the latest speaker of each gender and number.
    latest: Vec<(Gender, Number, usize)>,
    at: Vec<TokenIndex>,
}

/// The longest adjunct opening a sentence before its comma, in tokens.
const OPENING_ADJUNCT_TOKENS: usize = 20;

impl<'a> Ctx<'a> {
    /// Indexes the layers of `doc` that the quote stage reads.
    pub fn new(doc: &'a Document<'a>, lex: &'a LanguageLexicons) -> Ctx<'a> {
        let marks = quote_marks(doc);
        let comps = &doc.hits.complementizers;
        let cues = &doc.hits.quote_cues;
        let mentions = &doc.mentions;
        let mut at = vec![TokenIndex::default(); doc.tokens().len()];
        for (i, c) in comps.iter().enumerate() {
            at[c.tokens.start].comp.get_or_insert(i as u32);
        }
        for (i, c) in cues.iter().enumerate() {
            at[c.tokens.start].cue.get_or_insert(i as u32);
        }
        for (i, m) in mentions.all.iter().enumerate() {
            at[m.tokens.start].mention.get_or_insert(i as u32);
            at[m.tokens.last()].mention_ending = Some(i as u32);
        }
        for (i, m) in marks.iter().enumerate() {
            at[m.open].mark_open.get_or_insert(i as u32);
            at[m.close].mark_close.get_or_insert(i as u32);
        }
        for t in &doc.times {
            for slot in &mut at[t.tokens.start..=t.tokens.last().min(doc.tokens().len().saturating_sub(1))] {
                slot.in_time = true;
            }
        }
        let mut pending = cues
            .iter()
            .enumerate()
            .filter(|(_, c)| lex.quote_cues.entries()[c.entry].kind == CueKind::According)
            .map(|(i, c)| (c.tokens.start, i as u32))
            .rev()
            .peekable();
        let mut current = None;
        for i in (0..at.len()).rev() {
            while let Some(&(first, ci)) = pending.peek() {
                if first < i {
                    break;
                }
                current = Some(ci);
                pending.next();
            }
            at[i].next_according = current;
        }
        let (grammar, reader) = (grammar(doc.language), reader(doc.language));
        Ctx { doc, lex, grammar, reader, mentions, marks, comps, cues, speakers: Vec::new(), latest: Vec::new(), at }
    }

    /// The document.
    pub fn doc(&self) -> &'a Document<'a> {
        self.doc
    }
}

impl Ctx<'_> {
    /// True when the word at token `i` belongs to `class` of the document's language.
    pub fn is(&self, class: WordClass, i: usize) -> bool {
        self.word_is(class, self.doc.word(i))
    }
    /// True when `w` belongs to `class` of the document's language.
    pub fn word_is(&self, class: WordClass, w: &str) -> bool {
        self.lex.words.contains(class, w)
    }
    /// True when `w` starts with a word of `class`.
    pub fn starts_with(&self, class: WordClass, w: &str) -> bool {
        self.lex.words.prefix_of(class, w).is_some()
    }
    /// The last token of the sentence of token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        let s = self.doc.sentence_of(i);
        self.doc.seg.sentences[s].tokens.end - 1
    }
    /// The first token of the sentence of token `i`.
    pub fn sentence_start(&self, i: usize) -> usize {
        let s = self.doc.sentence_of(i);
        self.doc.seg.sentences[s].tokens.start
    }
    /// The complementiser starting at token `i`.
    pub fn comp_at(&self, i: usize) -> Option<&Hit> {
        self.at.get(i)?.comp.map(|c| &self.comps[c as usize])
    }
    /// The cue starting at token `i`.
    pub fn cue_at(&self, i: usize) -> Option<&Hit> {
        self.at.get(i)?.cue.map(|c| &self.cues[c as usize])
    }
    /// The first `according to` cue starting after token `i`.
    pub fn according_after(&self, i: usize) -> Option<&Hit> {
        self.at.get(i + 1)?.next_according.map(|c| &self.cues[c as usize])
    }
    /// The quotation opening at token `i`.
    pub fn mark_opening_at(&self, i: usize) -> Option<QuoteMarks> {
        self.at.get(i)?.mark_open.map(|m| self.marks[m as usize])
    }
    /// The quotation closing at token `i`.
    pub fn mark_closing_at(&self, i: usize) -> Option<QuoteMarks> {
        self.at.get(i)?.mark_close.map(|m| self.marks[m as usize])
    }
    /// The quotation whose marks enclose tokens `[first, last]`.
    pub fn marks_around(&self, first: usize, last: usize) -> Option<QuoteMarks> {
        let k = self.marks.partition_point(|m| m.open < first);
        let m = *self.marks.get(k.checked_sub(1)?)?;
        (last < m.close).then_some(m)
    }
    /// True when token `i` is inside a time expression.
    pub fn in_time(&self, i: usize) -> bool {
        self.at.get(i).is_some_and(|t| t.in_time)
    }
    /// True when token `k` is the dot of an abbreviation or an initial ("Mr.", "Harry M.
    /// Reid"): a dot the sentence goes on after.
    pub fn inner_dot(&self, k: usize) -> bool {
        let doc = self.doc;
        doc.word(k) == "." && k + 1 < doc.tokens().len() && doc.sentence_of(k) == doc.sentence_of(k + 1)
    }
    /// True when the original text of token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        let t = &self.doc.tokens()[i];
        let (s, _) = self.doc.original(t.start, t.end);
        self.doc.text[s..].starts_with(|c: char| c.is_uppercase())
    }
    /// The first token after an adjunct opening the sentence at `start` and set off by a comma
    /// before `end` ("On the eve of his election, Netanyahu …", «وفي الشهر الماضي، أوقف …»), or
    /// after a time with no comma («وفي يناير/كانون الثاني أصدرت …»); `start` when none opens it.
    pub fn after_opening_adjunct(&self, start: usize, end: usize) -> usize {
        if start >= end || !self.is(WordClass::OpeningAdjunct, start) {
            return start;
        }
        let reach = (start + OPENING_ADJUNCT_TOKENS).min(end);
        if let Some(comma) = (start + 1..reach).find(|&k| self.is(WordClass::Comma, k)) {
            return comma + 1;
        }
        let mut k = start + 1;
        if k < reach && self.in_time(k) {
            while k < reach && (self.in_time(k) || self.doc.tokens()[k].kind != TokenKind::Word) {
                k += 1;
            }
            return k;
        }
        start
    }
    /// True when token `i` is punctuation that stops a phrase.
    pub fn is_stop(&self, i: usize) -> bool {
        let t = &self.doc.tokens()[i];
        t.kind != TokenKind::Word && self.is(WordClass::PhraseStop, i)
    }
    /// The mention starting at token `i` (the longest).
    pub fn mention_at(&self, i: usize) -> Option<(usize, &Mention)> {
        let m = self.at.get(i)?.mention? as usize;
        Some((m, &self.mentions.all[m]))
    }
    /// The last mention (by index) that ends at token `i`.
    pub fn mention_ending_at(&self, i: usize) -> Option<usize> {
        self.at.get(i)?.mention_ending.map(|m| m as usize)
    }
    /// The indices of the mentions that start in `[start, end]`.
    fn mentions_from(&self, start: usize, end: usize) -> std::ops::Range<usize> {
        let all = &self.mentions.all;
        let a = all.partition_point(|m| m.tokens.start < start);
        let b = all.partition_point(|m| m.tokens.start <= end);
        a..b.max(a)
    }
    /// The first mention (by index) inside tokens `[start, end]`.
    pub fn first_mention_within(&self, start: usize, end: usize) -> Option<usize> {
        self.mentions_from(start, end).find(|&i| self.mentions.all[i].tokens.last() <= end)
    }
    /// The last mention (by index) inside tokens `[start, end]`.
    pub fn last_mention_within(&self, start: usize, end: usize) -> Option<usize> {
        self.mentions_from(start, end).rev().find(|&i| self.mentions.all[i].tokens.last() <= end)
    }
    /// Records a speaker found for a quote.
    pub fn push_speaker(&mut self, s: SpeakerRef) {
        let i = self.speakers.len();
        match self.latest.iter_mut().find(|(g, n, _)| *g == s.gender && *n == s.number) {
            Some(slot) => slot.2 = i,
            None => self.latest.push((s.gender, s.number, i)),
        }
        self.speakers.push(s);
    }
    /// The most recent speaker whose gender and number pass `agrees`.
    pub fn latest_speaker(&self, agrees: impl Fn(Gender, Number) -> bool) -> Option<&SpeakerRef> {
        let i = self.latest.iter().filter(|(g, n, _)| agrees(*g, *n)).map(|(_, _, i)| *i).max()?;
        Some(&self.speakers[i])
    }

    /// A quote with content `[a, b]` attributed through `cue`; its kind follows its marks.
    pub fn quote(&self, (a, b): (usize, usize), cue: &Hit, speaker: Option<SpeakerRef>, via: Option<TokenSpan>) -> QuoteMention {
        QuoteMention {
            kind: self.kind_of(a, b),
            content: TokenSpan::inclusive(a, b),
            cue: Some(cue.tokens),
            speaker,
            via,
            sentence: self.doc.sentence_of(a),
        }
    }
}

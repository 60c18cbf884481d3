//! Quotes: direct (inside quotation marks), indirect (a cue and its complement) and mixed,
//! with speakers found in the cue's clause or resolved to an earlier mention by gender and
//! number, chains with `via` (نقلت رويترز عن مسؤول …), "according to" attributions and
//! headline attributions («صحيفة: …»).

use super::document::Document;
use super::lexicon::{CueKind, LanguageLexicons, Lexicons};
use super::matcher::{Gender, Hit, Number};
use super::mentions::{Mention, MentionKind, Mentions};
use super::model::Language;
use super::segment::TokenKind;
use super::words::WordClass;
use std::ops::Range;

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
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
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
    /// Content tokens `[first, last]`.
    pub content: (usize, usize),
    /// Cue tokens.
    pub cue: Option<(usize, usize)>,
    /// The speaker.
    pub speaker: Option<SpeakerRef>,
    /// The relay (نقلت رويترز عن …).
    pub via: Option<(usize, usize)>,
    /// Sentence of the content's start.
    pub sentence: usize,
}

/// A pair of quotation marks: the tokens of the opening and closing marks.
#[derive(Debug, Clone, Copy)]
struct QuoteMarks {
    open: usize,
    close: usize,
}

fn quote_marks(doc: &Document) -> Vec<QuoteMarks> {
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

fn is_time_token(doc: &Document, times: &[Range<usize>], i: usize) -> bool {
    let _ = doc;
    times.iter().any(|r| r.contains(&i))
}

/// Fills [`Document::quotes`] from the hits, mentions and times layers.
pub fn run(doc: &mut Document, lexicons: &Lexicons) {
    let inputs = QuoteInputs {
        doc,
        lex: lexicons.get(doc.language),
        mentions: &doc.mentions,
        times: doc.times.iter().map(|t| t.first..t.last + 1).collect(),
    };
    let quotes = find_quotes(&inputs);
    doc.quotes = quotes;
}

/// The layers the quote stage reads.
struct QuoteInputs<'a> {
    /// The document.
    pub doc: &'a Document<'a>,
    /// Its language's lexicons.
    pub lex: &'a LanguageLexicons,
    /// Entity mentions.
    pub mentions: &'a Mentions,
    /// Token ranges of time expressions.
    pub times: Vec<Range<usize>>,
}

struct Ctx<'a> {
    inp: &'a QuoteInputs<'a>,
    marks: Vec<QuoteMarks>,
    comps: &'a [Hit],
    cues: &'a [Hit],
    speakers: Vec<SpeakerRef>,
    /// Per token: what starts there (indices into the lists above and into the mentions).
    at: Vec<TokenIndex>,
}

/// What starts or ends at one token, for constant-time lookups.
#[derive(Debug, Clone, Copy, Default)]
struct TokenIndex {
    comp: Option<u32>,
    cue: Option<u32>,
    mention: Option<u32>,
    mark_open: Option<u32>,
    mark_close: Option<u32>,
}

impl<'a> Ctx<'a> {
    fn new(inp: &'a QuoteInputs<'a>) -> Ctx<'a> {
        let doc = inp.doc;
        let marks = quote_marks(doc);
        let comps = &doc.hits.complementizers;
        let cues = &doc.hits.quote_cues;
        let mut at = vec![TokenIndex::default(); doc.tokens().len()];
        for (i, c) in comps.iter().enumerate() {
            at[c.first].comp.get_or_insert(i as u32);
        }
        for (i, c) in cues.iter().enumerate() {
            at[c.first].cue.get_or_insert(i as u32);
        }
        for (i, m) in inp.mentions.all.iter().enumerate() {
            at[m.first].mention.get_or_insert(i as u32);
        }
        for (i, m) in marks.iter().enumerate() {
            at[m.open].mark_open.get_or_insert(i as u32);
            at[m.close].mark_close.get_or_insert(i as u32);
        }
        Ctx { inp, marks, comps, cues, speakers: Vec::new(), at }
    }
}

impl Ctx<'_> {
    fn doc(&self) -> &Document<'_> {
        self.inp.doc
    }
    /// True when the word at token `i` belongs to `class` of the document's language.
    fn is(&self, class: WordClass, i: usize) -> bool {
        self.word_is(class, self.doc().word(i))
    }
    /// True when `w` belongs to `class` of the document's language.
    fn word_is(&self, class: WordClass, w: &str) -> bool {
        self.inp.lex.words.contains(class, w)
    }
    /// True when `w` starts with a word of `class`.
    fn starts_with(&self, class: WordClass, w: &str) -> bool {
        self.inp.lex.words.prefix_of(class, w).is_some()
    }
    fn sentence_end(&self, i: usize) -> usize {
        let s = self.doc().sentence_of(i);
        self.doc().seg.sentences[s].tokens.end - 1
    }
    fn sentence_start(&self, i: usize) -> usize {
        let s = self.doc().sentence_of(i);
        self.doc().seg.sentences[s].tokens.start
    }
    fn comp_at(&self, i: usize) -> Option<&Hit> {
        self.at.get(i)?.comp.map(|c| &self.comps[c as usize])
    }
    fn cue_at(&self, i: usize) -> Option<&Hit> {
        self.at.get(i)?.cue.map(|c| &self.cues[c as usize])
    }
    fn mark_opening_at(&self, i: usize) -> Option<QuoteMarks> {
        self.at.get(i)?.mark_open.map(|m| self.marks[m as usize])
    }
    fn mark_closing_at(&self, i: usize) -> Option<QuoteMarks> {
        self.at.get(i)?.mark_close.map(|m| self.marks[m as usize])
    }
    fn is_stop(&self, i: usize) -> bool {
        let t = &self.doc().tokens()[i];
        t.kind != TokenKind::Word && self.is(WordClass::PhraseStop, i)
    }

    /// A quote with content `[a, b]` attributed through `cue`; its kind follows its marks.
    fn quote(&self, (a, b): (usize, usize), cue: &Hit, speaker: Option<SpeakerRef>, via: Option<(usize, usize)>) -> QuoteMention {
        QuoteMention {
            kind: self.kind_of(a, b),
            content: (a, b),
            cue: Some((cue.first, cue.last)),
            speaker,
            via,
            sentence: self.doc().sentence_of(a),
        }
    }

    /// True when a short quoted fragment is followed by more words of the same clause
    /// (said "a bomb" had gone off): the content is the whole clause.
    fn fragment_runs_on(&self, m: &QuoteMarks) -> bool {
        let doc = self.doc();
        doc.tokens().get(m.close + 1).is_some_and(|t| t.kind == TokenKind::Word && self.cue_at(m.close + 1).is_none())
    }

    /// Trims trailing punctuation from a content range.
    fn trim_content(&self, mut a: usize, mut b: usize) -> Option<(usize, usize)> {
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

    fn kind_of(&self, a: usize, b: usize) -> &'static str {
        let inner: Vec<&QuoteMarks> = self.marks.iter().filter(|m| m.open + 1 >= a && m.close <= b + 1).collect();
        if inner.iter().any(|m| m.open + 1 == a && m.close == b + 1) || inner.iter().any(|m| m.open < a && m.close > b) {
            "direct"
        } else if !inner.is_empty() || self.marks.iter().any(|m| m.open >= a && m.open <= b) {
            "mixed"
        } else {
            "indirect"
        }
    }

    /// The mention starting at token `i` (the longest).
    fn mention_at(&self, i: usize) -> Option<(usize, &Mention)> {
        let m = self.at.get(i)?.mention? as usize;
        Some((m, &self.inp.mentions.all[m]))
    }

    /// An Arabic noun phrase starting at `i` and ending before `limit`: a mention extended
    /// by nationality adjectives, genitives and في/ب/باسم + mention chains.
    fn noun_phrase(&self, i: usize, limit: usize) -> Option<(usize, usize, Option<usize>)> {
        let doc = self.doc();
        if i >= limit || self.is_stop(i) {
            return None;
        }
        let (mut end, head) = match self.mention_at(i) {
            Some((mi, m)) => (m.last.min(limit - 1), Some(mi)),
            None => {
                if doc.tokens()[i].kind != TokenKind::Word || self.comp_at(i).is_some() || self.cue_at(i).is_some() {
                    return None;
                }
                (i, None)
            }
        };
        let max = (i + 9).min(limit);
        loop {
            let n = end + 1;
            if n >= max {
                break;
            }
            if doc.tokens()[n].kind == TokenKind::Quote {
                // a quoted name: وكالة “رويترز”
                if let Some(m) = self.mark_opening_at(n).filter(|m| m.close - m.open <= 5 && m.close < max) {
                    end = m.close;
                    continue;
                }
                break;
            }
            if self.is_stop(n) || self.comp_at(n).is_some() || self.cue_at(n).is_some() || is_time_token(doc, &self.inp.times, n) {
                break;
            }
            let w = doc.word(n);
            if let Some((_, m)) = self.mention_at(n) {
                let is_nat = matches!(m.kind, MentionKind::Nationality(_) | MentionKind::Person);
                let prev = doc.word(end);
                let chained = self.word_is(WordClass::ChainPreposition, prev);
                // «عبد الرحمن لوكالة الأنباء»: a mention behind a preposition is an addressee
                if self.has_preposition(n) && !chained && !self.starts_with(WordClass::DativePrefix, w) {
                    break;
                }
                // a noun without the article stands in construct with what follows:
                // مكتب رئيس الحكومة، وزير خارجية إيران (but not الأمريكيون إيران)
                let construct =
                    doc.language == Language::Ar && n == end + 1 && end - i < 5 && !self.starts_with(WordClass::Article, doc.word(end));
                if is_nat || chained || head.is_none() || construct || self.starts_with(WordClass::DativePrefix, w) {
                    end = m.last.min(max - 1);
                    continue;
                }
                break;
            }
            // «مصدر في المجلس الأعلى للأمن القومي», «المتحدث باسم الخارجية» (not «في بيان»)
            if self.word_is(WordClass::AffiliationPreposition, w)
                && self.mention_at(n + 1).is_some_and(|(_, m)| matches!(m.kind, MentionKind::Actor(_)))
            {
                end = n;
                continue;
            }
            if doc.language == Language::Ar
                && head.is_some()
                && n == end + 1
                && end - i < 5
                && !self.word_is(WordClass::NounPhraseEnd, w)
                && !w.starts_with('و')
            {
                // genitive chain or adjective: مسؤول الأمن، الجانب الإيراني، مكتب رئيس الحكومة
                end = n;
                continue;
            }
            if head.is_none() && doc.language == Language::Ar && end - i < 3 {
                end = n;
                continue;
            }
            break;
        }
        while end > i && self.is(WordClass::DanglingPreposition, end) {
            end -= 1;
        }
        Some((i, end, head))
    }

    fn agreement_of(&self, head: Option<usize>, first: usize) -> (Gender, Number) {
        if let Some(h) = head {
            let m = &self.inp.mentions.all[h];
            return (m.gender, m.number);
        }
        let w = self.doc().word(first);
        let words = &self.inp.lex.words;
        if words.suffix_of(WordClass::MasculinePluralSuffix, w).is_some() {
            return (Gender::Masculine, Number::Plural);
        }
        if words.suffix_of(WordClass::FeminineSuffix, w).is_some() {
            return (Gender::Feminine, Number::Singular);
        }
        (Gender::Masculine, Number::Singular)
    }

    fn speaker(&self, np: (usize, usize, Option<usize>), resolution: Resolution) -> SpeakerRef {
        let (gender, number) = self.agreement_of(np.2, np.0);
        SpeakerRef { first: np.0, last: np.1, resolution, mention: np.2, gender, number }
    }

    /// A speaker that is the subject of a cue: an unknown name takes the verb's gender.
    fn subject(&self, np: (usize, usize, Option<usize>), cue: &Hit) -> SpeakerRef {
        let mut s = self.speaker(np, Resolution::Explicit);
        // the verb agrees with its subject in gender: trust it over the noun's guess
        if let Some(g) = cue.features.gender {
            s.gender = g;
        }
        s
    }

    /// True when the word at `i` carries a preposition proclitic (لرويترز، بالحملة).
    fn has_preposition(&self, i: usize) -> bool {
        let doc = self.doc();
        let t = &doc.tokens()[i];
        match self.mention_at(i) {
            Some((_, m)) => {
                let prefix = &doc.norm.norm[t.start..m.start.max(t.start)];
                self.inp.lex.words.words(WordClass::PrepositionProclitic).iter().any(|p| prefix.contains(p.as_str()))
            }
            None => false,
        }
    }

    /// Resolves an implicit subject of a cue with `features` at token `cue`.
    fn implicit(&self, cue: usize, gender: Option<Gender>, number: Option<Number>) -> Option<SpeakerRef> {
        let doc = self.doc();
        let agrees = |g: Gender, n: Number| {
            gender.is_none_or(|x| x == g) && number.is_none_or(|x| x == n || (x == Number::Plural && n == Number::Dual))
        };
        let start = self.sentence_start(cue);
        // «أما X، …» topic, or a subject before the verb in the same sentence (SVO)
        let topic = self.is(WordClass::TopicMarker, start);
        let marked = topic || self.is(WordClass::SubjectMarker, start);
        let k = if marked { start + 1 } else { start };
        if cue > k
            && cue - k <= 9
            && doc.language == Language::Ar
            && let Some(np) = self.noun_phrase(k, cue).filter(|np| (np.2.is_some() || marked) && np.1 + if marked { 9 } else { 3 } >= cue)
        {
            let s = self.speaker(np, Resolution::Explicit);
            if agrees(s.gender, s.number) || topic {
                return Some(s);
            }
        }
        // relative clause: «… الجمهوريين في الكونغرس، الذين اعتبروا»
        if cue >= 2 && self.is(WordClass::RelativePronoun, cue - 1) {
            let mut j = cue - 2;
            while j > start && self.is_stop(j) {
                j -= 1;
            }
            for (mi, m) in self.inp.mentions.all.iter().enumerate().rev() {
                if m.last <= j && m.first >= start && agrees(m.gender, m.number) {
                    let mut first = m.first;
                    // include a role before «في X»: الجمهوريين في الكونغرس
                    if m.first >= 2 && self.is(WordClass::BodyPreposition, m.first - 1) {
                        if let Some((pi, p)) = self.inp.mentions.all.iter().enumerate().rev().find(|(_, p)| p.last == m.first - 2)
                            && agrees(p.gender, p.number)
                        {
                            return Some(SpeakerRef {
                                first: p.first,
                                last: m.last,
                                resolution: Resolution::Implicit,
                                mention: Some(pi),
                                gender: p.gender,
                                number: p.number,
                            });
                        }
                        first = m.first;
                    }
                    return Some(SpeakerRef {
                        first,
                        last: m.last,
                        resolution: Resolution::Implicit,
                        mention: Some(mi),
                        gender: m.gender,
                        number: m.number,
                    });
                }
            }
        }
        // the most recent speaker that agrees
        self.speakers
            .iter()
            .rev()
            .find(|s| agrees(s.gender, s.number))
            .map(|s| SpeakerRef { resolution: Resolution::Implicit, ..s.clone() })
    }
}

/// Finds all quotes, in text order.
fn find_quotes(inp: &QuoteInputs) -> Vec<QuoteMention> {
    let doc = inp.doc;
    let lex = inp.lex;
    let mut ctx = Ctx::new(inp);
    let mut out: Vec<QuoteMention> = Vec::new();
    headline(&mut ctx, &mut out);
    let cues = ctx.cues;
    for (ci, cue) in cues.iter().enumerate() {
        let entry = &lex.quote_cues.entries()[cue.entry];
        let found = match (doc.language, entry.kind) {
            (_, CueKind::According) => according(&ctx, cue, &out),
            (Language::Ar, _) => arabic_cue(&ctx, cue, entry.kind, entry.announce),
            (Language::En, _) => english_cue(&ctx, cue, entry.kind, entry.announce, cues.get(ci + 1)),
        };
        if let Some(q) = found {
            if let Some(s) = &q.speaker {
                ctx.speakers.push(s.clone());
            }
            // «…، وفق الصحيفة» after an attributed quote is its source, not a new quote
            if entry.kind == CueKind::According
                && let Some(prev) = out.iter_mut().rev().find(|p| p.sentence == q.sentence && p.content.1 + 3 >= q.cue.map_or(0, |c| c.0))
            {
                if prev.via.is_none() {
                    prev.via = q.speaker.as_ref().map(|s| (s.first, s.last));
                }
                continue;
            }
            if out.iter().any(|p| p.content == q.content && p.cue == q.cue) {
                continue;
            }
            out.push(q);
        }
    }
    out.sort_by_key(|q| (q.content.0, q.cue.map(|c| c.0)));
    continuations(&ctx, &mut out);
    out.sort_by_key(|q| (q.content.0, q.cue.map(|c| c.0)));
    out
}

/// A quotation of its own sentence right after an attributed one, in the same paragraph
/// ("…" Trump said. "We need a new President."), continues the same speaker.
fn continuations(ctx: &Ctx, out: &mut Vec<QuoteMention>) {
    let doc = ctx.doc();
    for m in &ctx.marks {
        let words = (m.open + 1..m.close).filter(|&k| doc.tokens()[k].kind == TokenKind::Word).count();
        if words < 2 || out.iter().any(|q| q.content.0 <= m.close && m.open <= q.content.1) {
            continue;
        }
        let sentence = doc.sentence_of(m.open);
        let paragraph = doc.seg.sentences[sentence].paragraph;
        let starts_sentence = doc.seg.sentences[sentence].tokens.start == m.open;
        let prev = out
            .iter()
            .filter(|q| q.content.1 < m.open && q.speaker.is_some())
            .max_by_key(|q| q.content.1)
            .filter(|q| doc.seg.sentences[q.sentence].paragraph == paragraph && sentence <= q.sentence + 2);
        if let (true, Some(prev)) = (starts_sentence, prev) {
            let speaker = prev.speaker.clone().map(|s| SpeakerRef { resolution: Resolution::Implicit, ..s });
            out.push(QuoteMention { kind: "direct", content: (m.open + 1, m.close - 1), cue: None, speaker, via: None, sentence });
        }
    }
}

fn headline(ctx: &mut Ctx, out: &mut Vec<QuoteMention>) {
    let doc = ctx.doc();
    let Some(first) = doc.seg.sentences.first() else {
        return;
    };
    if doc.seg.paragraphs.first().is_none_or(|p| p.len() != 1) {
        return;
    }
    let toks = first.tokens.clone();
    let Some(colon) = toks.clone().find(|&i| doc.word(i) == ":") else {
        return;
    };
    if colon == toks.start || colon - toks.start > 4 || colon + 1 >= toks.end {
        return;
    }
    let Some((a, b)) = ctx.trim_content(colon + 1, toks.end - 1) else {
        return;
    };
    let np = (toks.start, colon - 1, ctx.mention_at(toks.start).map(|(i, _)| i));
    let speaker = ctx.speaker(np, Resolution::Headline);
    out.push(QuoteMention { kind: ctx.kind_of(a, b), content: (a, b), cue: None, speaker: Some(speaker), via: None, sentence: 0 });
}

/// «وفق X» / "according to X": the speaker follows; the content is the rest of the sentence
/// (after the attribution when it opens the sentence, before it otherwise).
fn according(ctx: &Ctx, cue: &Hit, _out: &[QuoteMention]) -> Option<QuoteMention> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue.first);
    let s_end = ctx.sentence_end(cue.first);
    let mut np_start = cue.last + 1;
    // حسبما أعلن البنتاغون: skip the verb, and «به» in «بحسب ما أفادت به»
    if let Some(v) = ctx.cue_at(np_start) {
        np_start = v.last + 1;
    }
    while np_start < s_end && ctx.is(WordClass::AccordingFiller, np_start) {
        np_start += 1;
        if let Some(v) = ctx.cue_at(np_start) {
            np_start = v.last + 1;
        }
    }
    while np_start <= s_end && doc.tokens()[np_start].kind == TokenKind::Quote {
        np_start += 1;
    }
    let limit = (s_end + 1).min(np_start + 10);
    let np = ctx.noun_phrase(np_start, limit)?;
    let speaker = ctx.speaker(np, Resolution::Explicit);
    let mut np_end = np.1;
    if doc.tokens().get(np_end + 1).is_some_and(|t| t.kind == TokenKind::Quote) {
        np_end += 1;
    }
    // "Since last November, according to X, forces have killed …": an attribution set off by
    // commas in mid-sentence governs the longer side
    let before_len = cue.first.saturating_sub(s_start);
    let after_len = s_end.saturating_sub(np_end);
    let mid = doc.tokens().get(np_end + 1).is_some_and(|t| t.kind != TokenKind::Word) && ctx.is(WordClass::Comma, np_end + 1);
    let opening = cue.first <= s_start + 1 || (mid && after_len > 2 * before_len);
    let (a, b) = if opening {
        // وحسب المصدر فإن …
        let mut a = np_end + 1;
        if let Some(c) = ctx.comp_at(a).or_else(|| ctx.comp_at(a + 1)) {
            a = c.last + 1;
        }
        (a, s_end)
    } else {
        (s_start, cue.first.saturating_sub(1))
    };
    let (a, b) = ctx.trim_content(a, b)?;
    Some(ctx.quote((a, b), cue, Some(speaker), None))
}

/// True when only the cue's subject and at most a short phrase («في بيان») stand between the
/// cue and token `at`: a quotation there is what the cue introduces, not an object's name.
fn close_to_cue(ctx: &Ctx, cue: &Hit, at: usize) -> bool {
    let mut k = cue.last + 1;
    if let Some(np) = ctx.noun_phrase(k, at).filter(|np| !ctx.has_preposition(np.0)) {
        k = np.1 + 1;
    }
    let gap = at.saturating_sub(k);
    gap == 0 || (gap <= 3 && (ctx.is(WordClass::CueAdjunct, k) || ctx.has_preposition(k)))
}

fn arabic_cue(ctx: &Ctx, cue: &Hit, kind: CueKind, announce: bool) -> Option<QuoteMention> {
    let doc = ctx.doc();
    let s_end = ctx.sentence_end(cue.first);
    // scan the cue's clause for the complement
    let mut j = cue.last + 1;
    let mut comp: Option<(usize, usize)> = None;
    let mut quote: Option<QuoteMarks> = None;
    // a short quotation that looked like a name is the quote when nothing else follows
    let mut fallback: Option<QuoteMarks> = None;
    while j <= s_end && j <= cue.last + 25 {
        if let Some(c) = ctx.comp_at(j) {
            comp = Some((c.first, c.last));
            break;
        }
        if let Some(m) = ctx.mark_opening_at(j) {
            // a short quoted name inside the clause («غرفة العمليات المركزية») is not the quote
            let words = (m.open + 1..m.close).filter(|&k| doc.tokens()[k].kind == TokenKind::Word).count();
            let clause_goes_on =
                doc.tokens().get(m.close + 1).is_some_and(|t| t.kind == TokenKind::Word) && ctx.cue_at(m.close + 1).is_none();
            let is_name = words <= 6 && clause_goes_on && m.close < s_end;
            if is_name && fallback.is_none() && close_to_cue(ctx, cue, m.open) {
                fallback = Some(m);
            }
            if !is_name {
                quote = Some(m);
                break;
            }
            j = m.close + 1;
            continue;
        }
        if ctx.cue_at(j).is_some() || ctx.is(WordClass::SentenceEnd, j) {
            break;
        }
        j += 1;
    }
    if comp.is_none() && quote.is_none() {
        quote = fallback;
    }
    if comp.is_none() && quote.is_none() {
        return closing_attribution(ctx, cue);
    }
    let stop = comp.map(|c| c.0).or(quote.map(|q| q.open))?;
    if announce && comp.is_none() {
        return None;
    }
    // content
    let (a, b) = match (comp, quote) {
        (Some(c), _) => {
            let a = c.1 + 1;
            let mut b = s_end;
            // stop before a trailing «، وفق …»
            if let Some(acc) = ctx
                .cues
                .iter()
                .find(|h| h.first > a && h.first <= s_end && ctx.inp.lex.quote_cues.entries()[h.entry].kind == CueKind::According)
            {
                b = acc.first.saturating_sub(1);
            }
            // a quotation opening right after the complementiser is the content
            if let Some(m) = ctx.mark_opening_at(a).filter(|m| m.close <= s_end && !ctx.fragment_runs_on(m)) {
                b = m.close;
            }
            (a, b)
        }
        (None, Some(m)) => (m.open + 1, m.close - 1),
        _ => return None,
    };
    let (a, b) = ctx.trim_content(a, b)?;
    // subject: the region between the cue and the complement
    let mut region_start = cue.last + 1;
    let mut via = None;
    if kind == CueKind::Source {
        // نقلت رويترز عن مسؤول: the subject relays
        let an = (region_start..stop).find(|&k| ctx.is(WordClass::RelayPreposition, k))?;
        if an > region_start {
            via = ctx.noun_phrase(region_start, an).map(|np| (np.0, np.1));
        }
        region_start = an + 1;
    }
    while region_start < stop && (ctx.is_stop(region_start) && doc.tokens()[region_start].kind != TokenKind::Quote) {
        region_start += 1;
    }
    let starts_with_preposition =
        (region_start < stop && ctx.is(WordClass::SubjectBlocker, region_start)) || is_time_token(doc, &ctx.inp.times, region_start);
    let mut speaker = None;
    if region_start < stop && !starts_with_preposition {
        let start = if doc.tokens()[region_start].kind == TokenKind::Quote { region_start + 1 } else { region_start };
        let topic = ctx.is(WordClass::TopicMarker, ctx.sentence_start(cue.first));
        if let Some(np) = ctx.noun_phrase(start, stop).filter(|np| !ctx.has_preposition(np.0) && !topic) {
            // a masculine verb before a feminine place name: the name is the object (طالب واشنطن)
            let object = cue.features.gender == Some(Gender::Masculine)
                && np.2.is_some_and(|h| {
                    let m = &ctx.inp.mentions.all[h];
                    m.gender == Gender::Feminine && matches!(m.kind, MentionKind::Place(_) | MentionKind::Actor(_))
                });
            let s = ctx.subject(np, cue);
            if !object {
                speaker = Some(s);
            }
        }
    }
    if speaker.is_none() && cue.features.participle {
        // «أعلن مكتب رئيس الحكومة في بيان …، لافتا إلى أن»: the participle shares the
        // subject of the clause's verb
        let s_start = ctx.sentence_start(cue.first);
        if let Some(prev) = ctx.cues.iter().rev().find(|h| h.last < cue.first && h.first >= s_start) {
            speaker = ctx.noun_phrase(prev.last + 1, cue.first).filter(|np| !ctx.has_preposition(np.0)).map(|np| ctx.subject(np, prev));
        }
    }
    if speaker.is_none() {
        speaker = ctx.implicit(cue.first, cue.features.gender, cue.features.number);
    }
    Some(ctx.quote((a, b), cue, speaker, via))
}

/// «…، كما أعلنت السلطات المحلية.» : a cue after the reported clause, introduced by كما.
fn closing_attribution(ctx: &Ctx, cue: &Hit) -> Option<QuoteMention> {
    let s_start = ctx.sentence_start(cue.first);
    let s_end = ctx.sentence_end(cue.first);
    if cue.first < s_start + 4 || !ctx.is(WordClass::ClosingMarker, cue.first - 1) || !ctx.is_stop(cue.first - 2) {
        return None;
    }
    let np = ctx.noun_phrase(cue.last + 1, s_end + 1)?;
    if np.1 + 2 < s_end || np.2.is_none() {
        return None;
    }
    let (a, b) = ctx.trim_content(s_start, cue.first - 3)?;
    let speaker = ctx.subject(np, cue);
    Some(ctx.quote((a, b), cue, Some(speaker), None))
}

fn english_subject_before(ctx: &Ctx, cue: usize) -> Option<(usize, usize, Option<usize>)> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue);
    if cue == s_start {
        return None;
    }
    let mut j = cue - 1;
    // skip adverbs: "Trump also said", "he later told"
    while j > s_start && (doc.word(j).ends_with("ly") || ctx.is(WordClass::SubjectAdverb, j)) {
        j -= 1;
    }
    if ctx.is_stop(j) && matches!(doc.word(j), "," | "-") {
        // an appositive: "Sen. Marco Rubio, R-Fla., appearing on Fox News, said",
        // "A former candidate -- John McCain, who lost … -- said"
        let first_comma = (s_start..j).find(|&k| matches!(doc.word(k), "," | "-"))?;
        let np_start = if doc.tokens()[s_start].kind == TokenKind::Quote { s_start + 1 } else { s_start };
        if first_comma > np_start && first_comma - np_start <= 6 {
            return Some((
                np_start,
                first_comma - 1,
                ctx.inp.mentions.all.iter().position(|m| m.first >= np_start && m.last < first_comma),
            ));
        }
        return None;
    }
    if doc.tokens()[j].kind != TokenKind::Word {
        return None;
    }
    let end = j;
    let mut start = j;
    while start > s_start && start + 6 > end {
        let p = start - 1;
        if doc.tokens()[p].kind != TokenKind::Word || ctx.cue_at(p).is_some() || ctx.comp_at(p).is_some() {
            break;
        }
        let w = doc.word(p);
        if ctx.word_is(WordClass::SubjectBoundary, w) {
            break;
        }
        start = p;
    }
    let head = ctx.inp.mentions.all.iter().rposition(|m| m.first >= start && m.last <= end);
    Some((start, end, head))
}

/// "X quoted Y as saying (that) …", "X cited Y as saying …": speaker Y, via X.
fn english_source(ctx: &Ctx, cue: &Hit) -> Option<QuoteMention> {
    let doc = ctx.doc();
    let s_end = ctx.sentence_end(cue.first);
    let saying = (cue.last + 1..=s_end.min(cue.last + 14))
        .find(|&k| doc.word(k) == "as" && doc.tokens().get(k + 1).is_some_and(|_| doc.word(k + 1) == "saying"))?;
    let np_end = (cue.last + 1..saying).find(|&k| doc.word(k) == ",").map_or(saying - 1, |c| c - 1);
    if np_end <= cue.last {
        return None;
    }
    let np = (cue.last + 1, np_end, ctx.inp.mentions.all.iter().position(|m| m.first > cue.last && m.last <= np_end));
    let mut a = saying + 2;
    if let Some(c) = ctx.comp_at(a) {
        a = c.last + 1;
    }
    let (a, b) = ctx.trim_content(a, s_end)?;
    let via = english_subject_before(ctx, cue.first).map(|v| (v.0, v.1));
    let speaker = Some(ctx.speaker(np, Resolution::Explicit));
    Some(ctx.quote((a, b), cue, speaker, via))
}

fn english_subject_after(ctx: &Ctx, cue: &Hit) -> Option<(usize, usize, Option<usize>)> {
    let doc = ctx.doc();
    let s_end = ctx.sentence_end(cue.first);
    let start = cue.last + 1;
    if start > s_end || doc.tokens()[start].kind != TokenKind::Word {
        return None;
    }
    let mut end = start;
    while end < s_end && end - start < 6 && doc.tokens()[end + 1].kind == TokenKind::Word && ctx.comp_at(end + 1).is_none() {
        end += 1;
    }
    let head = ctx.inp.mentions.all.iter().position(|m| m.first >= start && m.last <= end);
    Some((start, end, head))
}

/// The noun phrase opening a sentence, up to its verb: "Some candidates", "Other Republicans".
fn english_sentence_subject(ctx: &Ctx, s_start: usize, limit: usize) -> Option<(usize, usize, Option<usize>)> {
    let doc = ctx.doc();
    let start = if doc.tokens()[s_start].kind == TokenKind::Quote { s_start + 1 } else { s_start };
    let mut end = None;
    for k in start..limit.min(start + 6) {
        let w = doc.word(k);
        let is_verb = k > start && (w.ends_with("ed") || ctx.word_is(WordClass::SubjectVerb, w));
        if doc.tokens()[k].kind != TokenKind::Word || is_verb {
            break;
        }
        end = Some(k);
    }
    let end = end?;
    Some((start, end, ctx.inp.mentions.all.iter().position(|m| m.first >= start && m.last <= end)))
}

/// "…, French officials said." / "…, Israeli officials said Wednesday." / "…, said the
/// minister.": the cue closes the sentence and the reported clause is before it.
type Trailing = (usize, usize, Option<(usize, usize, Option<usize>)>);

fn english_trailing(ctx: &Ctx, cue: &Hit) -> Option<Trailing> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue.first);
    let s_end = ctx.sentence_end(cue.first);
    // after the cue: the sentence end, a comma, or a few words of time ("Wednesday", "on Monday")
    if doc.word(cue.first).ends_with("ing") {
        return None; // "…, saying airstrikes have failed": the content follows a participle
    }
    let rest_words = (cue.last + 1..=s_end).take_while(|&k| doc.tokens()[k].kind == TokenKind::Word).count();
    let after = cue.last + 1 + rest_words;
    let closes = after > s_end || matches!(doc.word(after), "," | "." | "!" | "?" | ";");
    // said, "…": the quotation follows; not a trailing attribution
    let quote_follows = (after..=(after + 1).min(s_end)).any(|k| ctx.mark_opening_at(k).is_some());
    if !closes || quote_follows || rest_words > 4 {
        return None;
    }
    let time_only = (cue.last + 1..cue.last + 1 + rest_words)
        .all(|k| ctx.is(WordClass::TrailingTime, k) || ctx.inp.times.iter().any(|t| t.contains(&k)));
    if rest_words > 0 && !time_only {
        // ", said the minister." — the speaker follows the cue
        if cue.first > s_start + 2 && doc.word(cue.first - 1) == "," {
            let np = (
                cue.last + 1,
                cue.last + rest_words,
                ctx.inp.mentions.all.iter().position(|m| m.first > cue.last && m.last <= cue.last + rest_words),
            );
            let (a, b) = ctx.trim_content(s_start, cue.first - 2)?;
            return Some((a, b, Some(np)));
        }
        return None;
    }
    // the subject between the last comma and the cue
    let comma = (s_start..cue.first).rev().find(|&k| doc.word(k) == ",")?;
    if cue.first - comma > 7 || comma <= s_start + 2 || comma + 1 == cue.first {
        return None;
    }
    if (comma + 1..cue.first).any(|k| doc.tokens()[k].kind != TokenKind::Word) {
        return None;
    }
    let np = (comma + 1, cue.first - 1, ctx.inp.mentions.all.iter().position(|m| m.first > comma && m.last < cue.first));
    let (a, b) = ctx.trim_content(s_start, comma - 1)?;
    Some((a, b, Some(np)))
}

fn english_cue(ctx: &Ctx, cue: &Hit, _kind: CueKind, announce: bool, _next: Option<&Hit>) -> Option<QuoteMention> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue.first);
    let s_end = ctx.sentence_end(cue.first);
    // "to say", "claimed by": not attributions
    if cue.first > 0 && ctx.is(WordClass::CueBlockerBefore, cue.first - 1) {
        return None;
    }
    if doc.tokens().get(cue.last + 1).is_some_and(|_| ctx.is(WordClass::CueBlockerAfter, cue.last + 1)) {
        return None;
    }
    // "The Associated Press quoted Wassim Bouhlel, a Nice native, as saying that …"
    if _kind == CueKind::Source {
        return english_source(ctx, cue);
    }
    // inside a quotation, "I must tell you", "we say": the speaker's own words, not a quote
    let inside = ctx.marks.iter().any(|m| m.open < cue.first && cue.last < m.close);
    if inside && (cue.first.saturating_sub(2)..cue.first).any(|k| ctx.is(WordClass::DialoguePronoun, k)) {
        return None;
    }
    // a quotation closing just before the cue: "…," X said / "…," said X
    let before_close = (cue.first.saturating_sub(8)..cue.first)
        .rev()
        .filter_map(|k| ctx.mark_closing_at(k))
        .next()
        .filter(|m| {
            (m.close + 1..cue.first).all(|k| (doc.tokens()[k].kind == TokenKind::Word || doc.word(k) == ",") && ctx.cue_at(k).is_none())
        })
        .filter(|m| {
            // the quotation may end the sentence before ("…?" Trump said.) when the cue
            // closes its own clause; "…." Police said a device was found is a new quote
            let same = doc.sentence_of(m.close) == doc.sentence_of(cue.first);
            let cue_closes_clause = (cue.last + 1..=s_end).take_while(|&k| doc.tokens()[k].kind == TokenKind::Word).count() <= 3
                && (cue.last + 1..=s_end)
                    .find(|&k| doc.tokens()[k].kind != TokenKind::Word)
                    .is_none_or(|k| matches!(doc.word(k), "." | "," | "!" | "?"));
            same || (doc.sentence_of(m.close) + 1 == doc.sentence_of(cue.first) && cue_closes_clause)
        });
    let (a, b, subject_first) = if let Some(m) = before_close {
        let between_is_np = m.close + 1 < cue.first;
        let subject = if between_is_np {
            let np_start = (m.close + 1..cue.first).find(|&k| doc.word(k) != ",").unwrap_or(cue.first);
            (np_start < cue.first)
                .then(|| (np_start, cue.first - 1, ctx.inp.mentions.all.iter().position(|x| x.first >= np_start && x.last < cue.first)))
        } else {
            english_subject_after(ctx, cue)
        };
        (m.open + 1, m.close - 1, subject)
    } else if let Some(t) = english_trailing(ctx, cue) {
        t
    } else {
        // X said (that) …  /  X told Y (that) …
        let mut a = cue.last + 1;
        let mut j = a;
        while j <= s_end && j < a + 8 {
            if let Some(c) = ctx.comp_at(j) {
                a = c.last + 1;
                break;
            }
            if doc.tokens()[j].kind == TokenKind::Quote {
                a = j;
                break;
            }
            j += 1;
        }
        if j > s_end || j >= cue.last + 9 {
            a = cue.last + 1;
        }
        if a > s_end || announce && ctx.comp_at(a.saturating_sub(1)).is_none() {
            return None;
        }
        // the content runs to the sentence end, or to the end of a quotation it opens with
        let mut b = s_end;
        if let Some(m) = ctx.mark_opening_at(a).filter(|m| m.close <= s_end + 1 && !ctx.fragment_runs_on(m)) {
            b = m.close;
        }
        // a quotation right after the cue that another cue claims ("…," the senator said) is not ours
        if let Some(m) = ctx.mark_opening_at(a)
            && (m.close + 1..=(m.close + 6).min(s_end))
                .take_while(|&k| doc.tokens()[k].kind == TokenKind::Word || doc.word(k) == ",")
                .any(|k| ctx.cue_at(k).is_some())
        {
            return None;
        }
        let participle = doc.word(cue.first).ends_with("ing");
        if participle && let Some(s) = ctx.speakers.last().filter(|s| doc.sentence_of(s.first) == doc.sentence_of(cue.first)) {
            let (a, b) = ctx.trim_content(a, b)?;
            let speaker = Some(SpeakerRef { resolution: Resolution::Implicit, ..s.clone() });
            return Some(ctx.quote((a, b), cue, speaker, None));
        }
        let mut subj = if participle { english_sentence_subject(ctx, s_start, cue.first) } else { english_subject_before(ctx, cue.first) };
        // "Graham, who says …": the relative pronoun stands for the name before it
        if let Some(np) = subj
            && np.0 == np.1
            && ctx.is(WordClass::RelativePronoun, np.0)
        {
            let mut k = np.0;
            while k > s_start && ctx.is_stop(k - 1) {
                k -= 1;
            }
            subj = (k > s_start).then(|| {
                let end = k - 1;
                let mut start = end;
                while start > s_start && start + 3 > end && doc.tokens()[start - 1].kind == TokenKind::Word {
                    start -= 1;
                }
                (start, end, ctx.inp.mentions.all.iter().position(|m| m.first >= start && m.last <= end))
            });
        }
        if subj.is_none() && cue.first > s_start + 1 {
            // the cue sits inside a clause we cannot attribute
        }
        (a, b, subj)
    };
    let (a, b) = ctx.trim_content(a, b)?;
    if b < a + 2 && doc.tokens()[a].kind == TokenKind::Word && (a..=b).all(|k| doc.tokens()[k].kind == TokenKind::Word) && b == a {
        return None;
    }
    let speaker = match subject_first {
        Some(np) if !(np.0 == np.1 && ctx.is(WordClass::SubjectPronoun, np.0)) => Some(ctx.speaker(np, Resolution::Explicit)),
        Some(np) => {
            let g = ctx.is(WordClass::FemininePronoun, np.0).then_some(Gender::Feminine);
            let n = ctx.is(WordClass::PluralPronoun, np.0).then_some(Number::Plural);
            ctx.implicit(cue.first, g, n).or_else(|| ctx.speakers.last().cloned())
        }
        None => ctx.speakers.last().cloned().map(|s| SpeakerRef { resolution: Resolution::Implicit, ..s }),
    };
    // "…," X said: the words inside the marks, a direct quote
    let kind = if before_close.is_some_and(|m| m.open < a && m.close > b) { "direct" } else { ctx.kind_of(a, b) };
    Some(QuoteMention { kind, content: (a, b), cue: Some((cue.first, cue.last)), speaker, via: None, sentence: doc.sentence_of(a) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::model::Language::{Ar, En};
    use crate::pipeline::testing::through;

    /// (kind, content, speaker, resolution, via) of one quote.
    type Found = (&'static str, String, Option<String>, Option<Resolution>, Option<String>);

    /// Each quote the stage finds.
    fn quotes(language: Language, text: &str) -> Vec<Found> {
        let doc = through("quotes", language, text);
        let words = |(first, last): (usize, usize)| {
            let (s, e) = doc.token_span(first, last);
            doc.text[s..e].to_string()
        };
        doc.quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_ref().map(|s| words((s.first, s.last)));
                (q.kind, words(q.content), speaker, q.speaker.as_ref().map(|s| s.resolution), q.via.map(words))
            })
            .collect()
    }

    #[test]
    fn cues_give_quotes_with_their_speakers() {
        type Case = (Language, &'static str, &'static str, &'static str, &'static str, Resolution);
        let cases: &[Case] = &[
            (
                Ar,
                "قال المسؤول الأمريكي إن الغارة على البوكمال أسفرت عن مقتل سبعة أشخاص.",
                "indirect",
                "الغارة على البوكمال أسفرت عن مقتل سبعة أشخاص",
                "المسؤول الأمريكي",
                Resolution::Explicit,
            ),
            (Ar, "وأكدت الوزارة في بيان أن المحادثات ستستأنف.", "indirect", "المحادثات ستستأنف", "الوزارة", Resolution::Explicit),
            (En, "\"We will respond,\" the spokesman said.", "direct", "We will respond", "the spokesman", Resolution::Explicit),
            (
                En,
                "According to the ministry, five soldiers were wounded.",
                "indirect",
                "five soldiers were wounded",
                "the ministry",
                Resolution::Explicit,
            ),
            (
                En,
                "Officials said the airstrike killed at least 12 people in Mosul on Monday.",
                "indirect",
                "the airstrike killed at least 12 people in Mosul on Monday",
                "Officials",
                Resolution::Explicit,
            ),
        ];
        for &(language, text, kind, content, speaker, resolution) in cases {
            let found = quotes(language, text);
            let q = found.first().unwrap_or_else(|| panic!("no quote in {text:?}"));
            assert_eq!((q.0, q.1.as_str(), q.2.as_deref(), q.3), (kind, content, Some(speaker), Some(resolution)), "{text:?}");
        }
    }

    #[test]
    fn an_implicit_speaker_is_the_earlier_one_that_agrees() {
        let text = "قال المسؤول الأمريكي إن الغارة أصابت هدفها. وأضاف أن القوات الأمريكية سترد على أي هجوم.";
        let found = quotes(Ar, text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].3, Some(Resolution::Implicit), "{found:?}");
        assert_eq!(found[1].2.as_deref(), Some("المسؤول الأمريكي"), "{found:?}");
    }

    #[test]
    fn a_relayed_quote_names_its_relay() {
        let found = quotes(Ar, "نقلت رويترز عن مسؤول أمريكي أن الضربات كانت دقيقة.");
        let q = found.first().expect("a quote");
        assert_eq!((q.2.as_deref(), q.4.as_deref()), (Some("مسؤول أمريكي"), Some("رويترز")), "{found:?}");
    }

    #[test]
    fn a_bare_announcement_is_no_quote() {
        let cases: &[(Language, &str)] = &[(Ar, "أعلن البنتاغون قصف مواقع في سوريا."), (En, "The Pentagon announced strikes on Syria.")];
        for &(language, text) in cases {
            assert!(quotes(language, text).is_empty(), "{text:?}: {:?}", quotes(language, text));
        }
    }
}

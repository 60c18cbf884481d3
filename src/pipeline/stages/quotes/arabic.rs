//! Arabic cues: verb first, then its subject, then a complementiser (أن، إن) or a quotation
//! opening the content (قال المسؤول إن …، أكدت الوزارة في بيان: «…»); a relay names its
//! source after عن (نقلت رويترز عن مسؤول …); a participle shares the subject of the verb
//! before it (…، لافتا إلى أن …).

use super::context::Ctx;
use super::cues::{CueReader, QuoteMarks, close_to_cue, closing_attribution};
use super::labels;
use super::{QuoteMention, SpeakerRef};
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::CueKind;
use crate::pipeline::lexicon::matcher::{Gender, Hit};
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::stages::mentions::MentionKind;
use crate::pipeline::text::segment::TokenKind;

/// How far after its cue a complementiser or quotation may open the content, in tokens.
const CLAUSE_TOKENS: usize = 25;

/// Modern Standard Arabic.
pub(super) struct Arabic;

impl CueReader for Arabic {
    fn read(&self, ctx: &Ctx, cue: &Hit, kind: CueKind, announce: bool) -> Option<QuoteMention> {
        let s_end = ctx.sentence_end(cue.tokens.start);
        let Some(intro) = introducer(ctx, cue, s_end) else {
            return closing_attribution(ctx, cue);
        };
        let stop = match intro {
            Introducer::Complement(first, _) => first,
            Introducer::Quotation(m) => m.open,
        };
        if announce && !matches!(intro, Introducer::Complement(..)) {
            return None;
        }
        let (a, b) = content(ctx, intro, s_end)?;
        let (region_start, via) = relay(ctx, cue, kind, stop)?;
        let written = written_subject(ctx, cue, region_start, stop);
        // «وقال: «أعتقد أنه …، وأعتقد أن …»»: a cue without a subject inside a quotation is the
        // speaker's own words, not a quote of its own
        if written.is_none() && ctx.marks_around(cue.tokens.start, cue.tokens.last()).is_some() {
            return None;
        }
        let speaker = written
            .or_else(|| participle_subject(ctx, cue))
            .or_else(|| ctx.implicit(cue.tokens.start, cue.features.gender, cue.features.number));
        Some(ctx.quote((a, b), cue, speaker, via))
    }

    fn fronted_subject(&self) -> bool {
        true
    }
}

/// What opens a cue's content.
#[derive(Debug, Clone, Copy)]
enum Introducer {
    /// A complementiser: its first and last token.
    Complement(usize, usize),
    /// A quotation.
    Quotation(QuoteMarks),
}

/// Scans the cue's clause for its complementiser or quotation; a short quotation that looked
/// like a name is the quote when nothing else follows.
fn introducer(ctx: &Ctx, cue: &Hit, s_end: usize) -> Option<Introducer> {
    let doc = ctx.doc();
    let mut j = cue.tokens.end;
    let mut fallback: Option<QuoteMarks> = None;
    while j <= s_end && j <= cue.tokens.last() + CLAUSE_TOKENS {
        if let Some(c) = ctx.comp_at(j) {
            return Some(Introducer::Complement(c.tokens.start, c.tokens.last()));
        }
        if let Some(m) = ctx.mark_opening_at(j) {
            // a short quoted name inside the clause («غرفة العمليات المركزية») is not the quote
            let words = (m.open + 1..m.close).filter(|&k| doc.tokens()[k].kind == TokenKind::Word).count();
            let clause_goes_on =
                doc.tokens().get(m.close + 1).is_some_and(|t| t.kind == TokenKind::Word) && ctx.cue_at(m.close + 1).is_none();
            // a label inside the clause («وقال "الزوي": "…"», «لـ"سكاي نيوز عربية"، إن») is part
            // of it: the subject or an adjunct
            if labels::is_label(ctx, m.open, m.close) {
                j = m.close + 1;
                continue;
            }
            // «دعا … إلى «إبقاء الضغط» على …»: a quoted object of the verb's preposition is the
            // quote however short
            let object = m.open > cue.tokens.end && ctx.is(WordClass::QuotationPreposition, m.open - 1);
            let is_name = words <= 6 && clause_goes_on && m.close < s_end && !object;
            if is_name && fallback.is_none() && close_to_cue(ctx, cue, m.open) {
                fallback = Some(m);
            }
            if !is_name {
                return Some(Introducer::Quotation(m));
            }
            j = m.close + 1;
            continue;
        }
        if ctx.cue_at(j).is_some() || ctx.is(WordClass::SentenceEnd, j) {
            break;
        }
        j += 1;
    }
    fallback.map(Introducer::Quotation)
}

/// The content a cue's introducer opens, trimmed: after a complementiser to the sentence end
/// (or a trailing «، وفق …», or the end of a quotation opening right after it); inside a
/// quotation.
fn content(ctx: &Ctx, intro: Introducer, s_end: usize) -> Option<(usize, usize)> {
    let (a, b) = match intro {
        Introducer::Complement(_, last) => {
            let a = last + 1;
            let mut b = s_end;
            // stop before a trailing «، وفق …»
            if let Some(acc) = ctx.according_after(a).filter(|h| h.tokens.start <= s_end) {
                b = acc.tokens.start.saturating_sub(1);
            }
            // a quotation opening right after the complementiser is the content
            if let Some(m) = ctx.mark_opening_at(a).filter(|m| m.close <= s_end && !ctx.fragment_runs_on(m)) {
                b = m.close;
            }
            (a, b)
        }
        Introducer::Quotation(m) => (m.open + 1, m.close - 1),
    };
    ctx.trim_content(a, b)
}

/// Where the subject may start after the cue, and the relay of a source cue (نقلت رويترز عن
/// مسؤول: the subject relays, the speaker follows عن); `None` when a source cue has no عن.
type Relay = (usize, Option<TokenSpan>);

fn relay(ctx: &Ctx, cue: &Hit, kind: CueKind, stop: usize) -> Option<Relay> {
    let mut region_start = cue.tokens.end;
    let mut via = None;
    if kind == CueKind::Source {
        let an = (region_start..stop).find(|&k| ctx.is(WordClass::RelayPreposition, k))?;
        if an > region_start {
            via = ctx.noun_phrase(region_start, an).map(|np| TokenSpan::inclusive(np.0, np.1));
        }
        region_start = an + 1;
    }
    Some((region_start, via))
}

/// The subject written between the cue (from `region_start`) and its introducer at `stop`.
fn written_subject(ctx: &Ctx, cue: &Hit, mut region_start: usize, stop: usize) -> Option<SpeakerRef> {
    let doc = ctx.doc();
    let skip_stops = |mut k: usize| {
        while k < stop && (ctx.is_stop(k) && doc.tokens()[k].kind != TokenKind::Quote) {
            k += 1;
        }
        k
    };
    region_start = skip_stops(region_start);
    // «أوضح لـ«عكاظ» الناطق …», «وقال لرويترز المتحدث …»: the addressee stands before the subject
    if let Some(last) = addressee(ctx, region_start, stop) {
        region_start = skip_stops(last + 1);
    }
    let starts_with_preposition = (region_start < stop && ctx.is(WordClass::SubjectBlocker, region_start)) || ctx.in_time(region_start);
    if region_start >= stop || starts_with_preposition {
        return None;
    }
    let start = if doc.tokens()[region_start].kind == TokenKind::Quote { region_start + 1 } else { region_start };
    let topic = ctx.is(WordClass::TopicMarker, ctx.sentence_start(cue.tokens.start));
    let np =
        ctx.noun_phrase(start, stop).filter(|np| !(ctx.has_preposition(np.0) || topic || np.2.is_none() && no_subject_word(ctx, np.0)))?;
    // a masculine verb before a feminine place name: the name is the object (طالب واشنطن)
    let object = cue.features.gender == Some(Gender::Masculine)
        && np.2.is_some_and(|h| {
            let m = &ctx.mentions.all[h];
            m.gender == Gender::Feminine && matches!(m.kind, MentionKind::Place(_) | MentionKind::Actor(_))
        });
    (!object).then(|| ctx.subject(np, cue))
}

/// The last token of an addressee opening at `i` before `stop`: «لـ» and a quoted name or a
/// word after it, or a known name behind the preposition («لرويترز»).
fn addressee(ctx: &Ctx, i: usize, stop: usize) -> Option<usize> {
    let doc = ctx.doc();
    if i + 1 >= stop || doc.tokens()[i].kind != TokenKind::Word {
        return None;
    }
    let w = doc.word(i);
    if w.starts_with('ل') && ctx.is(WordClass::DanglingPreposition, i) {
        let last = match ctx.mark_opening_at(i + 1) {
            Some(m) => m.close,
            None => i + 1,
        };
        return (last + 1 < stop).then_some(last);
    }
    // «لـCNN»: a Latin name glued to the preposition
    if w.strip_prefix('ل').is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_alphabetic())) {
        return Some(i);
    }
    let (_, m) = ctx.mention_at(i)?;
    let dative = w.starts_with('ل') && ctx.has_preposition(i);
    (dative && m.tokens.last() + 1 < stop).then_some(m.tokens.last())
}

/// True when the word at `i`, heading a phrase no lexicon knows, cannot be a subject: a
/// function word («فيه») or a word behind a preposition with the article («بالقول»,
/// «للتقرير»).
fn no_subject_word(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.doc().word(i);
    if ctx.lex.function_words.contains(w) {
        return true;
    }
    ctx.lex.words.prefix_of(WordClass::PrepositionProclitic, w).is_some_and(|p| {
        let rest = &w[p.len()..];
        ctx.starts_with(WordClass::Article, rest) || rest.starts_with('ل') && ctx.starts_with(WordClass::Article, &format!("ا{rest}"))
    })
}

/// «أعلن مكتب رئيس الحكومة في بيان …، لافتا إلى أن»: a participle shares the subject of the
/// clause's verb, the cue before it in the sentence.
fn participle_subject(ctx: &Ctx, cue: &Hit) -> Option<SpeakerRef> {
    if !cue.features.participle {
        return None;
    }
    let s_start = ctx.sentence_start(cue.tokens.start);
    // the cues are in text order; only those starting before this one can end before it
    let before = ctx.cues.partition_point(|h| h.tokens.start < cue.tokens.start);
    let prev = ctx.cues[..before].iter().rev().take_while(|h| h.tokens.start >= s_start).find(|h| h.tokens.last() < cue.tokens.start)?;
    // «وقال أمام لجنة … "…"، موضحا أن»: a phrase behind a preposition is no subject
    ctx.noun_phrase(prev.tokens.end, cue.tokens.start)
        .filter(|np| !ctx.has_preposition(np.0) && !ctx.is(WordClass::SubjectBlocker, np.0))
        .map(|np| ctx.subject(np, prev))
}

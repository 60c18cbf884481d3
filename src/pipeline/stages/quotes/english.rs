//! English cues: the subject before the verb and the content after it (X said (that) …), a
//! quotation closing before the cue ("…," X said / "…," said X), a trailing attribution
//! ("…, officials said."), and "X quoted Y as saying …".

use super::context::Ctx;
use super::cues::{CueReader, QuoteMarks};
use super::speaker::NounPhrase;
use super::{QuoteMention, Resolution, SpeakerRef};
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::CueKind;
use crate::pipeline::lexicon::matcher::{Gender, Hit, Number};
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::text::segment::TokenKind;

/// English.
pub(super) struct English;

impl CueReader for English {
    fn read(&self, ctx: &Ctx, cue: &Hit, kind: CueKind, announce: bool) -> Option<QuoteMention> {
        let doc = ctx.doc();
        // "to say", "claimed by": not attributions
        if cue.tokens.start > 0 && ctx.is(WordClass::CueBlockerBefore, cue.tokens.start - 1) {
            return None;
        }
        // "claimed by", "told from": no attribution, unless a quotation closes right before
        // ('"…!" the group shouted from the street')
        let blocked_after = doc.tokens().get(cue.tokens.end).is_some_and(|_| ctx.is(WordClass::CueBlockerAfter, cue.tokens.end));
        if blocked_after && (kind == CueKind::Source || quotation_before(ctx, cue).is_none()) {
            return None;
        }
        // "The Associated Press quoted Wassim Bouhlel, a Nice native, as saying that …"
        if kind == CueKind::Source {
            return source(ctx, cue);
        }
        // inside a quotation, "I must tell you", "we say": the speaker's own words, not a quote
        let inside = ctx.marks_around(cue.tokens.start, cue.tokens.last()).is_some();
        if inside && (cue.tokens.start.saturating_sub(2)..cue.tokens.start).any(|k| ctx.is(WordClass::DialoguePronoun, k)) {
            return None;
        }
        let before_close = quotation_before(ctx, cue);
        let (a, b, subject) = if let Some(m) = before_close {
            (m.open + 1, m.close - 1, subject_of_quotation(ctx, cue, m))
        } else if let Some(t) = trailing(ctx, cue) {
            t
        } else {
            match reported_after(ctx, cue, announce)? {
                After::Quote(q) => return Some(q),
                After::Clause(t) => t,
            }
        };
        let (a, b) = ctx.trim_content(a, b)?;
        if b == a && doc.tokens()[a].kind == TokenKind::Word {
            return None;
        }
        let speaker = speaker_of(ctx, cue, subject);
        // "…," X said: the words inside the marks, a direct quote
        let kind = if before_close.is_some_and(|m| m.open < a && m.close > b) { "direct" } else { ctx.kind_of(a, b) };
        Some(QuoteMention {
            kind,
            content: TokenSpan::inclusive(a, b),
            cue: Some(cue.tokens),
            speaker,
            via: None,
            sentence: doc.sentence_of(a),
        })
    }

    fn fronted_subject(&self) -> bool {
        false
    }
}

/// Content `[a, b]` and the subject noun phrase, if one is written.
type Reported = (usize, usize, Option<NounPhrase>);

/// Most tokens between a quotation and the cue after it, an aside included ("…,"
/// Rep. Gwen Moore (D-Wis.) said), and most words outside the aside.
const MAX_TOKENS_AFTER_QUOTATION: usize = 14;
const MAX_WORDS_AFTER_QUOTATION: usize = 7;

/// A quotation closing just before the cue: "…," X said / "…," said X. It may end the
/// sentence before ("…?" Trump said.) when the cue closes its own clause; "…." Police said a
/// device was found is a new quote.
fn quotation_before(ctx: &Ctx, cue: &Hit) -> Option<QuoteMarks> {
    let doc = ctx.doc();
    let s_end = ctx.sentence_end(cue.tokens.start);
    let m = (cue.tokens.start.saturating_sub(MAX_TOKENS_AFTER_QUOTATION)..cue.tokens.start)
        .rev()
        .filter_map(|k| ctx.mark_closing_at(k))
        .next()?;
    // words, commas, the dots of abbreviations and an aside ("Rep. Gwen Moore (D-Wis.)")
    let in_aside = |k: usize| doc.phrases.aside_at(k).is_some() || doc.is_punct(k, "(") || doc.is_punct(k, ")");
    let between_ok = (m.close + 1..cue.tokens.start).all(|k| {
        (doc.tokens()[k].kind == TokenKind::Word || doc.word(k) == "," || ctx.inner_dot(k) || in_aside(k)) && ctx.cue_at(k).is_none()
    });
    // '"…," Senator Jeff Sessions, a close advisor to Trump, told AFP': an apposition set off
    // by commas after the name is an aside too
    let apposition = appositive_after_name(ctx, m.close + 1, cue.tokens.start);
    let in_apposition = |k: usize| apposition.is_some_and(|(a, b)| (a..=b).contains(&k));
    let words =
        (m.close + 1..cue.tokens.start).filter(|&k| doc.tokens()[k].kind == TokenKind::Word && !in_aside(k) && !in_apposition(k)).count();
    // 'exhorted Republicans to "vote your conscience" and said he …': a verb coordinated
    // after the quotation has its own content
    let coordinated = cue.tokens.start > m.close + 1 && ctx.is(WordClass::VerbCoordinator, cue.tokens.start - 1);
    if !between_ok || words > MAX_WORDS_AFTER_QUOTATION || coordinated {
        return None;
    }
    let same = doc.sentence_of(m.close) == doc.sentence_of(cue.tokens.start);
    let cue_closes_clause = (cue.tokens.end..=s_end).take(4).take_while(|&k| doc.tokens()[k].kind == TokenKind::Word).count() <= 3
        && (cue.tokens.end..=s_end)
            .find(|&k| doc.tokens()[k].kind != TokenKind::Word)
            .is_none_or(|k| matches!(doc.word(k), "." | "," | "!" | "?"));
    // '"Power to the people!" the group shouted from the street': a lower-case word after
    // the closing mark goes on with the sentence the quotation's "!" seemed to end
    let goes_on_lower = doc.tokens().get(m.close + 1).is_some_and(|t| {
        let (s, _) = doc.original(t.start, t.end);
        t.kind == TokenKind::Word && doc.text[s..].starts_with(|c: char| c.is_lowercase())
    });
    let previous = doc.sentence_of(m.close) + 1 == doc.sentence_of(cue.tokens.start);
    (same || (previous && (cue_closes_clause || goes_on_lower))).then_some(m)
}

/// The words of an apposition set off by commas after the name that opens `[from, cue)` and
/// closing right before the cue: first and last token (", a close advisor to Trump,").
fn appositive_after_name(ctx: &Ctx, from: usize, cue: usize) -> Option<(usize, usize)> {
    let doc = ctx.doc();
    let start = (from..cue).find(|&k| doc.word(k) != ",")?;
    if cue < start + 4 || doc.word(cue - 1) != "," {
        return None;
    }
    let comma = (start + 1..cue - 1).find(|&k| doc.word(k) == ",")?;
    let all_words = |r: std::ops::Range<usize>| r.clone().all(|k| doc.tokens()[k].kind == TokenKind::Word || ctx.inner_dot(k));
    (comma > start && all_words(start..comma) && all_words(comma + 1..cue - 1) && comma + 1 < cue - 1).then_some((comma + 1, cue - 2))
}

/// The subject of a cue after a quotation: the words between them ("…," the senator said),
/// or those after the cue ("…," said the senator).
fn subject_of_quotation(ctx: &Ctx, cue: &Hit, m: QuoteMarks) -> Option<NounPhrase> {
    let doc = ctx.doc();
    if m.close + 1 >= cue.tokens.start {
        return subject_after(ctx, cue);
    }
    let np_start = (m.close + 1..cue.tokens.start).find(|&k| doc.word(k) != ",").unwrap_or(cue.tokens.start);
    // the aside after the name is not part of it: "Rep. Gwen Moore (D-Wis.)", "Jeff
    // Sessions, a close advisor to Trump,"
    let mut np_end = cue.tokens.start.saturating_sub(1);
    if let Some((a, _)) = appositive_after_name(ctx, np_start, cue.tokens.start) {
        np_end = a.saturating_sub(2);
    }
    if doc.is_punct(np_end, ")")
        && let Some(open) = (np_start..np_end).rev().find(|&k| doc.is_punct(k, "("))
    {
        np_end = open.saturating_sub(1);
    }
    (np_start < cue.tokens.start && np_start <= np_end).then(|| (np_start, np_end, ctx.first_mention_within(np_start, np_end)))
}

/// Most words of the subject of a clause after an announcing verb without "that".
const CLAUSE_SUBJECT_WORDS: usize = 3;

/// True when the word at `i` opens a noun phrase: a determiner or a capitalised name.
fn names_or_determines(ctx: &Ctx, i: usize) -> bool {
    ctx.is(WordClass::PhraseOpener, i) || ctx.capitalised(i)
}

/// True when an auxiliary follows the short subject opening at `a` (up to `s_end`).
fn auxiliary_follows(ctx: &Ctx, a: usize, s_end: usize) -> bool {
    let doc = ctx.doc();
    (a + 1..=(a + CLAUSE_SUBJECT_WORDS).min(s_end))
        .take_while(|&k| doc.tokens()[k].kind == TokenKind::Word)
        .any(|k| ctx.is(WordClass::ClauseAuxiliary, k) && !doc.word(k - 1).ends_with("'s"))
}

/// What follows a cue that introduces its content.
enum After {
    /// A participle continuing the sentence's speaker: the finished quote.
    Quote(QuoteMention),
    /// The content and the subject.
    Clause(Reported),
}

/// X said (that) … / X told Y (that) …: the content runs to the sentence end, or to the end
/// of a quotation it opens with.
fn reported_after(ctx: &Ctx, cue: &Hit, announce: bool) -> Option<After> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue.tokens.start);
    let s_end = ctx.sentence_end(cue.tokens.start);
    let mut a = cue.tokens.end;
    let mut j = a;
    while j <= s_end && j < a + 8 {
        // "a report in the Post, which revealed that …": the clause is the relative's cue's
        if ctx.is(WordClass::RelativePronoun, j) {
            j = s_end + 1;
            break;
        }
        // ("… could change that.": a "that" closing the sentence is a pronoun, no complementiser)
        if let Some(c) = ctx.comp_at(j).filter(|c| c.tokens.end <= s_end && doc.tokens()[c.tokens.end].kind == TokenKind::Word) {
            a = c.tokens.end;
            break;
        }
        if doc.tokens()[j].kind == TokenKind::Quote {
            // 'said on "Fox News Sunday" that …': a quoted name in the cue's clause; the content
            // follows its complementiser
            if let Some(m) = ctx.mark_opening_at(j).filter(|m| j > cue.tokens.end && ctx.comp_at(m.close + 1).is_some()) {
                j = m.close + 1;
                continue;
            }
            // 'said they want “justice for Terrence,”': a clause opened by a subject pronoun
            // holds the quotation
            if j == cue.tokens.end || !ctx.is(WordClass::SubjectPronoun, cue.tokens.end) {
                a = j;
            }
            break;
        }
        j += 1;
    }
    if j > s_end || j >= cue.tokens.last() + 9 {
        a = cue.tokens.end;
    }
    // "Wells Fargo announced it would get rid of …": a clause opened by a subject pronoun
    // needs no "that"
    // nor does one whose short subject an auxiliary follows ("claimed Trump was not addressing
    // reality", "determined the perpetrator did not act alone")
    let pronoun_clause = a == cue.tokens.end
        && a < s_end
        && (ctx.is(WordClass::SubjectPronoun, a) || (names_or_determines(ctx, a) && auxiliary_follows(ctx, a, s_end)));
    if a > s_end || announce && ctx.comp_at(a.saturating_sub(1)).is_none() && !pronoun_clause {
        return None;
    }
    let mut b = s_end;
    if let Some(m) = ctx.mark_opening_at(a).filter(|m| m.close <= s_end + 1 && !ctx.fragment_runs_on(m)) {
        b = m.close;
    }
    // a quotation right after the cue that another cue claims ("…," the senator said) is not ours
    if let Some(m) = ctx.mark_opening_at(a)
        && (m.close + 1..=(m.close + 6).min(s_end))
            .take_while(|&k| doc.tokens()[k].kind == TokenKind::Word || doc.word(k) == ",")
            .any(|k| ctx.cue_at(k).is_some() && !ctx.is(WordClass::VerbCoordinator, k - 1))
    {
        return None;
    }
    let participle = doc.word(cue.tokens.start).ends_with("ing");
    if participle && let Some(s) = ctx.speakers.last().filter(|s| doc.sentence_of(s.tokens.start) == doc.sentence_of(cue.tokens.start)) {
        let (a, b) = ctx.trim_content(a, b)?;
        let speaker = Some(SpeakerRef { resolution: Resolution::Implicit, ..s.clone() });
        return Some(After::Quote(ctx.quote((a, b), cue, speaker, None)));
    }
    let mut subj = if participle { sentence_subject(ctx, s_start, cue.tokens.start) } else { subject_before(ctx, cue.tokens.start) };
    // "Graham, who says …": the relative pronoun stands for the name before it
    if let Some(np) = subj
        && np.0 == np.1
        && ctx.is(WordClass::RelativePronoun, np.0)
    {
        subj = relative_antecedent(ctx, np.0, s_start);
    }
    Some(After::Clause((a, b, subj)))
}

/// The name before a relative pronoun at `pronoun`: up to four words before the commas.
fn relative_antecedent(ctx: &Ctx, pronoun: usize, s_start: usize) -> Option<NounPhrase> {
    let doc = ctx.doc();
    let mut k = pronoun;
    while k > s_start && ctx.is_stop(k - 1) {
        k -= 1;
    }
    (k > s_start).then(|| {
        let end = k - 1;
        let mut start = end;
        while start > s_start && start + 3 > end && doc.tokens()[start - 1].kind == TokenKind::Word {
            start -= 1;
        }
        (start, end, ctx.first_mention_within(start, end))
    })
}

/// The speaker of a cue from its subject: a name, a pronoun resolved by agreement, or the
/// previous speaker.
fn speaker_of(ctx: &Ctx, cue: &Hit, subject: Option<NounPhrase>) -> Option<SpeakerRef> {
    match subject.and_then(|np| noun_phrase_of(ctx, np)) {
        Some(np) if !(np.0 == np.1 && ctx.is(WordClass::SubjectPronoun, np.0)) => Some(ctx.speaker(np, Resolution::Explicit)),
        Some(np) => {
            let g = ctx.is(WordClass::FemininePronoun, np.0).then_some(Gender::Feminine);
            let n = ctx.is(WordClass::PluralPronoun, np.0).then_some(Number::Plural);
            ctx.implicit(cue.tokens.start, g, n).or_else(|| ctx.speakers.last().cloned())
        }
        None => ctx.speakers.last().cloned().map(|s| SpeakerRef { resolution: Resolution::Implicit, ..s }),
    }
}

/// The noun phrase inside subject words `np`: what follows their last comma ("at the
/// Democratic convention, he"), without a subordinator or preposition before it ("Although
/// he", "but") or a preposition after it ("deputy sheriff in"); `None` when nothing is left.
fn noun_phrase_of(ctx: &Ctx, np: NounPhrase) -> Option<NounPhrase> {
    let doc = ctx.doc();
    let (mut start, mut end, _) = np;
    if let Some(comma) = (start..end).rev().find(|&k| doc.word(k) == ",") {
        start = comma + 1;
    }
    let opener = |k: usize| ctx.is(WordClass::SubjectBoundary, k) || ctx.is(WordClass::Locative, k);
    while start <= end && opener(start) {
        start += 1;
    }
    while end > start && ctx.is(WordClass::Locative, end) {
        end -= 1;
    }
    (start <= end).then(|| if (start, end) == (np.0, np.1) { np } else { (start, end, ctx.last_mention_within(start, end)) })
}

/// Most tokens of a parenthetical aside between a subject and its cue ("(D-Nev.)").
const MAX_ASIDE_TOKENS: usize = 8;

/// The subject before the cue at `cue`: the words back to a boundary, past adverbs ("Trump
/// also said"), or the name opening an appositive ("Sen. Marco Rubio, R-Fla., … said").
fn subject_before(ctx: &Ctx, cue: usize) -> Option<NounPhrase> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue);
    if cue == s_start {
        return None;
    }
    let mut j = cue - 1;
    // "Harry M. Reid (D-Nev.) told reporters": the aside between the name and the cue
    if doc.is_punct(j, ")")
        && let Some(open) = (s_start..j).rev().take(MAX_ASIDE_TOKENS).find(|&k| doc.is_punct(k, "("))
        && open > s_start
    {
        j = open - 1;
    }
    // skip adverbs: "Trump also said", "he later told"
    while j > s_start && (doc.word(j).ends_with("ly") || ctx.is(WordClass::SubjectAdverb, j)) {
        j -= 1;
    }
    // "Trump gestured …, then leaned in and boomed", "Massie used to support Paul, but now
    // said": a verb coordinated with the sentence's own shares its subject
    if ctx.is(WordClass::VerbCoordinator, j) {
        return sentence_subject(ctx, s_start, j);
    }
    if ctx.is_stop(j) && matches!(doc.word(j), "," | "-") {
        // an appositive: "Sen. Marco Rubio, R-Fla., appearing on Fox News, said",
        // "A former candidate -- John McCain, who lost … -- said"; the name is at most six
        // words from the sentence start, so only those are searched for its comma
        let first_comma = (s_start..j.min(s_start + 8)).find(|&k| matches!(doc.word(k), "," | "-"))?;
        let np_start = if doc.tokens()[s_start].kind == TokenKind::Quote { s_start + 1 } else { s_start };
        if first_comma > np_start && first_comma - np_start <= 6 {
            return Some((np_start, first_comma - 1, ctx.first_mention_within(np_start, first_comma - 1)));
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
        if (doc.tokens()[p].kind != TokenKind::Word && !ctx.inner_dot(p)) || ctx.cue_at(p).is_some() || ctx.comp_at(p).is_some() {
            break;
        }
        if ctx.word_is(WordClass::SubjectBoundary, doc.word(p)) {
            break;
        }
        start = p;
    }
    Some((start, end, ctx.last_mention_within(start, end)))
}

/// "X quoted Y as saying (that) …", "X cited Y as saying …": speaker Y, via X.
fn source(ctx: &Ctx, cue: &Hit) -> Option<QuoteMention> {
    let doc = ctx.doc();
    let s_end = ctx.sentence_end(cue.tokens.start);
    let saying = (cue.tokens.end..=s_end.min(cue.tokens.last() + 14))
        .find(|&k| doc.word(k) == "as" && doc.tokens().get(k + 1).is_some_and(|_| doc.word(k + 1) == "saying"))?;
    let np_end = (cue.tokens.end..saying).find(|&k| doc.word(k) == ",").map_or(saying - 1, |c| c - 1);
    if np_end <= cue.tokens.last() {
        return None;
    }
    let np = (cue.tokens.end, np_end, ctx.first_mention_within(cue.tokens.end, np_end));
    let mut a = saying + 2;
    if let Some(c) = ctx.comp_at(a) {
        a = c.tokens.end;
    }
    let (a, b) = ctx.trim_content(a, s_end)?;
    let via = subject_before(ctx, cue.tokens.start).map(|v| TokenSpan::inclusive(v.0, v.1));
    let speaker = Some(ctx.speaker(np, Resolution::Explicit));
    Some(ctx.quote((a, b), cue, speaker, via))
}

/// The words right after the cue, up to seven: "…," said the minister.
fn subject_after(ctx: &Ctx, cue: &Hit) -> Option<NounPhrase> {
    let doc = ctx.doc();
    let s_end = ctx.sentence_end(cue.tokens.start);
    let start = cue.tokens.end;
    if start > s_end || doc.tokens()[start].kind != TokenKind::Word {
        return None;
    }
    let mut end = start;
    while end < s_end
        && end - start < 6
        && (doc.tokens()[end + 1].kind == TokenKind::Word || ctx.inner_dot(end + 1))
        && ctx.comp_at(end + 1).is_none()
    {
        end += 1;
    }
    // (a phrase ends on a word: "said Mr. Burman.")
    while end > start && doc.tokens()[end].kind != TokenKind::Word {
        end -= 1;
    }
    Some((start, end, ctx.first_mention_within(start, end)))
}

/// The noun phrase opening a sentence, up to its verb: "Some candidates", "Other Republicans".
fn sentence_subject(ctx: &Ctx, s_start: usize, limit: usize) -> Option<NounPhrase> {
    let doc = ctx.doc();
    let mut start = if doc.tokens()[s_start].kind == TokenKind::Quote { s_start + 1 } else { s_start };
    // "On the eve of his election, Netanyahu rallied …": the subject follows the adjunct
    start = ctx.after_opening_adjunct(start, limit);
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
    Some((start, end, ctx.first_mention_within(start, end)))
}

/// "…, French officials said." / "…, Israeli officials said Wednesday." / "…, said the
/// minister.": the cue closes the sentence and the reported clause is before it.
fn trailing(ctx: &Ctx, cue: &Hit) -> Option<Reported> {
    let doc = ctx.doc();
    let s_start = ctx.sentence_start(cue.tokens.start);
    let s_end = ctx.sentence_end(cue.tokens.start);
    // after the cue: the sentence end, a comma, or a few words of time ("Wednesday", "on Monday")
    if doc.word(cue.tokens.start).ends_with("ing") {
        return None; // "…, saying airstrikes have failed": the content follows a participle
    }
    // more than four words after the cue is no trailing attribution: count up to five
    let rest_words = (cue.tokens.end..=s_end).take(5).take_while(|&k| doc.tokens()[k].kind == TokenKind::Word).count();
    let after = cue.tokens.end + rest_words;
    let closes = after > s_end || matches!(doc.word(after), "," | "." | "!" | "?" | ";");
    // said, "…": the quotation follows; not a trailing attribution
    let quote_follows = (after..=(after + 1).min(s_end)).any(|k| ctx.mark_opening_at(k).is_some());
    if !closes || quote_follows || rest_words > 4 {
        return None;
    }
    let time_only = (cue.tokens.end..cue.tokens.end + rest_words).all(|k| ctx.is(WordClass::TrailingTime, k) || ctx.in_time(k));
    // "…, Susan said as she turned around.": an adverbial clause after the cue is no content
    let adjunct_after = rest_words > 0 && ctx.is(WordClass::OpeningAdjunct, cue.tokens.end);
    if rest_words > 0 && !time_only {
        // ", said the minister." — the speaker follows the cue
        if cue.tokens.start > s_start + 2 && doc.word(cue.tokens.start - 1) == "," {
            let np =
                (cue.tokens.end, cue.tokens.last() + rest_words, ctx.first_mention_within(cue.tokens.end, cue.tokens.last() + rest_words));
            let (a, b) = ctx.trim_content(s_start, cue.tokens.start - 2)?;
            return Some((a, b, Some(np)));
        }
        if !adjunct_after {
            return None;
        }
    }
    // the subject between the last comma and the cue, at most seven tokens before it
    let comma = (s_start.max(cue.tokens.start.saturating_sub(7))..cue.tokens.start).rev().find(|&k| doc.word(k) == ",")?;
    if cue.tokens.start - comma > 7 || comma <= s_start + 2 || comma + 1 == cue.tokens.start {
        return None;
    }
    if (comma + 1..cue.tokens.start).any(|k| doc.tokens()[k].kind != TokenKind::Word) {
        return None;
    }
    let np = (comma + 1, cue.tokens.start - 1, ctx.first_mention_within(comma + 1, cue.tokens.start - 1));
    let (a, b) = ctx.trim_content(s_start, comma - 1)?;
    Some((a, b, Some(np)))
}

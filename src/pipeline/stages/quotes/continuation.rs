//! Quotes without a cue of their own: a quotation continuing the previous speaker's words,
//! a quotation signed after a dash ("“…” ― Carla Sanchez"), and the headline attribution
//! «صحيفة: …».

use super::context::Ctx;
use super::{QuoteMention, Resolution, SpeakerRef};
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::stages::mentions::MentionKind;
use crate::pipeline::text::segment::TokenKind;

/// A quotation of its own sentence right after an attributed one, in the same paragraph
/// ("…" Trump said. "We need a new President."), continues the same speaker.
///
/// `out` is sorted by content start. One pass over the marks, in text order: a quotation
/// that overlaps a quote is skipped (a prefix maximum of the quotes' ends answers that), and
/// the quote before it with a speaker is the one ending last before its opening mark (a sweep
/// over the quotes sorted by end; the continuations added on the way end later still).
pub(super) fn continuations(ctx: &Ctx, out: &mut Vec<QuoteMention>) {
    let doc = ctx.doc();
    let found = out.len();
    let mut reach = Vec::with_capacity(found);
    for q in out.iter() {
        reach.push(reach.last().map_or(q.content.last(), |&r: &usize| r.max(q.content.last())));
    }
    let mut by_end: Vec<usize> = (0..found).filter(|&i| out[i].speaker.is_some()).collect();
    by_end.sort_by_key(|&i| (out[i].content.last(), i));
    let (mut swept, mut before) = (0, None::<usize>);
    let mut added = None::<usize>;
    for m in &ctx.marks {
        let words = (m.open + 1..m.close).filter(|&k| doc.tokens()[k].kind == TokenKind::Word).count();
        let starting_before = out[..found].partition_point(|q| q.content.start <= m.close);
        if words < 2 || (starting_before > 0 && reach[starting_before - 1] >= m.open) {
            continue;
        }
        while swept < by_end.len() && out[by_end[swept]].content.last() < m.open {
            before = Some(by_end[swept]);
            swept += 1;
        }
        let latest = match (before, added) {
            (Some(b), Some(a)) => Some(if out[a].content.last() >= out[b].content.last() { a } else { b }),
            (b, a) => a.or(b),
        };
        let sentence = doc.sentence_of(m.open);
        let paragraph = doc.seg.sentences[sentence].paragraph;
        let starts_sentence = doc.seg.sentences[sentence].tokens.start == m.open;
        let prev = latest.map(|i| &out[i]).filter(|q| doc.seg.sentences[q.sentence].paragraph == paragraph && sentence <= q.sentence + 2);
        if let (true, Some(prev)) = (starts_sentence, prev) {
            let speaker = prev.speaker.clone().map(|s| SpeakerRef { resolution: Resolution::Implicit, ..s });
            out.push(QuoteMention {
                kind: "direct",
                content: TokenSpan::inclusive(m.open + 1, m.close - 1),
                cue: None,
                speaker,
                via: None,
                sentence,
            });
            added = Some(out.len() - 1);
        }
    }
}

/// «صحيفة: …»: a one-sentence paragraph whose first few words before a colon name the
/// speaker of the rest — the headline, or a subheading inside the article («الصليب الأحمر:
/// المساعدات أقل …»), where the words must end with a mention that is no place (a dateline
/// «الرياض:» names none).
pub(super) fn headline(ctx: &Ctx, out: &mut Vec<QuoteMention>) {
    let doc = ctx.doc();
    for (pi, p) in doc.seg.paragraphs.iter().enumerate() {
        if p.len() != 1 {
            continue;
        }
        let toks = doc.seg.sentences[p.start].tokens;
        // the colon within the first few words
        let Some(colon) = toks.range().take(MAX_HEADLINE_SPEAKER_TOKENS + 1).find(|&i| doc.word(i) == ":") else {
            continue;
        };
        let words = (toks.start..colon).filter(|&k| doc.tokens()[k].kind == TokenKind::Word).count();
        if words == 0 || words > MAX_HEADLINE_SPEAKER_WORDS || colon + 1 >= toks.end {
            continue;
        }
        let first = (toks.start..colon).find(|&k| doc.tokens()[k].kind == TokenKind::Word).unwrap_or(toks.start);
        let head = ctx.first_mention_within(first, colon - 1);
        // inside the article the words are the speaker's name itself, up to the colon
        // ("Editor's note:" is none)
        let is_place = |mi: usize| matches!(ctx.mentions.all[mi].kind, MentionKind::Place(_));
        let names_a_speaker = ctx.mention_ending_at(colon - 1).is_some_and(|mi| !is_place(mi)) && !head.is_some_and(is_place);
        if pi > 0 && !names_a_speaker {
            continue;
        }
        let Some((a, b)) = ctx.trim_content(colon + 1, toks.end - 1) else {
            continue;
        };
        let np = (first, colon - 1, head.or_else(|| ctx.mention_at(first).map(|(i, _)| i)));
        let speaker = ctx.speaker(np, Resolution::Headline);
        out.push(QuoteMention {
            kind: ctx.kind_of(a, b),
            content: TokenSpan::inclusive(a, b),
            cue: None,
            speaker: Some(speaker),
            via: None,
            sentence: p.start,
        });
    }
}

/// Most words before a headline's colon that name its speaker («رئيس "الشورى" السعودي:»).
const MAX_HEADLINE_SPEAKER_WORDS: usize = 4;
/// Most tokens (words and marks) before a headline's colon.
const MAX_HEADLINE_SPEAKER_TOKENS: usize = 8;

/// Most words of the signature after a dash ("― Edwin G. Monroy, 24, Houston").
const MAX_SIGNATURE_WORDS: usize = 8;

/// "“Trump must stop …” ― Carla Sanchez.": a quotation that opens its paragraph, followed by
/// a dash and a short name that ends the paragraph, is signed by that name (vox pops, letters, readers' comments).
/// Quotes a cue inside the signed words gave are dropped; the marks come in text order.
pub(super) fn signed(ctx: &Ctx, out: &mut Vec<QuoteMention>) {
    let doc = ctx.doc();
    let tokens = doc.tokens();
    let mut signed_marks: Vec<(usize, usize)> = Vec::new();
    let mut signed_quotes = Vec::new();
    for m in &ctx.marks {
        let dash = m.close + 1;
        if dash + 1 >= tokens.len() || !doc.is_punct(dash, "-") {
            continue;
        }
        // the quotation opens its paragraph: "When Trump wrapped up — “…” — the balloons
        // cascaded" is no signature
        let opens_paragraph = m.open == 0 || tokens[m.open - 1].paragraph != tokens[m.open].paragraph;
        if !opens_paragraph {
            continue;
        }
        // the signature runs to the paragraph's end: a name, then an age or a place after commas
        let paragraph = tokens[dash].paragraph;
        let end = (dash + 1..tokens.len()).take_while(|&k| tokens[k].paragraph == paragraph).last().unwrap_or(dash);
        let words = (dash + 1..=end).filter(|&k| tokens[k].kind == TokenKind::Word).count();
        // the name: words, and the dots of initials between them ("Edwin G. Monroy")
        let name_end = (dash + 1..=end)
            .take_while(|&k| tokens[k].kind == TokenKind::Word || doc.word(k) == "." && k < end && tokens[k + 1].kind == TokenKind::Word)
            .last();
        let Some(name_end) = name_end.filter(|_| words > 0 && words <= MAX_SIGNATURE_WORDS) else {
            continue;
        };
        let np = (dash + 1, name_end, ctx.first_mention_within(dash + 1, name_end));
        signed_marks.push((m.open, m.close));
        signed_quotes.push(QuoteMention {
            kind: "direct",
            content: TokenSpan::inclusive(m.open + 1, m.close - 1),
            cue: None,
            speaker: Some(ctx.speaker(np, Resolution::Explicit)),
            via: None,
            sentence: doc.sentence_of(m.open + 1),
        });
    }
    // what a cue inside the signed words reports ("“During the debate Trump said …” ―
    // Pamela Padilla") is the signer's speech, not a quote of its own
    out.retain(|q| {
        let k = signed_marks.partition_point(|&(open, _)| open < q.content.start);
        k == 0 || q.content.start > signed_marks[k - 1].1
    });
    out.extend(signed_quotes);
}

/// "Trump issued the following statement:" and the next paragraph a quotation: the
/// quotation is the statement of the sentence's first speaker-like mention (a person, a role
/// or an organisation). Quotations a quote already starts inside are left alone.
pub(super) fn after_colon(ctx: &Ctx, out: &mut Vec<QuoteMention>) {
    let doc = ctx.doc();
    let tokens = doc.tokens();
    let mut starts: Vec<usize> = out.iter().map(|q| q.content.start).collect();
    starts.sort_unstable();
    let mut added = Vec::new();
    for m in &ctx.marks {
        let Some(colon) = m.open.checked_sub(1) else { continue };
        if tokens[colon].paragraph == tokens[m.open].paragraph || !doc.is_punct(colon, ":") {
            continue;
        }
        let first_inside = starts.partition_point(|&s| s <= m.open);
        if starts.get(first_inside).is_some_and(|&s| s < m.close) {
            continue;
        }
        let sentence = doc.seg.sentences[doc.sentence_of(colon)].tokens;
        let Some(mi) = ctx.first_mention_within(sentence.start, colon) else { continue };
        let mention = &ctx.mentions.all[mi];
        if matches!(mention.kind, MentionKind::Place(_)) || mention.tokens.start > sentence.start + MAX_INTRODUCER_SUBJECT_TOKENS {
            continue;
        }
        let np = doc.phrases.of_mention(mi).map_or((mention.tokens.start, mention.tokens.last()), |p| {
            let t = doc.phrases.phrases[p].tokens;
            (t.start, t.last())
        });
        added.push(QuoteMention {
            kind: "direct",
            content: TokenSpan::inclusive(m.open + 1, m.close - 1),
            cue: None,
            speaker: Some(ctx.speaker((np.0, np.1, Some(mi)), Resolution::Explicit)),
            via: None,
            sentence: doc.sentence_of(m.open + 1),
        });
    }
    out.extend(added);
}

/// How far into the introducing sentence its subject may start ("In response, Trump issued …").
const MAX_INTRODUCER_SUBJECT_TOKENS: usize = 12;

//! Quoted labels: words inside quotation marks that name or tag something rather than report
//! speech — a scare-quoted word («وصفه ترامب بـ"الفظيع"», "an alleged "road rage incident""),
//! a name («لـ"سكاي نيوز عربية"», "“Ted Cruz” campaign pins»), a quoted name heading its own
//! quote («وقال "الزوي": …»). Such a span is no quote (GUIDELINES.md, "Quotes"; the quotes
//! issue's extra quotes).
//!
//! A short direct quote is a label when a label marker stands right before its opening mark
//! (a preposition glued to it, بـ"…", لـ"…"; "so-called", "alleged": lexicon data), or a colon
//! right after its closing one. A short quote after a verb ("was “absolutely right”": a
//! fragment of reported speech), or one that ends as a sentence ("This Cannot Continue."),
//! stays a quote.

use super::QuoteMention;
use super::context::Ctx;
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::text::segment::TokenKind;

/// Most words a quoted label has.
const MAX_LABEL_WORDS: usize = 3;
/// Most words a quoted title has.
const MAX_TITLE_WORDS: usize = 6;

/// True when direct quote `q` is a quoted label, not speech.
pub(super) fn is_quoted_label(ctx: &Ctx, q: &QuoteMention) -> bool {
    q.kind == "direct" && q.content.start > 0 && (is_label(ctx, q.content.start - 1, q.content.end) || is_title(ctx, q))
}

/// True when direct quote `q` is the title of a work or a show: a few words, each capitalised
/// (but for short function words), not ending as a sentence ("Fox News Sunday", "A Change Is
/// Gonna Come").
fn is_title(ctx: &Ctx, q: &QuoteMention) -> bool {
    let doc = ctx.doc();
    let tokens = doc.tokens();
    let (first, last) = (q.content.start, q.content.last());
    let words: Vec<usize> = (first..=last).filter(|&k| tokens[k].kind == TokenKind::Word).collect();
    if words.is_empty() || words.len() > MAX_TITLE_WORDS {
        return false;
    }
    let ends_as_sentence = (first..=last).any(|k| ctx.is(WordClass::SentenceEnd, k));
    let small = |k: usize| ctx.lex.function_words.contains(doc.word(k));
    !ends_as_sentence && words.len() >= 2 && ctx.capitalised(words[0]) && words.iter().all(|&k| ctx.capitalised(k) || small(k))
}

/// True when the quotation with marks at tokens `open` and `close` is a label: a few words,
/// not a sentence, behind a label marker or heading a colon.
pub(super) fn is_label(ctx: &Ctx, open: usize, close: usize) -> bool {
    let doc = ctx.doc();
    let tokens = doc.tokens();
    if close >= tokens.len() || close <= open + 1 {
        return false;
    }
    let words = (open + 1..close).filter(|&k| tokens[k].kind == TokenKind::Word).count();
    if words > MAX_LABEL_WORDS || ctx.is(WordClass::SentenceEnd, close - 1) {
        return false;
    }
    // «"الزوي": "…"»: a quoted name heading the quote after it
    if close + 1 < tokens.len() && doc.is_punct(close + 1, ":") {
        return true;
    }
    let Some(before) = open.checked_sub(1).filter(|&b| tokens[b].sentence == tokens[open].sentence) else {
        return false;
    };
    tokens[before].kind == TokenKind::Word && ctx.is(WordClass::LabelMarker, before)
}

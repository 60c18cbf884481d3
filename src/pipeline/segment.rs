//! Paragraphs, sentences and tokens over the normalised text.
//!
//! Tokens are runs of letters and digits (with the inner dots of abbreviations such as
//! `u.s.` and the inner apostrophes and hyphens of English words), single punctuation marks,
//! and quotation marks. Sentences end at `.`, `!`, `?`, `؟` and `…` (but not after a known
//! abbreviation, and not inside a balanced quotation) and at every line break, so headlines
//! and subheadings are sentences of their own.

use std::collections::HashSet;
use std::ops::Range;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with digits, inner dots, apostrophes or hyphens).
    Word,
    /// Digits, possibly with thousands separators or a decimal point.
    Number,
    /// A quotation mark (normalised to `"`).
    Quote,
    /// Any other single non-space character.
    Punct,
}

/// One token: a byte span of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Start byte in the normalised text.
    pub start: usize,
    /// End byte (exclusive) in the normalised text.
    pub end: usize,
    /// The token's kind.
    pub kind: TokenKind,
    /// Index of the sentence holding the token.
    pub sentence: usize,
    /// Index of the paragraph holding the token.
    pub paragraph: usize,
}

/// A sentence: a range of token indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Token indices `[start, end)`.
    pub tokens: Range<usize>,
    /// Index of the paragraph holding the sentence.
    pub paragraph: usize,
}

/// The segmentation of one normalised text.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    /// All tokens in text order.
    pub tokens: Vec<Token>,
    /// All sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Paragraphs as ranges of sentence indices.
    pub paragraphs: Vec<Range<usize>>,
}

fn is_word_char(c: char) -> bool {
    // Arabic letters first: the general Unicode lookup is slow and Arabic is the bulk of the text
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
        || c.is_ascii_alphanumeric()
        || c == '_'
        || (!c.is_ascii() && c.is_alphanumeric())
}

/// Splits `norm` into tokens; `abbreviations` holds normalised abbreviations without their
/// final dot (`mr`, `jan`, `calif`) after which a dot does not end a sentence.
pub fn segment(norm: &str, abbreviations: &HashSet<String>) -> Segmentation {
    let raw = tokenize(norm);
    let mut seg = Segmentation::default();
    let mut sentence_start = 0usize;
    let mut paragraph = 0usize;
    let mut paragraph_first_sentence = 0usize;
    let mut i = 0usize;
    // paragraphs: split at newlines between tokens
    let mut paragraph_ranges: Vec<Range<usize>> = Vec::new();
    let mut p_start = 0;
    for (k, t) in raw.iter().enumerate() {
        if k > 0 && norm[raw[k - 1].end..t.start].contains('\n') {
            paragraph_ranges.push(p_start..k);
            p_start = k;
        }
    }
    if p_start < raw.len() {
        paragraph_ranges.push(p_start..raw.len());
    }
    let mut tokens: Vec<Token> = Vec::with_capacity(raw.len());
    for prange in paragraph_ranges {
        let quotes = raw[prange.clone()].iter().filter(|t| t.kind == TokenKind::Quote).count();
        let track_quotes = quotes % 2 == 0;
        let mut inside_quote = false;
        sentence_start = sentence_start.max(prange.start);
        i = prange.start;
        while i < prange.end {
            let t = raw[i];
            let was_inside = inside_quote;
            if t.kind == TokenKind::Quote && track_quotes {
                inside_quote = !inside_quote;
            }
            let text = &norm[t.start..t.end];
            // a closing quotation mark right after a sentence end ends the sentence
            let closes_sentence = t.kind == TokenKind::Quote
                && was_inside
                && i > prange.start
                && raw[i - 1].end == t.start
                && matches!(&norm[raw[i - 1].start..raw[i - 1].end], "." | "!" | "?" | "؟" | "…");
            let ends_sentence = closes_sentence
                || t.kind == TokenKind::Punct
                    && matches!(text, "." | "!" | "?" | "؟" | "…")
                    && !inside_quote
                    && !(text == "." && i > prange.start && is_abbreviation(norm, &raw, i, abbreviations));
            let mut end = i + 1;
            if ends_sentence {
                // swallow repeated marks and closing quotes
                while end < prange.end
                    && (matches!(&norm[raw[end].start..raw[end].end], "." | "!" | "?" | "؟" | "…" | ")")
                        || (raw[end].kind == TokenKind::Quote && raw[end].start == raw[end - 1].end))
                {
                    if raw[end].kind == TokenKind::Quote && track_quotes {
                        inside_quote = !inside_quote;
                    }
                    end += 1;
                }
            }
            if (ends_sentence && end < prange.end) || end == prange.end {
                let sentence = seg.sentences.len();
                for r in &raw[sentence_start..end] {
                    tokens.push(Token { sentence, paragraph, ..*r });
                }
                seg.sentences.push(Sentence { tokens: sentence_start..end, paragraph });
                sentence_start = end;
            }
            i = end;
        }
        seg.paragraphs.push(paragraph_first_sentence..seg.sentences.len());
        paragraph_first_sentence = seg.sentences.len();
        paragraph += 1;
    }
    let _ = i;
    seg.tokens = tokens;
    seg
}

fn is_abbreviation(norm: &str, raw: &[Token], dot: usize, abbreviations: &HashSet<String>) -> bool {
    let prev = raw[dot - 1];
    if prev.end != raw[dot].start || prev.kind != TokenKind::Word {
        return false;
    }
    // "R-Fla.": the part after the last hyphen decides
    let word = norm[prev.start..prev.end].rsplit('-').next().unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(|c| c.is_alphabetic() && c.is_ascii()) {
        return true; // an initial: "John F. Kennedy"
    }
    if word.contains('.') {
        return true; // "u.s." keeps its last dot inside the word; "u.s" before a dot
    }
    if word == "no" {
        return raw.get(dot + 1).is_some_and(|t| t.kind == TokenKind::Number);
    }
    abbreviations.contains(word)
}

/// Splits `norm` into raw tokens (sentence and paragraph not yet set).
fn tokenize(norm: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let bytes = norm.as_bytes();
    let mut it = norm.char_indices().peekable();
    while let Some((start, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind;
        let mut end = start + c.len_utf8();
        if c.is_ascii_digit() {
            kind = TokenKind::Number;
            while let Some(&(o, d)) = it.peek() {
                let next_is_digit = bytes.get(o + 1).is_some_and(|b| b.is_ascii_digit());
                if d.is_ascii_digit() || ((d == ',' || d == '.') && next_is_digit) {
                    it.next();
                    end = o + d.len_utf8();
                } else {
                    break;
                }
            }
            // digits glued to letters ("20th", "3آلاف") stay one word
            if it.peek().is_some_and(|&(_, d)| d.is_alphabetic()) {
                while let Some(&(o, d)) = it.peek() {
                    if is_word_char(d) {
                        it.next();
                        end = o + d.len_utf8();
                    } else {
                        break;
                    }
                }
                out.push(Token { start, end, kind: TokenKind::Word, sentence: 0, paragraph: 0 });
                continue;
            }
        } else if is_word_char(c) {
            kind = TokenKind::Word;
            let latin = c.is_ascii_alphabetic();
            while let Some(&(o, d)) = it.peek() {
                // Arabic letters and digits do not glue: "و1200" is و + 1200
                if is_word_char(d) && (latin || !d.is_ascii_digit()) {
                    it.next();
                    end = o + d.len_utf8();
                    continue;
                }
                let after = norm[o + d.len_utf8()..].chars().next();
                let joins = latin
                    && matches!(d, '.' | '\'' | '-')
                    && after.is_some_and(|a| a.is_ascii_alphanumeric())
                    && (d != '.' || norm[start..o].chars().count() <= 2);
                if joins {
                    it.next();
                    end = o + 1;
                } else {
                    break;
                }
            }
            // "u.s." : an abbreviation with inner dots keeps its final dot
            if norm[start..end].contains('.') && it.peek().is_some_and(|&(_, d)| d == '.') {
                let (o, _) = it.next().expect("peeked");
                end = o + 1;
            }
        } else if c == '"' {
            kind = TokenKind::Quote;
        } else {
            kind = TokenKind::Punct;
        }
        out.push(Token { start, end, kind, sentence: 0, paragraph: 0 });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::text::NormText;

    fn sentences(text: &str) -> Vec<String> {
        let n = NormText::new(text);
        let abbr: HashSet<String> = ["mr", "sen", "calif", "jan", "fla"].iter().map(|s| s.to_string()).collect();
        let seg = segment(&n.norm, &abbr);
        seg.sentences
            .iter()
            .map(|s| {
                let a = seg.tokens[s.tokens.start].start;
                let b = seg.tokens[s.tokens.end - 1].end;
                n.norm[a..b].to_string()
            })
            .collect()
    }

    #[test]
    fn arabic_sentences_and_headline() {
        let s = sentences("عنوان بلا نقطة\nقال المسؤول إن الوضع خطير. وأضاف أن الحل قريب؟ نعم");
        assert_eq!(s, vec!["عنوان بلا نقطه", "قال المسوول ان الوضع خطير.", "واضاف ان الحل قريب؟", "نعم"]);
    }

    #[test]
    fn english_abbreviations_do_not_split() {
        let s = sentences("Mr. Smith met U.S. officials on Jan. 5 in San Bernardino, Calif. on Monday. No. 10 said so.");
        assert_eq!(s.len(), 2, "{s:?}");
        assert!(s[0].starts_with("mr. smith met u.s. officials"));
    }

    #[test]
    fn party_and_state_abbreviations() {
        let s = sentences("Sen. Marco Rubio, R-Fla., said so. Sen. Lindsey Graham, R-S.C., agreed.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn quotes_spanning_sentence_ends_stay_whole() {
        let s = sentences("He said: \"We won. They lost.\" Then he left.");
        assert_eq!(s, vec!["he said: \"we won. they lost.\"", "then he left."]);
    }

    #[test]
    fn unbalanced_quote_does_not_swallow_the_paragraph() {
        let s = sentences("He said: \"We won. They lost. Then he left.");
        assert_eq!(s.len(), 3);
    }

    #[test]
    fn numbers_keep_separators() {
        let n = NormText::new("1,200 people and ١٢٠٠ more, 3.5 km");
        let seg = segment(&n.norm, &HashSet::new());
        let nums: Vec<&str> = seg.tokens.iter().filter(|t| t.kind == TokenKind::Number).map(|t| &n.norm[t.start..t.end]).collect();
        assert_eq!(nums, vec!["1,200", "1200", "3.5"]);
    }
}

//! Counts: numbers written in digits (either script, with separators), in Arabic or English
//! words (ثلاثة وعشرون، مئتان، 3 آلاف، twenty-one, a dozen), or vaguely (عشرات، dozens),
//! with the qualifier around them (ما يصل إلى، على الأقل، about, at least).

use super::document::Document;
use super::lexicon::{LanguageLexicons, NumberKind};
use super::segment::TokenKind;
use std::collections::HashMap;

/// A count phrase found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountMention {
    /// First token (the qualifier's, when it comes first).
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// First token of the number itself.
    pub number_first: usize,
    /// Last token of the number itself.
    pub number_last: usize,
    /// The value, when the phrase gives one.
    pub value: Option<u64>,
    /// `exact`, `up_to`, `at_least`, `about`, `more_than` or `vague`.
    pub qualifier: String,
}

impl CountMention {
    /// The `{min, max}` pair of GUIDELINES.md for this count.
    pub fn bounds(&self) -> (Option<u64>, Option<u64>) {
        match (self.qualifier.as_str(), self.value) {
            (_, None) | ("vague", _) => (None, None),
            ("up_to", v) => (None, v),
            ("at_least", v) | ("more_than", v) => (v, None),
            (_, v) => (v, v),
        }
    }
}

enum Piece {
    Value(u64, NumberKind),
    Vague,
    Single,
}

/// Finds every count phrase in `doc`.
pub fn find_counts(doc: &Document, lex: &LanguageLexicons) -> Vec<CountMention> {
    let tokens = doc.tokens();
    let mut pieces: HashMap<usize, (usize, Piece)> = HashMap::new(); // first token → (last, piece)
    for h in lex.numbers.find(doc) {
        let e = &lex.numbers.entries()[h.entry];
        let piece = match e.value {
            _ if e.kind == NumberKind::Single => Piece::Single,
            Some(v) if e.kind != NumberKind::Vague => Piece::Value(v, e.kind),
            _ => Piece::Vague,
        };
        pieces.insert(h.first, (h.last, piece));
    }
    for (i, t) in tokens.iter().enumerate() {
        match t.kind {
            TokenKind::Number => {
                let digits: String = doc.word(i).chars().filter(|c| c.is_ascii_digit()).collect();
                let is_decimal = doc.word(i).contains('.') && !doc.word(i).contains(',');
                if let (false, Ok(v)) = (is_decimal, digits.parse::<u64>()) {
                    pieces.insert(i, (i, Piece::Value(v, NumberKind::Unit)));
                }
            }
            TokenKind::Word if doc.word(i).contains('-') => {
                // english compounds: twenty-one
                let mut total = 0;
                let mut ok = true;
                for part in doc.word(i).split('-') {
                    match lex.numbers.lookup(part).map(|e| (e.value, e.kind)) {
                        Some((Some(v), NumberKind::Unit | NumberKind::Ten)) => total += v,
                        _ => ok = false,
                    }
                }
                if ok {
                    pieces.insert(i, (i, Piece::Value(total, NumberKind::Unit)));
                }
            }
            _ => {}
        }
    }
    let qualifiers = lex.qualifiers.find(doc);
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some((last, piece)) = pieces.get(&i) else {
            i += 1;
            continue;
        };
        let first = i;
        let mut end = *last;
        if matches!(piece, Piece::Single) {
            // "شخص آخر": one, unless a number stands before it (that number counts it)
            let counted = i > 0 && pieces.get(&(i - 1)).is_some_and(|(_, p)| !matches!(p, Piece::Single));
            if !counted {
                out.push(CountMention {
                    first,
                    last: end,
                    number_first: first,
                    number_last: end,
                    value: Some(1),
                    qualifier: "exact".into(),
                });
            }
            i = end + 1;
            continue;
        }
        let (mut total, mut current, mut vague) = (0u64, 0u64, false);
        let apply = |piece: &Piece, total: &mut u64, current: &mut u64, vague: &mut bool| match piece {
            Piece::Vague => *vague = true,
            Piece::Single => {}
            Piece::Value(v, NumberKind::Hundred) if *v == 100 && *current > 0 => *current = current.saturating_mul(100),
            Piece::Value(v, NumberKind::Thousand) => {
                *total = total.saturating_add((*current).max(1).saturating_mul(*v));
                *current = 0;
            }
            Piece::Value(v, _) => *current = current.saturating_add(*v),
        };
        apply(piece, &mut total, &mut current, &mut vague);
        // continue with "و" + number word (ثلاثة وعشرون) or "and"/adjacent words
        loop {
            let next = end + 1;
            let (skip, candidate) =
                if doc.word(next.min(tokens.len() - 1)) == "and" && next < tokens.len() { (1, next + 1) } else { (0, next) };
            let _ = skip;
            match pieces.get(&candidate) {
                Some((l, p)) if tokens[candidate].sentence == tokens[first].sentence && !vague => {
                    if matches!(p, Piece::Vague | Piece::Single) {
                        // "3 آلاف" is a multiplier, "عشرات" after a number is not part of it
                        break;
                    }
                    apply(p, &mut total, &mut current, &mut vague);
                    end = *l;
                }
                _ => break,
            }
        }
        let value = (!vague).then_some(total + current);
        let mut qualifier = if vague { "vague".to_string() } else { "exact".to_string() };
        let (mut qfirst, mut qlast) = (first, end);
        for q in &qualifiers {
            let entry = &lex.qualifiers.entries()[q.entry];
            if entry.before && q.last + 1 == first {
                qualifier = entry.qualifier.clone();
                qfirst = q.first;
            } else if !entry.before
                && q.first > end
                && q.first <= end + 3
                && (end + 1..q.first)
                    .all(|k| tokens[k].kind == TokenKind::Word && pieces.get(&k).is_none_or(|(_, p)| matches!(p, Piece::Single)))
            {
                // "12 على الأقل", "ستة مدنيين على الأقل": after the number or its noun
                qualifier = entry.qualifier.clone();
                qlast = q.last;
            }
        }
        out.push(CountMention { first: qfirst, last: qlast, number_first: first, number_last: end, value, qualifier });
        i = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::lexicon::Lexicons;
    use crate::pipeline::model::Language;
    use std::sync::LazyLock;

    static LEX: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::load(None).unwrap());

    fn counts(lang: Language, text: &str) -> Vec<(Option<u64>, String)> {
        let lex = LEX.get(lang);
        let doc = Document::new(text, lang, &lex.abbreviations);
        find_counts(&doc, lex).into_iter().map(|c| (c.value, c.qualifier)).collect()
    }

    #[test]
    fn arabic_words_and_digits() {
        assert_eq!(counts(Language::Ar, "مقتل ما يصل إلى سبعة أشخاص"), vec![(Some(7), "up_to".into())]);
        assert_eq!(counts(Language::Ar, "ثلاثة وعشرون قتيلا"), vec![(Some(23), "exact".into())]);
        assert_eq!(
            counts(Language::Ar, "3 آلاف و١٢٠٠ و1,200"),
            vec![(Some(3000), "exact".into()), (Some(1200), "exact".into()), (Some(1200), "exact".into())]
        );
        assert_eq!(counts(Language::Ar, "قتل 12 على الأقل"), vec![(Some(12), "at_least".into())]);
        assert_eq!(counts(Language::Ar, "عشرات الجرحى"), vec![(None, "vague".into())]);
        assert_eq!(counts(Language::Ar, "مئتان"), vec![(Some(200), "exact".into())]);
    }

    #[test]
    fn english_words() {
        assert_eq!(counts(Language::En, "twenty-one people"), vec![(Some(21), "exact".into())]);
        assert_eq!(counts(Language::En, "at least 12 dead"), vec![(Some(12), "at_least".into())]);
        assert_eq!(counts(Language::En, "a dozen"), vec![(Some(12), "exact".into())]);
        assert_eq!(counts(Language::En, "three hundred and five"), vec![(Some(305), "exact".into())]);
        assert_eq!(counts(Language::En, "dozens were hurt"), vec![(None, "vague".into())]);
    }

    #[test]
    fn bounds_follow_the_guidelines() {
        let c = |value, q: &str| CountMention { first: 0, last: 0, number_first: 0, number_last: 0, value, qualifier: q.into() };
        assert_eq!(c(Some(7), "up_to").bounds(), (None, Some(7)));
        assert_eq!(c(Some(12), "at_least").bounds(), (Some(12), None));
        assert_eq!(c(Some(30), "about").bounds(), (Some(30), Some(30)));
        assert_eq!(c(None, "vague").bounds(), (None, None));
    }
}

//! Paragraphs, sentences and tokens over the normalised text.
//!
//! Tokens are runs of letters and digits (with the inner dots of abbreviations such as
//! `u.s.` and the inner apostrophes and hyphens of English words), single punctuation marks,
//! and quotation marks. Sentences end at `.`, `!`, `?`, `؟` and `…` (but not after a known
//! abbreviation, and not inside a balanced quotation) and at every line break, so headlines
//! and subheadings are sentences of their own.

use crate::pipeline::doc::TokenSpan;
use foldhash::HashSet;
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
    /// Its tokens.
    pub tokens: TokenSpan,
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

/// Marks that end a sentence, the same in every language (the Arabic question mark among
/// them): the segmenter takes no language, so they are punctuation here, not a word class.
const SENTENCE_ENDS: &[&str] = &[".", "!", "?", "\u{061F}", "…"];

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}')
}

fn is_word_char(c: char) -> bool {
    // Arabic letters first: the general Unicode lookup is slow and Arabic is the bulk of the text
    is_arabic_letter(c) || c.is_ascii_alphanumeric() || c == '_' || (!c.is_ascii() && c.is_alphanumeric())
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
        if k > 0 && norm.as_bytes()[raw[k - 1].end..t.start].contains(&b'\n') {
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
                && SENTENCE_ENDS.contains(&&norm[raw[i - 1].start..raw[i - 1].end]);
            let ends_sentence = closes_sentence
                || t.kind == TokenKind::Punct
                    && SENTENCE_ENDS.contains(&text)
                    && !inside_quote
                    && !(text == "." && i > prange.start && is_abbreviation(norm, &raw, i, abbreviations));
            let mut end = i + 1;
            if ends_sentence {
                // swallow repeated marks and closing quotes
                while end < prange.end
                    && (SENTENCE_ENDS.contains(&&norm[raw[end].start..raw[end].end])
                        || &norm[raw[end].start..raw[end].end] == ")"
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
                seg.sentences.push(Sentence { tokens: TokenSpan::new(sentence_start, end), paragraph });
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
    // about one token per five bytes of news text (Arabic or English)
    let mut out = Vec::with_capacity(norm.len() / 4);
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
            // digits glued to Latin letters ("20th") stay one word; Arabic letters do not glue
            // to digits on either side: «9أشخاص» is 9 + أشخاص, as «و1200» is و + 1200
            if it.peek().is_some_and(|&(_, d)| d.is_alphabetic() && !is_arabic_letter(d)) {
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
            // whether an inner dot was joined (word characters hold no dot)
            let mut dotted = false;
            while let Some(&(o, d)) = it.peek() {
                // Arabic letters and digits do not glue: «و1200» is و + 1200
                if is_word_char(d) && (latin || !d.is_ascii_digit()) {
                    it.next();
                    end = o + d.len_utf8();
                    continue;
                }
                let joins = latin
                    && matches!(d, '.' | '\'' | '-')
                    && bytes.get(o + 1).is_some_and(u8::is_ascii_alphanumeric)
                    && (d != '.' || norm[start..o].chars().count() <= 2);
                if joins {
                    dotted |= d == '.';
                    it.next();
                    end = o + 1;
                } else {
                    break;
                }
            }
            // "u.s." : an abbreviation with inner dots keeps its final dot
            if dotted && it.peek().is_some_and(|&(_, d)| d == '.') {
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
    use crate::pipeline::text::normalise::NormText;

    fn sentences(text: &str) -> Vec<String> {
        let abbr: HashSet<String> = ["mr", "sen", "calif", "jan", "fla"].iter().map(|s| s.to_string()).collect();
        sentences_with(text, &abbr)
    }

    /// The normalised sentences of `text`, segmented with `abbreviations`.
    fn sentences_with(text: &str, abbreviations: &HashSet<String>) -> Vec<String> {
        let n = NormText::new(text);
        let seg = segment(&n.norm, abbreviations);
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
        let seg = segment(&n.norm, &HashSet::default());
        let nums: Vec<&str> = seg.tokens.iter().filter(|t| t.kind == TokenKind::Number).map(|t| &n.norm[t.start..t.end]).collect();
        assert_eq!(nums, vec!["1,200", "1200", "3.5"]);
    }

    /// Sentences as the pipeline cuts them, with the shipped abbreviation list.
    fn real_sentences(lang: crate::pipeline::model::Language, text: &str) -> Vec<String> {
        use crate::pipeline::lexicon::Lexicons;
        use std::sync::LazyLock;
        static LEX: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::load(None).expect("embedded lexicons load"));
        sentences_with(text, &LEX.get(lang).abbreviations)
    }

    /// Real sentences (tests/fixtures/SOURCES.md, "Sentences in unit tests") and how many
    /// sentences each holds.
    #[test]
    fn sentence_counts_on_real_text() {
        use crate::pipeline::model::Language::{Ar, En};
        let cases: &[(&str, crate::pipeline::model::Language, &str, usize)] = &[
            // Arabic: ؟ and ! end sentences, also with a space before them
            (
                "ar/0292.txt:27",
                Ar,
                "ماذا بعد الاتفاق؟ يتساءل كثيرون عن مصير خطة العمل المشتركة وهل يمكن أن تصمد بدون الولايات المتحدة، الدولة التي قادت مع إيران مسار المباحثات السري في عمان في عام 2012 ومن ثم نيويورك وبعدها سويسرا والنمسا.",
                2,
            ),
            (
                "ar/0292.txt:28",
                Ar,
                "هل في الاتفاق ما يجعله عصيا على الكسر في حال أراد أهله الحفاظ عليه؟ وهل يمكن أن يكون إسقاط الاتفاق مقدمة لما هو أكثر قلقا من ذلك؟",
                2,
            ),
            (
                "ar/0243.txt:14",
                Ar,
                "فبعد أن تشاهد فيلم بن مبارك يكاد يبدو لك فيلم جيجي غايا تحفة ! فالمخرجة السورية على الأقل تبحث مسألة حرية المرأة عبر طرق غير معهودة رغم كل شيء في محاولة لإدراج عالم مواز، هو عالم الخرافة والخيال. أما بن مبارك فقد قيدتنا بالقضايا التي طفح كيلنا من تكرارها بهذا الأسلوب في السينما العربية.",
                3,
            ),
            // headlines and subheadings without a final mark are sentences of their own
            (
                "ar/0003.txt:1-3",
                Ar,
                "فصائل الجنوب السوري تستأنف المفاوضات مع روسيا بعد 24 ساعة على إعلان فشلها\n\nأعلنت الفصائل المعارضة موافقتها على العودة إلى التفاوض مع روسيا حول اقتراح لوقف المعارك في جنوب سوريا، بعد تصعيد عسكري غير مسبوق على مواقعها.",
                2,
            ),
            (
                "seed.json:7-8",
                Ar,
                "خط اتصال مباشر\nأما الجانب الإيراني، جدد حديثه بعدم الوقوف أمام “شعوب المنطقة ومطالبها فيما يتعلق بالقضية الفلسطينية”.",
                2,
            ),
            // quotations holding sentence ends stay whole
            (
                "ar/0183.txt:6",
                Ar,
                "وكتب ترامب في تغريدته \"مايك بومبيو مدير سي آي إيه سيصبح وزير خارجيتنا الجديد وسيقوم بعمل رائع! نشكر تيلرسون على خدماته! جينا هاسبل ستصبح المديرة الجديدة للسي آي إيه وهي أول امرأة تتولى هذا المنصب. مبروك للجميع!\"",
                1,
            ),
            (
                "ar/0074.txt:5",
                Ar,
                "وتحدى ترامب في تغريدته روسيا قائلا: \"روسيا تتعهد بإسقاط أي وجميع الصواريخ التي ستطلق على سوريا. فلتستعدي إذن يا روسيا! لأنها (الصواريخ) القادمة ستكون جديدة وذكية\".",
                1,
            ),
            (
                "ar/0194.txt:14",
                Ar,
                "وقال بكر عزت بيغوفيتش إنه يدرك أن ضيفه \"ليس محبوبا من الغرب وأن العديد من البوسنيين المحبطين لا يحبونه في هذا البلد\". وتابع \"ما هي المشكلة؟ المشكلة هي أنه مسؤول مسلم قوي لم نحظ بمثله منذ فترة طويلة\".",
                2,
            ),
            // English: abbreviations, initials, dotted abbreviations and "No." before a number
            (
                "en/0003.txt:3",
                En,
                "TALLAHASSEE — If he were elected to the U.S. Senate, Lt. Gov. Carlos Lopez-Cantera would support doling out federal higher education funding based on performance metrics.",
                1,
            ),
            (
                "en/0003.txt:15",
                En,
                "Seven candidates — including the state’s No. 2 elected official, four congressmen and two businessmen seeking to paint themselves as political outsiders — are vying to replace Sen. Marco Rubio in Washington next year. The primary will take place on Aug. 30.",
                2,
            ),
            (
                "en/0005.txt:23",
                En,
                "But Mr. Clyburn and Mr. Butterfield, the chairman of the Congressional Black Caucus, said that Mrs. Clinton's efforts had been insufficient to the task at hand.",
                1,
            ),
            (
                "en/0004.txt:35",
                En,
                "A judge last month ordered the city to make the video public. On Nov. 24, Cook County prosecutors charged Van Dyke with first-degree murder, and Emanuel released the video a few hours later.",
                2,
            ),
            (
                "en/0013.txt:43",
                En,
                "Bob said he first heard gunfire about 9:42 p.m. and suspected immediately that the diplomatic compound was under attack. The handful of U.S. diplomatic security personnel there also alerted the base and the U.S. Embassy in Tripoli.",
                2,
            ),
            (
                "en/0013.txt:39",
                En,
                "Bob met with Stevens on Sept. 10, 2012, when the CIA briefed the ambassador at the diplomatic facility shortly after his arrival from Tripoli. \"We did try to convey the seriousness of the terrorism environment in eastern Libya,\" he said.",
                2,
            ),
            // English quotations over sentence ends
            (
                "en/0002.txt:45",
                En,
                "\"Mr. Lewandowski is absolutely innocent of this charge. He will enter a plea of not guilty and looks forward to his day in court,\" Trump campaign spokeswoman Hope Hicks said in the statement. \"He is completely confident that he will be exonerated.\"",
                2,
            ),
            (
                "en/0042.txt:29",
                En,
                "“It’s really more the Barry Bennetts of the world [who are the problem]. Barry was not Dr. Carson’s first choice,” Millis said. “I don’t remember which choice Barry was, but it was far from No. 1.”",
                2,
            ),
            // English headlines: one sentence per line, with or without a final mark
            ("en/0053.txt:1-3", En, "Truck attack in France kills at least 80.\n\nSuspected Terror on Bastille Day.", 2),
            (
                "en/0007.txt:1-2",
                En,
                "Clinton media strategy follows BuzzFeed model;\nDigital landscape requires more than a Facebook page and a few tweets.",
                2,
            ),
            // constructed: "Jan." does not occur in the English corpus
            ("constructed", En, "The talks resumed on Jan. 5 in Geneva. They ended a week later.", 2),
        ];
        for (source, lang, text, count) in cases {
            let got = real_sentences(*lang, text);
            assert_eq!(got.len(), *count, "{source}: {got:#?}");
        }
    }

    #[test]
    fn arabic_letters_do_not_glue_to_digits() {
        // ar/0008.txt:3 "مقتل 9أشخاص", ar/0001.txt:14 "أكثر من350 ألف"
        for (text, words) in [
            ("أسفر عن مقتل 9أشخاص على الأقل", vec!["اسفر", "عن", "مقتل", "9", "اشخاص", "علي", "الاقل"]),
            ("أكثر من350 ألف قتيل", vec!["اكثر", "من", "350", "الف", "قتيل"]),
            ("قتل 14جنديا و1200 مدني", vec!["قتل", "14", "جنديا", "و", "1200", "مدني"]),
            ("the 20th century", vec!["the", "20th", "century"]),
        ] {
            let n = NormText::new(text);
            let seg = segment(&n.norm, &HashSet::default());
            let got: Vec<&str> = seg.tokens.iter().map(|t| &n.norm[t.start..t.end]).collect();
            assert_eq!(got, words, "{text}");
        }
    }
}

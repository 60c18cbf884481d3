//! Normalisation for matching, with a map back to the submitted text.
//!
//! Matching runs over a normalised copy of the article: canonical decomposition with the
//! combining marks dropped (so composed and decomposed input, NFC or not, normalise alike),
//! Arabic diacritics and tatweel removed, alef/ya/ta-marbuta forms unified, Persian letters
//! folded to Arabic, Arabic-Indic digits turned into ASCII, quotation marks unified to `"`,
//! dashes to `-`, whitespace runs collapsed to one space (a line break stays a line break),
//! and everything case folded. Each normalised byte remembers the original character it
//! came from, so any normalised span maps back to an exact span of the original.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// A normalised copy of a text with its byte map back to the original.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    /// The normalised text.
    pub norm: String,
    /// For each byte of `norm`, the start byte of the original character it came from.
    starts: Vec<u32>,
    /// For each byte of `norm`, the end byte of the original character it came from
    /// (extended over combining marks that followed it and were dropped).
    ends: Vec<u32>,
}

/// True for the characters classed as quotation marks in either language.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{2033}'
            | '\u{FF02}'
            | '\u{300C}'
            | '\u{300D}'
    )
}

/// True for Arabic diacritics (tashkeel, Quranic marks, superscript alef) and tatweel.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
}

/// Characters that are dropped without a trace (format controls, zero-width marks).
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' | '\u{061C}')
}

/// True for the characters folded to an apostrophe.
fn folds_to_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`')
}

/// Folds one (already decomposed, mark-free) character for matching, pushing the result.
fn fold_char(c: char, out: &mut String) {
    match c {
        'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
        'ى' | 'ی' | 'ې' => out.push('ي'),
        'ة' | 'ۃ' => out.push('ه'),
        'ک' => out.push('ك'),
        'ؤ' => out.push('ؤ'),
        '\u{0660}'..='\u{0669}' => out.push(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{066B}' => out.push('.'),
        '\u{066C}' => out.push(','),
        c if folds_to_apostrophe(c) => out.push('\''),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        c if is_quote_mark(c) => out.push('"'),
        c if c.is_uppercase() => out.extend(c.to_lowercase()),
        c => out.push(c),
    }
}

/// True for an ASCII byte that folds to itself lower-cased and needs no look at its
/// neighbours: not a space, not the backtick (which folds to an apostrophe), not the
/// apostrophe (two in a row are one quotation mark).
fn is_plain_ascii(b: u8) -> bool {
    b.is_ascii() && !(b as char).is_whitespace() && b != b'`' && b != b'\''
}

/// The folded form of a basic Arabic letter (not a mark, not tatweel), which folds to
/// exactly one character; `None` for the rest. None of them is a space or an invisible
/// character.
fn fold_arabic_letter(c: char) -> Option<char> {
    if ('\u{0621}'..='\u{064A}').contains(&c) && !is_arabic_mark(c) {
        // Arabic letters: the hamza carriers decompose to their base letter
        Some(match c {
            'آ' | 'أ' | 'إ' => 'ا',
            'ؤ' => 'و',
            'ئ' | 'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        })
    } else {
        None
    }
}

/// Writes the whitespace run waiting before the next character as one space, or one line
/// break when it held one (none at the start of the text).
fn flush_space(pending: &mut Option<(u32, u32, bool)>, norm: &mut String, starts: &mut Vec<u32>, ends: &mut Vec<u32>) {
    if let Some((s, e, newline)) = pending.take()
        && !norm.is_empty()
    {
        norm.push(if newline { '\n' } else { ' ' });
        starts.push(s);
        ends.push(e);
    }
}

impl NormText {
    /// Normalises `text` (see the module doc).
    pub fn new(text: &str) -> NormText {
        let mut norm = String::with_capacity(text.len());
        let mut starts = Vec::with_capacity(text.len());
        let mut ends = Vec::with_capacity(text.len());
        let mut pending_space: Option<(u32, u32, bool)> = None;
        let mut buf = String::new();
        let bytes = text.as_bytes();
        let mut offset = 0;
        while offset < text.len() {
            // a run of printable ASCII (English words, digits, punctuation) is copied and
            // lower-cased in one go: each byte is its own character
            if is_plain_ascii(bytes[offset]) {
                let run = bytes[offset..].iter().take_while(|&&b| is_plain_ascii(b)).count();
                flush_space(&mut pending_space, &mut norm, &mut starts, &mut ends);
                let from = norm.len();
                norm.push_str(&text[offset..offset + run]);
                norm[from..].make_ascii_lowercase();
                starts.extend(offset as u32..(offset + run) as u32);
                ends.extend(offset as u32 + 1..=(offset + run) as u32);
                offset += run;
                continue;
            }
            let Some(c) = text[offset..].chars().next() else { break };
            let start = offset as u32;
            offset += c.len_utf8();
            let end = offset as u32;
            // the bulk of an Arabic text, its basic letters, fold to one character each:
            // written straight out, without the scratch buffer
            if let Some(folded) = fold_arabic_letter(c) {
                flush_space(&mut pending_space, &mut norm, &mut starts, &mut ends);
                norm.push(folded);
                let len = folded.len_utf8();
                starts.extend(std::iter::repeat_n(start, len));
                ends.extend(std::iter::repeat_n(end, len));
                continue;
            }
            if c.is_whitespace() {
                let newline = matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}');
                pending_space = match pending_space {
                    Some((s, _, nl)) => Some((s, end, nl || newline)),
                    None => Some((start, end, newline)),
                };
                continue;
            }
            if is_invisible(c) {
                continue;
            }
            buf.clear();
            // two apostrophes in a row (''…'', as some newspapers write quotations) are one
            // quotation mark
            if pending_space.is_none() && norm.ends_with('\'') && folds_to_apostrophe(c) {
                norm.pop();
                norm.push('"');
                let last = ends.len() - 1;
                ends[last] = end;
                continue;
            }
            if is_arabic_mark(c) {
                // dropped; the previous character's span grows over it
            } else if ('\u{FB50}'..='\u{FEFC}').contains(&c) {
                // Arabic presentation forms: compatibility-decompose to base letters
                for d in unicode_normalization::UnicodeNormalization::nfkc(c.to_string().as_str()) {
                    if !is_arabic_mark(d) {
                        fold_char(d, &mut buf);
                    }
                }
            } else {
                decompose_canonical(c, |d| {
                    if !is_combining_mark(d) {
                        fold_char(d, &mut buf);
                    }
                });
            }
            if buf.is_empty() {
                if !norm.is_empty() && pending_space.is_none() {
                    let last = ends.len() - 1;
                    let old_end = ends[last];
                    for e in ends.iter_mut().rev() {
                        if *e != old_end {
                            break;
                        }
                        *e = end;
                    }
                }
                continue;
            }
            flush_space(&mut pending_space, &mut norm, &mut starts, &mut ends);
            norm.push_str(&buf);
            starts.extend(std::iter::repeat_n(start, buf.len()));
            ends.extend(std::iter::repeat_n(end, buf.len()));
        }
        NormText { norm, starts, ends }
    }

    /// Maps a normalised byte span `[start, end)` back to the original text's byte span.
    /// An empty span maps to an empty span at the original position.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        if self.norm.is_empty() {
            return (0, 0);
        }
        let start = start.min(self.norm.len() - 1);
        let s = self.starts[start] as usize;
        if end <= start {
            return (s, s);
        }
        let e = self.ends[(end - 1).min(self.ends.len() - 1)] as usize;
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(text: &str, needle: &str) -> String {
        let n = NormText::new(text);
        let at = n.norm.find(needle).expect("needle in normalised text");
        let (s, e) = n.to_original(at, at + needle.len());
        text[s..e].to_string()
    }

    #[test]
    fn arabic_folding_and_marks() {
        let n = NormText::new("أَكَّدَ إيرانُ مدرسةٌ مستشفى آل");
        assert_eq!(n.norm, "اكد ايران مدرسه مستشفي ال");
    }

    #[test]
    fn tatweel_and_diacritics_map_back_exactly() {
        assert_eq!(roundtrip("قال: نُفِّذت الضربـــة", "الضربه"), "الضربـــة");
        assert_eq!(roundtrip("تزامناً مع", "تزامنا"), "تزامناً");
    }

    #[test]
    fn digits_quotes_and_case() {
        let n = NormText::new("«Up To» ١٢٠٠ ۳ “x”");
        assert_eq!(n.norm, "\"up to\" 1200 3 \"x\"");
    }

    #[test]
    fn doubled_apostrophes_are_one_quotation_mark() {
        // (text, normalised, a normalised piece, the original it maps back to)
        let cases: &[(&str, &str, &str, &str)] = &[
            ("''It is reform,'' he said", "\"it is reform,\" he said", "\"it", "''It"),
            ("\u{2019}\u{2019}No\u{2019}\u{2019}", "\"no\"", "no\"", "No\u{2019}\u{2019}"),
            // one apostrophe stays one
            ("the students' books", "the students' books", "students'", "students'"),
        ];
        for &(text, norm, piece, original) in cases {
            assert_eq!(NormText::new(text).norm, norm, "{text:?}");
            assert_eq!(roundtrip(text, piece), original, "{text:?}");
        }
    }

    #[test]
    fn whitespace_collapses_but_keeps_lines() {
        let n = NormText::new("a  \t b\r\n\r\nc");
        assert_eq!(n.norm, "a b\nc");
        assert_eq!(roundtrip("a  \t b\r\n\r\nc", "c"), "c");
    }

    #[test]
    fn decomposed_latin_matches_composed() {
        assert_eq!(NormText::new("Cafe\u{301}").norm, NormText::new("Café").norm);
        assert_eq!(roundtrip("x Cafe\u{301} y", "cafe"), "Cafe\u{301}");
    }

    #[test]
    fn persian_letters_and_presentation_forms() {
        assert_eq!(NormText::new("کی").norm, "كي");
        assert_eq!(NormText::new("\u{FEFB}").norm, "لا");
    }

    /// One normalisation case: the text, its normalised form, and normalised pieces with the
    /// exact original text each maps back to.
    struct Case {
        source: &'static str,
        text: &'static str,
        norm: &'static str,
        back: &'static [(&'static str, &'static str)],
    }

    /// Real sentences (tests/fixtures/SOURCES.md, "Sentences in unit tests"), unless marked
    /// constructed.
    const CASES: &[Case] = &[
        // tashkeel: shadda, damma, fatha, tanween; the marks travel with their letter
        Case {
            source: "ar/0046.txt:3",
            text: "شنّ طيران التحالف أكثر من 20 غارة جوية على محافظة #صعدة",
            norm: "شن طيران التحالف اكثر من 20 غاره جويه علي محافظه #صعده",
            back: &[("شن", "شنّ"), ("اكثر", "أكثر"), ("غاره", "غارة"), ("علي", "على")],
        },
        Case {
            source: "seed.json:6",
            text: "وسيقود حتمياً إلى تصادم قد يجر الجانبين إلى حرب لا تُحمَد عقباها”.",
            norm: "وسيقود حتميا الي تصادم قد يجر الجانبين الي حرب لا تحمد عقباها\".",
            back: &[("حتميا", "حتمياً"), ("تحمد", "تُحمَد"), ("عقباها\"", "عقباها”")],
        },
        // a stray tanween on an alif with hamza (sic in the source)
        Case {
            source: "ar/0010.txt:43",
            text: "إبان الثورة الإٍسلامية الإيرانية عام 1979.",
            norm: "ابان الثوره الاسلاميه الايرانيه عام 1979.",
            back: &[("الاسلاميه", "الإٍسلامية"), ("ابان", "إبان")],
        },
        // tatweel after a one-letter preposition; ئ folds to ي
        Case {
            source: "ar/0010.txt:1",
            text: "دعوى قضائية في مصر تطالب أمير قطر بـ 150 مليون دولار تعويضا \"لضحايا الإرهاب\"",
            norm: "دعوي قضاييه في مصر تطالب امير قطر ب 150 مليون دولار تعويضا \"لضحايا الارهاب\"",
            back: &[("ب 150", "بـ 150"), ("دعوي", "دعوى"), ("قضاييه", "قضائية")],
        },
        Case {
            // a reversed closing mark opening a quotation, right after a tatweel
            source: "seed.json:16",
            text: "قصف مواقع لـ”الحرس الثوري” الإيراني في شرق سورية",
            norm: "قصف مواقع ل\"الحرس الثوري\" الايراني في شرق سوريه",
            back: &[("ل\"", "لـ”"), ("\"الحرس الثوري\"", "”الحرس الثوري”"), ("سوريه", "سورية")],
        },
        Case {
            source: "seed.json:2",
            text: "كشفت صحيفة “الجريدة” الكويتية عن اجتماع سري",
            norm: "كشفت صحيفه \"الجريده\" الكويتيه عن اجتماع سري",
            back: &[("\"الجريده\"", "“الجريدة”"), ("\"", "“")],
        },
        // alef forms: آ أ إ (ٱ below)
        Case {
            source: "ar/0001.txt:14",
            text: "محادثات آستانا التي أتاحت إقامة أربع مناطق لخفض التوتر في سوريا",
            norm: "محادثات استانا التي اتاحت اقامه اربع مناطق لخفض التوتر في سوريا",
            back: &[("استانا", "آستانا"), ("اتاحت", "أتاحت"), ("اقامه", "إقامة")],
        },
        Case { source: "constructed", text: "بسم ٱلله", norm: "بسم الله", back: &[("الله", "ٱلله")] },
        // Persian ی and ک in an Arabic article, inside «»
        Case {
            source: "ar/0212.txt:23",
            text: "أن «کل مبادرة ستتم ستکون بالتنسیق مع القیادة والمسؤولین السوریین».",
            norm: "ان \"كل مبادره ستتم ستكون بالتنسيق مع القياده والمسوولين السوريين\".",
            back: &[("\"كل", "«کل"), ("ستكون", "ستکون"), ("والمسوولين", "والمسؤولین"), ("\".", "».")],
        },
        // Arabic-Indic digits
        Case {
            source: "ar/0256.txt:7",
            text: "في القاهرة في ٢٨ نوفمبر عام ١٩٧١.",
            norm: "في القاهره في 28 نوفمبر عام 1971.",
            back: &[("28", "٢٨"), ("1971", "١٩٧١"), ("1971.", "١٩٧١.")],
        },
        // Extended (Persian) digits and the Arabic decimal and thousands separators
        Case {
            source: "constructed",
            text: "۱۴۰۲ و١٬٢٠٠ و٣٫٥",
            norm: "1402 و1,200 و3.5",
            back: &[("1402", "۱۴۰۲"), ("1,200", "١٬٢٠٠"), ("3.5", "٣٫٥")],
        },
        // English: curly quotes and apostrophes, case folding
        Case {
            source: "en/0003.txt:113",
            text: "“If you don’t test, how are you going to measure the results?” he said.",
            norm: "\"if you don't test, how are you going to measure the results?\" he said.",
            back: &[("\"if", "“If"), ("don't", "don’t"), ("?\"", "?”")],
        },
        Case {
            source: "en/0003.txt:15",
            text: "Seven candidates — including the state’s No. 2 elected official",
            norm: "seven candidates - including the state's no. 2 elected official",
            back: &[("-", "—"), ("state's", "state’s"), ("no.", "No.")],
        },
    ];

    #[test]
    fn normalisation_cases_map_back() {
        for c in CASES {
            let n = NormText::new(c.text);
            assert_eq!(n.norm, c.norm, "{}", c.source);
            // the whole normalised text covers the whole original
            assert_eq!(n.to_original(0, n.norm.len()), (0, c.text.len()), "{}", c.source);
            for (needle, original) in c.back {
                let at = n.norm.find(needle).unwrap_or_else(|| panic!("{}: {needle:?} in {:?}", c.source, n.norm));
                let (s, e) = n.to_original(at, at + needle.len());
                assert_eq!(&c.text[s..e], *original, "{}: {needle:?}", c.source);
            }
            // every normalised character maps to a character boundary of the original
            for (i, ch) in n.norm.char_indices() {
                let (s, e) = n.to_original(i, i + ch.len_utf8());
                assert!(c.text.is_char_boundary(s) && c.text.is_char_boundary(e) && s < e, "{}: byte {i}", c.source);
            }
        }
    }
}

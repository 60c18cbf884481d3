//! The clitics and inflections a lexicon form may carry in the text, read from
//! `config/lexicons/{lang}/morphology/` (embedded at build time, overridable from the lexicon
//! folder, every line validated, forms normalised like the article text):
//!
//! - `proclitics.tsv`: the letters glued before a word (conjunctions, prepositions, the
//!   article; the prefixes of a present verb) and the starts of a verbal noun;
//! - `enclitics.tsv`: the endings glued after a form (pronouns, the possessive) and how a
//!   feminine ending is spelled before them;
//! - `verb_paradigm.tsv`: the forms generated from a verb entry `PAST|PRESENT`.
//!
//! A language without clitics (English) has files with comments only, and its words match
//! as they stand: every rule below follows from the data.

use super::{Features, Gender, Number, normalise_form};
use crate::pipeline::lexicon::words::OverrideFile;
use crate::pipeline::lexicon::{LexiconError, bad_line, rows};
use crate::pipeline::model::Language;
use foldhash::{HashSet, HashSetExt};
use std::sync::{Arc, OnceLock};

/// Where `{stem}` stands in a paradigm row's form.
const STEM: &str = "{stem}";

/// The shortest stem a form keeps once its article or feminine ending is taken off.
const MIN_STEM_CHARS: usize = 2;

/// The morphology files of a language, in load order.
const FILES: &[&str] = &["proclitics", "enclitics", "verb_paradigm"];

/// The embedded default content of `language`'s morphology file `name`.
fn embedded(language: Language, name: &str) -> &'static str {
    match (language, name) {
        (Language::Ar, "proclitics") => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/ar/morphology/proclitics.tsv")),
        (Language::Ar, "enclitics") => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/ar/morphology/enclitics.tsv")),
        (Language::Ar, _) => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/ar/morphology/verb_paradigm.tsv")),
        (Language::En, "proclitics") => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/en/morphology/proclitics.tsv")),
        (Language::En, "enclitics") => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/en/morphology/enclitics.tsv")),
        (Language::En, _) => include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/en/morphology/verb_paradigm.tsv")),
    }
}

/// The tense of a paradigm row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Present,
}

/// One generated verb form: `before` + stem + `after`.
#[derive(Debug, Clone)]
struct ParadigmRow {
    tense: Tense,
    before: String,
    after: String,
    gender: Gender,
    number: Number,
    /// The stem must end with one of these letters, which drop (empty: any stem).
    weak: Vec<String>,
}

/// The feminine noun ending (ta marbuta) and its spelling before a suffix.
#[derive(Debug, Clone)]
struct TaMarbuta {
    /// As written in the original text (ة).
    written: String,
    /// Normalised (ه).
    norm: String,
    /// Spelled before a suffix (ت).
    before_suffix: String,
}

/// The clitics and verb paradigm of one language.
#[derive(Debug, Clone)]
pub struct Morphology {
    language: Language,
    /// Articles (ال), longest first.
    articles: Vec<String>,
    /// Prepositions fused with the article (لل).
    fused_articles: Vec<String>,
    /// The conjunctions glued before a word (و، ف), without the empty one.
    conjunctions: Vec<String>,
    /// Every prefix a noun may carry, the empty one included.
    noun_prefixes: HashSet<String>,
    /// Every prefix a past verb may carry, the empty one included.
    past_verb_prefixes: HashSet<String>,
    /// Every prefix a present verb may carry, the empty one included.
    present_verb_prefixes: HashSet<String>,
    /// The non-empty prefixes after which a lexicon entry may start.
    start_prefixes: HashSet<String>,
    /// The letters of those prefixes.
    start_letters: Vec<char>,
    /// The longest of them, in characters.
    max_start_chars: usize,
    /// Starts of a verbal noun, as the original text writes them (not normalised).
    verbal_noun_starts: Vec<String>,
    /// Pronoun enclitics.
    pronouns: HashSet<String>,
    /// What may follow a ta marbuta spelled before a suffix.
    after_ta: HashSet<String>,
    /// Endings any form may take (the English possessive).
    possessives: HashSet<String>,
    ta_marbuta: Option<TaMarbuta>,
    /// The prefix of a listed present form.
    present_prefix: Option<String>,
    paradigm: Vec<ParadigmRow>,
}

/// Every concatenation of one string of `a` and one of `b`.
fn product(a: &[String], b: &[String]) -> Vec<String> {
    a.iter().flat_map(|x| b.iter().map(move |y| format!("{x}{y}"))).collect()
}

/// The normalised `|`-separated forms of a column.
fn forms(column: &str) -> Vec<String> {
    column.split('|').map(normalise_form).collect()
}

impl Morphology {
    /// Loads `language`'s morphology; `file` returns a file's name and content from the
    /// override folder, or `None` to use the embedded default.
    pub(crate) fn load(language: Language, file: &OverrideFile) -> Result<Morphology, LexiconError> {
        let mut contents = Vec::with_capacity(FILES.len());
        for name in FILES {
            let path = format!("{}/morphology/{name}.tsv", language.code());
            contents.push(match file(&path)? {
                Some(found) => found,
                None => (path, embedded(language, name).to_string()),
            });
        }
        let [proclitics, enclitics, paradigm] = <[(String, String); 3]>::try_from(contents).expect("three morphology files");
        Morphology::parse(language, (&proclitics.0, &proclitics.1), (&enclitics.0, &enclitics.1), (&paradigm.0, &paradigm.1))
    }

    /// The embedded morphology of `language`, parsed once.
    pub fn embedded(language: Language) -> Arc<Morphology> {
        static AR: OnceLock<Arc<Morphology>> = OnceLock::new();
        static EN: OnceLock<Arc<Morphology>> = OnceLock::new();
        let cell = match language {
            Language::Ar => &AR,
            Language::En => &EN,
        };
        cell.get_or_init(|| Arc::new(Morphology::load(language, &|_| Ok(None)).expect("the embedded morphology is valid"))).clone()
    }

    /// Parses the three files, each given as (name, content).
    fn parse(
        language: Language,
        proclitics: (&str, &str),
        enclitics: (&str, &str),
        paradigm: (&str, &str),
    ) -> Result<Morphology, LexiconError> {
        let pro = Proclitics::read(proclitics)?;
        let enc = Enclitics::read(enclitics)?;
        let (present_prefix, paradigm) = read_paradigm(paradigm)?;
        let empty = || vec![String::new()];
        // a noun: [conjunction][preposition][article] or [conjunction][fused article]
        let mut second = empty();
        second.extend(pro.articles.iter().cloned());
        second.extend(pro.fused_articles.iter().cloned());
        for p in &pro.prepositions {
            second.push(p.clone());
            second.extend(pro.articles.iter().map(|a| format!("{p}{a}")));
        }
        let noun_prefixes: HashSet<String> = product(&pro.conjunctions, &second).into_iter().collect();
        let past_verb_prefixes: HashSet<String> = pro.conjunctions.iter().cloned().collect();
        let mut after_conjunction = empty();
        after_conjunction.extend(pro.present);
        let present_verb_prefixes: HashSet<String> = product(&pro.conjunctions, &after_conjunction).into_iter().collect();
        let start_prefixes: HashSet<String> = noun_prefixes.union(&present_verb_prefixes).filter(|p| !p.is_empty()).cloned().collect();
        let mut start_letters: Vec<char> = start_prefixes.iter().flat_map(|p| p.chars()).collect();
        start_letters.sort_unstable();
        start_letters.dedup();
        let max_start_chars = start_prefixes.iter().map(|p| p.chars().count()).max().unwrap_or(0);
        let conjunctions = pro.conjunctions.iter().filter(|c| !c.is_empty()).cloned().collect();
        Ok(Morphology {
            language,
            conjunctions,
            articles: pro.articles,
            fused_articles: pro.fused_articles,
            noun_prefixes,
            past_verb_prefixes,
            present_verb_prefixes,
            start_prefixes,
            start_letters,
            max_start_chars,
            verbal_noun_starts: pro.verbal_noun_starts,
            pronouns: enc.pronouns,
            after_ta: enc.after_ta,
            possessives: enc.possessives,
            ta_marbuta: enc.ta_marbuta,
            present_prefix,
            paradigm,
        })
    }

    /// The language this morphology is of.
    pub fn language(&self) -> Language {
        self.language
    }

    /// True when `prefix` is a valid run of noun proclitics (the empty run included):
    /// [و|ف][ب|ل|ك|س][ال] or [و|ف]لل in Arabic; only the empty run in English.
    pub fn is_proclitic(&self, prefix: &str) -> bool {
        prefix.is_empty() || self.noun_prefixes.contains(prefix)
    }

    /// True when `prefix` may precede a verb: a conjunction, then (before a present form) a
    /// present-verb prefix (و، ف، then س or ل).
    pub fn is_verb_proclitic(&self, prefix: &str, present: bool) -> bool {
        prefix.is_empty() || if present { &self.present_verb_prefixes } else { &self.past_verb_prefixes }.contains(prefix)
    }

    /// The article (or preposition fused with it) that ends `prefix`, if any (وال، لل).
    pub fn ends_with_article(&self, prefix: &str) -> bool {
        self.article_at_end(prefix).is_some() || self.fused_articles.iter().any(|a| prefix.ends_with(a.as_str()))
    }

    /// The article that ends `prefix` (وال → ال), if any: a reported span includes it.
    pub fn article_at_end(&self, prefix: &str) -> Option<&str> {
        self.articles.iter().map(String::as_str).find(|a| prefix.ends_with(a))
    }

    /// `form` without its article, when it has one and a stem of two letters or more is left
    /// (البنتاغون → بنتاغون, which the text may write للبنتاغون).
    pub fn strip_article<'f>(&self, form: &'f str) -> Option<&'f str> {
        self.articles.iter().find_map(|a| form.strip_prefix(a.as_str())).filter(|b| b.chars().count() >= MIN_STEM_CHARS)
    }

    /// `form` with its final ta marbuta spelled as before a suffix (ضربه → ضربت, for ضربتين),
    /// when it ends with one and a stem of two letters or more is left.
    pub fn ta_before_suffix(&self, form: &str) -> Option<String> {
        let ta = self.ta_marbuta.as_ref()?;
        let stem = form.strip_suffix(ta.norm.as_str()).filter(|s| s.chars().count() >= MIN_STEM_CHARS)?;
        Some(format!("{stem}{}", ta.before_suffix))
    }

    /// True when `suffix` (normalised, after a match) begins with what the original text
    /// writes as a ta marbuta, a noun ending and never a pronoun (وزارة is not و + زار + ه).
    /// `original` maps a normalised byte length from the suffix's start to the original text
    /// it covers.
    pub fn starts_with_ta_marbuta<'t>(&self, suffix: &str, original: impl FnOnce(usize) -> &'t str) -> bool {
        self.ta_marbuta
            .as_ref()
            .is_some_and(|ta| suffix.starts_with(ta.norm.as_str()) && original(ta.norm.len()).starts_with(ta.written.as_str()))
    }

    /// True when `suffix` may end a form: nothing, a possessive, or (when `enclitics`) a
    /// pronoun enclitic.
    pub fn is_enclitic(&self, suffix: &str, enclitics: bool) -> bool {
        suffix.is_empty() || self.possessives.contains(suffix) || enclitics && self.pronouns.contains(suffix)
    }

    /// True when `suffix` is a possessive ending ("'s" in "Germany's").
    pub fn is_possessive(&self, suffix: &str) -> bool {
        self.possessives.contains(suffix)
    }

    /// True when `suffix` may follow a ta marbuta spelled before a suffix (ضربت + ين).
    pub fn is_after_ta(&self, suffix: &str) -> bool {
        self.after_ta.contains(suffix)
    }

    /// `word` without the one conjunction glued to its front (وآخرين → آخرين), if it has one.
    pub fn strip_conjunction<'w>(&self, word: &'w str) -> Option<&'w str> {
        self.conjunctions.iter().find_map(|c| word.strip_prefix(c.as_str()))
    }

    /// `word` without every conjunction glued to its front (ووف… is rare, و or ف common).
    pub fn strip_conjunctions<'w>(&self, mut word: &'w str) -> &'w str {
        while let Some(rest) = self.strip_conjunction(word) {
            word = rest;
        }
        word
    }

    /// The starts of a verbal noun after a preposition (لإ، بأ، لت), as the original text
    /// writes them: they are compared with the original, not the normalised, text.
    pub fn verbal_noun_starts(&self) -> &[String] {
        &self.verbal_noun_starts
    }

    /// True when the language inflects verb entries (Arabic); otherwise a verb's forms are
    /// all listed (English).
    pub fn has_verb_paradigm(&self) -> bool {
        !self.paradigm.is_empty()
    }

    /// Pushes the normalised byte offsets where a lexicon entry may start in the token
    /// `norm[start..end]`: its start and the end of each run of proclitics that a noun or a
    /// present verb may carry.
    pub fn word_starts(&self, norm: &str, start: usize, end: usize, out: &mut Vec<usize>) {
        out.push(start);
        if self.max_start_chars == 0 {
            return;
        }
        let word = &norm[start..end];
        for (k, (offset, _)) in word.char_indices().enumerate().skip(1) {
            if k > self.max_start_chars {
                break;
            }
            let prefix = &word[..offset];
            if prefix.chars().next_back().is_some_and(|c| self.start_letters.binary_search(&c).is_err()) {
                break;
            }
            if self.start_prefixes.contains(prefix) {
                out.push(start + offset);
            }
        }
    }

    /// The third-person forms of a verb entry `PAST|PRESENT` (both normalised), in the
    /// paradigm's row order. A second form without the present prefix makes the entry a
    /// participle pair (مضيفا|مضيفة): masculine and feminine, listed.
    pub fn verb_forms(&self, past: &str, present: Option<&str>) -> Vec<(String, Features)> {
        let prefix = self.present_prefix.as_deref();
        if let (Some(p), Some(prefix)) = (present, prefix)
            && !p.starts_with(prefix)
        {
            let participle = |gender| Features { gender: Some(gender), number: Some(Number::Singular), present: false, participle: true };
            return vec![(past.to_string(), participle(Gender::Masculine)), (p.to_string(), participle(Gender::Feminine))];
        }
        let mut out = Vec::with_capacity(self.paradigm.len());
        for row in &self.paradigm {
            let base = match row.tense {
                Tense::Past => past,
                Tense::Present => match (present, prefix) {
                    (Some(p), Some(prefix)) => p.strip_prefix(prefix).unwrap_or(p),
                    _ => continue,
                },
            };
            let stem = if row.weak.is_empty() {
                base
            } else {
                match row.weak.iter().find_map(|w| base.strip_suffix(w.as_str())) {
                    Some(stem) => stem,
                    None => continue,
                }
            };
            let features =
                Features { gender: Some(row.gender), number: Some(row.number), present: row.tense == Tense::Present, participle: false };
            out.push((format!("{}{stem}{}", row.before, row.after), features));
        }
        out
    }
}

/// The lines of `proclitics.tsv`, by kind.
struct Proclitics {
    /// Starts with the empty string: a word may have no conjunction.
    conjunctions: Vec<String>,
    prepositions: Vec<String>,
    /// Longest first.
    articles: Vec<String>,
    fused_articles: Vec<String>,
    present: Vec<String>,
    verbal_noun_starts: Vec<String>,
}

impl Proclitics {
    fn read((f, c): (&str, &str)) -> Result<Proclitics, LexiconError> {
        let mut out = Proclitics {
            conjunctions: vec![String::new()],
            prepositions: Vec::new(),
            articles: Vec::new(),
            fused_articles: Vec::new(),
            present: Vec::new(),
            verbal_noun_starts: Vec::new(),
        };
        for (line, cols) in rows(f, c, 2)? {
            let list = match cols[1] {
                "conjunction" => &mut out.conjunctions,
                "preposition" => &mut out.prepositions,
                "article" => &mut out.articles,
                "fused_article" => &mut out.fused_articles,
                "present_verb" => &mut out.present,
                "verbal_noun" => {
                    // compared with the original text: kept as written
                    out.verbal_noun_starts.extend(cols[0].split('|').map(|s| s.trim().to_string()));
                    continue;
                }
                other => {
                    let kinds = "conjunction, preposition, article, fused_article, present_verb or verbal_noun";
                    return Err(bad_line(f, line, format!("kind must be {kinds}, not {other:?}")));
                }
            };
            list.extend(forms(cols[0]));
        }
        out.articles.sort_by_key(|a| std::cmp::Reverse(a.len()));
        Ok(out)
    }
}

/// The lines of `enclitics.tsv`, by kind.
struct Enclitics {
    pronouns: HashSet<String>,
    after_ta: HashSet<String>,
    possessives: HashSet<String>,
    ta_marbuta: Option<TaMarbuta>,
}

impl Enclitics {
    fn read((f, c): (&str, &str)) -> Result<Enclitics, LexiconError> {
        let mut out = Enclitics { pronouns: HashSet::new(), after_ta: HashSet::new(), possessives: HashSet::new(), ta_marbuta: None };
        for (line, cols) in rows(f, c, 2)? {
            match cols[1] {
                "pronoun" => out.pronouns.extend(forms(cols[0])),
                "after_ta" => out.after_ta.extend(forms(cols[0])),
                "possessive" => out.possessives.extend(forms(cols[0])),
                "ta_marbuta" => {
                    if out.ta_marbuta.is_some() {
                        return Err(bad_line(f, line, "ta_marbuta is given once"));
                    }
                    out.ta_marbuta = Some(
                        read_ta_marbuta(cols[0])
                            .ok_or_else(|| bad_line(f, line, "ta_marbuta is written ENDING|SPELLING_BEFORE_A_SUFFIX"))?,
                    );
                }
                other => return Err(bad_line(f, line, format!("kind must be pronoun, after_ta, possessive or ta_marbuta, not {other:?}"))),
            }
        }
        Ok(out)
    }
}

/// `ENDING|SPELLING_BEFORE_A_SUFFIX`, both non-empty.
fn read_ta_marbuta(column: &str) -> Option<TaMarbuta> {
    let parts: Vec<&str> = column.split('|').map(str::trim).collect();
    let &[written, before] = parts.as_slice() else {
        return None;
    };
    (!written.is_empty() && !before.is_empty()).then(|| TaMarbuta {
        written: written.to_string(),
        norm: normalise_form(written),
        before_suffix: normalise_form(before),
    })
}

/// `verb_paradigm.tsv`: the present prefix (if the language has one) and the rows.
fn read_paradigm((f, c): (&str, &str)) -> Result<(Option<String>, Vec<ParadigmRow>), LexiconError> {
    let (mut present_prefix, mut rows_out, mut first_present) = (None, Vec::new(), None);
    for (line, cols) in rows(f, c, 5)? {
        let bad = |m: &str| bad_line(f, line, m);
        let tense = match cols[1] {
            "present_prefix" => {
                if present_prefix.is_some() {
                    return Err(bad("present_prefix is given once"));
                }
                present_prefix = Some(normalise_form(cols[0]));
                continue;
            }
            "past" => Tense::Past,
            "present" => {
                first_present = first_present.or(Some(line));
                Tense::Present
            }
            other => return Err(bad_line(f, line, format!("tense must be past, present or present_prefix, not {other:?}"))),
        };
        let Some((before, after)) = cols[0].split_once(STEM).filter(|(_, a)| !a.contains(STEM)) else {
            return Err(bad("the form must hold {stem} once"));
        };
        let gender = match cols[2] {
            "m" => Gender::Masculine,
            "f" => Gender::Feminine,
            _ => return Err(bad("gender must be m or f")),
        };
        let number = match cols[3] {
            "sg" => Number::Singular,
            "du" => Number::Dual,
            "pl" => Number::Plural,
            _ => return Err(bad("number must be sg, du or pl")),
        };
        let weak = if cols[4] == "-" { Vec::new() } else { forms(cols[4]) };
        let (before, after) = (normalise_form(before), normalise_form(after));
        rows_out.push(ParadigmRow { tense, before, after, gender, number, weak });
    }
    if let (None, Some(line)) = (&present_prefix, first_present) {
        return Err(bad_line(f, line, "present rows need a present_prefix row"));
    }
    Ok((present_prefix, rows_out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_files_load() {
        for language in [Language::Ar, Language::En] {
            Morphology::embedded(language);
        }
        assert!(Morphology::embedded(Language::Ar).has_verb_paradigm());
        assert!(!Morphology::embedded(Language::En).has_verb_paradigm());
    }

    #[test]
    fn proclitics() {
        let cases: &[(Language, &str, bool, bool, bool)] = &[
            // (language, prefix, noun, past verb, present verb)
            (Language::Ar, "", true, true, true),
            (Language::Ar, "و", true, true, true),
            (Language::Ar, "وال", true, false, false),
            (Language::Ar, "فبال", true, false, false),
            (Language::Ar, "لل", true, false, false),
            (Language::Ar, "ولل", true, false, false),
            (Language::Ar, "ب", true, false, false),
            (Language::Ar, "وس", true, false, true),
            (Language::Ar, "فل", true, false, true),
            (Language::Ar, "للال", false, false, false),
            (Language::Ar, "وو", false, false, false),
            (Language::Ar, "م", false, false, false),
            (Language::En, "", true, true, true),
            (Language::En, "a", false, false, false),
        ];
        for &(language, prefix, noun, past, present) in cases {
            let m = Morphology::embedded(language);
            assert_eq!(m.is_proclitic(prefix), noun, "{language:?} {prefix:?} noun");
            assert_eq!(m.is_verb_proclitic(prefix, false), past, "{language:?} {prefix:?} past");
            assert_eq!(m.is_verb_proclitic(prefix, true), present, "{language:?} {prefix:?} present");
        }
    }

    #[test]
    fn word_starts() {
        let cases: &[(Language, &str, &[&str])] = &[
            // (language, word, the rests of the word where an entry may start)
            (Language::Ar, "وبالقصف", &["وبالقصف", "بالقصف", "القصف", "قصف"]),
            (Language::Ar, "سيقول", &["سيقول", "يقول"]),
            (Language::Ar, "للخطر", &["للخطر", "لخطر", "خطر"]),
            (Language::Ar, "مقصف", &["مقصف"]),
            (Language::Ar, "و", &["و"]),
            (Language::En, "strikes", &["strikes"]),
        ];
        for &(language, word, expected) in cases {
            let mut out = Vec::new();
            Morphology::embedded(language).word_starts(word, 0, word.len(), &mut out);
            let got: Vec<&str> = out.iter().map(|&s| &word[s..]).collect();
            assert_eq!(got, expected, "{word}");
        }
    }

    #[test]
    fn enclitics() {
        let cases: &[(Language, &str, bool, bool, bool)] = &[
            // (language, suffix, after a form, after a form of a time word, after ت of ة)
            (Language::Ar, "", true, true, false),
            (Language::Ar, "ها", true, false, true),
            (Language::Ar, "ين", false, false, true),
            (Language::Ar, "كن", true, false, false),
            (Language::En, "'s", true, true, false),
            (Language::En, "'", true, true, false),
            (Language::En, "s", false, false, false),
        ];
        for &(language, suffix, any, time, ta) in cases {
            let m = Morphology::embedded(language);
            assert_eq!(m.is_enclitic(suffix, true), any, "{suffix:?}");
            assert_eq!(m.is_enclitic(suffix, false), time, "{suffix:?}");
            assert_eq!(m.is_after_ta(suffix), ta, "{suffix:?}");
        }
    }

    #[test]
    fn article_and_ta_marbuta() {
        let ar = Morphology::embedded(Language::Ar);
        let en = Morphology::embedded(Language::En);
        assert_eq!(ar.strip_article(&normalise_form("البنتاغون")), Some(normalise_form("بنتاغون").as_str()));
        assert_eq!(ar.strip_article(&normalise_form("الي")), None);
        assert_eq!(en.strip_article("al-qaim"), None);
        assert_eq!(ar.ta_before_suffix(&normalise_form("ضربة")), Some(normalise_form("ضربت")));
        assert_eq!(ar.ta_before_suffix(&normalise_form("طه")), None);
        assert_eq!(en.ta_before_suffix("the"), None);
        assert_eq!(ar.article_at_end(&normalise_form("وبال")), Some(normalise_form("ال").as_str()));
        assert!(ar.ends_with_article(&normalise_form("لل")));
        let ha = normalise_form("ه");
        assert!(ar.starts_with_ta_marbuta(&ha, |_| "ة"));
        assert!(!ar.starts_with_ta_marbuta(&ha, |_| "ه"));
        assert_eq!(ar.verbal_noun_starts().len(), 5);
        assert!(en.verbal_noun_starts().is_empty());
    }

    #[test]
    fn verb_paradigm() {
        let ar = Morphology::embedded(Language::Ar);
        let forms = |past: &str, present: Option<&str>| -> Vec<String> {
            let present = present.map(normalise_form);
            ar.verb_forms(&normalise_form(past), present.as_deref()).into_iter().map(|(f, _)| f).collect()
        };
        let norm = |list: &[&str]| -> Vec<String> { list.iter().map(|s| normalise_form(s)).collect() };
        let cases: &[(&str, Option<&str>, &[&str])] = &[
            ("قال", Some("يقول"), &["قال", "قالت", "قالوا", "قالا", "قالتا", "قالن", "يقول", "تقول", "يقولون", "يقولان", "تقولان"]),
            ("نفى", None, &["نفى", "نفىت", "نفىوا", "نفىا", "نفىتا", "نفىن", "نفت", "نفوا"]),
            (
                "دعا",
                Some("يدعو"),
                &["دعا", "دعات", "دعاوا", "دعاا", "دعاتا", "دعان", "دعت", "دعوا", "يدعو", "تدعو", "يدعوون", "يدعوان", "تدعوان", "يدعون"],
            ),
            ("مضيفا", Some("مضيفة"), &["مضيفا", "مضيفة"]),
        ];
        for &(past, present, expected) in cases {
            assert_eq!(forms(past, present), norm(expected), "{past}");
        }
        let features = ar.verb_forms(&normalise_form("قال"), Some(&normalise_form("يقول")));
        assert_eq!(
            features[1].1,
            Features { gender: Some(Gender::Feminine), number: Some(Number::Singular), present: false, participle: false }
        );
        assert!(features[6].1.present);
        let participle = ar.verb_forms(&normalise_form("مضيفا"), Some(&normalise_form("مضيفة")));
        assert!(participle.iter().all(|(_, f)| f.participle));
    }

    #[test]
    fn override_folder_replaces_a_file_and_is_validated() {
        // an override without the pronoun enclitics: the other files stay the embedded ones
        let plain = |name: &str| -> Result<Option<(String, String)>, LexiconError> {
            Ok((name == "ar/morphology/enclitics.tsv").then(|| (format!("dir/{name}"), "# none\n".to_string())))
        };
        let m = Morphology::load(Language::Ar, &plain).expect("a valid override");
        assert!(!m.is_enclitic(&normalise_form("ها"), true));
        assert!(m.has_verb_paradigm());
        let bad = |name: &str| -> Result<Option<(String, String)>, LexiconError> {
            Ok((name == "ar/morphology/proclitics.tsv").then(|| (format!("dir/{name}"), "و\tconjunction\nب\tprep\n".to_string())))
        };
        let err = Morphology::load(Language::Ar, &bad).unwrap_err();
        assert!(err.to_string().starts_with("dir/ar/morphology/proclitics.tsv:2: kind must be"), "{err}");
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let cases: &[(&str, &str, &str, &str)] = &[
            ("و\tconjunctions\n", "", "", "p.tsv:1: kind must be"),
            ("", "ة\tta_marbuta\n", "", "e.tsv:1: ta_marbuta is written"),
            ("", "", "# c\n{stem}ت\tpast\tx\tsg\t-\n", "v.tsv:2: gender must be m or f"),
            ("", "", "ت\tpast\tf\tsg\t-\n", "v.tsv:1: the form must hold {stem} once"),
            ("", "", "ي{stem}\tpresent\tm\tsg\t-\n", "v.tsv:1: present rows need a present_prefix row"),
        ];
        for &(p, e, v, expected) in cases {
            let err = Morphology::parse(Language::Ar, ("p.tsv", p), ("e.tsv", e), ("v.tsv", v)).unwrap_err();
            assert!(err.to_string().starts_with(expected), "{err}");
        }
    }
}

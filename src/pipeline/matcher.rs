//! Compiled lexicon matchers over the normalised text: one trie per language searched where
//! words begin (Aho-Corasick for a matcher used on its own), with Arabic clitics and
//! inflections checked at word boundaries and leftmost-longest resolution.

use super::document::Document;
use super::model::Language;
use super::text::NormText;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A byte span of the normalised text.
#[derive(Debug, Clone, Copy)]
struct Span {
    start: usize,
    end: usize,
}

impl Span {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

/// Grammatical gender carried by a verb form or a noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    /// Masculine.
    Masculine,
    /// Feminine.
    Feminine,
}

/// Grammatical number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Number {
    /// One.
    Singular,
    /// Two.
    Dual,
    /// More.
    Plural,
}

/// Features of the matched form (verbs: person is always third).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Features {
    /// Gender, when the form shows it.
    pub gender: Option<Gender>,
    /// Number, when the form shows it.
    pub number: Option<Number>,
    /// True for a present/imperfect verb form.
    pub present: bool,
    /// True for a participle (مضيفا، مشيرة): it takes its subject from the clause's verb.
    pub participle: bool,
}

/// How a lexicon entry's forms are to be expanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// Listed forms only.
    Plain,
    /// An Arabic verb written `PAST|PRESENT`: inflections are generated.
    ArabicVerb,
    /// Listed forms that are normalised already (the gazetteer's keys), with the casing
    /// their original spelling asks for: loading skips normalising them again.
    Normalised(CaseRule),
}

/// One match of a lexicon entry in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entry in the matcher's entry list.
    pub entry: usize,
    /// Features of the matched form.
    pub features: Features,
    /// Normalised byte where the reported span starts (after و ف ب ل ك س, before ال).
    pub start: usize,
    /// Normalised byte where the reported span ends (end of the last token).
    pub end: usize,
    /// First token of the match.
    pub first: usize,
    /// Last token of the match (inclusive).
    pub last: usize,
    /// Length in bytes of the proclitics before the entry (normalised `وال`, `ب`, `س` …),
    /// which start at the first token's start.
    pub prefix_len: usize,
}

#[derive(Debug, Clone)]
struct Pattern {
    entry: u32,
    features: Features,
    /// The pattern's last letter was ة (ه) and is written ت here: a suffix must follow.
    needs_suffix: bool,
    /// The pattern had its article ال removed: the text must supply it as a proclitic… or not.
    stripped_article: bool,
    /// A generated verb form: only و ف (and س، ل before the present) may precede it.
    verb: bool,
    /// How the text must be cased (English names are matched as the lexicon writes them).
    case: CaseRule,
}

/// The casing an English match needs, taken from how the lexicon writes the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseRule {
    /// Any case (the form is written in lower case).
    Any,
    /// Each word capitalised as in the form ("Nice", "San Bernardino").
    Capitalized,
    /// All capitals (acronyms: "WHO", "US").
    Upper,
}

impl CaseRule {
    /// The looser of two rules, for a key spelled several ways ("Reading", "reading").
    pub fn looser(self, other: CaseRule) -> CaseRule {
        let rank = |r: CaseRule| match r {
            CaseRule::Any => 0,
            CaseRule::Capitalized => 1,
            CaseRule::Upper => 2,
        };
        if rank(other) < rank(self) { other } else { self }
    }
}

/// The casing a match of `form` (as the lexicon writes it) needs in `language`'s text:
/// "Nice" the city must be capitalised, "WHO" in capitals, "al-Qaim" may be any case.
pub fn case_rule(language: Language, form: &str) -> CaseRule {
    if language != Language::En {
        return CaseRule::Any;
    }
    let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()) {
        CaseRule::Upper
    } else if form.chars().next().is_some_and(char::is_uppercase) {
        CaseRule::Capitalized
    } else {
        CaseRule::Any
    }
}

/// True when `original` (the matched text) is cased as `rule` asks. Headlines in all
/// capitals satisfy every rule.
fn case_ok(rule: CaseRule, original: &str) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Upper => original.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase),
        CaseRule::Capitalized => original.chars().next().is_some_and(|c| !c.is_lowercase()),
    }
}

/// A compiled set of entries of type `T`.
pub struct Matcher<T> {
    entries: Vec<T>,
    exact: HashMap<String, usize>,
    patterns: Vec<Pattern>,
    /// The normalised pattern strings (kept for the language's shared [`Scanner`]).
    strings: Vec<String>,
    /// This matcher's own automaton, built on first use when no shared scan is at hand.
    own: OnceLock<Option<AhoCorasick>>,
    /// (scanner id, slot) when the matcher's patterns are part of a shared scanner.
    slot: Option<(usize, usize)>,
    language: Language,
    /// Whether Arabic pronoun enclitics may follow a form (not for time words: أمسك is
    /// "he held", مايك is Mike, neither أمس nor ماي).
    enclitics: bool,
}

/// A raw match of a trie or automaton: byte span in the normalised text and the matcher's pattern index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawMatch {
    start: u32,
    end: u32,
    pattern: u32,
}

/// The raw matches of every matcher of one scanner over one document.
#[derive(Debug, Default)]
pub struct Scan {
    scanner: usize,
    slots: Vec<Vec<RawMatch>>,
}

/// One trie over the patterns of several matchers, so that a document is searched once
/// instead of once per lexicon.
///
/// A match only counts where a word begins, so the scan looks up the patterns that start at
/// those places (a common-prefix search) and needs no Aho-Corasick failure links: the trie
/// builds several times faster than an automaton over the same 100,000 gazetteer keys,
/// which is most of the service's start-up.
pub struct Scanner {
    id: usize,
    /// Each distinct pattern string once; its value is its index in `key_len`.
    trie: Option<crawdad::Trie>,
    /// Byte length of each distinct pattern string.
    key_len: Vec<u32>,
    /// The patterns sharing distinct string `k` are `owner[owner_start[k]..owner_start[k + 1]]`.
    owner_start: Vec<u32>,
    /// (slot, the matcher's own pattern index), grouped by distinct string.
    owner: Vec<(u32, u32)>,
    slots: usize,
}

impl std::fmt::Debug for Scanner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scanner").field("patterns", &self.owner.len()).field("slots", &self.slots).finish()
    }
}

fn build_automaton(strings: &[String]) -> Option<AhoCorasick> {
    if strings.is_empty() {
        return None;
    }
    // a DFA steps fastest; a very large set (the gazetteer) stays a contiguous NFA to keep memory low
    let kind = if strings.len() <= 20_000 { Some(AhoCorasickKind::DFA) } else { None };
    Some(AhoCorasickBuilder::new().match_kind(MatchKind::Standard).kind(kind).build(strings).expect("lexicon patterns compile"))
}

fn raw_matches<'a>(ac: &'a AhoCorasick, norm: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
    ac.find_overlapping_iter(norm).map(|m| (m.start(), m.end(), m.pattern().as_usize()))
}

impl Scanner {
    /// Builds one trie over the patterns of `parts`, giving each part its slot.
    pub fn new(parts: &[&[String]]) -> Scanner {
        static NEXT: AtomicUsize = AtomicUsize::new(1);
        // distinct strings in order of first appearance, each with the patterns spelled so
        let mut distinct: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        let mut keys: Vec<&str> = Vec::new();
        let mut owners: Vec<Vec<(u32, u32)>> = Vec::new();
        for (slot, part) in parts.iter().enumerate() {
            for (i, s) in part.iter().enumerate().filter(|(_, s)| !s.is_empty()) {
                let k = *distinct.entry(s.as_str()).or_insert_with(|| {
                    keys.push(s);
                    owners.push(Vec::new());
                    (keys.len() - 1) as u32
                });
                owners[k as usize].push((slot as u32, i as u32));
            }
        }
        let trie = (!keys.is_empty())
            .then(|| crawdad::Trie::from_records(keys.iter().enumerate().map(|(k, s)| (s, k as u32))).expect("lexicon patterns compile"));
        let key_len = keys.iter().map(|s| s.len() as u32).collect();
        let mut owner_start = Vec::with_capacity(owners.len() + 1);
        let mut owner = Vec::new();
        for group in owners {
            owner_start.push(owner.len() as u32);
            owner.extend(group);
        }
        owner_start.push(owner.len() as u32);
        Scanner { id: NEXT.fetch_add(1, Ordering::Relaxed), trie, key_len, owner_start, owner, slots: parts.len() }
    }

    /// This scanner's identity, to be given to its matchers with [`Matcher::attach`].
    pub fn id(&self) -> usize {
        self.id
    }

    /// Finds every pattern that starts at one of `starts` (normalised byte offsets, each at
    /// most once, ascending) and splits the matches by slot.
    ///
    /// A match only counts where a word begins, after nothing or after proclitics (see
    /// [`word_starts`]), so the trie is searched from those places alone instead of
    /// reporting every substring match in the text: the same accepted matches, a fraction
    /// of the work.
    pub fn scan(&self, norm: &str, starts: &[usize]) -> Scan {
        let mut slots = vec![Vec::new(); self.slots];
        if let Some(trie) = &self.trie {
            for &start in starts {
                let Some(rest) = norm.get(start..) else {
                    continue;
                };
                for (key, _) in trie.common_prefix_search(rest.chars()) {
                    let key = key as usize;
                    let end = (start + self.key_len[key] as usize) as u32;
                    for &(slot, local) in &self.owner[self.owner_start[key] as usize..self.owner_start[key + 1] as usize] {
                        slots[slot as usize].push(RawMatch { start: start as u32, end, pattern: local });
                    }
                }
            }
        }
        Scan { scanner: self.id, slots }
    }

    /// Heap bytes of the trie and its pattern tables.
    pub fn memory_usage(&self) -> usize {
        self.trie.as_ref().map_or(0, crawdad::Trie::heap_bytes) + self.key_len.len() * 4 + self.owner_start.len() * 4 + self.owner.len() * 8
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Matcher<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher").field("entries", &self.entries.len()).field("patterns", &self.patterns.len()).finish()
    }
}

const ENCLITICS: &[&str] = &["ه", "ها", "هما", "هم", "هن", "ك", "كم", "كما", "كن", "نا", "ي", "ني"];
const DUAL_AND_ENCLITIC_AFTER_T: &[&str] =
    &["ان", "ين", "ه", "ها", "هما", "هم", "هن", "ك", "كم", "نا", "ي", "يه", "يها", "يهم", "اه", "اها", "اهم"];

/// True when `prefix` is a valid Arabic proclitic sequence: [و|ف][ب|ل|ك|س][ال] or لل.
pub fn is_arabic_proclitic(prefix: &str) -> bool {
    let mut rest = prefix;
    for conj in ["و", "ف"] {
        if let Some(r) = rest.strip_prefix(conj) {
            rest = r;
            break;
        }
    }
    if rest.is_empty() {
        return true;
    }
    if rest == "لل" || rest == "ال" {
        return true;
    }
    for prep in ["ب", "ل", "ك", "س"] {
        if let Some(r) = rest.strip_prefix(prep) {
            return r.is_empty() || r == "ال";
        }
    }
    false
}

/// The normalised byte offsets where a lexicon entry may start in the token
/// `norm[start..end]`: its start and, in Arabic, after each run of proclitics that a noun
/// or verb may carry (و، ف، ب، ل، ك، س، ال and their combinations). Every match that
/// [`Matcher::find`] accepts starts at one of them.
pub fn word_starts(language: Language, norm: &str, start: usize, end: usize, out: &mut Vec<usize>) {
    out.push(start);
    if language != Language::Ar {
        return;
    }
    let word = &norm[start..end];
    for (k, (offset, c)) in word.char_indices().enumerate().skip(1) {
        if k > 4 {
            break;
        }
        let prefix = &word[..offset];
        if !prefix.chars().all(|p| matches!(p, 'و' | 'ف' | 'ب' | 'ل' | 'ك' | 'س' | 'ا')) {
            break;
        }
        let _ = c;
        if is_arabic_proclitic(prefix) || is_verb_proclitic(prefix, true) {
            out.push(start + offset);
        }
    }
}

/// True when `prefix` may precede a verb: و or ف, then س or ل before a present form.
pub fn is_verb_proclitic(prefix: &str, present: bool) -> bool {
    let rest = prefix.strip_prefix('و').or_else(|| prefix.strip_prefix('ف')).unwrap_or(prefix);
    rest.is_empty() || (present && (rest == "س" || rest == "ل"))
}

pub(crate) fn normalise_form(form: &str) -> String {
    NormText::new(form.trim()).norm.replace('\n', " ")
}

/// Expands an Arabic verb `PAST|PRESENT` (normalised) into its third-person forms.
fn arabic_verb_forms(past: &str, present: Option<&str>) -> Vec<(String, Features)> {
    use Gender::*;
    use Number::*;
    let f = |g, n, present| Features { gender: Some(g), number: Some(n), present, participle: false };
    if let Some(p) = present.filter(|p| !p.starts_with('ي')) {
        // participles (مضيفا|مضيفة): masculine and feminine forms, listed
        let participle = |g| Features { participle: true, ..f(g, Singular, false) };
        return vec![(past.to_string(), participle(Masculine)), (p.to_string(), participle(Feminine))];
    }
    let mut out = vec![
        (past.to_string(), f(Masculine, Singular, false)),
        (format!("{past}ت"), f(Feminine, Singular, false)),
        (format!("{past}وا"), f(Masculine, Plural, false)),
        (format!("{past}ا"), f(Masculine, Dual, false)),
        (format!("{past}تا"), f(Feminine, Dual, false)),
        (format!("{past}ن"), f(Feminine, Plural, false)),
    ];
    // defective verbs (رأى، نفى، دعا): the final weak letter drops before ت and وا
    if let Some(stem) = past.strip_suffix('ي').or_else(|| past.strip_suffix('ا')) {
        out.push((format!("{stem}ت"), f(Feminine, Singular, false)));
        out.push((format!("{stem}وا"), f(Masculine, Plural, false)));
    }
    if let Some(p) = present {
        let body = p.strip_prefix('ي').unwrap_or(p);
        out.push((p.to_string(), f(Masculine, Singular, true)));
        out.push((format!("ت{body}"), f(Feminine, Singular, true)));
        out.push((format!("ي{body}ون"), f(Masculine, Plural, true)));
        out.push((format!("ي{body}ان"), f(Masculine, Dual, true)));
        out.push((format!("ت{body}ان"), f(Feminine, Dual, true)));
        if let Some(stem) = body.strip_suffix('ي').or_else(|| body.strip_suffix('و')) {
            out.push((format!("ي{stem}ون"), f(Masculine, Plural, true)));
        }
    }
    out
}

impl<T> Matcher<T> {
    /// Compiles `entries`, each with its `|`-separated forms and how to expand them.
    pub fn new(language: Language, items: Vec<(String, FormKind, T)>) -> Matcher<T> {
        let mut entries = Vec::with_capacity(items.len());
        let mut strings: Vec<String> = Vec::new();
        let mut patterns = Vec::new();
        let mut exact = HashMap::new();
        for (i, (forms, kind, payload)) in items.into_iter().enumerate() {
            entries.push(payload);
            let mut add = |s: String, features: Features, needs_suffix: bool, stripped_article: bool, case: CaseRule| {
                if !s.is_empty() {
                    strings.push(s);
                    patterns.push(Pattern {
                        entry: i as u32,
                        features,
                        needs_suffix,
                        stripped_article,
                        verb: features.gender.is_some(),
                        case,
                    });
                }
            };
            let raw: Vec<&str> = forms.split('|').collect();
            let expanded: Vec<(String, Features, CaseRule)> = match kind {
                FormKind::ArabicVerb => {
                    let mut parts = forms.split('|').map(normalise_form);
                    let past = parts.next().unwrap_or_default();
                    let present = parts.next();
                    let mut v = arabic_verb_forms(&past, present.as_deref());
                    v.extend(parts.map(|p| (p, Features::default())));
                    v.into_iter().map(|(f, x)| (f, x, CaseRule::Any)).collect()
                }
                FormKind::Plain => raw.iter().map(|f| (normalise_form(f), Features::default(), case_rule(language, f.trim()))).collect(),
                FormKind::Normalised(case) => raw.iter().map(|f| (f.to_string(), Features::default(), case)).collect(),
            };
            for (form, features, case) in expanded {
                if !matches!(kind, FormKind::Normalised(_)) {
                    // (the gazetteer is never looked up by form: its 100,000 keys are spared)
                    exact.entry(form.clone()).or_insert(i);
                }
                if language == Language::Ar {
                    if let Some(bare) = form.strip_prefix("ال").filter(|b| b.chars().count() >= 2) {
                        add(bare.to_string(), features, false, true, case);
                    }
                    if let Some(stem) = form.strip_suffix('ه').filter(|s| s.chars().count() >= 2) {
                        add(format!("{stem}ت"), features, true, false, case);
                    }
                }
                add(form, features, false, false, case);
            }
        }
        Matcher { entries, exact, patterns, strings, own: OnceLock::new(), slot: None, language, enclitics: true }
    }

    /// The same matcher, with forms that take no pronoun enclitics.
    pub fn without_enclitics(self) -> Matcher<T> {
        Matcher { enclitics: false, ..self }
    }

    /// The normalised pattern strings, for building a shared [`Scanner`].
    pub fn pattern_strings(&self) -> &[String] {
        &self.strings
    }

    /// Makes the matcher read its raw matches from `scanner`'s scans, at `slot`.
    pub fn attach(&mut self, scanner: &Scanner, slot: usize) {
        self.slot = Some((scanner.id(), slot));
    }

    /// Compiles the matcher's own automaton now (it is otherwise built on first use).
    pub fn compile(&self) {
        self.own.get_or_init(|| build_automaton(&self.strings));
    }

    fn own_automaton(&self) -> Option<&AhoCorasick> {
        self.own.get_or_init(|| build_automaton(&self.strings)).as_ref()
    }

    /// The entries, in load order.
    pub fn entries(&self) -> &[T] {
        &self.entries
    }

    /// The entry with exactly this (normalised) form, without clitics.
    pub fn lookup(&self, form: &str) -> Option<&T> {
        self.exact.get(form).map(|&i| &self.entries[i])
    }

    /// Heap bytes of the matcher's own automaton (0 when it shares a scanner's).
    pub fn memory_usage(&self) -> usize {
        self.own.get().and_then(Option::as_ref).map_or(0, AhoCorasick::memory_usage)
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the matcher has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// All matches in `doc`, leftmost-longest and non-overlapping (ties on the same span
    /// are all kept, so homonyms reach the caller).
    pub fn find(&self, doc: &Document) -> Vec<Hit> {
        let norm = &doc.norm.norm;
        let shared = match (self.slot, doc.scan()) {
            (Some((id, slot)), Some(scan)) if scan.scanner == id => Some(&scan.slots[slot]),
            _ => None,
        };
        let own: Vec<RawMatch> = match shared {
            Some(_) => Vec::new(),
            None => self.own_automaton().map_or_else(Vec::new, |ac| {
                raw_matches(ac, norm).map(|(s, e, p)| RawMatch { start: s as u32, end: e as u32, pattern: p as u32 }).collect()
            }),
        };
        let mut hits: Vec<Hit> = Vec::new();
        for raw in shared.map_or(own.as_slice(), Vec::as_slice) {
            let m = Span { start: raw.start as usize, end: raw.end as usize };
            let p = &self.patterns[raw.pattern as usize];
            let (Some(first), Some(last)) = (doc.token_at(m.start()), doc.token_at(m.end() - 1)) else {
                continue;
            };
            let tokens = doc.tokens();
            let prefix = &norm[tokens[first].start..m.start()];
            let suffix = &norm[m.end()..tokens[last].end];
            if !self.boundaries_ok(prefix, suffix, p) {
                continue;
            }
            // "ه" written ة is a noun ending, never the pronoun: وزارة is not و + زار + ه
            if suffix.starts_with('ه') {
                let (s, e) = doc.original(m.end(), m.end() + 'ه'.len_utf8());
                if doc.text[s..e].starts_with('ة') {
                    continue;
                }
            }
            if p.case != CaseRule::Any {
                let (s, e) = doc.original(m.start(), m.end());
                if !case_ok(p.case, &doc.text[s..e]) {
                    continue;
                }
            }
            let start = if p.stripped_article || prefix.ends_with("ال") {
                m.start() - if prefix.ends_with("ال") { "ال".len() } else { 0 }
            } else {
                m.start()
            };
            hits.push(Hit {
                entry: p.entry as usize,
                features: p.features,
                start,
                end: tokens[last].end,
                first,
                last,
                prefix_len: prefix.len(),
            });
        }
        // leftmost-longest over tokens: longer matches (in bytes of the core) win
        hits.sort_by(|a, b| a.first.cmp(&b.first).then(b.last.cmp(&a.last)).then((b.end - b.start).cmp(&(a.end - a.start))));
        let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
        let mut taken_until: Option<usize> = None;
        for h in hits {
            if let Some(last) = out.last()
                && last.first == h.first
                && last.last == h.last
                && last.start == h.start
            {
                if !out.iter().rev().take_while(|o| o.first == h.first).any(|o| o.entry == h.entry) {
                    out.push(h);
                }
                continue;
            }
            if taken_until.is_some_and(|t| h.first <= t) {
                continue;
            }
            taken_until = Some(h.last);
            out.push(h);
        }
        out
    }

    fn boundaries_ok(&self, prefix: &str, suffix: &str, p: &Pattern) -> bool {
        match self.language {
            Language::En => prefix.is_empty() && (suffix.is_empty() || suffix == "'s" || suffix == "'"),
            Language::Ar => {
                let prefix_ok = if p.verb {
                    is_verb_proclitic(prefix, p.features.present)
                } else if p.stripped_article {
                    prefix.ends_with("ال") && is_arabic_proclitic(prefix) || prefix.ends_with("لل") && is_arabic_proclitic(prefix)
                } else {
                    is_arabic_proclitic(prefix)
                };
                let suffix_ok = if p.needs_suffix {
                    DUAL_AND_ENCLITIC_AFTER_T.contains(&suffix)
                } else {
                    suffix.is_empty() || self.enclitics && ENCLITICS.contains(&suffix)
                };
                prefix_ok && suffix_ok
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn words(lang: Language, items: Vec<(&str, FormKind)>, text: &str) -> Vec<(String, usize, Features)> {
        let m = Matcher::new(lang, items.into_iter().enumerate().map(|(i, (f, k))| (f.to_string(), k, i)).collect());
        let doc = Document::new(text, lang, &HashSet::new());
        m.find(&doc)
            .into_iter()
            .map(|h| {
                let (s, e) = doc.original(h.start, h.end);
                (text[s..e].to_string(), h.entry, h.features)
            })
            .collect()
    }

    #[test]
    fn proclitics_and_article() {
        let got = words(Language::Ar, vec![("قصف", FormKind::Plain)], "والقصف بقصف وبالقصف مقصف فقصفها");
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, vec!["القصف", "قصف", "القصف", "قصفها"]);
    }

    #[test]
    fn entries_with_article_take_li() {
        let got = words(Language::Ar, vec![("البنتاغون", FormKind::Plain)], "للبنتاغون والبنتاغون البنتاغون");
        assert_eq!(got.len(), 3);
    }

    #[test]
    fn verb_inflections_carry_gender_and_number() {
        let got = words(Language::Ar, vec![("قال|يقول", FormKind::ArabicVerb)], "وقالت قالوا يقول وتقول مقال");
        let feats: Vec<(Option<Gender>, Option<Number>)> = got.iter().map(|g| (g.2.gender, g.2.number)).collect();
        assert_eq!(
            feats,
            vec![
                (Some(Gender::Feminine), Some(Number::Singular)),
                (Some(Gender::Masculine), Some(Number::Plural)),
                (Some(Gender::Masculine), Some(Number::Singular)),
                (Some(Gender::Feminine), Some(Number::Singular)),
            ]
        );
    }

    #[test]
    fn verbs_take_no_prepositions() {
        let got = words(Language::Ar, vec![("حث|يحث", FormKind::ArabicVerb)], "بحثت وحثت فحثوا سيحث");
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, vec!["حثت", "حثوا", "يحث"]);
    }

    #[test]
    fn ta_marbuta_is_no_pronoun() {
        let got = words(Language::Ar, vec![("زار|يزور", FormKind::ArabicVerb)], "وزارة زاره");
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, vec!["زاره"]);
    }

    #[test]
    fn ta_marbuta_before_suffix() {
        let got = words(Language::Ar, vec![("ضربة", FormKind::Plain)], "ضربتين ضربته الضربة ضربت");
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, vec!["ضربتين", "ضربته", "الضربة"]);
    }

    #[test]
    fn multiword_longest_wins() {
        let got =
            words(Language::Ar, vec![("الولايات", FormKind::Plain), ("الولايات المتحدة", FormKind::Plain)], "من الولايات المتحدة وإيران");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "الولايات المتحدة");
    }

    #[test]
    fn english_names_keep_their_case() {
        let got = words(
            Language::En,
            vec![("Nice", FormKind::Plain), ("WHO", FormKind::Plain), ("strike", FormKind::Plain)],
            "a nice day in Nice; who said the WHO; STRIKE, Strike",
        );
        let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert_eq!(texts, vec!["Nice", "WHO", "STRIKE", "Strike"]);
    }

    #[test]
    fn english_whole_words() {
        let got = words(
            Language::En,
            vec![("strike|strikes", FormKind::Plain), ("on strike", FormKind::Plain)],
            "Strikes hit; workers went on strike; striker",
        );
        let texts: Vec<(&str, usize)> = got.iter().map(|g| (g.0.as_str(), g.1)).collect();
        assert_eq!(texts, vec![("Strikes", 0), ("on strike", 1)]);
    }

    /// Real sentences (tests/fixtures/SOURCES.md, "Sentences in unit tests"): the forms of one
    /// entry and what they match, clitics included, and what they must not match.
    #[test]
    fn clitics_on_real_words() {
        let cases: &[(&str, &str, FormKind, &str, &[&str])] = &[
            // للقصف: the article's alif is elided after ل
            (
                "ar/0068.txt:21",
                "قصف",
                FormKind::Plain,
                "الوضع خطير جدا، دبابات ومدرعات في الشوارع، وقد تتعرض هذه للقصف في أي وقت ما قد يعرض حياة المدنيين للخطر",
                &["قصف"],
            ),
            ("ar/0016.txt:4", "قصف", FormKind::Plain, "قامت بقصف أهداف لحزب العمال الكردستاني شمالي العراق.", &["قصف"]),
            // a verb takes و or ف but no preposition: بقصف is the noun
            ("ar/0016.txt:4", "قصف|يقصف", FormKind::ArabicVerb, "قامت بقصف أهداف لحزب العمال الكردستاني شمالي العراق.", &[]),
            (
                "ar/0107.txt:6",
                "قصف|يقصف",
                FormKind::ArabicVerb,
                "وقصفت طائرات التحالف العربي مواقع وتجمعات للمتمردين الحوثيين في منطقة المفاليس وعزلة الأعبوس.",
                &["قصفت"],
            ),
            // و + ب + ال before an entry written with its article
            (
                "ar/0090.txt:7",
                "الخليج",
                FormKind::Plain,
                "قال الشيخ حمد بن جاسم، رئيس وزراء قطر الأسبق، إنه يرى ما قاله المؤرخ ابن خلدون عن بداية ونهاية الدول في المنطقة العربية بشكل عام وبالخليج بشكل خاص.",
                &["الخليج"],
            ),
            // ة written ت before the dual ending; a plural with a pronoun; ة vs ه in a name
            (
                "ar/0152.txt:4",
                "مجزرة",
                FormKind::Plain,
                "قتل ما يصل إلى 99 مدنيا هندوسيا في مجزرة، أو ربما مجزرتين، في شهر أغسطس/ آب الماضي.",
                &["مجزرة", "مجزرتين"],
            ),
            (
                "ar/0268.txt:3",
                "غارة|غارات",
                FormKind::Plain,
                "قتل عشرون شخصا على الأقل وأصيب عشرات آخرون الخميس، في غارتين استهدفتا سوق السمك وأمام مستشفى الصورة، بمدينة الحديدة غرب اليمن.",
                &["غارتين"],
            ),
            (
                "ar/0107.txt:12",
                "غارة|غارات",
                FormKind::Plain,
                "وكثف الطيران من غاراته على جبل الحمام المطل على مناطق السحي الرابط بين الشريجة والراهدة، واستهدف بعدة غارات مواقع الحوثيين في جبل شيفان.",
                &["غاراته", "غارات"],
            ),
            ("ar/0031.txt:4", "سارة", FormKind::Plain, "وقالت المتحدثة باسم البيت الأبيض، ساره ساندرز.", &["ساره"]),
            // قال inside longer, unrelated words: استقالة، إقالته، اعتقال
            (
                "ar/0151.txt:3",
                "قال|يقول",
                FormKind::ArabicVerb,
                "قال وزير الدفاع الإثيوبي، سراج فقيسا، اليوم السبت، إن #حالة_الطوارئ التي فرضت في البلاد بعد استقالة رئيس الوزراء ستستمر 6 أشهر.",
                &["قال"],
            ),
            (
                "ar/0183.txt:14",
                "قال|يقول",
                FormKind::ArabicVerb,
                "وأفاد مسؤول أمريكي لاحقا أن تيلرسون لم يتحدث إلى ترامب قبل إقالته كما أنه \"ليس على علم\" بسبب هذا القرار.",
                &[],
            ),
            (
                "ar/0295.txt:7",
                "قال|يقول",
                FormKind::ArabicVerb,
                "أعلنت حركة المقاومة الشعبية على حسابها الرسمي في \"تويتر\" اعتقال عبدالخالق، شقيق زعيم التمرد عبدالملك الحوثي، أول من أمس في عدن.",
                &[],
            ),
            // زار inside وزارة is no verb with a pronoun
            ("ar/0066.txt:13", "زار|يزور", FormKind::ArabicVerb, "ومن وزارة الخارجية ووكالة التنمية.", &[]),
            (
                "ar/0052.txt:4",
                "زار|يزور",
                FormKind::ArabicVerb,
                "وبحسب مسؤولين أميركيين فإن هوك زار برلين الخميس للقاء نظرائه البريطاني والفرنسي والألماني سعيا للاتفاق على موقف مشترك.",
                &["زار"],
            ),
        ];
        for (source, forms, kind, text, expected) in cases {
            let got = words(Language::Ar, vec![(*forms, *kind)], text);
            let texts: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
            assert_eq!(texts, *expected, "{source}");
        }
    }

    /// Real sentences: the third-person forms of قال|يقول with their gender, number and tense.
    #[test]
    fn speech_verb_inflections_in_real_sentences() {
        use Gender::{Feminine as F, Masculine as M};
        use Number::{Plural as P, Singular as S};
        type Forms = &'static [(&'static str, Gender, Number, bool)];
        let cases: &[(&str, &str, Forms)] = &[
            ("ar/0008.txt:8", "وقالت الشرطة لوسائل الإعلام إن الهجمات نفذها \"انتحاريون\".", &[("قالت", F, S, false)]),
            (
                "ar/0138.txt:8",
                "يذكر أن ناشطين عبر مواقع التواصل الاجتماعي ووسائل الإعلام كانوا قد قالوا إن الزيارة فشلت بتحقيق أهدافها، وهو ما نفته الخارجية الكويتية.",
                &[("قالوا", M, P, false)],
            ),
            (
                "ar/0090.txt:7",
                "قال الشيخ حمد بن جاسم، رئيس وزراء قطر الأسبق، إنه يرى ما قاله المؤرخ ابن خلدون",
                &[("قال", M, S, false), ("قاله", M, S, false)],
            ),
            ("ar/0073.txt:13", "وتقول منظمة أطباء بلا حدود، إن القتال قد خلف أكثر من 1000 قتيل، وحوالي 4800 جريح.", &[("تقول", F, S, true)]),
            (
                "ar/0053.txt:27",
                "ونجاح الاختبار أمر محل تساؤل لكن كثيرا من الدبلوماسيين يقولون إنه يجب على مجلس الأمن أن يتصرف، إما بإلغاء العقوبات، أو بتعديلها، أو بتعليقها.",
                &[("يقولون", M, P, true)],
            ),
            ("seed.json:19", "وأضاف أن “الضربة الثانية التي يقول البنتاغون إنها نُفذت على منزل آمن", &[("يقول", M, S, true)]),
        ];
        for (source, text, expected) in cases {
            let got = words(Language::Ar, vec![("قال|يقول", FormKind::ArabicVerb)], text);
            let got: Vec<(&str, Gender, Number, bool)> = got
                .iter()
                .map(|g| (g.0.as_str(), g.2.gender.expect("verb gender"), g.2.number.expect("verb number"), g.2.present))
                .collect();
            assert_eq!(got, *expected, "{source}");
        }
    }
}

//! Loads the lexicons of `config/lexicons/` (embedded at build time, or from a configured
//! folder), validates every line, and compiles them once into matchers shared read-only by
//! all requests. The file formats are described in `config/lexicons/README.md`.

pub mod event_types;
pub mod gazetteer;
pub mod matcher;
mod readers;
pub mod words;

use crate::pipeline::model::Language;
use event_types::{EventType, EventTypes};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use gazetteer::Gazetteer;
use matcher::{Gender, Matcher, Morphology, Number, Scanner};
use std::path::Path;
use std::sync::Arc;
use words::{OverrideFile, WordClasses};

/// A lexicon file that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A line breaks the file's format.
    #[error("{file}:{line}: {message}")]
    BadLine {
        /// The file's name.
        file: String,
        /// The 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The override folder holds a file that cannot be read.
    #[error("{file}: {source}")]
    Io {
        /// The file's path.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// A file of the lexicon folder: its name and its embedded default content.
struct EmbeddedFile {
    name: &'static str,
    content: &'static str,
}

macro_rules! embed {
    ($($name:literal),* $(,)?) => {
        &[$(EmbeddedFile { name: $name, content: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/lexicons/", $name)) }),*]
    };
}

const EMBEDDED: &[EmbeddedFile] = embed![
    "ar/events.tsv",
    "ar/quote_cues.tsv",
    "ar/complementizers.tsv",
    "ar/modality.tsv",
    "ar/numbers.tsv",
    "ar/qualifiers.tsv",
    "ar/time.tsv",
    "ar/actors.tsv",
    "ar/nationalities.tsv",
    "ar/roles.tsv",
    "ar/coreference.tsv",
    "ar/function_words.tsv",
    "ar/name_connectors.tsv",
    "ar/title_modifiers.tsv",
    "ar/place_links.tsv",
    "en/events.tsv",
    "en/quote_cues.tsv",
    "en/complementizers.tsv",
    "en/modality.tsv",
    "en/numbers.tsv",
    "en/qualifiers.tsv",
    "en/time.tsv",
    "en/actors.tsv",
    "en/nationalities.tsv",
    "en/roles.tsv",
    "en/abbreviations.tsv",
    "en/coreference.tsv",
    "en/function_words.tsv",
    "en/name_connectors.tsv",
    "en/title_modifiers.tsv",
    "en/place_links.tsv",
    "wikidata.tsv",
    "titles.tsv",
];

const PLACES: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/gazetteer/places.tsv"));
const PLACES_EXTRA: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/config/gazetteer/places_extra.tsv"));

/// An event trigger.
#[derive(Debug, Clone)]
pub struct EventEntry {
    /// The type (`config/event_types.tsv`), or `None` for a phrase that only blocks the
    /// shorter triggers inside it (العملية السياسية).
    pub event_type: Option<EventType>,
    /// A finer kind, if any.
    pub subtype: Option<String>,
    /// How specific the trigger is, 1–3.
    pub weight: u8,
    /// True for verbs.
    pub verb: bool,
}

/// What a quote cue does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb: قال، said.
    Verb,
    /// "according to": the speaker follows.
    According,
    /// نقل عن: the subject relays, the object of عن speaks.
    Source,
}

/// A quote cue.
#[derive(Debug, Clone)]
pub struct CueEntry {
    /// What the cue does.
    pub kind: CueKind,
    /// True for announcement verbs (أعلن، كشف), which need a complement to be a quote.
    pub announce: bool,
    /// True for a phrase that is no cue (role `none`): it only keeps the shorter cue inside it
    /// from matching ("was asked about": the one asked is no speaker).
    pub blocks: bool,
}

/// A complementiser kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComplementizerKind {
    /// أن، إن، that.
    That,
    /// A colon.
    Colon,
    /// من أن.
    From,
}

/// An event modality.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    /// Happened, as the article says.
    Asserted,
    /// Attributed to a source.
    Reported,
    /// Hedged.
    Uncertain,
    /// Announced for the future.
    Planned,
    /// Denied or did not happen.
    Negated,
    /// Options, conditions, possibilities.
    Hypothetical,
}

impl Modality {
    /// The contract's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Uncertain => "uncertain",
            Modality::Planned => "planned",
            Modality::Negated => "negated",
            Modality::Hypothetical => "hypothetical",
        }
    }
}

/// A modality cue.
#[derive(Debug, Clone)]
pub struct ModalityEntry {
    /// The modality it gives.
    pub modality: Modality,
    /// True when the cue comes before the trigger.
    pub before: bool,
    /// How many tokens away it may be.
    pub window: usize,
}

/// What a number word contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberKind {
    /// 0–10 (and fixed values such as ألفان).
    Unit,
    /// 11–19.
    Teen,
    /// 20, 30, …
    Ten,
    /// 100, 200, …
    Hundred,
    /// ×1000.
    Thousand,
    /// 12.
    Dozen,
    /// عشرات، dozens: no value.
    Vague,
    /// A counted noun in the singular or the dual (شخص آخر، قتيل، طفلان): its value (one or
    /// two), when no number stands with it.
    Single,
}

/// A number word.
#[derive(Debug, Clone)]
pub struct NumberEntry {
    /// Its value (none for vague words).
    pub value: Option<u64>,
    /// What it contributes.
    pub kind: NumberKind,
}

/// A count qualifier.
#[derive(Debug, Clone)]
pub struct QualifierEntry {
    /// `up_to`, `at_least`, `about`, `more_than`, `exact`, `vague`.
    pub qualifier: String,
    /// True when it comes before the number.
    pub before: bool,
}

/// What a time word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// A weekday, 1 = Monday.
    Weekday,
    /// A month, 1–12.
    Month,
    /// A day relative to publication (0 today, -1 yesterday).
    RelativeDay,
    /// "last"/الماضي.
    Past,
    /// "next"/المقبل.
    Next,
    /// "this"/الحالي: the period that holds the publication date.
    Current,
    /// A unit of duration (ساعة، days): a number before it is no count of people.
    Duration,
}

/// A time word.
#[derive(Debug, Clone)]
pub struct TimeEntry {
    /// What it is.
    pub kind: TimeKind,
    /// Its value, where the kind has one.
    pub value: Option<i64>,
}

/// An actor: a country, organisation, group, news organisation or person.
#[derive(Debug, Clone)]
pub struct ActorEntry {
    /// A stable id (`US`, `org:pentagon`).
    pub id: String,
    /// `country`, `organization`, `armed_group`, `media`, `person`.
    pub actor_type: String,
    /// Canonical English name.
    pub name: String,
    /// ISO country code, if any.
    pub country: Option<String>,
}

/// A nationality adjective.
#[derive(Debug, Clone)]
pub struct NationalityEntry {
    /// ISO country code.
    pub country: String,
    /// English adjective ("American").
    pub adjective: String,
}

/// A role noun that can speak.
#[derive(Debug, Clone)]
pub struct RoleEntry {
    /// English role ("official").
    pub role: String,
    /// Grammatical gender.
    pub gender: Gender,
    /// Grammatical number.
    pub number: Number,
}

/// The compiled lexicons of one language.
#[derive(Debug)]
pub struct LanguageLexicons {
    /// Event triggers.
    pub events: Matcher<EventEntry>,
    /// Quote cues.
    pub quote_cues: Matcher<CueEntry>,
    /// Complementisers.
    pub complementizers: Matcher<ComplementizerKind>,
    /// Modality cues.
    pub modality: Matcher<ModalityEntry>,
    /// Number words.
    pub numbers: Matcher<NumberEntry>,
    /// Count qualifiers.
    pub qualifiers: Matcher<QualifierEntry>,
    /// Time words.
    pub time: Matcher<TimeEntry>,
    /// Actors.
    pub actors: Matcher<ActorEntry>,
    /// Nationality adjectives.
    pub nationalities: Matcher<NationalityEntry>,
    /// Role nouns.
    pub roles: Matcher<RoleEntry>,
    /// Place names, each hit giving the gazetteer's candidate places.
    pub places: Matcher<Vec<usize>>,
    /// Abbreviations after which a dot does not end a sentence.
    pub abbreviations: HashSet<String>,
    /// Words that are never part of a person's name (normalised, lower case).
    pub function_words: HashSet<String>,
    /// Function words written with a final ى (على، إلى، متى), normalised: the same letters
    /// written with a final ي (علي) are a name, not the particle.
    pub maqsura_function_words: HashSet<String>,
    /// Words that join the parts of a name (عبد، بن، bin; `al-` glued before one), normalised.
    pub name_connectors: HashSet<String>,
    /// Words that may stand between a title and its name (السابق، باسم; elect), normalised.
    pub title_modifiers: HashSet<String>,
    /// Words that may stand between a place and the country locating it (شمال، في; in, near).
    pub place_links: HashSet<String>,
    /// Role ids whose singular nouns are titles before a name (`president`).
    pub titles: HashSet<String>,
    /// Words that mark a mention as a different happening ("مماثلة", "another").
    pub distinct: Matcher<()>,
    /// Closed word classes (locatives, directions, agent markers, clause stops …).
    pub words: WordClasses,
    /// One trie over every lexicon and the gazetteer, searched once per document.
    pub scanner: Scanner,
    /// The clitics and verb paradigm (`morphology/`), shared by every matcher.
    pub morphology: Arc<Morphology>,
}

/// Every lexicon, compiled.
#[derive(Debug)]
pub struct Lexicons {
    /// Arabic.
    pub ar: LanguageLexicons,
    /// English.
    pub en: LanguageLexicons,
    /// All places.
    pub gazetteer: Gazetteer,
    /// Wikidata ids of actors and countries.
    pub wikidata: Wikidata,
    /// The event types (`config/event_types.tsv`).
    pub event_types: EventTypes,
}

/// Wikidata ids (`Q794`) by actor id (`IR`, `org:un`) and ISO country code, from
/// `wikidata.tsv` (generated by `scripts/gen_wikidata.py`).
#[derive(Debug, Default)]
pub struct Wikidata {
    by_id: HashMap<String, String>,
}

impl Wikidata {
    /// Parses `actor_id<TAB>Qid<TAB>source` lines.
    pub fn parse(file: &str, content: &str) -> Result<Wikidata, LexiconError> {
        let mut by_id = HashMap::new();
        for (line, cols) in rows(file, content, 3)? {
            let qid = cols[1];
            if !(qid.len() > 1 && qid.starts_with('Q') && qid[1..].bytes().all(|b| b.is_ascii_digit())) {
                return Err(bad_line(file, line, format!("{qid:?} is not a Wikidata id (Q followed by digits)")));
            }
            if by_id.insert(cols[0].to_string(), qid.to_string()).is_some() {
                return Err(bad_line(file, line, format!("actor {:?} listed twice", cols[0])));
            }
        }
        Ok(Wikidata { by_id })
    }

    /// The Wikidata id of an actor id or ISO 3166 country code.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.by_id.get(id).map(String::as_str)
    }

    /// How many ids are known.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// True when no id is known.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

impl Lexicons {
    /// The lexicons of `language`.
    pub fn get(&self, language: Language) -> &LanguageLexicons {
        match language {
            Language::Ar => &self.ar,
            Language::En => &self.en,
        }
    }

    /// Loads the embedded lexicons, each file replaced by its namesake under `dir` if given.
    pub fn load(dir: Option<&Path>) -> Result<Lexicons, LexiconError> {
        let read = |name: &str, embedded: &'static str| -> Result<(String, std::borrow::Cow<'static, str>), LexiconError> {
            if let Some(dir) = dir {
                let path = dir.join(name);
                if path.exists() {
                    let content =
                        std::fs::read_to_string(&path).map_err(|source| LexiconError::Io { file: path.display().to_string(), source })?;
                    return Ok((path.display().to_string(), content.into()));
                }
            }
            Ok((name.to_string(), embedded.into()))
        };
        let overridden = |name: &str| -> Result<Option<(String, String)>, LexiconError> {
            match dir.map(|d| d.join(name)).filter(|p| p.exists()) {
                Some(path) => std::fs::read_to_string(&path)
                    .map(|content| Some((path.display().to_string(), content)))
                    .map_err(|source| LexiconError::Io { file: path.display().to_string(), source }),
                None => Ok(None),
            }
        };
        let file = |name: &str| -> Result<(String, std::borrow::Cow<'static, str>), LexiconError> {
            let embedded = EMBEDDED.iter().find(|f| f.name == name).map(|f| f.content).unwrap_or("");
            read(name, embedded)
        };
        let (tn, tc) = read("../event_types.tsv", event_types::EMBEDDED)?;
        let event_types = EventTypes::parse(&tn, &tc)?;
        let (pn, pc) = read("../gazetteer/places.tsv", PLACES)?;
        let (xn, xc) = read("../gazetteer/places_extra.tsv", PLACES_EXTRA)?;
        let gazetteer = Gazetteer::parse(&[(pn.as_str(), pc.as_ref()), (xn.as_str(), xc.as_ref())])?;
        // the two languages compile side by side: start-up time is mostly building the tries and the gazetteer keys
        let (ar, en) = std::thread::scope(|scope| {
            let ar = scope.spawn(|| LanguageLexicons::load(Language::Ar, &file, &overridden, &gazetteer, &event_types));
            let en = LanguageLexicons::load(Language::En, &file, &overridden, &gazetteer, &event_types);
            (ar.join().unwrap_or_else(|e| std::panic::resume_unwind(e)), en)
        });
        let (ar, en) = (ar?, en?);
        let (wn, wc) = file("wikidata.tsv")?;
        let wikidata = Wikidata::parse(&wn, &wc)?;
        Ok(Lexicons { ar, en, gazetteer, wikidata, event_types })
    }
}

/// The validated lines of one TSV file: (line number, columns).
pub(crate) fn rows<'a>(file: &str, content: &'a str, columns: usize) -> Result<Vec<(usize, Vec<&'a str>)>, LexiconError> {
    let mut out = Vec::new();
    for (i, line) in content.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let bad = |message: String| LexiconError::BadLine { file: file.to_string(), line: i + 1, message };
        if cols.len() != columns {
            return Err(bad(format!("expected {columns} tab-separated columns, found {}", cols.len())));
        }
        if let Some(k) = cols.iter().position(|c| c.is_empty()) {
            return Err(bad(format!("column {} is empty (write - for none)", k + 1)));
        }
        out.push((i + 1, cols));
    }
    Ok(out)
}

pub(crate) fn bad_line(file: &str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError::BadLine { file: file.to_string(), line, message: message.into() }
}

type Loaded = (String, std::borrow::Cow<'static, str>);

/// A matcher that can read its raw matches from a shared [`Scanner`].
trait Shared {
    fn strings(&self) -> &[String];
    fn attach_to(&mut self, scanner: &Scanner, slot: usize);
}

impl<T> Shared for Matcher<T> {
    fn strings(&self) -> &[String] {
        self.pattern_strings()
    }

    fn attach_to(&mut self, scanner: &Scanner, slot: usize) {
        self.attach(scanner, slot);
    }
}

/// One scanner over the patterns of all `matchers`, each attached to it at its own slot.
fn share_one_scanner(morphology: &Arc<Morphology>, matchers: &mut [&mut dyn Shared]) -> Scanner {
    let parts: Vec<&[String]> = matchers.iter().map(|m| m.strings()).collect();
    let scanner = Scanner::new(Arc::clone(morphology), &parts);
    for (slot, m) in matchers.iter_mut().enumerate() {
        m.attach_to(&scanner, slot);
    }
    scanner
}

impl LanguageLexicons {
    fn load(
        language: Language,
        file: &(dyn Fn(&str) -> Result<Loaded, LexiconError> + Sync),
        overridden: &OverrideFile,
        gazetteer: &Gazetteer,
        event_types: &EventTypes,
    ) -> Result<LanguageLexicons, LexiconError> {
        let lang = language.code();
        let get = |name: &str| file(&format!("{lang}/{name}"));
        let morphology = Arc::new(Morphology::load(language, overridden)?);
        // the file's lines read by `$reader` and compiled with the language's morphology
        macro_rules! matcher {
            ($name:literal, $reader:expr) => {{
                let (f, c) = get($name)?;
                Matcher::new(&morphology, $reader((f.as_str(), c.as_ref()))?)
            }};
        }
        let mut events = matcher!("events.tsv", |src| readers::events(src, event_types));
        let mut quote_cues = matcher!("quote_cues.tsv", readers::quote_cues);
        let mut complementizers = matcher!("complementizers.tsv", readers::complementizers);
        let mut modality = matcher!("modality.tsv", readers::modality);
        let mut numbers = matcher!("numbers.tsv", readers::numbers);
        let mut qualifiers = matcher!("qualifiers.tsv", readers::qualifiers);
        let mut time = matcher!("time.tsv", readers::time).without_enclitics();
        let mut actors = matcher!("actors.tsv", readers::actors);
        let mut nationalities = matcher!("nationalities.tsv", readers::nationalities);
        let mut roles = matcher!("roles.tsv", readers::roles);
        let mut distinct = matcher!("coreference.tsv", readers::distinct);
        let mut places = gazetteer.matcher(&morphology);

        let abbreviations = match language {
            Language::En => get("abbreviations.tsv").and_then(|(f, c)| readers::abbreviations((&f, &c)))?,
            Language::Ar => HashSet::new(),
        };
        // a title only one language's roles know is simply unused in the other
        let titles = file("titles.tsv").and_then(|(f, c)| readers::titles((&f, &c), |t| roles.entries().iter().any(|r| r.role == t)))?;
        let word_set = |name: &str| get(name).and_then(|(f, c)| readers::word_set((&f, &c)));
        let (function_words, maqsura_function_words) = word_set("function_words.tsv")?;
        let [name_connectors, title_modifiers, place_links] =
            ["name_connectors.tsv", "title_modifiers.tsv", "place_links.tsv"].map(|name| word_set(name).map(|(all, _)| all));
        let (name_connectors, title_modifiers, place_links) = (name_connectors?, title_modifiers?, place_links?);
        let words = WordClasses::load(language, overridden)?;

        let scanner = share_one_scanner(
            &morphology,
            &mut [
                &mut events,
                &mut quote_cues,
                &mut complementizers,
                &mut modality,
                &mut numbers,
                &mut qualifiers,
                &mut time,
                &mut actors,
                &mut nationalities,
                &mut roles,
                &mut distinct,
                &mut places,
            ],
        );
        Ok(LanguageLexicons {
            events,
            quote_cues,
            complementizers,
            modality,
            numbers,
            qualifiers,
            time,
            actors,
            nationalities,
            roles,
            places,
            abbreviations,
            function_words,
            maqsura_function_words,
            name_connectors,
            title_modifiers,
            place_links,
            titles,
            distinct,
            words,
            scanner,
            morphology,
        })
    }

    /// Entry counts per lexicon, for `/v1/info`.
    pub fn sizes(&self) -> Vec<(&'static str, usize)> {
        vec![
            ("events", self.events.len()),
            ("quote_cues", self.quote_cues.len()),
            ("complementizers", self.complementizers.len()),
            ("modality", self.modality.len()),
            ("numbers", self.numbers.len()),
            ("qualifiers", self.qualifiers.len()),
            ("time", self.time.len()),
            ("actors", self.actors.len()),
            ("nationalities", self.nationalities.len()),
            ("roles", self.roles.len()),
            ("places", self.places.len()),
            ("words", self.words.len()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_load() {
        let lex = Lexicons::load(None).expect("embedded lexicons are valid");
        assert!(lex.ar.events.len() > 10);
        assert!(lex.en.quote_cues.len() > 5);
    }

    /// A hand-kept province carries its GeoNames division code, so that the cities of the
    /// division lie inside it (a strike at the town and one in the province can be one).
    #[test]
    fn embedded_provinces_hold_their_cities() {
        let lex = Lexicons::load(None).expect("embedded lexicons are valid");
        let g = &lex.gazetteer;
        let find = |name: &str| g.places.iter().position(|p| p.name == name).unwrap_or_else(|| panic!("no {name}"));
        let cases = [
            ("Logar", "Baraki Barak"),
            ("Anbar", "Ramadi"),
            ("Nineveh", "Mosul"),
            ("Helmand", "Lashkar Gāh"),
            ("Gaza Strip", "Gaza"),
            ("West Bank", "Hebron"),
        ];
        for (outer, inner) in cases {
            assert!(g.holds(find(outer), find(inner)), "{outer} holds {inner}");
        }
        assert!(!g.holds(find("Logar"), find("Mosul")));
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let err = rows("ar/events.tsv", "# comment\nقصف\tnoun\tstrike\n", 5).unwrap_err();
        assert_eq!(err.to_string(), "ar/events.tsv:2: expected 5 tab-separated columns, found 3");
    }

    #[test]
    fn override_folder_replaces_a_file_and_is_validated() {
        let dir = std::env::temp_dir().join(format!("hadath-lex-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("ar")).unwrap();
        std::fs::write(dir.join("ar/events.tsv"), "قصف\tnoun\tstrike\tairstrike\t9\n").unwrap();
        let err = Lexicons::load(Some(&dir)).unwrap_err();
        assert!(err.to_string().contains("ar/events.tsv:1: weight"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }

    /// A matcher searched alone (its own trie) and through the language's shared scanner
    /// finds the same hits: tests and production run one engine.
    #[test]
    fn a_matcher_alone_finds_what_the_shared_scan_finds() {
        use crate::pipeline::doc::Document;
        let seed: serde_json::Value =
            serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.json"))).unwrap();
        let english = [
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/excerpts/en_according_to_counts.txt")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/excerpts/en_hypothetical_airstrikes.txt")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/excerpts/en_told_after_quote.txt")),
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/excerpts/en_denied_meeting.txt")),
        ]
        .join("\n\n");
        let lexicons = crate::pipeline::testing::lexicons();
        for (language, text) in [(Language::Ar, seed["text"].as_str().unwrap()), (Language::En, english.as_str())] {
            let lex = lexicons.get(language);
            let shared = Document::read(text, language, lexicons);
            let alone = Document::new(text, language, &lex.abbreviations);
            assert!(shared.scan().is_some() && alone.scan().is_none());
            let pairs = [
                ("events", lex.events.find(&shared), lex.events.find(&alone)),
                ("quote_cues", lex.quote_cues.find(&shared), lex.quote_cues.find(&alone)),
                ("time", lex.time.find(&shared), lex.time.find(&alone)),
                ("numbers", lex.numbers.find(&shared), lex.numbers.find(&alone)),
                ("actors", lex.actors.find(&shared), lex.actors.find(&alone)),
                ("places", lex.places.find(&shared), lex.places.find(&alone)),
            ];
            for (name, via_scan, own) in pairs {
                assert!(!via_scan.is_empty(), "{language:?} {name}: the fixture has hits");
                assert_eq!(via_scan, own, "{language:?} {name}");
            }
        }
    }
}

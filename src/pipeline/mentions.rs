//! Entity mentions: places resolved through the gazetteer, actors, nationality adjectives
//! and role nouns; and the registry that groups them into the response's `entities`.

use super::document::Document;
use super::gazetteer::Gazetteer;
use super::lexicon::LanguageLexicons;
use super::matcher::{Gender, Hit, Number};
use super::model::Language;
use super::persons::add_persons;
use std::collections::{HashMap, HashSet};

/// What a mention refers to.
#[derive(Debug, Clone, PartialEq)]
pub enum MentionKind {
    /// A place of the gazetteer (index into `Gazetteer::places`).
    Place(usize),
    /// An actor of the actor lexicon (index into its entries).
    Actor(usize),
    /// A nationality adjective: the country it names.
    Nationality(String),
    /// A role noun (index into the role lexicon's entries).
    Role(usize),
    /// A person named after a title, or a later short mention of one (see `persons.rs`).
    Person,
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Normalised byte span reported (without و ف ب ل ك proclitics).
    pub start: usize,
    /// End of the reported span.
    pub end: usize,
    /// What it refers to.
    pub kind: MentionKind,
    /// Registry key of its entity (`country:US`, `place:123`, `actor:org:pentagon`).
    pub key: String,
    /// Canonical English name.
    pub name: String,
    /// ISO country the mention belongs to, if any.
    pub country: Option<String>,
    /// Grammatical gender and number, for speaker agreement.
    pub gender: Gender,
    /// Grammatical number.
    pub number: Number,
}

/// All entity mentions of a document, in text order.
#[derive(Debug, Default)]
pub struct Mentions {
    /// Every mention, sorted by first token.
    pub all: Vec<Mention>,
}

impl Mentions {
    /// Mentions whose first token lies in `[from, to]`.
    pub fn between(&self, from: usize, to: usize) -> impl Iterator<Item = &Mention> {
        self.all.iter().filter(move |m| m.first >= from && m.first <= to)
    }

    /// The mention starting at token `i`, if any.
    pub fn starting_at(&self, i: usize) -> Option<&Mention> {
        self.all.iter().find(|m| m.first == i)
    }
}

/// Gender and number guessed from an Arabic form: -ون/-ين plural masculine, -ة/-ات feminine.
fn arabic_agreement(doc: &Document, h: &Hit, default: (Gender, Number)) -> (Gender, Number) {
    let first_word = doc.word(h.first);
    let w = first_word.trim_start_matches(['و', 'ف']);
    if (w.ends_with("ون") || w.ends_with("يين")) && w.chars().count() > 4 {
        (Gender::Masculine, Number::Plural)
    } else if w.ends_with('ه') || w.ends_with("ات") {
        (Gender::Feminine, Number::Singular)
    } else {
        default
    }
}

/// Finds places, actors, nationalities and roles. Where an actor and a place cover the
/// same words, both are kept (واشنطن is a city and, as a speaker, the US government).
pub fn find_mentions(doc: &Document, lex: &LanguageLexicons, gazetteer: &Gazetteer) -> Mentions {
    let mut all = Vec::new();
    let ar = doc.language == Language::Ar;
    let actor_hits = lex.actors.find(doc);
    let place_hits = lex.places.find(doc);
    let role_hits = lex.roles.find(doc);
    let nationality_hits = lex.nationalities.find(doc);

    // countries the article names (and in which sentence), for homonym choice
    let mut countries: HashMap<String, usize> = HashMap::new();
    let mut by_sentence: HashMap<usize, HashSet<String>> = HashMap::new();
    let mut note = |country: &str, token: usize| {
        *countries.entry(country.to_string()).or_default() += 1;
        by_sentence.entry(doc.sentence_of(token)).or_default().insert(country.to_string());
    };
    for h in &place_hits {
        for &p in &lex.places.entries()[h.entry] {
            let place = &gazetteer.places[p];
            if place.kind == "country"
                && let Some(c) = &place.country
            {
                note(c, h.first);
            }
        }
    }
    for h in &actor_hits {
        if let Some(c) = &lex.actors.entries()[h.entry].country {
            note(c, h.first);
        }
    }
    for h in &nationality_hits {
        note(&lex.nationalities.entries()[h.entry].country, h.first);
    }
    let no_countries = HashSet::new();

    // a place inside a longer actor or role name, or on the same words as a nationality
    // or a person, is not a place mention (بايدن is not ب + a place)
    let covered_by_role_or_actor = |h: &Hit| {
        actor_hits.iter().chain(role_hits.iter()).chain(nationality_hits.iter()).any(|o| {
            let covers = o.first <= h.first && o.last >= h.last;
            let longer = (o.last - o.first) > (h.last - h.first) || o.start < h.start || o.end > h.end;
            let person_or_nationality = o.first == h.first && o.last == h.last && {
                nationality_hits.contains(o)
                    || lex.actors.entries().get(o.entry).is_some_and(|a| a.actor_type == "person") && actor_hits.contains(o)
            };
            covers && (longer || person_or_nationality)
        })
    };
    for h in &place_hits {
        if covered_by_role_or_actor(h) {
            continue;
        }
        let candidates = &lex.places.entries()[h.entry];
        let near = by_sentence.get(&doc.sentence_of(h.first)).unwrap_or(&no_countries);
        let p = gazetteer.choose(candidates, near, &countries);
        let place = &gazetteer.places[p];
        let key = if place.kind == "country" {
            format!("country:{}", place.country.clone().unwrap_or_else(|| place.id.clone()))
        } else {
            format!("place:{}", place.id)
        };
        all.push(Mention {
            first: h.first,
            last: h.last,
            start: h.start,
            end: h.end,
            kind: MentionKind::Place(p),
            key,
            name: place.name.clone(),
            country: place.country.clone(),
            gender: Gender::Feminine,
            number: Number::Singular,
        });
    }
    for h in &actor_hits {
        let a = &lex.actors.entries()[h.entry];
        let key = if a.actor_type == "country" && a.id.len() == 2 { format!("country:{}", a.id) } else { format!("actor:{}", a.id) };
        let default = if a.actor_type == "country" && !doc.word(h.first).starts_with("ال") {
            (Gender::Feminine, Number::Singular)
        } else {
            (Gender::Masculine, Number::Singular)
        };
        let (gender, number) = if ar { arabic_agreement(doc, h, default) } else { default };
        let number = if !ar && doc.word(h.last).ends_with('s') && a.actor_type == "country" { Number::Plural } else { number };
        all.push(Mention {
            first: h.first,
            last: h.last,
            start: h.start,
            end: h.end,
            kind: MentionKind::Actor(h.entry),
            key,
            name: a.name.clone(),
            country: a.country.clone(),
            gender,
            number,
        });
    }
    for h in &role_hits {
        let r = &lex.roles.entries()[h.entry];
        all.push(Mention {
            first: h.first,
            last: h.last,
            start: h.start,
            end: h.end,
            kind: MentionKind::Role(h.entry),
            key: format!("role:{}", r.role),
            name: r.role.clone(),
            country: None,
            gender: r.gender,
            number: r.number,
        });
    }
    for h in &nationality_hits {
        let n = &lex.nationalities.entries()[h.entry];
        if all.iter().any(|m: &Mention| m.first <= h.first && m.last >= h.last) {
            continue;
        }
        let (gender, number) =
            if ar { arabic_agreement(doc, h, (Gender::Masculine, Number::Singular)) } else { (Gender::Masculine, Number::Singular) };
        all.push(Mention {
            first: h.first,
            last: h.last,
            start: h.start,
            end: h.end,
            kind: MentionKind::Nationality(n.country.clone()),
            key: format!("country:{}", n.country),
            name: n.adjective.clone(),
            country: Some(n.country.clone()),
            gender,
            number,
        });
    }
    add_persons(doc, lex, &role_hits, &mut all);
    all.sort_by_key(|m| (m.first, std::cmp::Reverse(m.last)));
    Mentions { all }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::lexicon::Lexicons;
    use std::sync::LazyLock;

    static LEX: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::load(None).unwrap());

    fn places(lang: Language, text: &str) -> Vec<(String, String, Option<String>)> {
        let lex = LEX.get(lang);
        let doc = Document::new(text, lang, &lex.abbreviations);
        find_mentions(&doc, lex, &LEX.gazetteer)
            .all
            .into_iter()
            .filter(|m| matches!(m.kind, MentionKind::Place(_)))
            .map(|m| {
                let (s, e) = doc.original(m.start, m.end);
                (text[s..e].to_string(), m.name, m.country)
            })
            .collect()
    }

    #[test]
    fn clitic_places_resolve_with_country() {
        let got = places(Language::Ar, "الاجتماع جرى في العاصمة السويسرية (جنيف) وقصف بالبوكمال بريف دير الزور في سورية");
        let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
        assert!(names.contains(&"جنيف"), "{got:?}");
        assert!(names.contains(&"البوكمال"), "{got:?}");
        let geneva = got.iter().find(|g| g.0 == "جنيف").unwrap();
        assert_eq!(geneva.2.as_deref(), Some("CH"));
    }

    #[test]
    fn english_places() {
        let got = places(Language::En, "attacks in Paris and San Bernardino, Calif., and in Syria");
        let names: Vec<&str> = got.iter().map(|g| g.1.as_str()).collect();
        assert!(names.contains(&"Paris") && names.contains(&"San Bernardino"), "{got:?}");
    }

    /// English place names match only cased as the data writes them: the corpus had "us",
    /// "turn", "rest" and "spoken" read as the US, Angren, Rasht and Spokane.
    #[test]
    fn english_places_need_their_casing() {
        let got = places(Language::En, "Give us a rest, they told a nice crowd in Nice on their turn to speak.");
        let found: Vec<(&str, &str)> = got.iter().map(|g| (g.0.as_str(), g.1.as_str())).collect();
        assert_eq!(found, [("Nice", "Nice")]);
        // a headline in capitals still names places
        let caps = places(Language::En, "STRIKES HIT ALEPPO");
        assert_eq!(caps.first().map(|g| g.1.as_str()), Some("Aleppo"), "{caps:?}");
    }

    /// Every place of the seed article resolves to its GeoNames entry (id, country, and a
    /// position within a few km of the real one).
    #[test]
    fn seed_places_resolve_to_geonames() {
        let seed: serde_json::Value = serde_json::from_str(include_str!("../../tests/fixtures/seed.json")).unwrap();
        let text = seed["text"].as_str().unwrap();
        let lex = LEX.get(Language::Ar);
        let doc = Document::new(text, Language::Ar, &lex.abbreviations);
        let found: Vec<(String, &crate::pipeline::gazetteer::Place)> = find_mentions(&doc, lex, &LEX.gazetteer)
            .all
            .into_iter()
            .filter_map(|m| {
                // a country is an actor whose country leads to the gazetteer's entry
                let place = match m.kind {
                    MentionKind::Place(p) => Some(&LEX.gazetteer.places[p]),
                    MentionKind::Actor(_) => m.country.as_deref().and_then(|c| LEX.gazetteer.country(c)),
                    _ => None,
                }?;
                let (s, e) = doc.original(m.start, m.end);
                Some((text[s..e].to_string(), place))
            })
            .collect();
        // (form in the text, GeoNames id, country, latitude, longitude)
        let expected = [
            ("جنيف", "2660646", "CH", 46.20, 6.15),
            ("البوكمال", "174448", "SY", 34.45, 40.92),
            ("دير الزور", "170794", "SY", 35.34, 40.14),
            ("الميادين", "173480", "SY", 35.02, 40.45),
            ("سورية", "163843", "SY", 35.0, 38.5),
            ("العراق", "99237", "IQ", 33.0, 44.0),
            ("لبنان", "272103", "LB", 33.83, 35.83),
            ("اليمن", "69543", "YE", 15.5, 47.5),
            ("إسرائيل", "294640", "IL", 31.5, 34.75),
            ("غزة", "281133", "PS", 31.50, 34.47),
        ];
        for (form, id, country, lat, lon) in expected {
            let (_, p) = found.iter().find(|(t, _)| t == form).unwrap_or_else(|| panic!("{form} not found"));
            assert_eq!((p.id.as_str(), p.country.as_deref()), (id, Some(country)), "{form}");
            if p.kind != "country" {
                assert!((p.lat - lat).abs() < 0.05 && (p.lon - lon).abs() < 0.05, "{form}: {} {}", p.lat, p.lon);
            }
        }
    }

    #[test]
    fn homonyms_resolve_by_context() {
        // Geneva is Swiss beside Switzerland, and in Ohio beside Ohio places
        let swiss = places(Language::En, "Talks in Geneva, Switzerland, ended.");
        assert_eq!(swiss.iter().find(|p| p.0 == "Geneva").and_then(|p| p.2.as_deref()), Some("CH"), "{swiss:?}");
        let plain = places(Language::Ar, "انتهت المحادثات في جنيف");
        assert_eq!(plain.iter().find(|p| p.0 == "جنيف").and_then(|p| p.2.as_deref()), Some("CH"), "{plain:?}");
        let us = places(Language::En, "A crash in Geneva, in Ashtabula County, Ohio, United States, killed two.");
        assert_eq!(us.iter().find(|p| p.0 == "Geneva").and_then(|p| p.2.as_deref()), Some("US"), "{us:?}");
    }
}

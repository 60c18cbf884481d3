//! Entity mentions: places resolved through the gazetteer, actors, nationality adjectives
//! and role nouns; and the registry that groups them into the response's `entities`.

use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
use crate::pipeline::lexicon::gazetteer::{CountryContext, Gazetteer, PlacePrecision};
use crate::pipeline::lexicon::matcher::{Gender, Hit, Number};
use crate::pipeline::lexicon::words::WordClass;
use crate::pipeline::lexicon::{LanguageLexicons, Lexicons};
use crate::pipeline::model::Language;
use crate::pipeline::stages::persons::add_persons;
use crate::pipeline::text::segment::TokenKind;
use foldhash::{HashMap, HashMapExt};

/// How a mention tells of a country, as evidence for the homonyms of the places around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Evidence {
    /// It names the country (سورية، Syria, Paris as France's capital).
    Named,
    /// A place found in that country only (Ohio, Beirut): it locates a place named right
    /// before it ("Geneva, Ohio"), but small homonyms make it weak evidence further away.
    Implied,
    /// An actor or nationality of the country ("(Reuters)", سوريين): no location, but a
    /// hint of which country the article is about.
    Affiliated,
}

/// True when token `t` (with or without an Arabic proclitic: بريف، وفي) links a place to
/// the country after it.
fn is_place_link(doc: &Document, lex: &LanguageLexicons, t: usize) -> bool {
    let word = doc.word(t);
    lex.place_links.contains(word)
        || doc.language == Language::Ar
            && word
                .char_indices()
                .skip(1)
                .take(2)
                .any(|(i, _)| lex.morphology.is_proclitic(&word[..i]) && lex.place_links.contains(&word[i..]))
}

/// How many tokens (punctuation, link words) may stand between a place and the country or
/// region named after it to tell its homonyms apart ("Geneva, Ohio", «طرابلس في شمال لبنان»).
const MAX_GAP_TO_COUNTRY: usize = 3;

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
    /// Its tokens.
    pub tokens: TokenSpan,
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
    /// Mentions whose first token lies in `[from, to]`, found by binary search.
    pub fn between(&self, from: usize, to: usize) -> impl Iterator<Item = &Mention> {
        let first = self.all.partition_point(|m| m.tokens.start < from);
        self.all[first..].iter().take_while(move |m| m.tokens.start <= to)
    }

    /// The mention starting at token `i`, if any (the first of them).
    pub fn starting_at(&self, i: usize) -> Option<&Mention> {
        self.all_starting_at(i).next()
    }

    /// Every mention starting at token `i`, found by binary search (`all` is sorted by
    /// first token).
    pub fn all_starting_at(&self, i: usize) -> impl Iterator<Item = &Mention> {
        let first = self.all.partition_point(|m| m.tokens.start < i);
        self.all[first..].iter().take_while(move |m| m.tokens.start == i)
    }
}

/// Gender and number guessed from a word's ending (Arabic -ون/-ين plural masculine, -ة/-ات
/// feminine; the language's `*_suffixes` word classes).
fn agreement_by_ending(doc: &Document, lex: &LanguageLexicons, h: &Hit, default: (Gender, Number)) -> (Gender, Number) {
    let first_word = doc.word(h.tokens.start);
    let w = lex.morphology.strip_conjunctions(first_word);
    let ends = |class| lex.words.suffix_of(class, w).is_some();
    if ends(WordClass::MasculinePluralSuffix) && w.chars().count() > 4 {
        (Gender::Masculine, Number::Plural)
    } else if ends(WordClass::FeminineSuffix) || ends(WordClass::FemininePluralSuffix) {
        (Gender::Feminine, Number::Singular)
    } else {
        default
    }
}

/// Finds places, actors, nationalities and roles. Where an actor and a place cover the
/// same words, both are kept (واشنطن is a city and, as a speaker, the US government).
/// Fills [`Document::mentions`] from the hits layer.
pub fn run(doc: &mut Document, lexicons: &Lexicons) {
    doc.mentions = find_mentions(doc, lexicons.get(doc.language), &lexicons.gazetteer);
}

/// Finds places, actors, nationalities and roles (and persons), sorted by first token.
pub fn find_mentions(doc: &Document, lex: &LanguageLexicons, gazetteer: &Gazetteer) -> Mentions {
    let mut all = Vec::new();
    let evidence = country_evidence(doc, lex, gazetteer);
    place_mentions(doc, lex, gazetteer, &evidence, &mut all);
    actor_mentions(doc, lex, &mut all);
    role_mentions(doc, lex, &mut all);
    nationality_mentions(doc, lex, &mut all);
    add_persons(doc, lex, &doc.hits.roles, &mut all);
    all.sort_by_key(|m| (m.tokens.start, std::cmp::Reverse(m.tokens.last())));
    Mentions { all }
}

/// A country the article names, for homonym choice: (country, sentence, first token, how).
type CountryEvidence<'a> = (&'a str, usize, usize, Evidence);

/// The countries the article names: by a place (a country's name, or a place whose homonyms
/// all lie in one country: Ohio, Beirut, which locates the place named right before it,
/// "Geneva, Ohio"), by an actor, or by a nationality.
fn country_evidence<'a>(doc: &Document, lex: &'a LanguageLexicons, gazetteer: &'a Gazetteer) -> Vec<CountryEvidence<'a>> {
    let mut evidence = Vec::new();
    for h in doc.hits.places.iter() {
        if doc.out_of_time() {
            break;
        }
        let candidates = &lex.places.entries()[h.entry];
        let countries_of = |p: &usize| gazetteer.places[*p].country.as_deref();
        let named = candidates
            .iter()
            .find(|p| gazetteer.places[**p].precision == PlacePrecision::Country)
            .and_then(countries_of)
            .map(|c| (c, Evidence::Named));
        let implied = || {
            let first = candidates.first().and_then(countries_of)?;
            candidates.iter().all(|p| countries_of(p) == Some(first)).then_some((first, Evidence::Implied))
        };
        if let Some((c, how)) = named.or_else(implied) {
            evidence.push((c, doc.sentence_of(h.tokens.start), h.tokens.start, how));
        }
    }
    for h in doc.hits.actors.iter() {
        let actor = &lex.actors.entries()[h.entry];
        if let Some(c) = &actor.country {
            let how = if actor.actor_type == "country" { Evidence::Named } else { Evidence::Affiliated };
            evidence.push((c.as_str(), doc.sentence_of(h.tokens.start), h.tokens.start, how));
        }
    }
    for h in doc.hits.nationalities.iter() {
        evidence.push((
            &lex.nationalities.entries()[h.entry].country,
            doc.sentence_of(h.tokens.start),
            h.tokens.start,
            Evidence::Affiliated,
        ));
    }
    evidence
}

/// The country evidence indexed by token and counted by country, so that the context of a
/// place costs the few tokens around it plus the number of countries named, never a scan of
/// all the evidence.
struct EvidenceIndex<'a> {
    /// The evidence sorted by token.
    by_token: Vec<CountryEvidence<'a>>,
    /// How often each country is named (implied evidence left out), in the article and per
    /// sentence.
    article: HashMap<&'a str, usize>,
    sentence: HashMap<usize, HashMap<&'a str, usize>>,
}

impl<'a> EvidenceIndex<'a> {
    fn new(evidence: &[CountryEvidence<'a>]) -> EvidenceIndex<'a> {
        let mut by_token = evidence.to_vec();
        by_token.sort_by_key(|e| e.2);
        let (mut article, mut sentence) = (HashMap::new(), HashMap::<usize, HashMap<&str, usize>>::new());
        for &(country, s, _, _) in evidence.iter().filter(|e| e.3 != Evidence::Implied) {
            *article.entry(country).or_default() += 1;
            *sentence.entry(s).or_default().entry(country).or_default() += 1;
        }
        EvidenceIndex { by_token, article, sentence }
    }

    /// The evidence whose token lies in `[lo, hi]`.
    fn within(&self, lo: usize, hi: usize) -> &[CountryEvidence<'a>] {
        let from = self.by_token.partition_point(|e| e.2 < lo);
        let to = self.by_token.partition_point(|e| e.2 <= hi).max(from);
        &self.by_token[from..to]
    }
}

/// The countries around place hit `h`: named right after it, in its sentence, by its own
/// words, and elsewhere in the article.
fn country_context<'a>(doc: &Document, lex: &LanguageLexicons, index: &EvidenceIndex<'a>, h: &Hit) -> CountryContext<'a> {
    let next_to = |token: usize| {
        token > h.tokens.last()
            && token <= h.tokens.last() + MAX_GAP_TO_COUNTRY + 1
            && (h.tokens.end..token).all(|t| doc.tokens()[t].kind == TokenKind::Punct || is_place_link(doc, lex, t))
    };
    let sentence = doc.sentence_of(h.tokens.start);
    let mut context = CountryContext::default();
    for &(country, s, token, how) in index.within(h.tokens.end, h.tokens.last() + MAX_GAP_TO_COUNTRY + 1) {
        if how != Evidence::Affiliated && s == sentence && next_to(token) {
            context.next.insert(country);
        }
    }
    // what the place's own words name counts as its own, not as the article's or sentence's
    let mut own_in_article: HashMap<&str, usize> = HashMap::new();
    let mut own_in_sentence: HashMap<&str, usize> = HashMap::new();
    for &(country, s, _, how) in index.within(h.tokens.start, h.tokens.last()) {
        if how == Evidence::Implied {
            continue;
        }
        context.own.insert(country);
        *own_in_article.entry(country).or_default() += 1;
        if s == sentence {
            *own_in_sentence.entry(country).or_default() += 1;
        }
    }
    let elsewhere = |counts: &HashMap<&'a str, usize>, own: &HashMap<&str, usize>| -> Vec<&'a str> {
        counts.iter().filter(|(c, n)| **n > own.get(**c).copied().unwrap_or(0)).map(|(c, _)| *c).collect()
    };
    context.article.extend(elsewhere(&index.article, &own_in_article));
    if let Some(counts) = index.sentence.get(&sentence) {
        context.sentence.extend(elsewhere(counts, &own_in_sentence));
    }
    context
}

/// The most tokens an actor, role or nationality name spans.
const MAX_NAME_TOKENS: usize = 16;

/// The hits of `hits` (in text order) that start at most `MAX_NAME_TOKENS` before token
/// `first` and no later than it.
fn starting_near(hits: &[Hit], first: usize) -> &[Hit] {
    let from = hits.partition_point(|o| o.tokens.start + MAX_NAME_TOKENS < first);
    let to = hits.partition_point(|o| o.tokens.start <= first).max(from);
    &hits[from..to]
}

/// True when place hit `h` lies inside a longer actor or role name, or on the same words as
/// a nationality or a person: not a place mention (بايدن is not ب + a place).
fn covered_by_role_or_actor(doc: &Document, lex: &LanguageLexicons, h: &Hit) -> bool {
    let (actor_hits, role_hits, nationality_hits) = (&doc.hits.actors, &doc.hits.roles, &doc.hits.nationalities);
    let (actors, roles, nationalities) = (
        starting_near(actor_hits, h.tokens.start),
        starting_near(role_hits, h.tokens.start),
        starting_near(nationality_hits, h.tokens.start),
    );
    actors.iter().chain(roles.iter()).chain(nationalities.iter()).any(|o| {
        let covers = o.tokens.start <= h.tokens.start && o.tokens.last() >= h.tokens.last();
        let longer = (o.tokens.last() - o.tokens.start) > (h.tokens.last() - h.tokens.start) || o.start < h.start || o.end > h.end;
        let person_or_nationality = o.tokens.start == h.tokens.start && o.tokens.last() == h.tokens.last() && {
            nationalities.contains(o) || lex.actors.entries().get(o.entry).is_some_and(|a| a.actor_type == "person") && actors.contains(o)
        };
        covers && (longer || person_or_nationality)
    })
}

/// The first-level divisions (country, admin1) the article names: by a place whose homonyms
/// all lie in one division (New York, the state and the city), for the homonyms of the
/// places elsewhere (Chelsea in New York, not in Massachusetts).
fn named_regions<'g>(doc: &Document, lex: &LanguageLexicons, gazetteer: &'g Gazetteer) -> foldhash::HashSet<(&'g str, &'g str)> {
    let mut regions = foldhash::HashSet::default();
    for h in doc.hits.places.iter() {
        let division = |p: &usize| {
            let place = &gazetteer.places[*p];
            place.country.as_deref().zip(place.admin1.as_deref())
        };
        let candidates = &lex.places.entries()[h.entry];
        if let Some(first) = candidates.first().and_then(division)
            && candidates.iter().all(|p| division(p) == Some(first))
        {
            regions.insert(first);
        }
    }
    regions
}

/// The place mentions, each resolved to one gazetteer place by the countries around it.
fn place_mentions(doc: &Document, lex: &LanguageLexicons, gazetteer: &Gazetteer, evidence: &[CountryEvidence], all: &mut Vec<Mention>) {
    let index = EvidenceIndex::new(evidence);
    let regions = named_regions(doc, lex, gazetteer);
    for h in doc.hits.places.iter() {
        if doc.out_of_time() {
            break;
        }
        if covered_by_role_or_actor(doc, lex, h) || names_a_facility(doc, lex, h) {
            continue;
        }
        let candidates = &lex.places.entries()[h.entry];
        let mut context = country_context(doc, lex, &index, h);
        context.regions = Some(&regions);
        let p = gazetteer.choose(candidates, &context);
        let place = &gazetteer.places[p];
        let key = if place.precision == PlacePrecision::Country {
            format!("country:{}", place.country.clone().unwrap_or_else(|| place.id.clone()))
        } else {
            format!("place:{}", place.id)
        };
        all.push(Mention {
            tokens: h.tokens,
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
}

/// True when place hit `h` is the name of a building next to its facility noun («فندق
/// فولرتون», "the Fullerton Hotel"): the hotel, not the town of that name. The noun stands
/// before the name in construct languages, after it otherwise.
fn names_a_facility(doc: &Document, lex: &LanguageLexicons, h: &Hit) -> bool {
    let n = doc.tokens().len();
    let neighbour = if crate::pipeline::lang::grammar(doc.language).construct_state() {
        h.tokens.start.checked_sub(1)
    } else {
        Some(h.tokens.end).filter(|&k| k < n)
    };
    neighbour.is_some_and(|k| lex.words.contains(WordClass::FacilityNoun, doc.word(k)))
}

/// How many places starting at or before an actor are checked for covering it (places of
/// one sentence rarely nest deeper).
const COVERING_PLACES: usize = 3;

/// The actor mentions, after the places (a capital standing for its country is checked
/// against the place it names).
fn actor_mentions(doc: &Document, lex: &LanguageLexicons, all: &mut Vec<Mention>) {
    let ar = doc.language == Language::Ar;
    // the places found so far, by first token: the check below looks at those starting
    // where the actor starts, not at every mention (repeated names cost linear work)
    let mut places: Vec<usize> = (0..all.len()).filter(|&i| matches!(all[i].kind, MentionKind::Place(_))).collect();
    places.sort_by_key(|&i| all[i].tokens.start);
    for h in doc.hits.actors.iter() {
        if doc.out_of_time() {
            break;
        }
        let a = &lex.actors.entries()[h.entry];
        // a capital standing for its country (طرابلس for Libya, Paris for France) only where
        // the place it names resolved to a city of that country: not Tripoli in Lebanon, Paris
        // in Texas (a name shared with a country, عمان, stays both)
        let other_city = |m: &Mention| {
            matches!(m.kind, MentionKind::Place(_))
                && !m.key.starts_with("country:")
                && m.tokens.start == h.tokens.start
                && m.tokens.last() == h.tokens.last()
                && m.country != a.country
        };
        let from = places.partition_point(|&i| all[i].tokens.start < h.tokens.start);
        let at_start = places[from..].iter().take_while(|&&i| all[i].tokens.start == h.tokens.start);
        if a.actor_type == "country" && at_start.map(|&i| &all[i]).any(other_city) {
            continue;
        }
        // «أمريكا الجنوبية» (South America): a name inside a longer place is that place's
        let upto = places.partition_point(|&i| all[i].tokens.start <= h.tokens.start);
        let inside_longer_place = places[upto.saturating_sub(COVERING_PLACES)..upto]
            .iter()
            .map(|&i| &all[i])
            .any(|m| m.tokens.start <= h.tokens.start && m.tokens.last() >= h.tokens.last() && m.tokens.len() > h.tokens.len());
        if inside_longer_place {
            continue;
        }
        let key = if a.actor_type == "country" && a.id.len() == 2 { format!("country:{}", a.id) } else { format!("actor:{}", a.id) };
        let default = if a.actor_type == "country" && lex.words.prefix_of(WordClass::Article, doc.word(h.tokens.start)).is_none() {
            (Gender::Feminine, Number::Singular)
        } else {
            (Gender::Masculine, Number::Singular)
        };
        let (gender, number) = agreement_by_ending(doc, lex, h, default);
        let number = if !ar && doc.word(h.tokens.last()).ends_with('s') && a.actor_type == "country" { Number::Plural } else { number };
        all.push(Mention {
            tokens: h.tokens,
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
}

/// The role mentions (the minister, المتحدث).
fn role_mentions(doc: &Document, lex: &LanguageLexicons, all: &mut Vec<Mention>) {
    for h in doc.hits.roles.iter() {
        if doc.out_of_time() {
            break;
        }
        let r = &lex.roles.entries()[h.entry];
        all.push(Mention {
            tokens: h.tokens,
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
}

/// The nationality mentions not inside another mention.
///
/// Linear in the mentions: the other mentions' spans are sorted by first token with the
/// furthest last token reached so far, so whether one covers a hit is a binary search; the
/// nationalities added here start at or before the hit (hits are in text order), so the
/// furthest of them is kept as it grows.
fn nationality_mentions(doc: &Document, lex: &LanguageLexicons, all: &mut Vec<Mention>) {
    let mut reach: Vec<(usize, usize)> = all.iter().map(|m| (m.tokens.start, m.tokens.last())).collect();
    reach.sort_unstable();
    for k in 1..reach.len() {
        reach[k].1 = reach[k].1.max(reach[k - 1].1);
    }
    let mut added_reach: Option<usize> = None;
    debug_assert!(doc.hits.nationalities.is_sorted_by_key(|h| h.tokens.start), "hits come in text order");
    for h in doc.hits.nationalities.iter() {
        if doc.out_of_time() {
            break;
        }
        let n = &lex.nationalities.entries()[h.entry];
        let before = reach.partition_point(|&(start, _)| start <= h.tokens.start);
        let reached = before.checked_sub(1).map(|k| reach[k].1).max(added_reach);
        if reached.is_some_and(|last| last >= h.tokens.last()) {
            continue;
        }
        added_reach = added_reach.max(Some(h.tokens.last()));
        let (gender, number) = agreement_by_ending(doc, lex, h, (Gender::Masculine, Number::Singular));
        all.push(Mention {
            tokens: h.tokens,
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
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The mentions in `text` that `keep` accepts, each as (its original text, the mention).
    pub(crate) fn mentions_in(lang: Language, text: &str, keep: impl Fn(&MentionKind) -> bool) -> Vec<(String, Mention)> {
        let lex = crate::pipeline::testing::lexicons().get(lang);
        let doc = crate::pipeline::testing::before("mentions", lang, text);
        find_mentions(&doc, lex, &crate::pipeline::testing::lexicons().gazetteer)
            .all
            .into_iter()
            .filter(|m| keep(&m.kind))
            .map(|m| {
                let (s, e) = doc.original(m.start, m.end);
                (text[s..e].to_string(), m)
            })
            .collect()
    }

    fn places(lang: Language, text: &str) -> Vec<(String, String, Option<String>)> {
        mentions_in(lang, text, |k| matches!(k, MentionKind::Place(_))).into_iter().map(|(t, m)| (t, m.name, m.country)).collect()
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
    fn a_place_name_beside_a_facility_noun_names_the_building() {
        // (text, the place names found)
        let cases: &[(Language, &str, &[&str])] = &[
            (Language::Ar, "واختار الزعيم الإقامة في فندق فولرتون في سنغافورة.", &["Singapore"]),
            (Language::En, "The leader chose to stay at the Fullerton Hotel in Singapore.", &["Singapore"]),
            // a town named without the noun stays the town
            (Language::En, "The meeting was held in Fullerton on Monday.", &["Fullerton"]),
        ];
        for (language, text, expected) in cases {
            let got: Vec<String> = places(*language, text).into_iter().map(|g| g.1).collect();
            assert_eq!(&got, expected, "{text}");
        }
    }

    #[test]
    fn a_country_name_inside_a_longer_place_is_that_place() {
        // «أمريكا الجنوبية» is South America, not the United States
        for (language, text) in
            [(Language::Ar, "بدأ الأمير اليوم جولة في أمريكا الجنوبية."), (Language::En, "The emir began a tour of South America.")]
        {
            let got = mentions_in(language, text, |_| true);
            assert!(got.iter().any(|(_, m)| m.name == "South America"), "{text}: {got:?}");
            assert!(!got.iter().any(|(_, m)| m.name == "United States"), "{text}: {got:?}");
        }
    }

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
        let seed: serde_json::Value =
            serde_json::from_str(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.json"))).unwrap();
        let text = seed["text"].as_str().unwrap();
        let lex = crate::pipeline::testing::lexicons().get(Language::Ar);
        let doc = crate::pipeline::testing::before("mentions", Language::Ar, text);
        let found: Vec<(String, &crate::pipeline::lexicon::gazetteer::Place)> =
            find_mentions(&doc, lex, &crate::pipeline::testing::lexicons().gazetteer)
                .all
                .into_iter()
                .filter_map(|m| {
                    // a country is an actor whose country leads to the gazetteer's entry
                    let place = match m.kind {
                        MentionKind::Place(p) => Some(&crate::pipeline::testing::lexicons().gazetteer.places[p]),
                        MentionKind::Actor(_) => {
                            m.country.as_deref().and_then(|c| crate::pipeline::testing::lexicons().gazetteer.country(c))
                        }
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
            if p.precision != PlacePrecision::Country {
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

    #[test]
    fn homonyms_of_one_country_follow_the_division_the_article_names() {
        // (text, place, its first-level division): Chelsea beside New York is Manhattan's,
        // not the town in Massachusetts
        let cases: &[(Language, &str, &str, &str)] = &[
            (Language::En, "An explosion in Chelsea injured 29 people, the New York police said.", "Chelsea", "NY"),
            (Language::En, "An explosion in Chelsea injured 29 people, the Massachusetts police said.", "Chelsea", "MA"),
        ];
        let gazetteer = &crate::pipeline::testing::lexicons().gazetteer;
        for &(language, text, name, division) in cases {
            let found = mentions_in(language, text, |k| matches!(k, MentionKind::Place(_)));
            let place = found.iter().find_map(|(t, m)| match m.kind {
                MentionKind::Place(p) if t == name => Some(&gazetteer.places[p]),
                _ => None,
            });
            assert_eq!(place.and_then(|p| p.admin1.as_deref()), Some(division), "{text:?}");
        }
    }

    /// The country of a place (by name, or implied by a region or city found in one country
    /// only) right after a homonym locates it; further away, what the name stands for (a
    /// capital) counts first.
    #[test]
    fn homonyms_located_by_the_place_after_them() {
        let country_of = |lang, text: &str, name: &str| {
            let found = places(lang, text);
            found.iter().find(|p| p.0 == name).and_then(|p| p.2.clone()).unwrap_or_else(|| panic!("{name} in {found:?}"))
        };
        assert_eq!(country_of(Language::En, "A crash in Geneva, Ohio, killed two.", "Geneva"), "US");
        assert_eq!(country_of(Language::En, "Police in Paris, Texas, said two died.", "Paris"), "US");
        assert_eq!(country_of(Language::Ar, "قتل اثنان في طرابلس شمال لبنان", "طرابلس"), "LB");
        assert_eq!(country_of(Language::Ar, "قتل اثنان في طرابلس وبنغازي", "طرابلس"), "LY");
        // en/0064: a conjunction is no link, and Paris is France's capital
        assert_eq!(country_of(Language::En, "since the San Bernardino and Paris terrorist attacks", "Paris"), "FR");
        assert_eq!(country_of(Language::En, "attacks in Paris and San Bernardino, Calif.", "Paris"), "FR");
        // en/0054: a news agency's country locates nothing
        assert_eq!(country_of(Language::En, "WASHINGTON (Reuters) - A U.S. official said.", "WASHINGTON"), "US");
    }

    /// Metonyms, demonyms, agencies, armed groups, media and roles resolve to one canonical
    /// actor with its country (sentences after the seed article and ar/0078, en/0054).
    #[test]
    fn actors_resolve_to_canonical_names() {
        let actors = |lang, text: &str| {
            let found = mentions_in(lang, text, |k| !matches!(k, MentionKind::Place(_)));
            found.into_iter().map(|(t, m)| (t, m.name, m.country.unwrap_or_default())).collect::<Vec<_>>()
        };
        let ar = actors(
            Language::Ar,
            "قال الجانب الإيراني إن الأمريكيين والبنتاغون والحرس الثوري وحزب الله والحوثيين. ونقلت رويترز ووكالة الأنباء السورية عن مسؤول أمريكي أن الكرملين وافق.",
        );
        let en =
            actors(Language::En, "The Kremlin said Hezbollah, the Houthis and the IDF clashed, Reuters reported, citing a U.S. official.");
        for (found, text, name, country) in [
            (&ar, "الجانب الإيراني", "Iran", "IR"),
            (&ar, "الأمريكيين", "United States", "US"),
            (&ar, "البنتاغون", "Pentagon", "US"),
            (&ar, "الحرس الثوري", "Islamic Revolutionary Guard Corps", "IR"),
            (&ar, "حزب الله", "Hezbollah", "LB"),
            (&ar, "الحوثيين", "Houthis", "YE"),
            (&ar, "رويترز", "Reuters", "GB"),
            (&ar, "وكالة الأنباء السورية", "SANA", "SY"),
            // the role takes its country from the nationality when entities are built
            (&ar, "مسؤول", "official", ""),
            (&ar, "أمريكي", "American", "US"),
            (&ar, "الكرملين", "Russia", "RU"),
            (&en, "The Kremlin", "Russia", "RU"),
            (&en, "Hezbollah", "Hezbollah", "LB"),
            (&en, "the Houthis", "Houthis", "YE"),
            (&en, "IDF", "Israeli military", "IL"),
            (&en, "Reuters", "Reuters", "GB"),
        ] {
            assert!(found.iter().any(|(t, n, c)| t == text && n == name && c == country), "{text} should be {name} ({country}): {found:?}");
        }
    }

    /// A capital standing for its country is dropped where the place is another city.
    #[test]
    fn capital_metonym_follows_the_place() {
        let lex = crate::pipeline::testing::lexicons().get(Language::Ar);
        let text = "قتل اثنان في طرابلس شمال لبنان";
        let doc = crate::pipeline::testing::before("mentions", Language::Ar, text);
        let found = find_mentions(&doc, lex, &crate::pipeline::testing::lexicons().gazetteer);
        assert!(!found.all.iter().any(|m| m.key == "country:LY"), "{:?}", found.all.iter().map(|m| &m.key).collect::<Vec<_>>());
    }
}

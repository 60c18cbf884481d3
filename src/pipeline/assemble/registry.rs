//! The entity registry: each entity once, with all its mentions and its id (`n1`, `n2` …
//! in order of first mention); roles become entities with the country they serve.

use super::{names, span_of};
use crate::pipeline::doc::Document;
use crate::pipeline::lang::grammar;
use crate::pipeline::lexicon::gazetteer::PlacePrecision;
use crate::pipeline::lexicon::{LanguageLexicons, Lexicons};
use crate::pipeline::model;
use crate::pipeline::stages::mentions::{MentionKind, Mentions};
use foldhash::{HashMap, HashMapExt, HashSet};

/// The country a role mention serves: the nationality or country right after it in Arabic
/// (مسؤول أمريكي، وزير خارجية إيران) or right before it in English (a US official).
fn role_country<'m>(doc: &Document, mentions: &'m Mentions, k: usize) -> Option<&'m str> {
    let m = &mentions.all[k];
    let after = grammar(doc.language).modifiers_follow_noun();
    // the country stands right after the role or ends right before it: a few tokens away
    let (lo, hi) = if after { (m.tokens.end, m.tokens.end) } else { (m.tokens.start.saturating_sub(MAX_COUNTRY_TOKENS), m.tokens.start) };
    let from = mentions.all.partition_point(|o| o.tokens.start < lo);
    mentions.all[from..]
        .iter()
        .take_while(|o| o.tokens.start <= hi)
        .filter(|o| !matches!(o.kind, MentionKind::Role(_) | MentionKind::Person))
        .filter(|o| if after { o.tokens.start == m.tokens.end } else { o.tokens.end == m.tokens.start })
        .find(|o| o.key.starts_with("country:"))
        .and_then(|o| o.country.as_deref())
}

/// The most tokens a country's name spans ("جمهورية الكونغو الديمقراطية", "the United Arab Emirates").
const MAX_COUNTRY_TOKENS: usize = 8;

/// The person named in the speaker words `[first, last]` or right after them, with only
/// nationality or country mentions between (the title's country).
pub(super) fn titled_person(mentions: &Mentions, first: usize, last: usize) -> Option<usize> {
    let mut next = last + 1;
    let from = mentions.all.partition_point(|m| m.tokens.start < first);
    for (k, m) in mentions.all.iter().enumerate().skip(from) {
        if m.tokens.start > next {
            break; // mentions are sorted by first token: none further can follow
        }
        match m.kind {
            MentionKind::Person => return Some(k),
            MentionKind::Nationality(_) | MentionKind::Actor(_) | MentionKind::Place(_) if m.tokens.start == next => next = m.tokens.end,
            _ => {}
        }
    }
    None
}

/// Entity ids by registry key, in order of first mention.
pub(super) struct Registry {
    ids: HashMap<String, String>,
    pub(super) entities: Vec<model::Entity>,
    /// The spans of each entity's mentions, to list each once.
    spans: Vec<HashSet<(usize, usize)>>,
    /// The entity of each mention (index into `Mentions::all`).
    by_mention: Vec<Option<String>>,
}

impl Registry {
    pub(super) fn build(doc: &Document, mentions: &Mentions, lexicons: &Lexicons, lex: &LanguageLexicons) -> Registry {
        let gazetteer = &lexicons.gazetteer;
        let mut reg = Registry { ids: HashMap::new(), entities: Vec::new(), spans: Vec::new(), by_mention: vec![None; mentions.all.len()] };
        for (k, m) in mentions.all.iter().enumerate() {
            let span = span_of(doc, m.start, m.end);
            // a role is an entity with the country it serves (مسؤول أمريكي), not on its own
            let served = matches!(m.kind, MentionKind::Role(_)).then(|| role_country(doc, mentions, k));
            let key = match served {
                Some(Some(c)) => format!("{}:{c}", m.key),
                Some(None) => continue,
                None => m.key.clone(),
            };
            if let Some(id) = reg.ids.get(&key) {
                let idx: usize = id[1..].parse::<usize>().unwrap_or(1) - 1;
                if reg.spans[idx].insert((span.start, span.end)) {
                    reg.entities[idx].mentions.push(span);
                }
                reg.by_mention[k] = Some(id.clone());
                continue;
            }
            let id = format!("n{}", reg.entities.len() + 1);
            let place_name = |p: &crate::pipeline::lexicon::gazetteer::Place| names::english(&p.id).unwrap_or(&p.name).to_string();
            let mut name_ar = None;
            let (entity_type, name, country, place, wikidata_key) = match &m.kind {
                MentionKind::Place(p) => {
                    let p = &gazetteer.places[*p];
                    let wikidata_key = if p.precision == PlacePrecision::Country { p.country.clone() } else { None };
                    (p.precision.entity_type().to_string(), place_name(p), p.country.clone(), Some(p), wikidata_key)
                }
                MentionKind::Actor(a) => {
                    let a = &lex.actors.entries()[*a];
                    let country_place =
                        if a.actor_type == "country" { a.country.as_deref().and_then(|c| gazetteer.country(c)) } else { None };
                    name_ar = names::actor_arabic(&a.id);
                    (a.actor_type.clone(), a.name.clone(), a.country.clone(), country_place, Some(a.id.clone()))
                }
                MentionKind::Nationality(c) => {
                    let place = gazetteer.country(c);
                    ("country".to_string(), place.map_or_else(|| c.clone(), place_name), Some(c.clone()), place, Some(c.clone()))
                }
                MentionKind::Role(_) => {
                    let country = served.flatten();
                    let role = m.name.replace('_', " ");
                    let name = match country.and_then(|c| gazetteer.country(c)) {
                        Some(p) => format!("{role} ({})", p.name),
                        None => role,
                    };
                    ("role".to_string(), name, country.map(str::to_string), None, None)
                }
                MentionKind::Person => ("person".to_string(), m.name.clone(), m.country.clone(), None, None),
            };
            reg.ids.insert(key, id.clone());
            reg.by_mention[k] = Some(id.clone());
            reg.spans.push(HashSet::from_iter([(span.start, span.end)]));
            reg.entities.push(model::Entity {
                id,
                entity_type,
                name,
                name_ar: name_ar.or_else(|| place.and_then(|p| names::arabic(&p.id))).map(str::to_string),
                country,
                wikidata: wikidata_key.and_then(|k| lexicons.wikidata.get(&k)).map(str::to_string),
                geonames_id: place.map(|p| p.id.clone()),
                admin1: place.and_then(|p| p.admin1.clone()),
                lat: place.map(|p| p.lat),
                lon: place.map(|p| p.lon),
                precision: place.map(|p| p.precision.as_str().to_string()),
                mentions: vec![span],
            });
        }
        reg
    }

    /// The name of the entity with id `id`.
    pub(super) fn name(&self, id: &str) -> Option<&str> {
        let idx = id.strip_prefix('n')?.parse::<usize>().ok()?.checked_sub(1)?;
        self.entities.get(idx).map(|e| e.name.as_str())
    }

    /// The Arabic name of the entity with id `id`, where known.
    pub(super) fn name_ar(&self, id: &str) -> Option<&str> {
        let idx = id.strip_prefix('n')?.parse::<usize>().ok()?.checked_sub(1)?;
        self.entities.get(idx).and_then(|e| e.name_ar.as_deref())
    }

    /// The id of the entity with registry key `key`.
    pub(super) fn id(&self, key: &str) -> Option<String> {
        self.ids.get(key).cloned()
    }

    /// The entity of mention `k`.
    pub(super) fn of(&self, k: usize) -> Option<String> {
        self.by_mention.get(k).cloned().flatten()
    }
}

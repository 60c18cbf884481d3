//! Runs the stages over one document and assembles the response types (byte offsets; the
//! caller converts them to the requested unit).

use super::dates::{TimeMention, find_times};
use super::document::Document;
use super::event_types::Frame;
use super::events::{EventInputs, cluster, find_event_mentions};
use super::lexicon::{LanguageLexicons, Lexicons};
use super::mentions::{MentionKind, Mentions, find_mentions};
use super::model::{self, Extraction, Language, OffsetUnit, Span};
use super::numbers::{CountMention, find_counts};
use super::quotes::{QuoteInputs, Resolution, find_quotes};
use chrono::NaiveDate;
use std::collections::HashMap;

fn span_of(doc: &Document, norm_start: usize, norm_end: usize) -> Span {
    let (s, e) = doc.original(norm_start, norm_end);
    Span { text: doc.text[s..e].to_string(), start: s, end: e }
}

fn token_span(doc: &Document, first: usize, last: usize) -> Span {
    let t = doc.tokens();
    span_of(doc, t[first].start, t[last].end)
}

/// The country a role mention serves: the nationality or country right after it in Arabic
/// (مسؤول أمريكي، وزير خارجية إيران) or right before it in English (a US official).
fn role_country<'m>(doc: &Document, mentions: &'m Mentions, k: usize) -> Option<&'m str> {
    let m = &mentions.all[k];
    let ar = doc.language == Language::Ar;
    mentions
        .all
        .iter()
        .filter(|o| !matches!(o.kind, MentionKind::Role(_) | MentionKind::Person))
        .filter(|o| if ar { o.first == m.last + 1 } else { o.last + 1 == m.first })
        .find(|o| o.key.starts_with("country:"))
        .and_then(|o| o.country.as_deref())
}

/// The person named in the speaker words `[first, last]` or right after them, with only
/// nationality or country mentions between (the title's country).
fn titled_person(mentions: &Mentions, first: usize, last: usize) -> Option<usize> {
    let mut next = last + 1;
    for (k, m) in mentions.all.iter().enumerate() {
        if m.first < first || m.first > next {
            continue;
        }
        match m.kind {
            MentionKind::Person => return Some(k),
            MentionKind::Nationality(_) | MentionKind::Actor(_) | MentionKind::Place(_) if m.first == next => next = m.last + 1,
            _ => {}
        }
    }
    None
}

/// Entity ids by registry key, in order of first mention.
struct Registry {
    ids: HashMap<String, String>,
    entities: Vec<model::Entity>,
    /// The entity of each mention (index into `Mentions::all`).
    by_mention: Vec<Option<String>>,
}

impl Registry {
    fn build(doc: &Document, mentions: &Mentions, lexicons: &Lexicons, lex: &LanguageLexicons) -> Registry {
        let gazetteer = &lexicons.gazetteer;
        let mut reg = Registry { ids: HashMap::new(), entities: Vec::new(), by_mention: vec![None; mentions.all.len()] };
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
                let e = &mut reg.entities[idx];
                if !e.mentions.contains(&span) {
                    e.mentions.push(span);
                }
                reg.by_mention[k] = Some(id.clone());
                continue;
            }
            let id = format!("n{}", reg.entities.len() + 1);
            let (entity_type, name, country, place, wikidata_key) = match &m.kind {
                MentionKind::Place(p) => {
                    let p = &gazetteer.places[*p];
                    let wikidata_key = if p.kind == "country" { p.country.clone() } else { None };
                    (p.kind.clone(), p.name.clone(), p.country.clone(), Some(p), wikidata_key)
                }
                MentionKind::Actor(a) => {
                    let a = &lex.actors.entries()[*a];
                    let country_place =
                        if a.actor_type == "country" { a.country.as_deref().and_then(|c| gazetteer.country(c)) } else { None };
                    (a.actor_type.clone(), a.name.clone(), a.country.clone(), country_place, Some(a.id.clone()))
                }
                MentionKind::Nationality(c) => {
                    let place = gazetteer.country(c);
                    ("country".to_string(), place.map_or_else(|| c.clone(), |p| p.name.clone()), Some(c.clone()), place, Some(c.clone()))
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
            reg.entities.push(model::Entity {
                id,
                entity_type,
                name,
                country,
                wikidata: wikidata_key.and_then(|k| lexicons.wikidata.get(&k)).map(str::to_string),
                geonames_id: place.map(|p| p.id.clone()),
                admin1: place.and_then(|p| p.admin1.clone()),
                lat: place.map(|p| p.lat),
                lon: place.map(|p| p.lon),
                mentions: vec![span],
            });
        }
        reg
    }

    fn id(&self, key: &str) -> Option<String> {
        self.ids.get(key).cloned()
    }

    /// The entity of mention `k`.
    fn of(&self, k: usize) -> Option<String> {
        self.by_mention.get(k).cloned().flatten()
    }
}

fn count_of(doc: &Document, c: &CountMention) -> model::Count {
    let s = token_span(doc, c.first, c.last);
    let (min, max) = c.bounds();
    model::Count { min, max, qualifier: c.qualifier.clone(), text: s.text, start: s.start, end: s.end }
}

fn time_of(doc: &Document, t: &TimeMention) -> model::Time {
    let s = token_span(doc, t.first, t.last);
    model::Time {
        text: s.text,
        start: s.start,
        end: s.end,
        date: t.date.map(|d| d.to_string()),
        precision: t.date.map(|_| t.precision.as_str().to_string()),
    }
}

/// The count to report for a merged event: the trigger's, unless another mention states the
/// same number exactly («تقتل 14» in the headline, «14 على الأقل» in the lede).
fn best_count(first: Option<usize>, all: impl Iterator<Item = usize>, counts: &[CountMention]) -> Option<usize> {
    let first = first?;
    let exact = all.filter(|&c| counts[c].value == counts[first].value && counts[c].qualifier == "exact").min();
    Some(exact.unwrap_or(first))
}

/// Runs every stage and builds the response (offsets in bytes).
pub fn run(doc: &Document, lexicons: &Lexicons, published: Option<NaiveDate>) -> Extraction {
    let lex = lexicons.get(doc.language);
    let gazetteer = &lexicons.gazetteer;
    let mentions = find_mentions(doc, lex, gazetteer);
    let counts = find_counts(doc, lex);
    let times = find_times(doc, lex, published);
    let quote_inputs = QuoteInputs { doc, lex, mentions: &mentions, times: times.iter().map(|t| t.first..t.last + 1).collect() };
    let quotes = find_quotes(&quote_inputs);
    let quoted: Vec<_> = quotes.iter().map(|q| q.content.0..q.content.1 + 1).collect();
    let inputs = EventInputs { doc, lex, gazetteer, mentions: &mentions, counts: &counts, times: &times, quoted: &quoted };
    let mut event_mentions = find_event_mentions(&inputs);
    let clusters = cluster(&inputs, &mut event_mentions);
    let registry = Registry::build(doc, &mentions, lexicons, lex);

    // events, numbered by first mention
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_key(|&c| clusters[c].mentions.iter().map(|&m| event_mentions[m].first).min().unwrap_or(0));
    let mut event_id = vec![String::new(); clusters.len()];
    for (n, &c) in order.iter().enumerate() {
        event_id[c] = format!("e{}", n + 1);
    }
    // each cluster's place: its trigger's, else any mention's; casualties without one take
    // the place of the strike that caused them
    let mut places: Vec<Option<usize>> = clusters
        .iter()
        .map(|cl| event_mentions[cl.trigger].location.or_else(|| cl.mentions.iter().find_map(|&m| event_mentions[m].location)))
        .collect();
    for (i, cl) in clusters.iter().enumerate() {
        if places[i].is_none()
            && let Some(cause) = cl.cause
        {
            places[i] = places[cause];
        }
    }
    let mut events = Vec::with_capacity(clusters.len());
    for &c in &order {
        let cl = &clusters[c];
        let t = &event_mentions[cl.trigger];
        let pick = |f: &dyn Fn(&super::events::EventMention) -> Option<usize>| {
            f(t).or_else(|| cl.mentions.iter().find_map(|&m| f(&event_mentions[m])))
        };
        let location = places[c].map(|li| {
            let m = &mentions.all[li];
            let s = span_of(doc, m.start, m.end);
            let p = match m.kind {
                MentionKind::Place(p) => &gazetteer.places[p],
                _ => unreachable!("locations are places"),
            };
            model::Location {
                text: s.text,
                start: s.start,
                end: s.end,
                name: p.name.clone(),
                country: p.country.clone(),
                admin1: p.admin1.clone(),
                geonames_id: Some(p.id.clone()),
                lat: p.lat,
                lon: p.lon,
                entity: registry.id(&m.key),
            }
        });
        let mut actors: Vec<model::Actor> = Vec::new();
        for &mi in &cl.mentions {
            for &(role, ai) in &event_mentions[mi].actors {
                let m = &mentions.all[ai];
                let s = span_of(doc, m.start, m.end);
                let entity = registry.of(ai);
                if actors.iter().any(|a| a.entity == entity && a.role == role) {
                    continue;
                }
                let name = entity.as_ref().and_then(|id| registry.entities.iter().find(|e| &e.id == id)).map(|e| e.name.clone());
                actors.push(model::Actor { role: role.to_string(), text: s.text, start: s.start, end: s.end, name, entity });
            }
        }
        for &mi in &cl.mentions {
            for &(role, first, last) in &event_mentions[mi].raw_actors {
                let s = token_span(doc, first, last);
                if !actors.iter().any(|a| a.start == s.start && a.end == s.end) {
                    actors.push(model::Actor {
                        role: role.to_string(),
                        text: s.text,
                        start: s.start,
                        end: s.end,
                        name: None,
                        entity: None,
                    });
                }
            }
        }
        let time = pick(&|m| m.time).map(|ti| time_of(doc, &times[ti]));
        let casualties = (t.event_type.frame == Frame::Toll).then(|| model::Casualties {
            killed: best_count(pick(&|m| m.killed), cl.mentions.iter().filter_map(|&m| event_mentions[m].killed), &counts)
                .map(|ci| count_of(doc, &counts[ci])),
            injured: best_count(pick(&|m| m.injured), cl.mentions.iter().filter_map(|&m| event_mentions[m].injured), &counts)
                .map(|ci| count_of(doc, &counts[ci])),
        });
        let mut mention_spans: Vec<(usize, Span)> = cl
            .mentions
            .iter()
            .filter(|&&m| m != cl.trigger)
            .map(|&m| (event_mentions[m].first, span_of(doc, event_mentions[m].span.0, event_mentions[m].span.1)))
            .collect();
        mention_spans.sort_by_key(|m| m.0);
        let has_count = casualties.as_ref().is_some_and(|c| c.killed.is_some() || c.injured.is_some());
        let mut confidence = 0.45 + 0.1 * f64::from(t.weight);
        if location.is_some() {
            confidence += 0.1;
        }
        if !actors.is_empty() || has_count {
            confidence += 0.08;
        }
        if cl.mentions.len() > 1 {
            confidence += 0.05;
        }
        if t.modality == super::lexicon::Modality::Uncertain {
            confidence *= 0.8;
        }
        events.push(model::Event {
            id: event_id[c].clone(),
            event_type: t.event_type.name.to_string(),
            subtype: t.subtype.clone(),
            trigger: span_of(doc, t.span.0, t.span.1),
            mentions: mention_spans.into_iter().map(|m| m.1).collect(),
            sentence: t.sentence,
            modality: t.modality.as_str().to_string(),
            actors,
            location,
            time,
            weapon: lexicons.event_types.weapon(&t.event_type, t.subtype.as_deref()).map(str::to_string),
            casualties,
            cause: cl.cause.map(|k| event_id[k].clone()),
            confidence: (confidence.min(0.97) * 100.0).round() / 100.0,
        });
    }

    let quotes = quotes
        .iter()
        .enumerate()
        .map(|(n, q)| model::Quote {
            id: format!("q{}", n + 1),
            kind: q.kind.to_string(),
            content: token_span(doc, q.content.0, q.content.1),
            cue: q.cue.map(|(a, b)| token_span(doc, a, b)),
            speaker: q.speaker.as_ref().map(|s| {
                // a named person in or right after the speaker's words is who speaks:
                // «وزير الخارجية السوداني إبراهيم غندور»
                let person = titled_person(&mentions, s.first, s.last);
                let last = person.map_or(s.last, |p| s.last.max(mentions.all[p].last));
                let span = token_span(doc, s.first, last);
                let mi = person.or(s.mention);
                let m = mi.map(|mi| &mentions.all[mi]);
                model::Speaker {
                    text: span.text,
                    start: span.start,
                    end: span.end,
                    name: m.map(|m| m.name.clone()),
                    resolution: match s.resolution {
                        Resolution::Explicit => "explicit",
                        Resolution::Implicit => "implicit",
                        Resolution::Headline => "headline",
                    }
                    .to_string(),
                    entity: mi.and_then(|mi| registry.of(mi)),
                }
            }),
            via: q.via.map(|(a, b)| token_span(doc, a, b)),
            sentence: q.sentence,
        })
        .collect();

    Extraction { id: None, language: doc.language, offsets: OffsetUnit::Bytes, events, quotes, entities: registry.entities }
}

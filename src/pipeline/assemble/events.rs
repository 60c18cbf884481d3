//! Events of the response: one per cluster, numbered by first mention, with the arguments
//! gathered from all of its mentions.

use super::registry::Registry;
use super::{span_of, token_span};
use crate::pipeline::doc::Document;
use crate::pipeline::lexicon::event_types::Frame;
use crate::pipeline::lexicon::{Lexicons, Modality};
use crate::pipeline::model::{self, Span};
use crate::pipeline::stages::dates::TimeMention;
use crate::pipeline::stages::events::{EventCluster, EventMention};
use crate::pipeline::stages::mentions::MentionKind;
use crate::pipeline::stages::numbers::CountMention;

fn count_of(doc: &Document, c: &CountMention) -> model::Count {
    let s = token_span(doc, c.tokens);
    let (min, max) = c.bounds();
    model::Count { min, max, qualifier: c.qualifier.clone(), text: s.text, start: s.start, end: s.end }
}

fn time_of(doc: &Document, t: &TimeMention) -> model::Time {
    let s = token_span(doc, t.tokens);
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

/// The events of `doc`'s clusters, in order of first mention.
pub(super) fn events(doc: &Document, lexicons: &Lexicons, registry: &Registry) -> Vec<model::Event> {
    let (clusters, event_mentions) = (&doc.clusters, &doc.event_mentions);
    // events, numbered by first mention
    let mut order: Vec<usize> = (0..clusters.len()).collect();
    order.sort_by_key(|&c| clusters[c].mentions.iter().map(|&m| event_mentions[m].tokens.start).min().unwrap_or(0));
    let mut event_id = vec![String::new(); clusters.len()];
    for (n, &c) in order.iter().enumerate() {
        event_id[c] = format!("e{}", n + 1);
    }
    // each cluster's place: its trigger's, else any mention's; casualties without one take
    // the place of the strike that caused them
    let mut places: Vec<Option<usize>> = clusters.iter().map(|cl| own_place(cl, event_mentions)).collect();
    for (i, cl) in clusters.iter().enumerate() {
        if places[i].is_none()
            && let Some(cause) = cl.cause
        {
            places[i] = places[cause];
        }
    }
    let mut events = Vec::with_capacity(clusters.len());
    for &c in &order {
        let ids = |k: usize| event_id[k].clone();
        events.push(event(doc, lexicons, registry, c, places[c], &ids));
    }
    events
}

/// The place a cluster's location is read from: a place read beside its trigger, else
/// beside any mention, before a place a mention took from a neighbour («تصدت لهجوم عنيف»
/// after a sentence in Tripoli does not move the Benghazi attack).
fn own_place(cl: &EventCluster, event_mentions: &[EventMention]) -> Option<usize> {
    let read = |m: &EventMention| m.location.filter(|_| !m.inherited);
    let trigger = &event_mentions[cl.trigger];
    read(trigger)
        .or_else(|| cl.mentions.iter().find_map(|&m| read(&event_mentions[m])))
        .or(trigger.location)
        .or_else(|| cl.mentions.iter().find_map(|&m| event_mentions[m].location))
}

/// The location of mention `li` (a place).
fn location(doc: &Document, lexicons: &Lexicons, registry: &Registry, li: usize) -> model::Location {
    let m = &doc.mentions.all[li];
    let s = span_of(doc, m.start, m.end);
    let p = match m.kind {
        MentionKind::Place(p) => &lexicons.gazetteer.places[p],
        _ => unreachable!("locations are places"),
    };
    model::Location {
        text: s.text,
        start: s.start,
        end: s.end,
        name: super::names::english(&p.id).unwrap_or(&p.name).to_string(),
        name_ar: super::names::arabic(&p.id).map(str::to_string),
        country: p.country.clone(),
        admin1: p.admin1.clone(),
        geonames_id: Some(p.id.clone()),
        lat: p.lat,
        lon: p.lon,
        precision: p.precision.as_str().to_string(),
        entity: registry.id(&m.key),
    }
}

/// The actors of all of a cluster's mentions, each entity once per role.
fn actors(doc: &Document, registry: &Registry, cl: &EventCluster) -> Vec<model::Actor> {
    let (mentions, event_mentions) = (&doc.mentions, &doc.event_mentions);
    let mut actors: Vec<model::Actor> = Vec::new();
    for &mi in &cl.mentions {
        for &(role, ai) in &event_mentions[mi].actors {
            let m = &mentions.all[ai];
            let s = span_of(doc, m.start, m.end);
            let entity = registry.of(ai);
            if actors.iter().any(|a| a.entity == entity && a.role == role) {
                continue;
            }
            let name = entity.as_deref().and_then(|id| registry.name(id)).map(str::to_string);
            let name_ar = entity.as_deref().and_then(|id| registry.name_ar(id)).map(str::to_string);
            actors.push(model::Actor { role: role.to_string(), text: s.text, start: s.start, end: s.end, name, name_ar, entity });
        }
    }
    for &mi in &cl.mentions {
        for &(role, tokens) in &event_mentions[mi].raw_actors {
            let s = token_span(doc, tokens);
            if !actors.iter().any(|a| a.start == s.start && a.end == s.end) {
                let (name, name_ar, entity) = (None, None, None);
                actors.push(model::Actor { role: role.to_string(), text: s.text, start: s.start, end: s.end, name, name_ar, entity });
            }
        }
    }
    actors
}

/// How strongly the evidence supports the event, 0–1.
fn confidence(t: &EventMention, cl: &EventCluster, located: bool, has_arguments: bool) -> f64 {
    let mut confidence = 0.45 + 0.1 * f64::from(t.weight);
    if located {
        confidence += 0.1;
    }
    if has_arguments {
        confidence += 0.08;
    }
    if cl.mentions.len() > 1 {
        confidence += 0.05;
    }
    if t.modality == Modality::Uncertain {
        confidence *= 0.8;
    }
    (confidence.min(0.97) * 100.0).round() / 100.0
}

/// One event of the response.
fn event(
    doc: &Document,
    lexicons: &Lexicons,
    registry: &Registry,
    c: usize,
    place: Option<usize>,
    ids: &dyn Fn(usize) -> String,
) -> model::Event {
    let (event_mentions, counts, times) = (&doc.event_mentions, &doc.counts, &doc.times);
    let cl = &doc.clusters[c];
    let t = &event_mentions[cl.trigger];
    let pick = |f: &dyn Fn(&EventMention) -> Option<usize>| f(t).or_else(|| cl.mentions.iter().find_map(|&m| f(&event_mentions[m])));
    let location = place.map(|li| location(doc, lexicons, registry, li));
    let actors = actors(doc, registry, cl);
    let time = pick(&|m| m.time).map(|ti| time_of(doc, &times[ti]));
    let casualties = (t.event_type.frame == Frame::Toll).then(|| model::Casualties {
        killed: best_count(pick(&|m| m.killed), cl.mentions.iter().filter_map(|&m| event_mentions[m].killed), counts)
            .map(|ci| count_of(doc, &counts[ci])),
        injured: best_count(pick(&|m| m.injured), cl.mentions.iter().filter_map(|&m| event_mentions[m].injured), counts)
            .map(|ci| count_of(doc, &counts[ci])),
    });
    let mut mention_spans: Vec<(usize, Span)> = cl
        .mentions
        .iter()
        .filter(|&&m| m != cl.trigger)
        .map(|&m| (event_mentions[m].tokens.start, span_of(doc, event_mentions[m].span.0, event_mentions[m].span.1)))
        .collect();
    mention_spans.sort_by_key(|m| m.0);
    let has_count = casualties.as_ref().is_some_and(|c| c.killed.is_some() || c.injured.is_some());
    model::Event {
        id: ids(c),
        event_type: t.event_type.name.to_string(),
        subtype: t.subtype.clone(),
        trigger: span_of(doc, t.span.0, t.span.1),
        mentions: mention_spans.into_iter().map(|m| m.1).collect(),
        sentence: t.sentence,
        modality: t.modality.as_str().to_string(),
        confidence: confidence(t, cl, location.is_some(), !actors.is_empty() || has_count),
        actors,
        location,
        time,
        weapon: lexicons.event_types.weapon(&t.event_type, t.subtype.as_deref()).map(str::to_string),
        casualties,
        cause: cl.cause.map(ids),
        background: cl.mentions.iter().all(|&m| event_mentions[m].background),
    }
}

#[cfg(test)]
mod tests {
    use crate::pipeline::Pipeline;
    use crate::pipeline::model::{ExtractRequest, Location};
    use std::sync::LazyLock;

    static PIPELINE: LazyLock<Pipeline> = LazyLock::new(|| Pipeline::load(None, 200_000).expect("the embedded lexicons load"));

    /// The location of the first event of `text` that has one.
    fn first_location(text: &str) -> Location {
        let req = ExtractRequest { text: text.to_string(), ..Default::default() };
        let answer = PIPELINE.extract(&req).unwrap();
        answer.events.into_iter().find_map(|e| e.location).unwrap_or_else(|| panic!("no event of {text:?} has a location"))
    }

    #[test]
    fn a_place_read_beside_a_mention_beats_one_taken_from_a_neighbour() {
        // (text, language, the first event's place): the repelled attack after the Tripoli
        // sentence is the Benghazi attack, and takes nothing from Tripoli
        let cases = [
            (
                "قتال عنيف في بنغازي\n\nقال مسؤولون عسكريون إن القوات الخاصة تعرضت لهجوم شنه مسلحون على منطقة في مدينة بنغازي يوم الاثنين. وذكر مصدر أن قنبلة انفجرت في شقة سكنية في طرابلس يوم الاثنين. وقال الناطق إن القوات الخاصة تصدت لهجوم عنيف.",
                "ar",
            ),
            (
                "Heavy fighting in Benghazi\n\nMilitary officials said special forces came under an attack by militants on a district of Benghazi on Monday. A bomb exploded in a flat in Tripoli on Monday, a source said. The spokesman said special forces repelled a violent attack.",
                "en",
            ),
        ];
        for (text, language) in cases {
            let req = ExtractRequest { text: text.to_string(), language: Some(language.to_string()), ..Default::default() };
            let answer = PIPELINE.extract(&req).unwrap();
            let first = answer.events.first().and_then(|e| e.location.as_ref()).map(|l| l.name.clone());
            assert_eq!(first.as_deref(), Some("Benghazi"), "{text:?}");
        }
    }

    #[test]
    fn every_location_says_how_precise_it_is() {
        // (text, the location's English name, precision)
        let cases = [
            ("غارة على البوكمال", "Abu Kamal", "city"),
            ("قتل خمسة أشخاص في غارة في محافظة دير الزور", "Deir ez-Zor province", "region"),
            ("قصفت الطائرات قرى في ريف حلب الغربي", "Aleppo countryside", "region"),
            ("اجتماع في سوريا", "Syria", "country"),
            ("عقد اجتماع في الشرق الأوسط", "Middle East", "area"),
            ("An airstrike hit Aleppo on Monday.", "Aleppo", "city"),
            ("The ministers held talks in the United States.", "United States", "country"),
            ("Leaders met in the Middle East on Monday.", "Middle East", "area"),
            ("عقد اجتماع في أمريكا الجنوبية", "South America", "area"),
            ("Leaders met in South America on Monday.", "South America", "area"),
        ];
        for (text, name, precision) in cases {
            let l = first_location(text);
            assert_eq!((l.name.as_str(), l.precision.as_str()), (name, precision), "{text}");
        }
    }

    #[test]
    fn a_country_lies_at_its_own_centre_not_at_one_of_its_cities() {
        // (text, ISO code, GeoNames' own point for the country, how far the data's point may be
        // from it in degrees of lat and lon): the data has Natural Earth's label points, Syria
        // 35.01, 38.28 and the United States 39.54, -97.48; the median of their cities put them
        // at 35.07, 36.57 (west of Hama) and 39.56, -86.78 (Indiana)
        let cases = [
            ("اجتماع في سوريا", "SY", (35.0, 38.0), (1.0, 1.0)),
            ("The ministers held talks in the United States.", "US", (39.76, -98.5), (1.0, 1.5)),
            ("عقد اجتماع في الصين", "CN", (35.0, 105.0), (3.0, 1.5)),
        ];
        for (text, code, (lat, lon), (dlat, dlon)) in cases {
            let l = first_location(text);
            assert_eq!((l.country.as_deref(), l.precision.as_str()), (Some(code), "country"), "{text}");
            assert!((l.lat - lat).abs() < dlat && (l.lon - lon).abs() < dlon, "{text}: {} {}", l.lat, l.lon);
        }
    }

    #[test]
    fn the_united_states_is_not_in_indiana() {
        // the median of its cities put the country at 39.56, -86.78 (Indiana: 37.8–41.8 N, 84.8–88.1 W)
        for text in ["The ministers held talks in the United States.", "عقد اجتماع في الولايات المتحدة"] {
            let us = first_location(text);
            assert_eq!(us.geonames_id.as_deref(), Some("6252001"), "{text}");
            assert!(!(37.7..=41.8).contains(&us.lat) || !(-88.1..=-84.7).contains(&us.lon), "{text}: {} {}", us.lat, us.lon);
            assert!(us.lon < -90.0, "{text}: the centre is west of the Mississippi, not at {}", us.lon);
        }
    }

    #[test]
    fn place_entities_carry_the_precision_and_keep_their_type() {
        let req = ExtractRequest {
            text: "عقد اجتماع في الشرق الأوسط بعد غارة على البوكمال".to_string(), ..Default::default()
        };
        let answer = PIPELINE.extract(&req).unwrap();
        let of = |name: &str| {
            let n = answer.entities.iter().find(|n| n.name == name).unwrap_or_else(|| panic!("no entity {name}"));
            (n.entity_type.clone(), n.precision.clone())
        };
        // an area is still an entity of type `region` (the contract's place types)
        assert_eq!(of("Middle East"), ("region".to_string(), Some("area".to_string())));
        assert_eq!(of("Abu Kamal"), ("city".to_string(), Some("city".to_string())));
    }
}

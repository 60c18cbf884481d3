//! Quotes of the response, with the speaker widened to the titled person it names.

use super::registry::{Registry, titled_person};
use super::token_span;
use crate::pipeline::doc::Document;
use crate::pipeline::model;
use crate::pipeline::stages::quotes::Resolution;

/// The quotes of `doc`, numbered in text order.
pub(super) fn quotes(doc: &Document, registry: &Registry) -> Vec<model::Quote> {
    let mentions = &doc.mentions;
    doc.quotes
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
                let person = titled_person(mentions, s.first, s.last);
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
        .collect()
}

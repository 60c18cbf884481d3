//! Quotes of the response, with the speaker widened to the titled person it names.

use super::registry::{Registry, titled_person};
use super::token_span;
use crate::pipeline::doc::Document;
use crate::pipeline::doc::TokenSpan;
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
            content: token_span(doc, q.content),
            cue: q.cue.map(|span| token_span(doc, span)),
            speaker: q.speaker.as_ref().map(|s| {
                // a named person in or right after the speaker's words is who speaks:
                // «وزير الخارجية السوداني إبراهيم غندور»
                let person = titled_person(mentions, s.tokens.start, s.tokens.last());
                let last = person.map_or(s.tokens.last(), |p| s.tokens.last().max(mentions.all[p].tokens.last()));
                let span = token_span(doc, TokenSpan::inclusive(s.tokens.start, last));
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
            via: q.via.map(|span| token_span(doc, span)),
            sentence: q.sentence,
        })
        .collect()
}

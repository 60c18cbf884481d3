//! Output bounded by configuration: an answer holds at most `[limits] max_events`,
//! `max_quotes` and `max_entities`; beyond them the rest is dropped and the answer says
//! `truncated: true`, instead of growing with whatever the text provokes.

use crate::pipeline::model::Extraction;
use crate::settings::LimitSettings;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use utoipa::ToSchema;

/// The version of the answer's schema: the major version changes only with the API's
/// (`/v1`), the minor one when fields are added. `/v1/info` and every answer carry it.
pub const SCHEMA_VERSION: &str = "1.2";

/// The answer to one article: the extraction, and whether a cap cut it short.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
pub struct Answer {
    /// The version of this answer's schema ([`SCHEMA_VERSION`]; `1.1` is the first to
    /// carry it).
    #[schema(examples("1.2"))]
    pub schema_version: String,
    /// The extraction (its fields appear at the top level).
    #[serde(flatten)]
    pub extraction: Extraction,
    /// Present and true when events, quotes or entities beyond the configured caps were
    /// dropped; absent otherwise.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub truncated: bool,
}

/// Caps `x` by `limits`: keeps the first `max_events` events, `max_quotes` quotes and
/// `max_entities` entities, and clears the references (`entity`, `cause`) that would point
/// at a dropped item, so the answer stays self-consistent.
pub fn cap(mut x: Extraction, limits: &LimitSettings) -> Answer {
    let truncated = x.events.len() > limits.max_events || x.quotes.len() > limits.max_quotes || x.entities.len() > limits.max_entities;
    if !truncated {
        return Answer { schema_version: SCHEMA_VERSION.to_string(), extraction: x, truncated };
    }
    x.events.truncate(limits.max_events);
    x.quotes.truncate(limits.max_quotes);
    x.entities.truncate(limits.max_entities);
    let entities: HashSet<String> = x.entities.iter().map(|e| e.id.clone()).collect();
    let events: HashSet<String> = x.events.iter().map(|e| e.id.clone()).collect();
    let keep = |r: &mut Option<String>, ids: &HashSet<String>| {
        if r.as_ref().is_some_and(|id| !ids.contains(id)) {
            *r = None;
        }
    };
    for e in &mut x.events {
        for a in &mut e.actors {
            keep(&mut a.entity, &entities);
        }
        if let Some(l) = &mut e.location {
            keep(&mut l.entity, &entities);
        }
        keep(&mut e.cause, &events);
    }
    for q in &mut x.quotes {
        if let Some(s) = &mut q.speaker {
            keep(&mut s.entity, &entities);
        }
    }
    Answer { schema_version: SCHEMA_VERSION.to_string(), extraction: x, truncated }
}

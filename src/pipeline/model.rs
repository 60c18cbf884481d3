//! The serde types of the v1 contract (`API.md`): the request a client sends and the
//! extraction it gets back. Every span is reported against the submitted text in the unit
//! the client asked for (`chars`, `utf16` or `bytes`).

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Languages the pipeline understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Modern Standard Arabic.
    Ar,
    /// English.
    En,
}

impl Language {
    /// The ISO 639-1 code.
    pub fn code(self) -> &'static str {
        match self {
            Language::Ar => "ar",
            Language::En => "en",
        }
    }
}

/// The unit in which offsets are counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum OffsetUnit {
    /// Unicode scalar values (code points); the default.
    #[default]
    Chars,
    /// UTF-16 code units, as JavaScript strings index.
    Utf16,
    /// UTF-8 bytes.
    Bytes,
}

/// One article to extract from (`POST /v1/extract` body, one item of a batch).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExtractRequest {
    /// The article text.
    pub text: String,
    /// Optional client id, echoed back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `ar`, `en` or `auto` (the default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// `YYYY-MM-DD` or RFC 3339: anchors relative dates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    /// `chars` (default), `utf16` or `bytes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offsets: Option<OffsetUnit>,
}

/// A piece of the submitted text: `text[start..end] == text`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Span {
    /// The covered text, exactly as submitted.
    pub text: String,
    /// Start offset (inclusive).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
}

/// An event participant with its role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Actor {
    /// `attacker`, `target`, `participant` or `victim`.
    pub role: String,
    /// The mention in the text.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Canonical English name, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The entity's Arabic name, where known (schema 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ar: Option<String>,
    /// Id of the entity in `entities`, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// Where an event happened, resolved through the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Location {
    /// The mention in the text.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The English name news uses, without transliteration marks ("Abu Kamal").
    pub name: String,
    /// The Arabic name, where known (schema 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ar: Option<String>,
    /// ISO 3166-1 alpha-2 country code, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// First-level administrative division code (GeoNames admin1), where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// GeoNames id (or `x:` id of a hand-kept place).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<String>,
    /// Latitude in degrees (a country's is a centre of the country, never one of its cities).
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// What the place is, and so how precise `lat`/`lon` are (schema 1.2): `site` (a named facility),
    /// `city`, `region` (a first-level division or a named part of a country), `country` or
    /// `area` (supranational or vague: the Levant, the Middle East).
    pub precision: String,
    /// Id of the entity in `entities`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// When an event happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Time {
    /// The mention in the text.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// The resolved date (`YYYY-MM-DD`), when the text and `published_at` allow; for a week,
    /// month or year it is the period's first day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What `date` stands for: `day`, `week`, `month` or `year`; present with `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<String>,
}

/// A count of people with its qualifier (`GUIDELINES.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Count {
    /// Lower bound, when the text gives one.
    pub min: Option<u64>,
    /// Upper bound, when the text gives one.
    pub max: Option<u64>,
    /// `exact`, `at_least`, `up_to`, `about`, `more_than` or `vague`.
    pub qualifier: String,
    /// The count phrase in the text.
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// People killed and injured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Casualties {
    /// People killed.
    pub killed: Option<Count>,
    /// People injured.
    pub injured: Option<Count>,
}

/// One real-world happening the article reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Event {
    /// `e1`, `e2`, … in order of first mention.
    pub id: String,
    /// One of the types of `config/event_types.tsv` (`meeting`, `strike`, `casualties`,
    /// `agreement`, `protest`, `arrest`, `threat`; `/v1/info` lists them).
    #[serde(rename = "type")]
    pub event_type: String,
    /// A finer kind (`airstrike`, `talks`, …), when the trigger says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// The most specific mention.
    pub trigger: Span,
    /// The other mentions of the same happening.
    pub mentions: Vec<Span>,
    /// Index of the trigger's sentence (0-based).
    pub sentence: usize,
    /// `asserted`, `reported`, `uncertain`, `planned`, `negated` or `hypothetical`.
    pub modality: String,
    /// Who took part, with roles.
    pub actors: Vec<Actor>,
    /// Where it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// When it happened.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<Time>,
    /// The weapon (`aircraft`, `drone`, `missile`, `rocket`, `artillery`, `explosive`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weapon: Option<String>,
    /// Killed and injured counts (casualties events).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub casualties: Option<Casualties>,
    /// Id of the event that caused this one (casualties → strike).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cause: Option<String>,
    /// True when the article gives the event only as the setting of its news (a reaction to
    /// it, a trial or investigation about it, an anniversary, a comparison, "since the 2014
    /// war"): none of its mentions reports it as news. Absent when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub background: bool,
    /// Strength of the evidence, 0–1.
    pub confidence: f64,
}

/// Who said a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Speaker {
    /// The mention in the text (for an implicit speaker, the earlier mention it refers to).
    pub text: String,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Canonical English name, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `explicit`, `implicit` or `headline`.
    pub resolution: String,
    /// Id of the entity in `entities`, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
}

/// Speech or writing the article attributes to a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Quote {
    /// `q1`, `q2`, … in text order.
    pub id: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: String,
    /// The reported words.
    pub content: Span,
    /// The speech cue (verb or "according to").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Span>,
    /// Who said it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<Speaker>,
    /// Who relayed it (نقلت رويترز عن …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub via: Option<Span>,
    /// Index of the sentence the quote starts in.
    pub sentence: usize,
}

/// A place or actor the article mentions, with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Entity {
    /// `n1`, `n2`, …
    pub id: String,
    /// `country`, `city`, `region`, `organization`, `armed_group`, `media`, `person` or `role`.
    #[serde(rename = "type")]
    pub entity_type: String,
    /// Canonical English name; for places the one news uses, without transliteration marks.
    pub name: String,
    /// The Arabic name of places and actors, where known (schema 1.1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_ar: Option<String>,
    /// ISO 3166-1 alpha-2 country code, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Wikidata id (`Q794`) for countries and the actors that have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// GeoNames id for places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<String>,
    /// First-level administrative division code (GeoNames admin1) for places, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    /// Latitude for places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude for places.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// For places, what the place is, as a location's `precision` says (schema 1.2; `site`, `city`,
    /// `region`, `country` or `area`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<String>,
    /// Every mention in the text.
    pub mentions: Vec<Span>,
}

/// The answer for one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ToSchema)]
pub struct Extraction {
    /// The request's id, echoed back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The language the article was read as.
    pub language: Language,
    /// The unit of every offset in this answer.
    pub offsets: OffsetUnit,
    /// Events in order of first mention.
    pub events: Vec<Event>,
    /// Quotes in text order.
    pub quotes: Vec<Quote>,
    /// Places and actors mentioned.
    pub entities: Vec<Entity>,
}

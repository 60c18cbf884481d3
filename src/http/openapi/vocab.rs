//! The closed sets of the answer, as the OpenAPI document's enums. Each comes from the
//! pipeline's own type where it has one (an exhaustive `match` here stops the build when a
//! variant is added without its name), or from the table the pipeline reads
//! (`config/event_types.tsv` for event types and weapons); the rest are the contract's
//! lists, which a test holds against real answers.

use crate::pipeline::lexicon::Modality;
use crate::pipeline::lexicon::event_types::EventTypes;
use crate::pipeline::lexicon::gazetteer::PlacePrecision;
use crate::pipeline::stages::dates::Precision;
use crate::pipeline::stages::quotes::Resolution;

/// Every modality, in the contract's order.
fn modalities() -> Vec<&'static str> {
    use Modality::*;
    let all = [Asserted, Reported, Uncertain, Planned, Negated, Hypothetical];
    // exhaustive: a new variant must be listed above
    let _ = |m: Modality| match m {
        Asserted | Reported | Uncertain | Planned | Negated | Hypothetical => (),
    };
    all.map(Modality::as_str).to_vec()
}

/// Every time precision.
fn precisions() -> Vec<&'static str> {
    use Precision::*;
    let all = [Day, Week, Month, Year];
    let _ = |p: Precision| match p {
        Day | Week | Month | Year => (),
    };
    all.map(Precision::as_str).to_vec()
}

/// Every place precision (the gazetteer's kinds).
fn place_precisions() -> Vec<&'static str> {
    use PlacePrecision::*;
    let all = [Site, City, Region, Country, Area];
    let _ = |p: PlacePrecision| match p {
        Site | City | Region | Country | Area => (),
    };
    all.map(PlacePrecision::as_str).to_vec()
}

/// Every speaker resolution.
fn resolutions() -> Vec<&'static str> {
    let name = |r: Resolution| match r {
        Resolution::Explicit => "explicit",
        Resolution::Implicit => "implicit",
        Resolution::Headline => "headline",
    };
    [Resolution::Explicit, Resolution::Implicit, Resolution::Headline].map(name).to_vec()
}

/// Actor roles.
pub const ROLES: &[&str] = &["attacker", "target", "participant", "victim"];
/// Quote kinds.
pub const QUOTE_KINDS: &[&str] = &["direct", "indirect", "mixed"];
/// Count qualifiers (the values `qualifiers.tsv` may use).
pub const QUALIFIERS: &[&str] = &["exact", "at_least", "up_to", "about", "more_than", "vague"];
/// Entity types: the place types of the gazetteer's precisions ([`PlacePrecision::entity_type`]), the
/// actor types of `actors.tsv`, and roles.
pub const ENTITY_TYPES: &[&str] = &["country", "city", "region", "organization", "armed_group", "media", "person", "role"];
/// Request languages.
pub const REQUEST_LANGUAGES: &[&str] = &["ar", "en", "auto"];

/// One enum of the document: the schema, its property, and the values.
pub struct ClosedSet {
    /// The component schema.
    pub schema: &'static str,
    /// The property of that schema.
    pub property: &'static str,
    /// The values.
    pub values: Vec<String>,
}

fn set(schema: &'static str, property: &'static str, values: impl IntoIterator<Item = impl Into<String>>) -> ClosedSet {
    ClosedSet { schema, property, values: values.into_iter().map(Into::into).collect() }
}

/// Every closed set of the request and the answer; event types and weapons from `types`.
pub fn closed_sets(types: &EventTypes) -> Vec<ClosedSet> {
    vec![
        set("Event", "type", types.names()),
        set("Event", "modality", modalities()),
        set("Event", "weapon", types.weapon_names()),
        set("Actor", "role", ROLES.iter().copied()),
        set("Quote", "kind", QUOTE_KINDS.iter().copied()),
        set("Speaker", "resolution", resolutions()),
        set("Count", "qualifier", QUALIFIERS.iter().copied()),
        set("Time", "precision", precisions()),
        set("Location", "precision", place_precisions()),
        set("Entity", "precision", place_precisions()),
        set("Entity", "type", ENTITY_TYPES.iter().copied()),
        set("ExtractRequest", "language", REQUEST_LANGUAGES.iter().copied()),
    ]
}

//! The text layer: normalisation for matching with a map back to the submitted text
//! ([`normalise`]), tokens and sentences ([`segment`]), and the conversion of spans to the
//! offset unit a client asked for ([`offsets`]).

pub mod normalise;
pub mod offsets;
pub mod segment;
